"""Charts drawn on the server (ui/static_chart.py): what the SVG shows, its alt text, its data."""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from decimal import Decimal

import altair as alt
import pandas as pd
import pytest

from tests.apptest_helpers import StaticChart, while_another_session_converts
from ui import static_chart
from ui.charts import NL_LOCALE, status_bar

COUNTS = pd.DataFrame(
    {"status": ["op schema", "vertraagd"], "label": ["op schema (groen)", "vertraagd (rood)"], "aantal": [1234, 5]}
)
COLOURS = {"op schema": "#009E73", "vertraagd": "#D55E00"}


def drawn(markup: str) -> StaticChart:
    source, alt_text = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', markup).groups()
    return StaticChart(html.unescape(alt_text), base64.b64decode(source).decode())


def texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_status_bar_draws_every_count_with_its_title_and_alt_text():
    chart = drawn(static_chart.markup(status_bar(COUNTS, COLOURS, "Projecten naar status", "Staafdiagram: 2."), COUNTS))
    assert chart.title == "Projecten naar status"
    assert chart.alt == "Staafdiagram: 2."
    bars = chart.marks("bar")
    assert dict(zip(bars["status"], bars["Aantal"], strict=True)) == {"op schema": "1234", "vertraagd": "5"}
    assert chart.labels() == ["1234", "5"]
    assert "op schema (groen)" in texts(chart.svg)  # the status as text, not only as colour


def test_amounts_and_dates_are_drawn_in_dutch():
    rows = pd.DataFrame({"dag": pd.to_datetime(["2007-10-02", "2009-10-01"]), "bedrag": [Decimal("1500.5"), 250000]})
    chart = (
        alt.Chart(rows)
        .mark_point()
        .encode(
            x=alt.X("dag:T", axis=alt.Axis(format="%e %B %Y", values=[dt.date(2008, 10, 1).isoformat()])),
            y=alt.Y("bedrag:Q", axis=alt.Axis(format="$,.0f")),
        )
        .properties(title="T", description="D")
        .configure(locale=NL_LOCALE)
    )
    shown = texts(drawn(static_chart.markup(static_chart.altair_spec(chart))).svg)
    assert "€ 250.000" in shown and "1 oktober 2008" in shown


def test_alt_text_is_escaped_and_a_wide_chart_keeps_its_size():
    spec = status_bar(COUNTS, COLOURS, "T", 'Wijk "De Baan" <oost> & west')
    markup = static_chart.markup(spec, COUNTS)
    assert 'alt="Wijk &quot;De Baan&quot; &lt;oost&gt; &amp; west"' in markup
    assert drawn(markup).alt == 'Wijk "De Baan" <oost> & west'
    assert 'tabindex="0"' not in markup
    wide = static_chart.markup(spec, COUNTS, scroll=True)
    # It keeps its size and scrolls; ui/a11y.py gives the box a tab stop and a name only when it does scroll.
    assert '<figure class="wd-chart wd-scroll"><img ' in wide and "tabindex" not in wide
    width, height = re.search(r'<img [^>]*width="([\d.]+)" height="([\d.]+)"', markup).groups()
    assert float(width) > 0 and float(height) > 0


def test_full_spec_fixes_the_width_and_keeps_a_step_width():
    spec = static_chart.full_spec({"mark": "bar", "width": "container"}, None, width=500)
    assert spec["width"] == 500 and spec["config"]["view"]["stroke"] is None
    assert static_chart.full_spec({"mark": "rect", "width": {"step": 44}}, None)["width"] == {"step": 44}
    assert static_chart.full_spec({"mark": "bar", "width": 300}, None)["width"] == 300
    own = static_chart.full_spec({"mark": "bar", "config": {"view": {"stroke": "#000"}}}, None)
    assert own["config"]["view"]["stroke"] == "#000" and own["config"]["axis"]["labelFontSize"] == 12


def test_rows_become_json_values():
    rows = pd.DataFrame(
        {"d": pd.to_datetime(["2007-10-02", None]), "n": [1.5, float("nan")], "b": [Decimal("2.50"), Decimal(3)]}
    )
    values = static_chart.full_spec({"mark": "point"}, rows)["data"]["values"]
    assert values[0]["d"].startswith("2007-10-02") and values[1]["d"] is None
    assert values[0]["n"] == 1.5 and values[1]["n"] is None
    assert values[0]["b"] == 2.5


def test_a_chart_is_converted_once(monkeypatch):
    calls = []
    original = static_chart.vlc.vegalite_to_svg
    monkeypatch.setattr(static_chart.vlc, "vegalite_to_svg", lambda spec: calls.append(spec) or original(spec))
    static_chart._render.cache_clear()
    spec = status_bar(COUNTS, COLOURS, "Eenmaal", "D")
    first = static_chart.markup(spec, COUNTS)
    assert static_chart.markup(spec, COUNTS) == first and len(calls) == 1
    static_chart.markup(spec, COUNTS.assign(aantal=[1, 2]))
    assert len(calls) == 2  # other numbers, another drawing


def test_altair_spec_does_not_depend_on_another_sessions_chart():
    """st.altair_chart switches Altair's process-wide data transformer and theme while it converts a chart;
    a chart drawn meanwhile in another session must keep its rows."""
    chart = alt.Chart(COUNTS).mark_bar().encode(x="aantal:Q", y="label:N").properties(title="T", description="D")
    layered = chart + chart.mark_text().encode(text="aantal:Q")  # one data set, moved to the top
    reference_line = pd.DataFrame({"aantal": [3]})
    own_layer = chart + alt.Chart(reference_line).mark_rule().encode(x="aantal:Q")  # a layer with its own rows
    charts = (chart, layered, own_layer)
    references = [static_chart.altair_spec(c) for c in charts]
    made = while_another_session_converts(lambda: [static_chart.altair_spec(c) for c in charts], 100)
    assert all(specs == references for specs in made)
    for spec in references:
        values = sorted(v["aantal"] for rows in spec["datasets"].values() for v in rows)
        assert values == ([3, 5, 1234] if spec is references[2] else [5, 1234])
    # The charts themselves are left as they were.
    assert isinstance(chart.data, pd.DataFrame) and own_layer.layer[1].data is reference_line


def test_only_a_chart_or_its_layers_is_drawn():
    with pytest.raises(TypeError):
        static_chart.altair_spec(alt.hconcat(alt.Chart(COUNTS).mark_bar(), alt.Chart(COUNTS).mark_point()))
