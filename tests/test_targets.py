import datetime as dt

import pandas as pd
import pytest

from domain.targets import (
    TrajectorySettings,
    assess_target,
    assess_targets,
    freshness,
    line_value,
    settings_from_values,
    settings_problems,
)

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


# Freshness, reasons, missing baseline, thresholds as stored settings.


def test_reached_early_before_target_year():
    a = assess_target(measurements={2008: 7.5}, reference_year=2008, **LOWER)
    assert a.status == "gehaald" and "voor het doeljaar" in a.reason


def test_higher_is_better_target_year_passed():
    assert status(HIGHER, {2010: 6.9}, 2010) == "niet op koers"
    assert status(HIGHER, {2011: 7.1}, 2011) == "gehaald"  # measured after the target year, reached


def test_no_baseline_value():
    no_base = {**LOWER, "baseline_value": None}
    a = assess_target(measurements={2009: 10.0}, reference_year=2009, **no_base)
    assert a.status == "geen recente meting" and "nulmeting" in a.reason and a.expected_value is None
    assert assess_target(measurements={2009: 7.0}, reference_year=2009, **no_base).status == "gehaald"
    nan_base = {**LOWER, "baseline_value": float("nan")}
    assert assess_target(measurements={2009: 10.0}, reference_year=2009, **nan_base).status == "geen recente meting"


def test_stale_reason_names_the_due_year():
    a = assess_target(measurements={2008: 11.0}, reference_year=2010, **LOWER)
    assert a.status == "geen recente meting" and "2009" in a.reason and a.latest_year == 2008


@pytest.mark.parametrize(
    ("last", "interval", "ref", "due", "stale"),
    [
        (2009, 12, 2010, 2010, False),  # due this year: not yet late
        (2009, 12, 2011, 2010, True),
        (2009, 24, 2011, 2011, False),  # biennial
        (2009, 24, 2012, 2011, True),
        (2009, 18, 2011, 2011, False),  # 18 months: the next one falls in 2011
        (2009, 6, 2010, 2010, False),  # more than once a year: at least the next year
        (None, 12, 2010, None, True),
    ],
)
def test_freshness(last, interval, ref, due, stale):
    f = freshness(last, interval, ref)
    assert (f.next_due_year, f.stale) == (due, stale)


def test_grace_years_setting_extends_freshness():
    assert freshness(2009, 12, 2011, TrajectorySettings(grace_years=1)).stale is False
    assert status(LOWER, {2008: 11.0}, 2010, settings=TrajectorySettings(grace_years=1)) == "op koers"


def test_settings_from_values_and_problems():
    s = settings_from_values({"target_risk_tolerance": 0.1, "target_grace_years": 2})
    assert (s.risk_tolerance, s.grace_years) == (0.1, 2)
    assert settings_from_values({}) == TrajectorySettings()
    # Unusable stored values fall back to the default instead of breaking every page.
    assert settings_from_values({"target_risk_tolerance": "veel", "target_grace_years": -1}) == TrajectorySettings()
    assert settings_problems(0.25, 0) == []
    assert settings_problems(1.5, 0) and settings_problems(0.2, 9) and settings_problems("x", 1.5)


def test_assess_targets_has_reason_column():
    targets = pd.DataFrame(
        [{"wijk_code": "W1", "indicator_code": "WERK", **{k: v for k, v in LOWER.items() if k != "direction"}}]
    )
    indicators = pd.DataFrame([{"code": "WERK", "direction": "lager", "interval_months": 12}])
    measurements = pd.DataFrame({"indicator_code": [], "wijk_code": [], "year": [], "value": []})
    out = assess_targets(targets, indicators, measurements, dt.date(2009, 6, 1))
    assert out.loc[0, "status"] == "geen recente meting" and "nulmeting" in out.loc[0, "reason"]
