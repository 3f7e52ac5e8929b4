"""Target status by trajectory.

The planned path is the straight line from the baseline (year, value) to the target (year, value). The
latest measurement known on the reference date is compared with that line in its year, taking the
indicator's direction into account (for "lager" a lower value is better):

- gehaald: the measurement is at or beyond the target value;
- op koers: at or better than the line;
- risico: behind the line by at most `risk_tolerance` of the planned change (baseline to target);
- niet op koers: further behind, or the target year has passed without reaching the target;
- geen recente meting: no measurement since the baseline, or the latest is older than the indicator's
  measurement interval (plus `grace_years`) on the reference date, or there is no baseline to draw the
  line from (then only "gehaald" can still be established).

A measurement of year Y counts as known on any reference date in year Y or later. Freshness: the next
measurement of year Y is due in year Y + ceil(interval_months / 12); a measurement is stale ("verouderd")
when the reference year is past that year plus `grace_years`. The target status and the freshness
overview use this one rule (`freshness`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

TARGET_STATUSES = ("gehaald", "op koers", "risico", "niet op koers", "geen recente meting")


@dataclass(frozen=True)
class TrajectorySettings:
    risk_tolerance: float = 0.25  # share of the planned change that may lag before "niet op koers"
    grace_years: int = 0  # extra years a measurement may be late before it is no longer recent


# Stored settings (table `setting`, JSON values) that feed TrajectorySettings: key -> field name.
SETTING_FIELDS = {"target_risk_tolerance": "risk_tolerance", "target_grace_years": "grace_years"}
RISK_TOLERANCE_RANGE = (0.0, 1.0)
GRACE_YEARS_RANGE = (0, 5)


def settings_problems(risk_tolerance: object, grace_years: object) -> list[str]:
    """Dutch problems with proposed thresholds; empty when they are usable."""
    problems = []
    lo, hi = RISK_TOLERANCE_RANGE
    if isinstance(risk_tolerance, bool) or not isinstance(risk_tolerance, int | float) or math.isnan(risk_tolerance):
        problems.append("De risicomarge moet een getal zijn.")
    elif not lo <= risk_tolerance <= hi:
        problems.append("De risicomarge moet tussen 0% en 100% van de beoogde verandering liggen.")
    glo, ghi = GRACE_YEARS_RANGE
    if isinstance(grace_years, bool) or not isinstance(grace_years, int):
        problems.append("De extra jaren voor een late meting moeten een geheel getal zijn.")
    elif not glo <= grace_years <= ghi:
        problems.append(f"De extra jaren voor een late meting moeten tussen {glo} en {ghi} liggen.")
    return problems


def settings_from_values(values: Mapping[str, object]) -> TrajectorySettings:
    """TrajectorySettings from stored values; a missing or unusable value keeps its default."""
    default = TrajectorySettings()
    risk = values.get("target_risk_tolerance", default.risk_tolerance)
    grace = values.get("target_grace_years", default.grace_years)
    if isinstance(grace, float) and grace.is_integer():
        grace = int(grace)
    if settings_problems(risk, default.grace_years):
        risk = default.risk_tolerance
    if settings_problems(default.risk_tolerance, grace):
        grace = default.grace_years
    return TrajectorySettings(risk_tolerance=float(risk), grace_years=int(grace))


@dataclass(frozen=True)
class Freshness:
    last_year: int | None
    next_due_year: int | None  # the year the next measurement is expected
    stale: bool  # the next measurement is overdue on the reference date (or there is none at all)


def freshness(
    last_year: int | None,
    interval_months: int,
    reference_year: int,
    settings: TrajectorySettings = TrajectorySettings(),
) -> Freshness:
    """When the next measurement is due, and whether the latest one is too old to count as current."""
    if last_year is None or pd.isna(last_year):
        return Freshness(None, None, True)
    last = int(last_year)
    due = last + max(1, math.ceil(int(interval_months) / 12))
    return Freshness(last, due, reference_year > due + settings.grace_years)


@dataclass(frozen=True)
class TargetAssessment:
    status: str
    latest_year: int | None
    latest_value: float | None
    expected_value: float | None  # the line's value in the latest measurement's year
    gap_share: float | None  # lag behind the line as a share of the planned change (negative = ahead)
    reason: str = ""  # why this status, in Dutch


def line_value(baseline_year: int, baseline_value: float, target_year: int, target_value: float, year: float) -> float:
    """The planned value in `year`: linear between baseline and target, flat outside."""
    if year <= baseline_year:
        return baseline_value
    if year >= target_year:
        return target_value
    share = (year - baseline_year) / (target_year - baseline_year)
    return baseline_value + share * (target_value - baseline_value)


def assess_target(
    direction: str,
    baseline_year: int,
    baseline_value: float | None,
    target_year: int,
    target_value: float,
    measurements: dict[int, float],
    reference_year: int,
    interval_months: int = 12,
    settings: TrajectorySettings = TrajectorySettings(),
) -> TargetAssessment:
    sign = 1.0 if direction == "hoger" else -1.0
    known = {int(y): float(v) for y, v in measurements.items() if baseline_year < y <= reference_year and pd.notna(v)}
    if not known:
        return TargetAssessment(
            "geen recente meting", None, None, None, None, f"nog geen meting na de nulmeting ({baseline_year})"
        )
    year = max(known)
    value = known[year]
    reached = (value - target_value) * sign >= 0
    fresh = freshness(year, interval_months, reference_year, settings)
    if fresh.stale:
        return TargetAssessment(
            "geen recente meting",
            year,
            value,
            None,
            None,
            f"laatste meting is van {year}; de volgende was verwacht in {fresh.next_due_year}",
        )
    if baseline_value is None or pd.isna(baseline_value):
        if reached:
            return TargetAssessment("gehaald", year, value, None, None, f"doelwaarde bereikt in {year}")
        return TargetAssessment(
            "geen recente meting", year, value, None, None, "geen nulmeting: er is geen traject om mee te vergelijken"
        )
    expected = line_value(baseline_year, baseline_value, target_year, target_value, year)
    planned = (target_value - baseline_value) * sign  # > 0 when the target is an improvement
    gap = (expected - value) * sign  # > 0 when behind the line
    gap_share = gap / planned if planned > 0 else None
    if reached:
        status, reason = (
            "gehaald",
            f"doelwaarde bereikt in {year}" + (" (voor het doeljaar)" if year < target_year else ""),
        )
    elif year >= target_year:
        status, reason = "niet op koers", f"doeljaar {target_year} is voorbij zonder het doel te halen"
    elif planned <= 0:
        status, reason = "niet op koers", "het doel is geen verbetering ten opzichte van de nulmeting"
    elif gap <= 0:
        status, reason = "op koers", f"op of voor de lijn in {year}"
    elif gap_share is not None and gap_share <= settings.risk_tolerance:
        status, reason = "risico", f"achter de lijn in {year}, binnen de risicomarge"
    else:
        status, reason = "niet op koers", f"verder achter de lijn in {year} dan de risicomarge"
    return TargetAssessment(status, year, value, expected, gap_share, reason)


def assess_targets(
    targets: pd.DataFrame,
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    reference_date: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),
) -> pd.DataFrame:
    """Assess every target row; adds status, latest_year, latest_value, expected_value, gap_share."""
    ind = indicators.set_index("code")
    wijk_rows = measurements.dropna(subset=["wijk_code"])
    series = {
        key: dict(zip(group["year"], group["value"], strict=True))
        for key, group in wijk_rows.groupby(["wijk_code", "indicator_code"])
    }
    records = []
    for t in targets.itertuples(index=False):
        meta = ind.loc[t.indicator_code]
        a = assess_target(
            meta["direction"],
            t.baseline_year,
            t.baseline_value,
            t.target_year,
            t.target_value,
            series.get((t.wijk_code, t.indicator_code), {}),
            reference_date.year,
            int(meta["interval_months"]),
            settings,
        )
        records.append(
            {
                "status": a.status,
                "latest_year": a.latest_year,
                "latest_value": a.latest_value,
                "expected_value": a.expected_value,
                "gap_share": a.gap_share,
                "reason": a.reason,
            }
        )
    extra = pd.DataFrame.from_records(
        records, columns=["status", "latest_year", "latest_value", "expected_value", "gap_share", "reason"]
    )
    return pd.concat([targets.reset_index(drop=True), extra], axis=1)


def target_status_counts(statuses: pd.Series) -> pd.Series:
    return statuses.value_counts().reindex(list(TARGET_STATUSES), fill_value=0).astype(int)
