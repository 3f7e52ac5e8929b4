"""Reading what AppTest rendered: chart data, metrics, exceptions."""

from __future__ import annotations

import json

import pandas as pd
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df


def chart_data(chart) -> pd.DataFrame:
    """All data rows behind a vega_lite_chart element (Streamlit ships named datasets as Arrow)."""
    frames = [convert_arrow_bytes_to_pandas_df(ds.data.data) for ds in chart.proto.datasets]
    if chart.proto.HasField("data") and chart.proto.data.data:
        frames.append(convert_arrow_bytes_to_pandas_df(chart.proto.data.data))
    if not frames:
        inline = json.loads(chart.proto.spec).get("datasets", {})
        frames = [pd.DataFrame(v) for v in inline.values()]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def chart_spec(chart) -> dict:
    return json.loads(chart.proto.spec)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def metric_help(at, label: str) -> str:
    return next(m.proto.help for m in at.metric if m.label == label)


def no_exceptions(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def open_tab(at, key: str, label: str):
    """Open tab `label` of the lazy tabs `key` (only the open tab is built) and run again."""
    at.session_state[key] = label
    at.run()
    no_exceptions(at)
    return at


def open_every_lazy_tab(at) -> int:
    """Open, one after another, every tab of the lazy tab sets on the current page; returns how many opened.

    A lazy tab set is a widget whose value is one of the page's tab labels."""
    labels = [t.label for t in at.tabs]
    state = at.session_state.to_dict()
    keys = [k for k, v in state.items() if isinstance(v, str) and v in labels]
    opened = 0
    for key in keys:
        for label in labels:  # labels of another set are refused and fall back to the default
            open_tab(at, key, label)
            opened += 1
    return opened
