"""The generated agenda of a steering-group meeting, everything judged on the meeting date.

Rules (one place):
1. Rode en oranje projecten: status vertraagd or aandacht on the meeting date (red first), with the date
   the project got that status and its latest oorzaak, gevolg and maatregel.
2. Mijlpalen te laat: due before the meeting date and not done by then (domain.milestones).
3. Verouderde updates: running projects without an update within the reporting rhythm (domain.project_status).
4. Doelen niet op koers: target status "niet op koers" on the meeting date (domain.targets); "risico" is
   reported in the changes and on the Overzicht, not as an agenda point.
5. Charterafspraken over tijd: due date before the meeting date and not afgerond (domain.charter).
6. Openstaande acties: actions recorded in an earlier meeting that were still open on the meeting date
   (not closed, or closed on or after it; one closed on the meeting date itself shows as closed there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .charter import is_overdue
from .milestones import milestone_state
from .project_status import DEFAULT_RHYTHM_DAYS, project_status
from .targets import TrajectorySettings, assess_targets

SEVERITY_ORDER = {"vertraagd": 0, "aandacht": 1}

RED_ORANGE_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_code",
    "lead_partner_name",
    "status",
    "since",
    "progress",
    "oorzaak",
    "gevolg",
    "maatregel",
]


def status_since(updates: pd.DataFrame, project_code: str, status: str, meeting: dt.date) -> pd.Timestamp | None:
    """The date of the first update of the uninterrupted run of `status` up to the meeting date."""
    own = updates[(updates["project_code"] == project_code) & (updates["update_date"] <= pd.Timestamp(meeting))]
    since = None
    for u in own.sort_values("update_date", ascending=False).itertuples(index=False):
        if u.status != status:
            break
        since = u.update_date
    return since


def red_orange_projects(projects: pd.DataFrame, updates: pd.DataFrame, meeting: dt.date) -> pd.DataFrame:
    state = project_status(projects, updates, meeting)
    merged = projects.merge(state, on="code")
    hot = merged[merged["status"].isin(list(SEVERITY_ORDER))].copy()
    known = updates[updates["update_date"] <= pd.Timestamp(meeting)].sort_values("update_date")
    latest = known.groupby("project_code").tail(1).set_index("project_code")
    hot["since"] = [status_since(updates, c, s, meeting) for c, s in zip(hot["code"], hot["status"], strict=True)]
    for f in ("oorzaak", "gevolg", "maatregel"):
        hot[f] = [latest[f].get(c) if c in latest.index else None for c in hot["code"]]
    hot["order"] = hot["status"].map(SEVERITY_ORDER)
    hot = hot.sort_values(["order", "since", "code"]).rename(columns={"code": "project_code", "title": "project_title"})
    hot["since"] = pd.to_datetime(hot["since"])
    return hot.reindex(columns=RED_ORANGE_COLUMNS).reset_index(drop=True)


OVERDUE_MILESTONE_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_name",
    "milestone",
    "due_date",
    "days_late",
]


def overdue_milestones(projects: pd.DataFrame, milestones: pd.DataFrame, meeting: dt.date) -> pd.DataFrame:
    own = milestones[milestones["project_code"].isin(projects["code"])]
    state = milestone_state(own, meeting)
    late = state[state["overdue"]].rename(columns={"title": "milestone"})
    late = late.merge(
        projects[["code", "title", "wijk_code", "wijk_name", "lead_partner_name"]].rename(
            columns={"code": "project_code", "title": "project_title"}
        ),
        on="project_code",
    )
    return (
        late.sort_values(["days_late", "project_code"], ascending=[False, True])
        .reindex(columns=OVERDUE_MILESTONE_COLUMNS)
        .reset_index(drop=True)
    )


STALE_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_name",
    "status",
    "last_update",
    "days_since_update",
]


def stale_projects(
    projects: pd.DataFrame, updates: pd.DataFrame, meeting: dt.date, rhythm_days: int = DEFAULT_RHYTHM_DAYS
) -> pd.DataFrame:
    state = project_status(projects, updates, meeting, rhythm_days)
    merged = projects.merge(state, on="code")
    stale = merged[merged["stale"]].rename(columns={"code": "project_code", "title": "project_title"})
    return (
        stale.sort_values(["days_since_update", "project_code"], ascending=[False, True])
        .reindex(columns=STALE_COLUMNS)
        .reset_index(drop=True)
    )


OFF_COURSE_COLUMNS = [
    "wijk_code",
    "wijk_name",
    "indicator_code",
    "indicator_name",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
    "latest_year",
    "latest_value",
    "expected_value",
]


def targets_off_course(
    wijken: pd.DataFrame,
    targets: pd.DataFrame,
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    meeting: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> pd.DataFrame:
    if targets.empty:
        return pd.DataFrame(columns=OFF_COURSE_COLUMNS)
    assessed = assess_targets(targets, indicators, measurements, meeting, settings)
    off = assessed[assessed["status"] == "niet op koers"]
    off = off.merge(wijken[["code", "name"]].rename(columns={"code": "wijk_code", "name": "wijk_name"}), on="wijk_code")
    off = off.merge(
        indicators[["code", "name"]].rename(columns={"code": "indicator_code", "name": "indicator_name"}),
        on="indicator_code",
        how="left",
    )
    return off.sort_values(["wijk_name", "indicator_name"]).reindex(columns=OFF_COURSE_COLUMNS).reset_index(drop=True)


CHARTER_COLUMNS = ["number", "theme", "text", "party", "status", "due_date", "days_late"]


def overdue_charter(charter: pd.DataFrame, meeting: dt.date) -> pd.DataFrame:
    if charter.empty:
        return pd.DataFrame(columns=CHARTER_COLUMNS)
    late = charter[is_overdue(charter, meeting)].copy()
    late["days_late"] = (pd.Timestamp(meeting) - late["due_date"]).dt.days.astype(int)
    return late.sort_values(["due_date", "number"]).reindex(columns=CHARTER_COLUMNS).reset_index(drop=True)


ACTION_COLUMNS = [
    "meeting_date",
    "number",
    "text",
    "owner_partner_code",
    "due_date",
    "project_code",
    "wijk_code",
    "status",
    "closed_date",
    "version",
    "overdue",
]


def open_actions(items: pd.DataFrame, meeting: dt.date) -> pd.DataFrame:
    """Actions from meetings before this one, open on the meeting date (see rule 6).

    `status` is the state as of the meeting date: "afgerond" only if closed on the meeting date itself.
    `overdue` marks an open action whose due date lies before the meeting date.
    """
    ref = pd.Timestamp(meeting)
    if items.empty:
        return pd.DataFrame(columns=ACTION_COLUMNS)
    earlier = items[(items["kind"] == "actie") & (items["meeting_date"] < ref)]
    still_open = earlier[earlier["closed_date"].isna() | (earlier["closed_date"] >= ref)].copy()
    closed_now = still_open["closed_date"] == ref
    still_open["status"] = ["afgerond" if c else "open" for c in closed_now]
    still_open["closed_date"] = still_open["closed_date"].where(closed_now)
    still_open["overdue"] = ~closed_now & (still_open["due_date"] < ref)
    return still_open.sort_values(["meeting_date", "number"]).reindex(columns=ACTION_COLUMNS).reset_index(drop=True)


@dataclass(frozen=True)
class Agenda:
    red_orange: pd.DataFrame
    overdue_milestones: pd.DataFrame
    stale: pd.DataFrame
    targets_off_course: pd.DataFrame
    overdue_charter: pd.DataFrame
    open_actions: pd.DataFrame


AGENDA_TITLES = {
    "red_orange": "Rode en oranje projecten",
    "overdue_milestones": "Mijlpalen te laat",
    "stale": "Verouderde statusupdates",
    "targets_off_course": "Doelen niet op koers",
    "overdue_charter": "Charterafspraken over tijd",
    "open_actions": "Openstaande acties uit eerdere vergaderingen",
}


def build_agenda(
    frames,
    items: pd.DataFrame,
    meeting: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> Agenda:
    """`frames` is a domain.changes.ProgrammeFrames; `items` the programme's meeting items."""
    f = frames
    return Agenda(
        red_orange=red_orange_projects(f.projects, f.updates, meeting),
        overdue_milestones=overdue_milestones(f.projects, f.milestones, meeting),
        stale=stale_projects(f.projects, f.updates, meeting),
        targets_off_course=targets_off_course(f.wijken, f.targets, f.indicators, f.measurements, meeting, settings),
        overdue_charter=overdue_charter(f.charter, meeting),
        open_actions=open_actions(items, meeting),
    )
