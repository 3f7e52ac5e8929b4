"""Planning: filtering projects, the attention lists beside the Gantt chart, and the Gantt rows.

A partner filter matches projects the partner leads or contributes to. A period filter keeps projects
whose run (start to end) overlaps the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .milestones import DUE_SOON_DAYS, milestone_state
from .rollup import rollup_status

GROUPINGS = {"wijk": "wijk_name", "thema": "theme"}


@dataclass(frozen=True)
class PlanningFilter:
    themes: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    wijk_code: str | None = None


def filter_projects(projects: pd.DataFrame, project_partners: pd.DataFrame, f: PlanningFilter) -> pd.DataFrame:
    """The projects matching every filter that is set (an empty filter keeps all)."""
    keep = pd.Series(True, index=projects.index)
    if f.wijk_code:
        keep &= projects["wijk_code"] == f.wijk_code
    if f.themes:
        keep &= projects["theme"].isin(f.themes)
    if f.statuses:
        keep &= projects["status"].isin(f.statuses)
    if f.partners:
        involved = set(project_partners.loc[project_partners["partner_code"].isin(f.partners), "project_code"])
        keep &= projects["code"].isin(involved) | projects["lead_partner_code"].isin(f.partners)
    if f.period_start is not None:
        keep &= projects["end_date"] >= pd.Timestamp(f.period_start)
    if f.period_end is not None:
        keep &= projects["start_date"] <= pd.Timestamp(f.period_end)
    return projects[keep]


@dataclass(frozen=True)
class AttentionLists:
    due_soon: pd.DataFrame  # milestones due within the horizon
    overdue_milestones: pd.DataFrame
    past_end: pd.DataFrame  # projects past their end date, not finished or stopped
    stale: pd.DataFrame  # running projects without an update in the reporting rhythm


def attention_lists(
    projects: pd.DataFrame, milestones: pd.DataFrame, reference_date: dt.date, horizon_days: int = DUE_SOON_DAYS
) -> AttentionLists:
    """`projects` carries project_status() columns; milestones are limited to these projects."""
    own = milestones[milestones["project_code"].isin(projects["code"])].rename(columns={"title": "milestone"})
    state = milestone_state(own, reference_date, horizon_days).merge(
        projects[["code", "title", "wijk_name"]].rename(columns={"code": "project_code", "title": "project_title"}),
        on="project_code",
    )
    return AttentionLists(
        due_soon=state[state["due_soon"]].sort_values("due_date"),
        overdue_milestones=state[state["overdue"]].sort_values("due_date"),
        past_end=projects[projects["overdue"]].sort_values("end_date"),
        stale=projects[projects["stale"]].sort_values("days_since_update", ascending=False),
    )


def gantt_rows(projects: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Projects ordered for the chart: by group, then start date; `group` and `row` columns added."""
    column = GROUPINGS[group_by]
    out = projects.assign(group=projects[column]).sort_values(["group", "start_date", "title"])
    out["row"] = range(len(out))
    return out.reset_index(drop=True)


def page_of(rows: pd.DataFrame, page: int, page_size: int) -> pd.DataFrame:
    """Rows of one page (1-based); the last page holds the remainder."""
    start = (page - 1) * page_size
    return rows.iloc[start : start + page_size]


def page_count(n: int, page_size: int) -> int:
    return max(1, -(-n // page_size))


def unique_labels(rows: pd.DataFrame, group_by: str) -> pd.Series:
    """Chart labels: the title, with the wijk when grouped by theme, and the code if still ambiguous
    within its group (each group is its own facet of the chart)."""
    labels = rows["title"] if group_by == "wijk" else rows["title"] + " (" + rows["wijk_name"] + ")"
    duplicated = pd.DataFrame({"group": rows["group"], "label": labels}).duplicated(keep=False)
    return labels.where(~duplicated, labels + " [" + rows["code"] + "]")


def collapsed_groups(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per group for the collapsed view: span from first start to last end, rolled-up status."""
    out = rows.groupby("group", sort=True).agg(
        start_date=("start_date", "min"), end_date=("end_date", "max"), projects=("code", "size")
    )
    out["status"] = rows.groupby("group", sort=True)["status"].agg(rollup_status)
    return out.reset_index()
