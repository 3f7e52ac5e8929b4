"""Reading what AppTest rendered: chart data, metrics, exceptions."""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass

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


_DATA_URI = re.compile(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"')
_MARK = re.compile(r'<\w+ [^>]*?aria-label="([^"]*)"[^>]*?role="graphics-symbol"[^>]*?aria-roledescription="([^"]*)"')
_TEXT_MARK = re.compile(r'<text [^>]*?aria-roledescription="text mark"[^>]*>([^<]*)</text>')
_TITLE = re.compile(r"aria-label=\"Title text '((?:[^\"]|&quot;)*)'\"")


@dataclass(frozen=True)
class StaticChart:
    """A chart drawn on the server (ui/static_chart.py): its alt text and the SVG the browser shows."""

    alt: str
    svg: str

    @property
    def title(self) -> str:
        found = _TITLE.search(self.svg)
        return html.unescape(found[1]) if found else ""

    def marks(self, kind: str = "bar") -> pd.DataFrame:
        """One row per drawn mark of `kind` (Vega's aria-roledescription: bar, rect, circle, text mark, ...),
        its columns the fields Vega lists in the mark's aria-label, values as drawn (text)."""
        rows = []
        for label, role in _MARK.findall(self.svg):
            if role == kind:
                pairs = (part.split(": ", 1) for part in html.unescape(label).split("; "))
                rows.append(dict(p for p in pairs if len(p) == 2))
        return pd.DataFrame(rows)

    def labels(self) -> list[str]:
        """The text marks as drawn (e.g. the count beside each bar)."""
        return [html.unescape(t) for t in _TEXT_MARK.findall(self.svg)]


def static_charts(at) -> list[StaticChart]:
    charts = []
    for element in at.get("html"):
        for data, alt in _DATA_URI.findall(element.proto.body):
            charts.append(StaticChart(html.unescape(alt), base64.b64decode(data).decode()))
    return charts


def static_chart(at, title: str) -> StaticChart:
    found = [c for c in static_charts(at) if c.title == title]
    assert len(found) == 1, (title, [c.title for c in static_charts(at)])
    return found[0]


_HTML_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_HTML_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)


def html_tables(at) -> dict[str, pd.DataFrame]:
    """Tables drawn as one HTML element (ui/html_table.py, ui/tables.py), by caption: the text on screen."""
    tables = {}
    for element in at.get("html"):
        for caption, frame in parse_tables(element.proto.body).items():
            assert caption not in tables, f"twee tabellen met het bijschrift {caption!r}"
            tables[caption] = frame
    return tables


def html_text(at) -> str:
    """The text of every HTML element of the run (cards, tables), as a reader sees it."""
    bodies = " ".join(e.proto.body for e in at.get("html"))
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", bodies).split()))


def table_frames(at) -> list[pd.DataFrame]:
    """Every table of the run in page order, as html_tables."""
    return list(html_tables(at).values())


def table_links(at, caption: str) -> list[str]:
    """The addresses of the links in the HTML table named `caption`, in page order."""
    for element in at.get("html"):
        for table in re.findall(r'<table class="wd-table">.*?</table>', element.proto.body, re.S):
            if html.unescape(re.search(r"<caption[^>]*>(.*?)</caption>", table, re.S)[1]) == caption:
                return [html.unescape(h) for h in re.findall(r'<a href="([^"]*)"', table)]
    raise AssertionError(f"geen tabel met het bijschrift {caption!r}")


def whole_numbers(column) -> list[int]:
    """Counts as shown in Dutch (1.234) back to numbers."""
    return [int(str(v).replace(".", "")) for v in column]


def parse_tables(body: str) -> dict[str, pd.DataFrame]:
    """The tables in an HTML fragment by caption, as the text a reader sees (links as their text)."""
    tables = {}
    for table in re.findall(r'<table class="wd-table">.*?</table>', body, re.S):
        caption = html.unescape(re.search(r"<caption[^>]*>(.*?)</caption>", table, re.S)[1])
        assert caption not in tables, f"twee tabellen met het bijschrift {caption!r}"
        rows = [
            [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in _HTML_CELL.findall(r)] for r in _HTML_ROW.findall(table)
        ]
        tables[caption] = pd.DataFrame(rows[1:], columns=rows[0])
    return tables


def while_another_session_converts(make, times: int) -> list:
    """`times` results of make() while another thread converts an Altair chart the way st.altair_chart does:
    that switches Altair's process-wide data transformer and theme for a moment."""
    import threading

    import altair as alt
    from streamlit.elements import vega_charts

    other = (
        alt.Chart(pd.DataFrame({"aantal": [7, 8], "label": ["a", "b"]})).mark_bar().encode(x="aantal:Q", y="label:N")
    )
    stop = threading.Event()

    def another_session():
        while not stop.is_set():
            vega_charts._convert_altair_to_vega_lite_spec(other)

    thread = threading.Thread(target=another_session)
    thread.start()
    try:
        return [make() for _ in range(times)]
    finally:
        stop.set()
        thread.join()
