import datetime as dt

import pandas as pd
import pytest

from domain.targets import TrajectorySettings, assess_target, assess_targets, line_value

# Unemployment: lower is better, 12% in 2007 -> 8% in 2011: the line drops 1 point a year.
LOWER = {"direction": "lager", "baseline_year": 2007, "baseline_value": 12.0, "target_year": 2011, "target_value": 8.0}
HIGHER = {"direction": "hoger", "baseline_year": 2006, "baseline_value": 6.0, "target_year": 2010, "target_value": 7.0}


def status(spec, measurements, ref_year, **kw):
    return assess_target(measurements=measurements, reference_year=ref_year, **spec, **kw).status


def test_line_value():
    assert line_value(2007, 12.0, 2011, 8.0, 2009) == pytest.approx(10.0)
    assert line_value(2007, 12.0, 2011, 8.0, 2005) == 12.0
    assert line_value(2007, 12.0, 2011, 8.0, 2013) == 8.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (9.9, "op koers"),  # ahead of the line (10.0 in 2009)
        (10.0, "op koers"),  # exactly on it
        (10.9, "risico"),  # behind by 0.9 of a planned 4.0 change = 22.5% <= 25%
        (11.5, "niet op koers"),  # behind by 37.5%
        (12.5, "niet op koers"),  # wrong way
        (7.9, "gehaald"),  # reached early
    ],
)
def test_lower_is_better(value, expected):
    assert status(LOWER, {2009: value}, 2009) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6.6, "op koers"), (6.45, "risico"), (6.2, "niet op koers"), (5.8, "niet op koers"), (7.0, "gehaald")],
)
def test_higher_is_better(value, expected):
    # Line in 2008: 6.5
    assert status(HIGHER, {2008: value}, 2008) == expected


def test_target_year_passed_without_reaching():
    assert status(LOWER, {2011: 8.5}, 2011) == "niet op koers"
    assert status(LOWER, {2012: 8.2}, 2012) == "niet op koers"  # measurement after the target year


def test_measurement_after_target_year_reached():
    assert status(LOWER, {2012: 7.5}, 2012) == "gehaald"


def test_no_measurement_after_baseline():
    assert status(LOWER, {}, 2010) == "geen recente meting"
    assert status(LOWER, {2007: 12.0}, 2010) == "geen recente meting"  # only the baseline itself


def test_single_measurement():
    a = assess_target(measurements={2008: 11.0}, reference_year=2008, **LOWER)
    assert (a.status, a.latest_year, a.latest_value, a.expected_value) == ("op koers", 2008, 11.0, 11.0)


def test_stale_measurement_is_not_shown_as_current():
    assert status(LOWER, {2008: 11.0}, 2010) == "geen recente meting"  # yearly indicator, 2 years old
    assert status(LOWER, {2008: 11.0}, 2010, interval_months=24) == "op koers"  # biennial: fine


def test_reference_year_hides_later_measurements():
    assert status(LOWER, {2008: 11.0, 2009: 12.5}, 2008) == "op koers"
    assert status(LOWER, {2008: 11.0, 2009: 12.5}, 2009) == "niet op koers"


def test_tolerance_is_a_setting():
    assert status(LOWER, {2009: 10.9}, 2009, settings=TrajectorySettings(risk_tolerance=0.1)) == "niet op koers"


def test_missing_year_uses_latest_available():
    a = assess_target(measurements={2008: 11.0, 2010: 9.0}, reference_year=2011, **LOWER)
    assert (a.latest_year, a.status) == (2010, "op koers")


def test_assess_targets_frame():
    targets = pd.DataFrame(
        [{"wijk_code": "W1", "indicator_code": "WERK", **{k: v for k, v in LOWER.items() if k != "direction"}}]
    )
    indicators = pd.DataFrame([{"code": "WERK", "direction": "lager", "interval_months": 12}])
    measurements = pd.DataFrame(
        {
            "indicator_code": ["WERK", "WERK", "WERK"],
            "wijk_code": ["W1", "W1", None],
            "year": [2008, 2009, 2009],
            "value": [11.0, 10.5, 7.0],
        }
    )
    out = assess_targets(targets, indicators, measurements, dt.date(2009, 6, 1))
    assert out.loc[0, "status"] == "risico"  # 0.5 behind of 4.0 = 12.5%
    assert out.loc[0, "latest_value"] == 10.5  # not the city average
