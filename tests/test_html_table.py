"""Wide read-only tables as one HTML element (ui/html_table.py)."""

from __future__ import annotations

import re

import pandas as pd

from ui import html_table


def test_cells_are_escaped_numbers_align_right_and_missing_values_show_a_dash():
    frame = pd.DataFrame(
        {
            "Indicator": ["<b>Werkloosheid</b> & co", "**Bijstand**"],
            "2007": ["12,2%", ""],
            "2009": ["€ 188.000", None],
        }
    )
    markup = html_table.markup(frame, 'Metingen van "Kolenkit"')
    assert "<b>" not in markup and "&lt;b&gt;Werkloosheid&lt;/b&gt; &amp; co" in markup
    assert "**Bijstand**" in markup  # shown as typed: no Markdown
    assert '<caption class="wd-sr">Metingen van &quot;Kolenkit&quot;</caption>' in markup
    number_head = '<th scope="col" class="wd-num">'
    assert re.findall(r"<th [^>]*>", markup) == ['<th scope="col">', number_head, number_head]
    assert '<td class="wd-short">&lt;b&gt;Werkloosheid&lt;/b&gt; &amp; co</td>' in markup
    assert '<td class="wd-num">12,2%</td>' in markup and '<td class="wd-num">€ 188.000</td>' in markup
    assert markup.count('<td class="wd-num">–</td>') == 2
    assert markup.count("<tr>") == 3


def test_a_text_column_stays_left_aligned():
    markup = html_table.markup(pd.DataFrame({"Reeks": ["wijk", "stadsgemiddelde"], "2011": ["8,4", "7,1"]}), "T")
    assert '<td class="wd-short">wijk</td>' in markup and '<td class="wd-num">8,4</td>' in markup


def test_short_texts_stay_on_one_line_and_long_ones_wrap_at_a_readable_width():
    frame = pd.DataFrame(
        {
            "Status": ["▲ aandacht (oranje)", "● op schema (groen)"],
            "Afspraak": ["Het Rijk verruimt de inzet van re-integratiemiddelen voor buurtgerichte trajecten.", "Kort."],
        }
    )
    markup = html_table.markup(frame, "T")
    assert '<td class="wd-short">▲ aandacht (oranje)</td>' in markup
    assert '<td class="wd-long">Kort.</td>' in markup  # the column decides, not the cell
    assert ".wd-table td.wd-short {white-space: nowrap;}" in html_table.CSS
    assert "td.wd-long {min-width: 9rem;}" in html_table.CSS


def test_row_headers_name_every_cell_and_missing_values_of_any_kind_show_a_dash():
    frame = pd.DataFrame({"Indicator": ["A"], "Reeks": ["wijk"], "2007": [pd.NA], "2009": [pd.NaT], "2011": ["8,4"]})
    markup = html_table.markup(frame, "T", row_headers=2)
    assert '<th scope="row" class="wd-short">A</th><th scope="row" class="wd-short">wijk</th>' in markup
    assert markup.count(">–</td>") == 2 and "NaT" not in markup
