"""Small tables as plain HTML tables (st.table) in Dutch formats.

A page whose tables are all small draws them without the interactive grid: the grid's code and canvas
cost the browser about half a second per page load, and screen readers read an HTML table as a table.
What the table holds is the text on screen (1.234, € 250.000, 12,5), as in the printed stuurgroep pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from . import format as fmt

_COUNTER = "static_table_count"
_MAX_ALIGNED_COLUMNS = 24
# st.table renders every cell as Markdown: these characters in names must show as themselves.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~$]|&(?=#?\w+;))")
_LIST_MARKER = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])(?=\s)")
_DIRECTIVE = re.compile(r":(?=[\w/])")  # :smile:, :material/icon:, :red[...]: a word joiner breaks them
# Amounts, counts and percentages already formatted as text: aligned right like numbers.
_NUMBER_TEXT = re.compile(r"^[+\-−]?\s?(€\s?)?[+\-−]?\d[\d.]*(,\d+)?%?$")

# One stylesheet for every static table (see dashboard.py): a table's container key lists the columns to
# align right ("tbl7-c2-c5-"), so no style element is needed per table.
ALIGNMENT_CSS = "".join(
    f"[class*='st-key-tbl'][class*='-c{n}-'] :is(td, th):nth-child({n})"
    " {text-align: right !important; white-space: nowrap;}"
    for n in range(1, _MAX_ALIGNED_COLUMNS + 1)
)


def escape_markdown(value) -> str:
    if _missing(value):
        return fmt.MISSING
    text = " ".join(str(value).split())  # a line break or an indent would start a new block
    text = _MARKDOWN.sub(r"\\\1", text)
    text = _LIST_MARKER.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)
    return _DIRECTIVE.sub(":\u2060", text)


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers
        return False


def _link(text: str) -> Callable[[str], str]:
    return lambda url: f"[{escape_markdown(text)}]({url})" if isinstance(url, str) and url else fmt.MISSING


def is_number_text(column: pd.Series) -> bool:
    values = [str(v) for v in column.dropna() if str(v) != fmt.MISSING]
    return bool(values) and all(_NUMBER_TEXT.match(v) for v in values)


def markdown_cells(frame: pd.DataFrame, links: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, list[int]]:
    """The table as text in Dutch formats, and the positions of its columns to align right (numbers, amounts).

    Numbers become 1.234 or 12,5; text and headers are escaped; `links` (column -> link text) become links."""
    links = dict(links or {})
    shown: dict[str, list[str]] = {}
    right: list[int] = []
    for position, name in enumerate(frame.columns):
        column = frame[name]
        number = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        if name in links:
            text = _link(links[name])
        elif pd.api.types.is_bool_dtype(column):
            text = lambda v: "ja" if v else "nee"  # noqa: E731
        elif pd.api.types.is_integer_dtype(column):
            text = fmt.number
        elif pd.api.types.is_float_dtype(column):
            text = lambda v: fmt.number(v, 1)  # noqa: E731
        else:
            text = escape_markdown
        shown[escape_markdown(name)] = [fmt.MISSING if _missing(v) else text(v) for v in column]
        if name not in links and (number or is_number_text(column)):
            right.append(position)
    return pd.DataFrame(shown), right


def static_table(frame: pd.DataFrame, links: Mapping[str, str] | None = None) -> None:
    """`frame` as a plain table. Text is passed as is, not through a pandas Styler: that would cost ~20 ms of
    server time per table on every run."""
    show_cells(*markdown_cells(frame, links))


def shared_table(key: tuple, build: Callable[[], pd.DataFrame], links: Mapping[str, str] | None = None) -> None:
    """static_table(build(), links) for a table that is the same for everyone with `key` (data version,
    selection and the table's name): its cells are built once and shared by every session."""
    show_cells(*_shared_cells(key, tuple((links or {}).items()), build))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _shared_cells(key: tuple, links: tuple, _build: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, list[int]]:
    return markdown_cells(_build(), dict(links))


def show_cells(shown: pd.DataFrame, right: list[int]) -> None:
    """A table from markdown_cells(), for callers that keep the cells of a table shown on every run."""
    columns = "".join(f"-c{p + 1}" for p in right if p < _MAX_ALIGNED_COLUMNS)
    with st.container(key=f"tbl{_next_number()}{columns}-", gap=None):
        st.table(shown, hide_index=True)


def restart_numbering() -> None:
    """At the start of a full run, so a table keeps its key (and the browser its element) from run to run."""
    st.session_state[_COUNTER] = 0


def _next_number() -> int:
    """A number for the next table's container key. Keys must not repeat within a run; a fragment's rerun
    continues counting, so its tables never take a key of the tables around it."""
    number = st.session_state.get(_COUNTER, 0) + 1
    st.session_state[_COUNTER] = number
    return number
