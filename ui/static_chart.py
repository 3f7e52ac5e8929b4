"""Charts without interaction, drawn on the server as SVG (Vega-Lite through vl-convert).

An interactive Vega chart costs the browser about half a second of work the first time a page shows one
(the Vega code, then parsing and drawing every chart); the same chart as an SVG image costs almost nothing.
Charts whose only interaction was a tooltip are drawn this way. The image's alt text is the chart's
description; the numbers stand in the table beside every chart (and, for the tests, in the aria-label
Vega gives every mark of the SVG). Charts a user clicks (the Gantt chart, the heatmap of Doelen, the maps)
stay interactive. Wat als's budget chart changes with every input and is drawn here too: a change costs
30-50 ms of server time (vl-convert holds the GIL), less than the Vega code cost every load of the page;
its planning chart, shown only once a project is moved, stays in the browser.
"""

from __future__ import annotations

import base64
import copy
import functools
import html
import json
import re
import threading
from decimal import Decimal

import altair as alt
import pandas as pd
import streamlit as st
import vl_convert as vlc

# Streamlit's own chart theme, in so far as it differs from Vega's defaults: the static charts should look
# like the interactive ones beside them.
THEME = {
    "background": None,
    "font": "sans-serif",
    "view": {"stroke": None},
    "title": {"fontSize": 16, "fontWeight": 600, "anchor": "start", "color": "#111111", "offset": 8},
    "axis": {
        "labelFontSize": 12,
        "titleFontSize": 12,
        "titleFontWeight": "normal",
        "labelColor": "#31333f",
        "titleColor": "#31333f",
        "gridColor": "#e6eaf1",
        "domainColor": "#c3c8d0",
        "tickColor": "#c3c8d0",
    },
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "labelColor": "#31333f"},
}
# Widths in CSS pixels of the main column on a laptop screen (1400 px wide, sidebar open). A drawing is never
# enlarged (its text would grow with it); on a narrower screen it shrinks to fit.
FULL_WIDTH = 900
HALF_WIDTH = 440  # one of st.columns(2)
CSS = (
    ".wd-chart {margin: 0;} .wd-chart img {max-width: 100%; height: auto; display: block;}"
    " .wd-scroll {overflow-x: auto;} .wd-scroll img {max-width: none;}"
)
_SIZE = re.compile(r'<svg[^>]*? width="([\d.]+)" height="([\d.]+)"')

_render_lock = threading.Lock()


def _start_converter() -> None:
    with _render_lock:
        vlc.vegalite_to_svg({"mark": "point"})


# The converter's first call starts its JavaScript engine (~0.5 s): done in the background when the app
# process first loads this module, not while a user waits for a chart.
threading.Thread(target=_start_converter, name="vl-convert-start", daemon=True).start()


def full_spec(spec: dict, rows: pd.DataFrame | None, width: int = FULL_WIDTH) -> dict:
    """`spec` (without data, or with its data inline) with `rows` as its data, a fixed width and the theme."""
    full = copy.deepcopy(spec)
    if rows is not None:
        full["data"] = {"values": records(rows)}
        full.pop("datasets", None)
    composed = any(k in full for k in ("facet", "repeat", "concat", "hconcat", "vconcat"))
    faceted = any(k in full.get("encoding", {}) for k in ("facet", "row", "column"))
    if full.get("width", "container") == "container" and not composed and not faceted:
        # "container" needs a browser; the whole drawing (axis labels and legend included) gets `width`.
        # A step width ({"step": 20}) stays as it is.
        full["width"] = width
        full["autosize"] = {"type": "fit-x", "contains": "padding"}
    full["config"] = _merged(THEME, full.get("config", {}))
    return full


def altair_spec(chart) -> dict:
    """The Vega-Lite spec of an Altair chart with its rows inline, made without Altair's data transformer:
    that is a setting of the whole process, and st.altair_chart in another session switches it for a moment
    (a spec made then would lose its rows to that session's chart)."""
    if not isinstance(chart, alt.Chart | alt.LayerChart) or any(
        isinstance(layer, alt.LayerChart) for layer in getattr(chart, "layer", [])
    ):
        # Deeper parts would go through the data transformer again: not supported here.
        raise TypeError(f"static_chart tekent één grafiek of lagen daarvan, geen {type(chart).__name__}")
    chart = chart.copy(deep=False)
    parts = [chart, *getattr(chart, "layer", [])]
    for i, part in enumerate(parts):
        if isinstance(part.data, pd.DataFrame):
            part = part.copy(deep=False) if i else part
            part.data = alt.InlineData(values=records(part.data))
            if i:
                chart.layer[i - 1] = part
    spec = chart.to_dict(validate=False)
    # Altair's theme (another setting of the whole process) only adds the view size, which the fixed width and
    # the chart's own height replace: leave it out, so the spec is the same whichever theme is on right now.
    config = dict(spec.get("config", {}))
    view = {k: v for k, v in config.pop("view", {}).items() if k not in ("continuousWidth", "continuousHeight")}
    spec["config"] = {**config, **({"view": view} if view else {})}
    return spec


def show_altair(chart, width: int = FULL_WIDTH, scroll: bool = False) -> None:
    st.html(markup(altair_spec(chart), None, width, scroll))


def records(rows: pd.DataFrame) -> list[dict]:
    """JSON-safe rows: dates as ISO text (Vega-Lite parses them), amounts (Decimal) as numbers, missing
    values as null."""
    rows = rows.apply(lambda c: c.map(_number) if c.dtype == object else c)
    return json.loads(rows.to_json(orient="records", date_format="iso", double_precision=15, default_handler=str))


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def svg(spec: dict, rows: pd.DataFrame | None = None, width: int = FULL_WIDTH) -> str:
    return _render(json.dumps(full_spec(spec, rows, width), sort_keys=True, ensure_ascii=False))


@functools.lru_cache(maxsize=512)
def _render(spec_json: str) -> str:
    with _render_lock:  # one converter for the process
        return vlc.vegalite_to_svg(spec_json)


def markup(spec: dict, rows: pd.DataFrame | None = None, width: int = FULL_WIDTH, scroll: bool = False) -> str:
    """The chart as a figure whose name is the chart's alt text (its Vega-Lite description). A chart wider
    than the page shrinks to fit; with `scroll` (a heatmap whose cells must stay readable) it keeps its size
    and scrolls sideways (ui/a11y.py makes the box reachable by keyboard when it does scroll)."""
    drawing = svg(spec, rows, width)
    size = _SIZE.search(drawing)
    dimensions = f' width="{size[1]}" height="{size[2]}"' if size else ""
    source = "data:image/svg+xml;base64," + base64.b64encode(drawing.encode()).decode()
    alt_text = html.escape(spec.get("description") or _title(spec))
    kind = "wd-chart wd-scroll" if scroll else "wd-chart"
    return f'<figure class="{kind}"><img src="{source}" alt="{alt_text}"{dimensions}></figure>'


def show(spec: dict, rows: pd.DataFrame | None = None, width: int = FULL_WIDTH) -> None:
    st.html(markup(spec, rows, width))


def _title(spec: dict) -> str:
    title = spec.get("title", "")
    return title.get("text", "") if isinstance(title, dict) else str(title)


def _merged(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out
