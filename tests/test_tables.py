"""Static tables: what a table shows is the data in Dutch formats, with names shown as written."""

from __future__ import annotations

import pandas as pd

from tests.apptest_helpers import parse_tables
from ui.tables import display_cells, escape_markdown, table_markup


def test_numbers_text_and_links_in_dutch():
    frame = pd.DataFrame(
        {
            "Wijk": ["Vijfhoek *oud*", "Schalkwijk_2000 <b>[$]</b>"],
            "Projecten": [1234, 5],
            "Aandeel": [12.25, None],
            "Budget": ["€ 250.000", "€ -1.250"],
            "Afgerond": [True, False],
            "Profiel": ["wijkprofiel?wijk=A&peildatum=2009-10-01", None],
        }
    )
    markup = table_markup(frame, "Per wijk", links={"Profiel": "Wijkprofiel openen"})
    [shown] = parse_tables(markup).values()
    assert shown.iloc[0].tolist() == ["Vijfhoek *oud*", "1.234", "12,3", "€ 250.000", "ja", "Wijkprofiel openen"]
    assert shown.iloc[1].tolist() == ["Schalkwijk_2000 <b>[$]</b>", "5", "–", "€ -1.250", "nee", "–"]
    assert "<b>" not in markup  # shown as typed, never as markup
    link = '<a href="wijkprofiel?wijk=A&amp;peildatum=2009-10-01" target="_blank" rel="noopener noreferrer">'
    assert f"<td>{link}Wijkprofiel openen</a></td>" in markup
    # numbers and amounts align right; names, yes/no and links left
    assert display_cells(frame, {"Profiel": "x"})[1] == [False, True, True, True, False, False]
    assert markup.count('<th scope="col" class="wd-num">') == 3


def test_signed_amounts_percentages_and_counts_align_right_but_not_mixed_text():
    frame = pd.DataFrame(
        {
            "Doelen": ["3 van 5", "–"],
            "Prioriteit": ["1", "–"],
            "Aandeel": ["12,5%", "100%"],
            "Verschil": ["+ € 1.250", "− € 300"],
        }
    )
    assert display_cells(frame)[1] == [False, True, True, True]


def test_missing_values_of_every_kind_show_as_a_dash():
    frame = pd.DataFrame({"Aantal": pd.array([1, None], dtype="Int64"), "Ja": pd.array([True, None], dtype="boolean")})
    assert display_cells(frame)[0].iloc[1].tolist() == ["–", "–"]


def test_line_breaks_and_markdown_in_names_stay_plain_text_on_one_line():
    frame = pd.DataFrame({"Scenario *A*": ["1. Eerst dit\n- dan dat", "+ plus :red[rood] :smile:"]})
    [shown] = parse_tables(table_markup(frame, "Scenario's")).values()
    assert list(shown.columns) == ["Scenario *A*"]
    assert shown.iloc[:, 0].tolist() == ["1. Eerst dit - dan dat", "+ plus :red[rood] :smile:"]


def test_escape_markdown_leaves_ordinary_text_alone_and_breaks_markdown_blocks_and_directives():
    plain = "Centrum (Vijfhoek/Raaks) - 2e fase, € 1.000 & Wonen: 5"
    assert escape_markdown(plain) == plain
    assert escape_markdown(None) == "–"
    assert escape_markdown("1. Eerst *dit*\n- dan :red[dat]") == "1\\. Eerst \\*dit\\* - dan :\u2060red\\[dat\\]"
