"""The Planning page's frames for one filter, computed once per data version and shared by every session.

Filtering, ordering, the attention lists and the Gantt frame of a page of projects are plain pandas work
on small frames, but on every run of every session it added up to half of the page's server time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from domain.milestones import milestone_state
from domain.planning import (
    AttentionLists,
    PlanningFilter,
    attention_lists,
    filter_projects,
    gantt_rows,
    page_of,
    unique_labels,
)
from domain.targets import TrajectorySettings

from . import format as fmt
from .data import Snapshot, own_copy
from .figures import programme_data_at, selection_key
from .gantt import gantt_frame
from .selection import Selection
from .style import project_status_display


@dataclass(frozen=True)
class PlanningView:
    shown: pd.DataFrame  # the programme's projects that pass the filter (programme_data columns)
    rows: pd.DataFrame  # gantt_rows() of `shown`, with a unique `label`
    lists: AttentionLists
    table: pd.DataFrame  # the project list under Dutch headers, in the order of `rows`


@dataclass(frozen=True)
class GanttPage:
    visible: pd.DataFrame  # the rows on this page
    frame: pd.DataFrame  # gantt_frame() of those rows


def planning_view(snap: Snapshot, sel: Selection, f: PlanningFilter, group_by: str) -> PlanningView:
    shared = _planning_view(*selection_key(snap, sel), f, group_by)
    lists = AttentionLists(*(own_copy(getattr(shared.lists, name)) for name in AttentionLists.__dataclass_fields__))
    return PlanningView(own_copy(shared.shown), own_copy(shared.rows), lists, own_copy(shared.table))


def gantt_page(snap: Snapshot, sel: Selection, f: PlanningFilter, group_by: str, number: int, size: int) -> GanttPage:
    shared = _gantt_page(*selection_key(snap, sel), f, group_by, number, size)
    return GanttPage(own_copy(shared.visible), own_copy(shared.frame))


@st.cache_resource(show_spinner=False, max_entries=64)
def _planning_view(
    url: str,
    version: int,
    code: str,
    city: str,
    reference_date: dt.date,
    settings: TrajectorySettings,
    f: PlanningFilter,
    group_by: str,
) -> PlanningView:
    data = programme_data_at(url, version, code, city, reference_date, settings)
    shown = filter_projects(data.projects, data.project_partners, f)
    rows = gantt_rows(shown, group_by)
    rows["label"] = unique_labels(rows, group_by)
    milestones = Snapshot.of_version(url, version).frame("milestones", code)
    return PlanningView(shown, rows, attention_lists(shown, milestones, reference_date), project_table(rows))


@st.cache_resource(show_spinner=False, max_entries=64)
def _gantt_page(
    url: str,
    version: int,
    code: str,
    city: str,
    reference_date: dt.date,
    settings: TrajectorySettings,
    f: PlanningFilter,
    group_by: str,
    number: int,
    size: int,
) -> GanttPage:
    data = programme_data_at(url, version, code, city, reference_date, settings)
    view = _planning_view(url, version, code, city, reference_date, settings, f, group_by)
    visible = page_of(view.rows, number, size)
    contracts = data.contracts[data.contracts["code"].isin(visible["contract_code"])]
    period = (contracts["start_date"].min(), contracts["end_date"].max()) if not contracts.empty else None
    snap = Snapshot.of_version(url, version)
    reports = snap.frame("report_moments")
    reports = reports[reports["contract_code"].isin(contracts["code"])]
    milestones = milestone_state(snap.frame("milestones", code), reference_date)
    return GanttPage(visible, gantt_frame(visible, milestones, reference_date, period, reports))


def project_table(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Status": rows["status"].map(project_status_display),
            "Project": rows["title"],
            "Wijk": rows["wijk_name"],
            "Thema": rows["theme"],
            "Trekker": rows["lead_partner_name"],
            "Start": rows["start_date"].map(fmt.date_short),
            "Einde": rows["end_date"].map(fmt.date_short),
            "Voortgang": rows["progress"],
            "Laatste update": rows["last_update"].map(fmt.date_short),
        }
    )
