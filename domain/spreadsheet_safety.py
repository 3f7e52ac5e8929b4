"""Cells that a spreadsheet will not run as a formula.

A text cell that starts with `=`, `+`, `-` or `@` (or with a tab or carriage return followed by one) is
read as a formula by Excel and LibreOffice ("CSV/formula injection"). Every text written to an exported
workbook goes through `safe_cell`; `safe_frame` does so for a whole DataFrame. Numbers, dates and
booleans pass unchanged, so exported amounts stay real numbers.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> object:
    """The value itself, except text that would start a formula: that gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and column name) passed through `safe_cell`."""
    out = frame.copy()
    out.columns = [safe_cell(c) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out
