"""Small tables as plain HTML tables (st.table) in Dutch formats.

A page whose tables are all small draws them without the interactive grid: the grid's code and canvas
cost the browser about half a second per page load, and screen readers read an HTML table as a table.
The data keeps its own values (numbers stay numbers); only what is shown is formatted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from . import format as fmt

# st.table renders every cell as Markdown: these characters in names must show as themselves.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~$])")
# Amounts, counts and percentages already formatted as text: aligned right like numbers.
_NUMBER_TEXT = re.compile(r"^[+\-−]?(€ ?)?[+\-−]?\d[\d.]*(,\d+)?%?$")


def escape_markdown(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return fmt.MISSING
    return _MARKDOWN.sub(r"\\\1", str(value))


def _link(text: str) -> Callable[[str], str]:
    return lambda url: f"[{escape_markdown(text)}]({url})" if isinstance(url, str) and url else fmt.MISSING


def _is_number_text(column: pd.Series) -> bool:
    values = [str(v) for v in column.dropna() if str(v) != fmt.MISSING]
    return bool(values) and all(_NUMBER_TEXT.match(v) for v in values)


def display_styler(frame: pd.DataFrame, links: Mapping[str, str] | None = None):
    """The Styler st.table shows: Dutch numbers, escaped text, `links` (column -> link text) as links."""
    links = dict(links or {})
    formats: dict[str, Callable] = {}
    right: list[str] = []
    for name in frame.columns:
        column = frame[name]
        if name in links:
            formats[name] = _link(links[name])
        elif pd.api.types.is_bool_dtype(column):
            formats[name] = lambda v: "ja" if v else "nee"
        elif pd.api.types.is_integer_dtype(column):
            formats[name] = fmt.number
            right.append(name)
        elif pd.api.types.is_float_dtype(column):
            formats[name] = lambda v: fmt.number(v, 1)
            right.append(name)
        else:
            formats[name] = escape_markdown
            if _is_number_text(column):
                right.append(name)
    styler = frame.style.format(formats)
    if right:
        styler = styler.set_properties(subset=right, **{"text-align": "right"})
    return styler


def static_table(frame: pd.DataFrame, links: Mapping[str, str] | None = None) -> None:
    st.table(display_styler(frame, links), hide_index=True)
