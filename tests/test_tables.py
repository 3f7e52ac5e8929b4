"""Static tables: what st.table shows is the data in Dutch formats, with names shown as written."""

from __future__ import annotations

import re

import pandas as pd

from ui.tables import ALIGNMENT_CSS, escape_markdown, markdown_cells


def test_numbers_text_and_links_in_dutch():
    frame = pd.DataFrame(
        {
            "Wijk": ["Vijfhoek *oud*", "Schalkwijk_2000 [$]"],
            "Projecten": [1234, 5],
            "Aandeel": [12.25, None],
            "Budget": ["€ 250.000", "€ -1.250"],
            "Afgerond": [True, False],
            "Profiel": ["wijkprofiel?wijk=A", None],
        }
    )
    shown, right = markdown_cells(frame, links={"Profiel": "Wijkprofiel openen"})
    assert shown.iloc[0].tolist() == [
        r"Vijfhoek \*oud\*",
        "1.234",
        "12,3",
        "€ 250.000",
        "ja",
        "[Wijkprofiel openen](wijkprofiel?wijk=A)",
    ]
    assert shown.iloc[1].tolist() == [r"Schalkwijk\_2000 \[\$\]", "5", "–", "€ -1.250", "nee", "–"]
    assert right == [1, 2, 3]  # numbers and amounts align right; names, yes/no and links left


def test_signed_amounts_percentages_and_counts_align_right_but_not_mixed_text():
    frame = pd.DataFrame(
        {
            "Doelen": ["3 van 5", "–"],
            "Prioriteit": ["1", "–"],
            "Aandeel": ["12,5%", "100%"],
            "Verschil": ["+ € 1.250", "− € 300"],
        }
    )
    assert markdown_cells(frame)[1] == [1, 2, 3]


def test_missing_values_of_every_kind_show_as_a_dash():
    frame = pd.DataFrame({"Aantal": pd.array([1, None], dtype="Int64"), "Ja": pd.array([True, None], dtype="boolean")})
    assert markdown_cells(frame)[0].iloc[1].tolist() == ["–", "–"]


def test_headers_and_cells_cannot_start_markdown_blocks_or_directives():
    frame = pd.DataFrame({"Scenario *A*": ["1. Eerst dit\n- dan dat", "+ plus :red[rood] :smile:"]})
    shown, _ = markdown_cells(frame)
    assert list(shown.columns) == [r"Scenario \*A\*"]
    assert shown.iloc[0, 0] == r"1\. Eerst dit - dan dat"
    assert shown.iloc[1, 0] == "\\+ plus :\u2060red\\[rood\\] :\u2060smile:"


def test_escape_markdown_leaves_ordinary_text_alone():
    plain = "Centrum (Vijfhoek/Raaks) - 2e fase, € 1.000 & Wonen: 5"
    assert escape_markdown(plain) == plain
    assert escape_markdown(None) == "–"


def test_the_stylesheet_aligns_exactly_the_listed_columns():
    # A table's container key lists its right-aligned columns: tbl7-c2-c12- aligns columns 2 and 12, not 1.
    rules = dict(re.findall(r"\[class\*='(-c\d+-)'\] :is\(td, th\):nth-child\((\d+)\)", ALIGNMENT_CSS))
    assert rules["-c2-"] == "2" and rules["-c12-"] == "12" and len(rules) == 24
    key = "st-key-tbl7-c2-c12-"
    assert [c for c in rules if c in key] == ["-c2-", "-c12-"]
