"""The status bar chart, written as a plain Vega-Lite spec: valid against the schema (tests/test_pages.py
checks its data on Overzicht)."""

import altair as alt
import pandas as pd

from ui.charts import NL_LOCALE, status_bar
from ui.style import PROJECT_STATUS_COLOURS

COUNTS = pd.DataFrame(
    {
        "status": ["op schema", "aandacht", "vertraagd"],
        "label": ["Op schema", "Aandacht", "Vertraagd"],
        "aantal": [12, 3, 1],
    }
)


def test_spec_is_valid_vega_lite():
    spec = status_bar(COUNTS, PROJECT_STATUS_COLOURS, "Projecten naar status", "Staafdiagram: 16 projecten.")
    alt.LayerChart.from_dict(spec, validate=True)  # raises on anything the schema does not allow


def test_spec_keeps_order_colours_title_and_locale():
    spec = status_bar(COUNTS, PROJECT_STATUS_COLOURS, "Projecten naar status", "Staafdiagram: 16 projecten.")
    bars, text = spec["layer"]
    assert bars["mark"]["type"] == "bar" and text["mark"]["type"] == "text"
    assert bars["encoding"]["y"]["sort"] == ["Op schema", "Aandacht", "Vertraagd"]
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == PROJECT_STATUS_COLOURS
    assert text["encoding"]["text"]["field"] == "aantal"
    assert spec["title"] == "Projecten naar status"
    assert spec["description"] == "Staafdiagram: 16 projecten."  # the chart's aria-label
    assert spec["config"]["locale"] == NL_LOCALE


def test_spec_does_not_change_the_counts():
    before = COUNTS.copy()
    status_bar(COUNTS, PROJECT_STATUS_COLOURS, "t", "d")
    pd.testing.assert_frame_equal(COUNTS, before)
