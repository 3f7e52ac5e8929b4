"""nl-NL formatting, whatever the browser locale: € 250.000, 12,5%, 2 oktober 2007.

Pure functions (no streamlit) so exports and tests use the very same formatting as the screen.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "nl_NL"
MISSING = "–"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def number(value, decimals: int = 0) -> str:
    """1.234.567 or, with decimals, 12,5 (trailing zeros kept: 12,50 with decimals=2)."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Half up, as people round money and percentages (Python's round() would give 1250.5 -> 1250).
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_decimal(rounded, format=pattern, locale=LOCALE)


def euro(value, cents: bool = False) -> str:
    """€ 250.000; with cents=True € 1.250,50. Negative amounts as € -1.250."""
    if _missing(value):
        return MISSING
    return "€ " + number(value, 2 if cents else 0)


def euro_compact(value) -> str:
    """Short form for headline figures: € 12,3 mln, € 2,4 mld; below a million the full amount."""
    if _missing(value):
        return MISSING
    amount = float(value)
    for size, word in ((1e9, "mld"), (1e6, "mln")):
        if abs(amount) >= size:
            return f"€ {number(amount / size, 1)} {word}"
    return euro(amount)


def percent(share, decimals: int = 1) -> str:
    """A share (0.125) as 12,5%; whole numbers lose the decimal (0.5 -> 50%)."""
    if _missing(share):
        return MISSING
    value = (Decimal(str(share)) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = number(value, decimals)
    if decimals and value == value.to_integral_value():
        text = number(value, 0)
    return text + "%"


def _as_date(value) -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def date_long(value) -> str:
    """2 oktober 2007."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "d MMMM y", locale=LOCALE)


def date_short(value) -> str:
    """2 okt 2007 (for tables and chart labels)."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "d MMM y", locale=LOCALE).replace(".", "")


def month_year(value) -> str:
    """oktober 2008."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "MMMM y", locale=LOCALE)


def value_with_unit(value, unit: str) -> str:
    """An indicator value with its unit, e.g. 12,4% or € 157.000 or 6,4."""
    if _missing(value):
        return MISSING
    if unit.strip().startswith("%"):
        return number(value, 1) + "%"
    if unit.upper() in ("EUR", "€"):
        return euro(value)
    # One decimal for rates and scores (6,0 not 6), none for large numbers such as indices (140).
    return number(value, 0 if abs(float(value)) >= 100 else 1)
