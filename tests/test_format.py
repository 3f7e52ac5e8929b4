import datetime as dt

import pandas as pd
import pytest

from ui import format as fmt


@pytest.mark.parametrize(
    ("value", "cents", "expected"),
    [
        (250000, False, "€ 250.000"),
        (1250.5, True, "€ 1.250,50"),
        (1250.5, False, "€ 1.251"),  # half up, not Python's half-even
        (0, False, "€ 0"),
        (-30000, False, "€ -30.000"),
        (1234567.891, True, "€ 1.234.567,89"),
    ],
)
def test_euro(value, cents, expected):
    assert fmt.euro(value, cents) == expected


def test_percent_and_number():
    assert fmt.percent(0.125) == "12,5%"
    assert fmt.percent(0.5) == "50%"
    assert fmt.percent(1 / 3, 2) == "33,33%"
    assert fmt.number(1234567) == "1.234.567"
    assert fmt.number(12.345, 1) == "12,3"
    assert fmt.number(7, 2) == "7,00"
    assert fmt.percent(0.0125) == "1,3%"
    assert fmt.percent(0.12999) == "13%"


def test_dates():
    assert fmt.date_long(dt.date(2007, 10, 2)) == "2 oktober 2007"
    assert fmt.date_long(pd.Timestamp("2008-03-01")) == "1 maart 2008"
    assert fmt.date_short(dt.date(2008, 10, 1)) == "1 okt 2008"
    assert fmt.month_year(dt.date(2008, 10, 1)) == "oktober 2008"


def test_missing_values_show_a_dash():
    for f in (fmt.euro, fmt.percent, fmt.number, fmt.date_long, fmt.date_short):
        assert f(None) == "–"
    assert fmt.number(float("nan")) == "–"
    assert fmt.date_long(pd.NaT) == "–"


def test_value_with_unit():
    assert fmt.value_with_unit(12.4, "% van beroepsbevolking") == "12,4%"
    assert fmt.value_with_unit(157000, "EUR") == "€ 157.000"
    assert fmt.value_with_unit(6.4, "rapportcijfer") == "6,4"
    assert fmt.value_with_unit(77, "per 1000 inwoners") == "77,0"
    assert fmt.value_with_unit(6, "rapportcijfer") == "6,0"
    assert fmt.value_with_unit(140, "index") == "140"


def test_euro_compact():
    assert fmt.euro_compact(12_255_705) == "€ 12,3 mln"
    assert fmt.euro_compact(2_420_000_000) == "€ 2,4 mld"
    assert fmt.euro_compact(250_000) == "€ 250.000"
    assert fmt.euro_compact(-1_500_000) == "€ -1,5 mln"
