"""Target figures straight from the sample CSV files (csv module), independent of the database and pages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from domain.targets import TrajectorySettings, assess_target
from tests.sample_facts import programme_facts, rows


def peildatum(code: str) -> dt.date:
    return programme_facts(code)["peildatum"]


def wijk_codes(code: str) -> set[str]:
    return {w["code"] for w in rows("wijk") if w["programme_code"] == code}


def wijk_values(code: str, up_to_year: int) -> dict[tuple[str, str], dict[int, float]]:
    """(wijk, indicator) -> {year: value} of measurements known in `up_to_year`."""
    wijken = wijk_codes(code)
    series: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    for m in rows("measurement"):
        if m["wijk_code"] in wijken and int(m["year"]) <= up_to_year:
            series[(m["wijk_code"], m["indicator_code"])][int(m["year"])] = float(m["value"])
    return series


def city_values(city: str) -> dict[tuple[str, int], float]:
    return {
        (m["indicator_code"], int(m["year"])): float(m["value"])
        for m in rows("measurement")
        if not m["wijk_code"] and m["city"] == city
    }


def csv_statuses(
    code: str, settings: TrajectorySettings | None = None, on: dt.date | None = None
) -> dict[tuple[str, str], str]:
    """Each target's status from the CSV files, through the one rule (domain.targets.assess_target)."""
    settings = settings or TrajectorySettings()
    year = (on or peildatum(code)).year
    indicators = {i["code"]: i for i in rows("indicator")}
    series = wijk_values(code, 9999)
    out = {}
    for t in rows("target"):
        if t["wijk_code"] in wijk_codes(code):
            ind = indicators[t["indicator_code"]]
            out[(t["wijk_code"], t["indicator_code"])] = assess_target(
                ind["direction"],
                int(t["baseline_year"]),
                float(t["baseline_value"]),
                int(t["target_year"]),
                float(t["target_value"]),
                series[(t["wijk_code"], t["indicator_code"])],
                year,
                int(ind["interval_months"]),
                settings,
            ).status
    return out
