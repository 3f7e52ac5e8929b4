"""Small read-only tables in Dutch formats, each drawn as one HTML table (ui/html_table.py).

A page whose tables are all small draws them without the interactive grid: the grid's code and canvas
cost the browser about half a second per page load, and screen readers read an HTML table as a table.
Not st.table either: it reads every cell as Markdown, which cost Overzicht's five small tables about
0.15 s of browser time per load. What a table holds is the text on screen (1.234, € 250.000, 12,5), as in
the printed stuurgroep pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from . import format as fmt
from . import html_table

# Markdown elsewhere on a page (lists, captions): these characters in names must show as themselves.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~$]|&(?=#?\w+;))")
_LIST_MARKER = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])(?=\s)")
_DIRECTIVE = re.compile(r":(?=[\w/])")  # :smile:, :material/icon:, :red[...]: a word joiner breaks them


# The grid (sorting, searching, a click opens the details) costs the browser about 0.4 s per page load, so a
# long list is a plain table unless the user asks for the grid.
GRID_TOGGLE = "Als interactieve tabel: sorteren, zoeken, klikken voor details"


def grid_on_request(key: str) -> bool:
    """The switch above a list that shows it in the interactive grid; off until the user turns it on, then
    on for the rest of the session, also after a visit to another page."""
    return st.toggle(GRID_TOGGLE, key=key, persist_state="session")


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


def display_cells(
    frame: pd.DataFrame, links: Mapping[str, str] | None = None, missing: str = fmt.MISSING
) -> tuple[pd.DataFrame, list[bool]]:
    """The table as text in Dutch formats, and per column whether it aligns right (numbers, amounts).

    Numbers become 1.234 or 12,5, booleans ja/nee, missing values `missing`; a column in `links` keeps its
    URLs."""
    links = links or {}
    shown: dict[str, list[str]] = {}
    right: list[bool] = []
    for name in frame.columns:
        column = frame[name]
        number = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        if name in links:
            text = lambda v: v if isinstance(v, str) and v else missing  # noqa: E731
        elif pd.api.types.is_bool_dtype(column):
            text = lambda v: "ja" if v else "nee"  # noqa: E731
        elif pd.api.types.is_integer_dtype(column):
            text = fmt.number
        elif pd.api.types.is_float_dtype(column):
            text = lambda v: fmt.number(v, 1)  # noqa: E731
        else:
            text = lambda v: " ".join(str(v).split())  # noqa: E731
        shown[str(name)] = [missing if _missing(v) else text(v) for v in column]
        right.append(name not in links and (number or html_table.is_number_text(column)))
    return pd.DataFrame(shown, columns=[str(c) for c in frame.columns]), right


def table_markup(
    frame: pd.DataFrame,
    caption: str,
    links: Mapping[str, str] | None = None,
    row_headers: int = 0,
    missing: str = fmt.MISSING,
) -> str:
    """`frame` as one HTML table named `caption` (see html_table.markup for `row_headers` and `missing`);
    `links` (column -> link text) make its URLs links."""
    shown, right = display_cells(frame, links, missing)
    return html_table.markup(shown, caption, row_headers, right, links, missing)


def static_table(
    frame: pd.DataFrame,
    caption: str,
    links: Mapping[str, str] | None = None,
    row_headers: int = 0,
    missing: str = fmt.MISSING,
) -> None:
    """`frame` as a plain table. Text is passed as is, not through a pandas Styler: that would cost ~20 ms of
    server time per table on every run."""
    st.html(table_markup(frame, caption, links, row_headers, missing))


def shared_table(
    key: tuple, caption: str, build: Callable[[], pd.DataFrame], links: Mapping[str, str] | None = None
) -> None:
    """static_table(build(), caption, links) for a table that is the same for everyone with `key` (data
    version, selection and the table's name): it is built once and shared by every session."""
    st.html(_shared_markup(key, caption, tuple((links or {}).items()), build))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _shared_markup(key: tuple, caption: str, links: tuple, _build: Callable[[], pd.DataFrame]) -> str:
    return table_markup(_build(), caption, dict(links))
