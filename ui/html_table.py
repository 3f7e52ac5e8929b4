"""A read-only table as one HTML element.

st.table reads every cell as Markdown: for a table of a few hundred cells (the measurements of a wijk, one
column per year) that cost the browser about half a second per page load, as much as the interactive grid.
Here the cells are escaped text in one element; numbers align right and do not break.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from . import format as fmt

# Links in the theme's primary colour (theme.primaryColor, .streamlit/config.toml), as in Streamlit's own text.
LINK_COLOUR = "#1f4e79"
# Amounts, counts and percentages already formatted as text: aligned right like numbers.
_NUMBER_TEXT = re.compile(r"^[+\-−]?\s?(€\s?)?[+\-−]?\d[\d.]*(,\d+)?%?$")
# A column of short texts (a status, a date, "12 dagen") stays on one line; a column of longer texts
# (names, agreements) wraps, but not narrower than a readable width: in a wide table it would otherwise be
# squeezed to one word per line while the table scrolls sideways anyway.
SHORT_TEXT = 24

CSS = (
    ".wd-table-box {overflow-x: auto; margin-bottom: 1rem;}"
    " .wd-table {border-collapse: collapse; width: 100%; font-size: 0.875rem;}"
    " .wd-table :is(th, td) {border: 1px solid rgba(49, 51, 63, 0.1); padding: 0.25rem 0.375rem;"
    " text-align: left; vertical-align: top;}"
    " .wd-table thead th {font-weight: 400; color: rgba(17, 17, 17, 0.6);}"
    " .wd-table tbody th {font-weight: 400;}"
    " .wd-table .wd-num {text-align: right; white-space: nowrap;}"
    " .wd-table td.wd-short {white-space: nowrap;}"
    " .wd-table td.wd-long {min-width: 9rem;}"
    f" .wd-table a {{color: {LINK_COLOUR};}}"
    # The caption names the table for screen readers; the subheader above it already does so on screen.
    " .wd-sr {position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);"
    " white-space: nowrap;}"
)


def markup(
    frame: pd.DataFrame,
    caption: str,
    row_headers: int = 0,
    right: Sequence[bool] | None = None,
    links: Mapping[str, str] | None = None,
    missing: str = fmt.MISSING,
) -> str:
    """`frame` (text as shown; missing values as '–') as an HTML table named by `caption`. The first
    `row_headers` columns name their row, so a screen reader reads them with every cell of the row.
    `right` says per column whether it aligns right (default: columns of numbers as text); the cells of a
    column in `links` (column -> link text) are URLs, shown as that text and opened in a new tab. Missing
    values show as `missing`: '' where an empty cell says something (a matrix: not active there)."""
    frame = frame.map(lambda v: missing if _missing(v) else v)
    right = list(right) if right is not None else [is_number_text(frame[c]) for c in frame.columns]
    linked = [(links or {}).get(c) for c in frame.columns]
    head = "".join(
        _cell("th", c, "wd-num" if r else "", ' scope="col"') for c, r in zip(frame.columns, right, strict=True)
    )
    kinds = [
        "wd-num" if r else ("wd-short" if _longest(frame[c]) <= SHORT_TEXT else "wd-long")
        for c, r in zip(frame.columns, right, strict=True)
    ]

    def cell(i: int, value, kind: str, link_text: str | None) -> str:
        if link_text is not None:
            return _link(value, link_text)
        return _cell("th", value, kind, ' scope="row"') if i < row_headers else _cell("td", value, kind)

    body = "".join(
        "<tr>" + "".join(cell(i, *c) for i, c in enumerate(zip(row, kinds, linked, strict=True))) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return (
        f'<div class="wd-table-box"><table class="wd-table"><caption class="wd-sr">{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def is_number_text(column: pd.Series) -> bool:
    values = [str(v) for v in column.dropna() if str(v) not in (fmt.MISSING, "")]
    return bool(values) and all(_NUMBER_TEXT.match(v) for v in values)


def _missing(value) -> bool:
    if isinstance(value, str):
        return value == ""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _longest(column: pd.Series) -> int:
    return max((len(str(v)) for v in column), default=0)


def _cell(tag: str, value, kind: str, extra: str = "") -> str:
    css = f' class="{kind}"' if kind else ""
    return f"<{tag}{extra}{css}>{html.escape(str(value))}</{tag}>"


def _link(url, text: str) -> str:
    if url in (fmt.MISSING, ""):
        return f"<td>{url}</td>"
    href = html.escape(str(url), quote=True)
    return f'<td><a href="{href}" target="_blank" rel="noopener noreferrer">{html.escape(text)}</a></td>'
