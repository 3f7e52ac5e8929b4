"""The Planning page's frames for one filter, computed once per data version and shared by every session.

Filtering, ordering, the attention lists and the Gantt frame of a page of projects are plain pandas work
on small frames, but on every run of every session it added up to half of the page's server time.
The lists below the chart are plain HTML tables (ui/tables.py), built here once per filter: the
interactive grid cost the browser about 0.4 s per page load, so the project list is a grid only on request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from domain.milestones import DUE_SOON_DAYS, milestone_state
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
from .tables import table_markup

# The static lists under the chart: name -> caption (also the tab's subject).
LIST_CAPTIONS = {
    "projects": "Projecten",
    "due_soon": f"Mijlpalen komende {DUE_SOON_DAYS // 7} weken",
    "overdue_milestones": "Mijlpalen te laat",
    "past_end": "Over einddatum",
    "stale": "Verouderd",
}


@dataclass(frozen=True)
class PlanningView:
    shown: pd.DataFrame  # the programme's projects that pass the filter (programme_data columns)
    rows: pd.DataFrame  # gantt_rows() of `shown`, with a unique `label`
    lists: AttentionLists
    table: pd.DataFrame  # the project list under Dutch headers, in the order of `rows`
    markup: dict[str, str]  # LIST_CAPTIONS name -> that list as an HTML table (the attention lists empty: "")

    def tab_labels(self) -> list[str]:
        """'Caption (count)' for every list of LIST_CAPTIONS, in that order."""
        counts = {"projects": len(self.rows)} | {
            n: len(getattr(self.lists, n)) for n in LIST_CAPTIONS if n != "projects"
        }
        return [f"{caption} ({counts[name]})" for name, caption in LIST_CAPTIONS.items()]


@dataclass(frozen=True)
class GanttPage:
    visible: pd.DataFrame  # the rows on this page
    frame: pd.DataFrame  # gantt_frame() of those rows


def planning_view(snap: Snapshot, sel: Selection, f: PlanningFilter, group_by: str) -> PlanningView:
    shared = _planning_view(*selection_key(snap, sel), f, group_by)
    lists = AttentionLists(*(own_copy(getattr(shared.lists, name)) for name in AttentionLists.__dataclass_fields__))
    return PlanningView(own_copy(shared.shown), own_copy(shared.rows), lists, own_copy(shared.table), shared.markup)


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
    lists = attention_lists(shown, milestones, reference_date)
    table = project_table(rows)
    return PlanningView(shown, rows, lists, table, list_markup(table, lists))


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


def list_markup(table: pd.DataFrame, lists: AttentionLists) -> dict[str, str]:
    """The project list (progress as a percentage) and the attention lists as HTML tables."""
    projects = table.assign(Voortgang=_percentages(table["Voortgang"]))
    frames = {
        "projects": projects,
        "due_soon": milestone_list(lists.due_soon, late=False),
        "overdue_milestones": milestone_list(lists.overdue_milestones, late=True),
        "past_end": past_end_list(lists.past_end),
        "stale": stale_list(lists.stale),
    }
    return {
        name: "" if frame.empty and name != "projects" else table_markup(frame, LIST_CAPTIONS[name])
        for name, frame in frames.items()
    }


def milestone_list(milestones: pd.DataFrame, late: bool) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "Mijlpaal": milestones["milestone"],
            "Project": milestones["project_title"],
            "Wijk": milestones["wijk_name"],
            "Gepland": milestones["due_date"].map(fmt.date_short),
        }
    )
    if late:
        out["Dagen te laat"] = milestones["days_late"].to_numpy()
    return out


def past_end_list(projects: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Project": projects["title"],
            "Wijk": projects["wijk_name"],
            "Einde": projects["end_date"].map(fmt.date_short),
            "Status": projects["status"].map(project_status_display),
            "Voortgang": _percentages(projects["progress"]),
        }
    )


def stale_list(projects: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Project": projects["title"],
            "Wijk": projects["wijk_name"],
            "Status": projects["status"].map(project_status_display),
            "Laatste update": projects["last_update"].map(fmt.date_short),
            "Dagen zonder update": projects["days_since_update"],
        }
    )


def _percentages(progress: pd.Series) -> list[str]:
    """Progress 0-100 as '75%'."""
    return [fmt.percent(v / 100, 0) for v in progress]
