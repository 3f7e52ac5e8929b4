"""The frames a page needs for the current selection: read (cached), then computed by domain rules."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from domain.project_status import project_status
from domain.targets import assess_targets

from .data import Snapshot
from .selection import Selection
from .target_settings import effective_settings


@dataclass(frozen=True)
class ProgrammeData:
    wijken: pd.DataFrame
    contracts: pd.DataFrame
    projects: pd.DataFrame  # with status, progress, last_update, stale, overdue
    project_partners: pd.DataFrame
    allocations: pd.DataFrame
    targets: pd.DataFrame  # assessed, with indicator name/theme/unit/direction
    measurements: pd.DataFrame  # of this programme's city, wijk and city-average rows


def programme_data(snap: Snapshot, sel: Selection) -> ProgrammeData:
    code = sel.programme_code
    wijken = snap.frame("wijken")
    wijken = wijken[wijken["programme_code"] == code]
    contracts = snap.frame("contracts")
    contracts = contracts[contracts["programme_code"] == code]
    projects = snap.frame("projects")
    projects = projects[projects["programme_code"] == code].reset_index(drop=True)
    statuses = project_status(projects, snap.frame("status_updates"), sel.reference_date)
    projects = projects.merge(statuses, on="code", how="left")
    partners = snap.frame("project_partners")
    partners = partners[partners["project_code"].isin(projects["code"])]
    allocations = snap.frame("budget_allocations")
    allocations = allocations[allocations["programme_code"] == code]
    indicators = snap.frame("indicators")
    measurements = snap.frame("measurements")
    measurements = measurements[measurements["city"] == sel.programme["city"]]
    targets = snap.frame("targets")
    targets = targets[targets["programme_code"] == code].reset_index(drop=True)
    settings = effective_settings(snap)  # saved thresholds, or the user's own trial in this session
    assessed = assess_targets(targets, indicators, measurements, sel.reference_date, settings)
    assessed = assessed.merge(
        indicators.rename(columns={"code": "indicator_code", "name": "indicator_name"}),
        on="indicator_code",
        how="left",
    )
    return ProgrammeData(wijken, contracts, projects, partners, allocations, assessed, measurements)
