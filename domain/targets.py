"""Target status by trajectory.

The planned path is the straight line from the baseline (year, value) to the target (year, value). The
latest measurement known on the reference date is compared with that line in its year, taking the
indicator's direction into account (for "lager" a lower value is better):

- gehaald: the measurement is at or beyond the target value;
- op koers: at or better than the line;
- risico: behind the line by at most `risk_tolerance` of the planned change (baseline to target);
- niet op koers: further behind, or the target year has passed without reaching the target;
- geen recente meting: no measurement since the baseline, or the latest is older than the indicator's
  measurement interval (plus `grace_years`) on the reference date.

A measurement of year Y counts as known on any reference date in year Y or later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

TARGET_STATUSES = ("gehaald", "op koers", "risico", "niet op koers", "geen recente meting")


@dataclass(frozen=True)
class TrajectorySettings:
    risk_tolerance: float = 0.25  # share of the planned change that may lag before "niet op koers"
    grace_years: int = 0  # extra years a measurement may be late before it is no longer recent


@dataclass(frozen=True)
class TargetAssessment:
    status: str
    latest_year: int | None
    latest_value: float | None
    expected_value: float | None  # the line's value in the latest measurement's year
    gap_share: float | None  # lag behind the line as a share of the planned change (negative = ahead)


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
    baseline_value: float,
    target_year: int,
    target_value: float,
    measurements: dict[int, float],
    reference_year: int,
    interval_months: int = 12,
    settings: TrajectorySettings = TrajectorySettings(),
) -> TargetAssessment:
    sign = 1.0 if direction == "hoger" else -1.0
    known = {y: v for y, v in measurements.items() if baseline_year < y <= reference_year and pd.notna(v)}
    if not known:
        return TargetAssessment("geen recente meting", None, None, None, None)
    year = max(known)
    value = float(known[year])
    expected = line_value(baseline_year, baseline_value, target_year, target_value, year)
    planned = (target_value - baseline_value) * sign  # > 0 when the target is an improvement
    gap = (expected - value) * sign  # > 0 when behind the line
    gap_share = gap / planned if planned > 0 else None
    max_age_years = interval_months / 12 + settings.grace_years
    if reference_year - year > max_age_years:
        status = "geen recente meting"
    elif (value - target_value) * sign >= 0:
        status = "gehaald"
    elif year >= target_year or planned <= 0:
        status = "niet op koers"  # deadline passed (or nothing to improve on) without reaching the target
    elif gap <= 0:
        status = "op koers"
    elif gap_share is not None and gap_share <= settings.risk_tolerance:
        status = "risico"
    else:
        status = "niet op koers"
    return TargetAssessment(status, year, value, expected, gap_share)


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
            }
        )
    extra = pd.DataFrame.from_records(
        records, columns=["status", "latest_year", "latest_value", "expected_value", "gap_share"]
    )
    return pd.concat([targets.reset_index(drop=True), extra], axis=1)


def target_status_counts(statuses: pd.Series) -> pd.Series:
    return statuses.value_counts().reindex(list(TARGET_STATUSES), fill_value=0).astype(int)
