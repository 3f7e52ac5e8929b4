"""The frames a page needs for the current selection: read (cached), then computed by domain rules.

The computed frames are cached too, per data version, programme, peildatum and thresholds: every page and
every session with the same selection shares one computation instead of repeating it on each run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

import pandas as pd
import streamlit as st

from domain.milestones import milestone_state
from domain.overview import ProgrammeOverview, programme_comparison, programme_overview, wijk_summary
from domain.partners import partner_ranking, status_breakdown, wijk_partner_amounts, wijk_partner_matrix
from domain.project_status import project_status
from domain.targets import TrajectorySettings, assess_targets
from domain.whatif import Baseline

from .data import Snapshot, own_copy
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


def selection_key(snap: Snapshot, sel: Selection) -> tuple:
    """What every figure of a page depends on: data version, programme, peildatum and target thresholds."""
    p = sel.programme
    return snap.url, snap.version, p["code"], p["city"], sel.reference_date, effective_settings(snap)


def programme_data(snap: Snapshot, sel: Selection) -> ProgrammeData:
    settings = effective_settings(snap)  # saved thresholds, or the user's own trial in this session
    programme = sel.programme
    return _own(
        _programme_data(snap.url, snap.version, programme["code"], programme["city"], sel.reference_date, settings)
    )


def programme_data_at(
    url: str, version: int, code: str, city: str, reference_date: dt.date, settings: TrajectorySettings
) -> ProgrammeData:
    """programme_data() for cached computations of other modules, which know the key but have no session."""
    return _own(_programme_data(url, version, code, city, reference_date, settings))


def _own(shared: ProgrammeData) -> ProgrammeData:
    """The caller's own frames over the shared ones (see ui.data.own_copy)."""
    return ProgrammeData(*(own_copy(getattr(shared, f.name)) for f in fields(ProgrammeData)))


@st.cache_resource(show_spinner=False, max_entries=64)
def _programme_data(
    url: str, version: int, code: str, city: str, reference_date: dt.date, settings: TrajectorySettings
) -> ProgrammeData:
    snap = Snapshot.of_version(url, version)
    wijken = snap.frame("wijken")
    wijken = wijken[wijken["programme_code"] == code]
    contracts = snap.frame("contracts")
    contracts = contracts[contracts["programme_code"] == code]
    projects = snap.frame("projects", code)
    projects = projects[projects["programme_code"] == code].reset_index(drop=True)
    statuses = project_status(projects, snap.frame("status_updates", code), reference_date)
    projects = projects.merge(statuses, on="code", how="left")
    partners = snap.frame("project_partners", code)
    partners = partners[partners["project_code"].isin(projects["code"])]
    allocations = snap.frame("budget_allocations")
    allocations = allocations[allocations["programme_code"] == code]
    indicators = snap.frame("indicators")
    measurements = snap.frame("measurements", code)
    measurements = measurements[measurements["city"] == city]
    targets = snap.frame("targets")
    targets = targets[targets["programme_code"] == code].reset_index(drop=True)
    assessed = assess_targets(targets, indicators, measurements, reference_date, settings)
    assessed = assessed.merge(
        indicators.rename(columns={"code": "indicator_code", "name": "indicator_name"}),
        on="indicator_code",
        how="left",
    )
    return ProgrammeData(wijken, contracts, projects, partners, allocations, assessed, measurements)


def whatif_baseline(snap: Snapshot, sel: Selection) -> Baseline:
    """The real figures the Wat als page starts from, prepared once per data version and selection."""
    settings = effective_settings(snap)
    p = sel.programme
    return _whatif_baseline(
        snap.url, snap.version, p["code"], p["city"], float(p["central_budget"]), sel.reference_date, settings
    )


@st.cache_data(show_spinner=False, max_entries=32)
def _whatif_baseline(
    url: str,
    version: int,
    code: str,
    city: str,
    central_budget: float,
    reference_date: dt.date,
    settings: TrajectorySettings,
) -> Baseline:
    data = _own(_programme_data(url, version, code, city, reference_date, settings))
    snap = Snapshot.of_version(url, version)
    return Baseline.from_frames(
        code,
        central_budget,
        snap.frame("wijken"),
        data.allocations,
        data.projects,
        data.project_partners,
        snap.frame("project_indicators", code),
        data.targets,
        snap.frame("indicators"),
    )


@dataclass(frozen=True)
class PartnerFigures:
    ranking: pd.DataFrame  # domain.partners.partner_ranking of the selected wijk (or all wijken)
    breakdown: pd.DataFrame  # domain.partners.status_breakdown of the ranking
    milestones: pd.DataFrame  # domain.milestones.milestone_state of the selected projects' milestones
    amounts: pd.DataFrame  # domain.partners.wijk_partner_amounts of the whole programme
    matrix: pd.DataFrame  # domain.partners.wijk_partner_matrix of those amounts


def partner_figures(snap: Snapshot, sel: Selection) -> PartnerFigures:
    """The Partners page's figures, computed once per data version and selection for every session."""
    settings = effective_settings(snap)
    p = sel.programme
    shared = _partner_figures(snap.url, snap.version, p["code"], p["city"], sel.wijk_code, sel.reference_date, settings)
    return PartnerFigures(*(own_copy(getattr(shared, f.name)) for f in fields(PartnerFigures)))


@st.cache_resource(show_spinner=False, max_entries=64)
def _partner_figures(
    url: str,
    version: int,
    code: str,
    city: str,
    wijk_code: str | None,
    reference_date: dt.date,
    settings: TrajectorySettings,
) -> PartnerFigures:
    data = _own(_programme_data(url, version, code, city, reference_date, settings))
    snap = Snapshot.of_version(url, version)
    partners = snap.frame("partners")
    projects = data.projects if wijk_code is None else data.projects[data.projects["wijk_code"] == wijk_code]
    milestones = snap.frame("milestones", code)
    ranking = partner_ranking(projects, data.project_partners, partners, milestones, reference_date)
    amounts = wijk_partner_amounts(data.projects, data.project_partners, partners)
    return PartnerFigures(
        ranking,
        status_breakdown(ranking),
        milestone_state(milestones[milestones["project_code"].isin(projects["code"])], reference_date),
        amounts,
        wijk_partner_matrix(amounts, data.wijken),
    )


@dataclass(frozen=True)
class OverviewFigures:
    overview: ProgrammeOverview  # domain.overview.programme_overview
    per_wijk: pd.DataFrame  # domain.overview.wijk_summary
    comparison: pd.DataFrame  # domain.overview.programme_comparison of every programme


def overview_figures(snap: Snapshot, sel: Selection) -> OverviewFigures:
    """The Overzicht page's figures, computed once per data version and selection for every session."""
    settings = effective_settings(snap)
    p = sel.programme
    shared = _overview_figures(snap.url, snap.version, p["code"], p["city"], sel.reference_date, settings)
    overview = replace(
        shared.overview,
        project_status=shared.overview.project_status.copy(deep=False),
        target_status=shared.overview.target_status.copy(deep=False),
    )
    return OverviewFigures(overview, own_copy(shared.per_wijk), own_copy(shared.comparison))


@st.cache_resource(show_spinner=False, max_entries=64)
def _overview_figures(
    url: str, version: int, code: str, city: str, reference_date: dt.date, settings: TrajectorySettings
) -> OverviewFigures:
    data = _own(_programme_data(url, version, code, city, reference_date, settings))
    snap = Snapshot.of_version(url, version)
    programmes = snap.frame("programmes")
    central_budget = programmes.set_index("code").loc[code, "central_budget"]
    overview = programme_overview(
        central_budget,
        data.wijken,
        data.contracts,
        data.projects,
        data.project_partners,
        data.allocations,
        data.targets,
    )
    comparison = programme_comparison(
        programmes,
        snap.frame("wijken"),
        snap.frame("contracts"),
        snap.frame("programme_totals"),
        snap.frame("budget_allocations"),
    )
    return OverviewFigures(overview, wijk_summary(data.wijken, data.projects, data.targets), comparison)
