"""Charts written as plain Vega-Lite specs: valid, and equal to the Altair chart they replace (tests/test_pages.py
checks its data on Overzicht)."""

import json
import re

import altair as alt
import pandas as pd

from tests.apptest_helpers import while_another_session_converts
from ui.charts import NL_LOCALE, status_bar
from ui.gantt import gantt_chart, gantt_spec
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


def _same_view_names(spec: dict) -> dict:
    """Altair names the selection's view after a hash of the data; that name means nothing else."""
    text = json.dumps(spec)
    for name in set(re.findall(r"view_[0-9a-f]+_\d+", text)):
        text = text.replace(name, "view")
    return json.loads(text)


def test_gantt_spec_is_the_altair_gantt_chart_without_its_data():
    frame = pd.DataFrame(
        {
            "kind": ["project", "project", "milestone", "today", "period", "report"],
            "group": ["Boerhaavewijk", "Delftwijk", "Boerhaavewijk", "Boerhaavewijk", "Boerhaavewijk", "Delftwijk"],
            "label": ["HLM-B-01 Speeltuin", "HLM-D-02 Buurthuis", "HLM-B-01 Speeltuin", None, None, None],
            "code": ["HLM-B-01", "HLM-D-02", "HLM-B-01", None, None, None],
            "start": pd.to_datetime(
                ["2007-10-01", "2008-01-01", "2008-06-01", "2009-01-01", "2007-10-01", "2008-10-01"]
            ),
            "end": pd.to_datetime(["2009-10-01", "2008-12-31", None, None, "2009-10-01", None]),
        }
    )
    expected = gantt_chart(frame, "Planning", "Gantt-diagram van 2 projecten.").to_dict()
    expected.pop("datasets")
    expected.pop("data")
    expected["config"].pop("view")  # the default theme's sizes, which st.altair_chart leaves out too
    spec = gantt_spec(frame, "Planning", "Gantt-diagram van 2 projecten.")
    assert _same_view_names(spec) == _same_view_names(expected)
    bars = next(layer for layer in spec["spec"]["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["y"]["sort"] == ["HLM-B-01 Speeltuin", "HLM-D-02 Buurthuis"]
    # The template is not changed by filling it in.
    other = gantt_spec(frame.iloc[1:], "Ander", "Ander diagram.")
    assert other["title"] == "Ander" and gantt_spec(frame, "Planning", "x")["spec"] == spec["spec"]


def _trend_inputs():
    series = pd.DataFrame(
        {
            "year": [2007, 2009, 2011, 2007, 2011],
            "value": [82.3, 81.0, 80.1, 51.0, 47.6],
            "reeks": ["wijk"] * 3 + ["stad"] * 2,
        }
    )
    return series, pd.DataFrame({"year": [2007, 2014], "value": [82.3, 76.6]})


def test_trend_spec_is_the_altair_trend_chart_without_its_data():
    from ui.target_charts import _trend_chart, trend_frame, trend_spec

    series, trajectory = _trend_inputs()
    rows, spec = trend_spec(series, trajectory, "%", "Corporatiewoningen: verloop", "Lijndiagram.")
    assert list(rows["reeks_label"]) == ["Wijk"] * 3 + ["Stadsgemiddelde"] * 2 + ["Traject naar doel"] * 2
    expected = _trend_chart(trend_frame(series, trajectory), "%", "Corporatiewoningen: verloop", "Lijndiagram.")
    expected = expected.to_dict()
    expected.pop("data")
    expected.pop("datasets")
    expected["config"].pop("view")
    assert spec == expected
    assert spec["config"]["locale"] == NL_LOCALE and spec["description"] == "Lijndiagram."


def test_trend_spec_does_not_depend_on_another_sessions_chart():
    """st.altair_chart switches Altair's process-wide data transformer and theme while it converts a chart;
    a spec made meanwhile in another session must come out the same (and the rows stay beside it)."""
    from ui.target_charts import trend_spec

    series, trajectory = _trend_inputs()
    reference = trend_spec(series, trajectory, "%", "T", "D")
    made = while_another_session_converts(lambda: trend_spec(series, trajectory, "%", "T", "D"), 200)
    assert all(spec == reference[1] and rows.equals(reference[0]) for rows, spec in made)
