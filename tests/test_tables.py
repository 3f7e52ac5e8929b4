"""Static tables: what st.table shows is the data in Dutch formats, with names shown as written."""

from __future__ import annotations

import pandas as pd

from ui.tables import display_frame, escape_markdown


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
    shown, right = display_frame(frame, links={"Profiel": "Wijkprofiel openen"})
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


def test_text_that_only_looks_like_a_number_in_part_stays_left():
    frame = pd.DataFrame({"Doelen": ["3 van 5", "–"], "Prioriteit": ["1", "–"], "Aandeel": ["12,5%", "100%"]})
    assert display_frame(frame)[1] == [1, 2]


def test_escape_markdown_leaves_ordinary_text_alone():
    plain = "Centrum (Vijfhoek/Raaks) - 2e fase, € 1.000"
    assert escape_markdown(plain) == plain
    assert escape_markdown(None) == "–"
