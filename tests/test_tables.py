"""Static tables: what st.table shows is the data in Dutch formats, with names shown as written."""

from __future__ import annotations

import pandas as pd

from ui.tables import display_styler, escape_markdown


def _shown(styler) -> tuple[list[list[str]], str]:
    """The display text per cell and the CSS, as Streamlit would send them."""
    styler._compute()
    body = [[cell["display_value"] for cell in row[1:]] for row in styler._translate(False, False)["body"]]
    return body, styler.to_html()


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
    body, html = _shown(display_styler(frame, links={"Profiel": "Wijkprofiel openen"}))
    assert body[0] == [
        r"Vijfhoek \*oud\*",
        "1.234",
        "12,3",
        "€ 250.000",
        "ja",
        "[Wijkprofiel openen](wijkprofiel?wijk=A)",
    ]
    assert body[1] == [r"Schalkwijk\_2000 \[\$\]", "5", "–", "€ -1.250", "nee", "–"]
    # Numbers and amounts are aligned right, names left.
    right = html.split("text-align: right")[0]
    assert "col1" in right and "col2" in right and "col3" in right and "col0" not in right


def test_the_data_keeps_its_values():
    frame = pd.DataFrame({"Status": ["op schema"], "Aantal": [15]})
    styler = display_styler(frame)
    assert styler.data["Aantal"].tolist() == [15]  # AppTest and exports see numbers, not text


def test_escape_markdown_leaves_ordinary_text_alone():
    assert (
        escape_markdown("Centrum (Vijfhoek/Raaks) - 2e fase, € 1.000") == "Centrum (Vijfhoek/Raaks) - 2e fase, € 1.000"
    )
    assert escape_markdown(None) == "–"
