"""Headline figures of a programme, computed from the data frames of data_access."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .project_status import status_counts
from .rollup import NO_PROJECTS, rollup
from .targets import target_status_counts


@dataclass(frozen=True)
class CentralBudget:
    total: float
    approved: float
    spent: float
    pending_requests: float  # asked for, not (yet) approved

    @property
    def remaining(self) -> float:
        return self.total - self.approved

    @property
    def over_allocated(self) -> bool:
        return self.approved > self.total


@dataclass(frozen=True)
class ProgrammeOverview:
    wijken: int
    contracts: int
    projects: int
    project_status: pd.Series
    stale_projects: int
    overdue_projects: int
    partner_contributions: float
    partners_involved: int
    central_budget: CentralBudget
    target_status: pd.Series


def central_budget(total: float, allocations: pd.DataFrame) -> CentralBudget:
    pending = allocations.loc[allocations["approved"] < allocations["requested"]]
    return CentralBudget(
        total=float(total),
        approved=float(allocations["approved"].sum()),
        spent=float(allocations["spent"].sum()),
        pending_requests=float((pending["requested"] - pending["approved"]).sum()),
    )


def programme_overview(
    central_budget_total: float,
    wijken: pd.DataFrame,
    contracts: pd.DataFrame,
    projects: pd.DataFrame,
    project_partners: pd.DataFrame,
    allocations: pd.DataFrame,
    assessed_targets: pd.DataFrame,
) -> ProgrammeOverview:
    """All frames already restricted to one programme; `projects` carries the project_status() columns."""
    contributions = project_partners[project_partners["project_code"].isin(projects["code"])]
    return ProgrammeOverview(
        wijken=len(wijken),
        contracts=len(contracts),
        projects=len(projects),
        project_status=status_counts(projects["status"]),
        stale_projects=int(projects["stale"].sum()),
        overdue_projects=int(projects["overdue"].sum()),
        partner_contributions=float(contributions["amount"].sum()),
        partners_involved=int(contributions["partner_code"].nunique()),
        central_budget=central_budget(central_budget_total, allocations),
        target_status=target_status_counts(assessed_targets["status"]),
    )


def wijk_summary(wijken: pd.DataFrame, projects: pd.DataFrame, assessed_targets: pd.DataFrame) -> pd.DataFrame:
    """Per wijk: rolled-up status, projects per status, stale, partner budget, targets achieved or on course.

    `projects` carries the project_status() columns.
    """
    merged = projects
    rolled = rollup(projects, "wijk_code").set_index("wijk_code")["status"].rename("rollup")
    per_status = pd.crosstab(merged["wijk_code"], merged["status"]).reindex(
        columns=list(status_counts(pd.Series(dtype=str)).index), fill_value=0
    )
    agg = merged.groupby("wijk_code").agg(
        projecten=("code", "size"), verouderd=("stale", "sum"), budget=("budget", "sum")
    )
    targets = assessed_targets.assign(
        goed=assessed_targets["status"].isin(["gehaald", "op koers"]),
        gemeten=assessed_targets["status"] != "geen recente meting",
    )
    tagg = targets.groupby("wijk_code").agg(doelen=("status", "size"), doelen_goed=("goed", "sum"))
    out = wijken[["code", "name", "district"]].set_index("code")
    out = out.join(agg).join(per_status).join(tagg).join(rolled)
    out["rollup"] = out["rollup"].fillna(NO_PROJECTS)
    counts = ["projecten", "verouderd", "doelen", "doelen_goed", *per_status.columns]
    out[counts] = out[counts].fillna(0).astype(int)
    out["budget"] = out["budget"].fillna(0.0)
    return out.reset_index()


def partner_summary(project_partners: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """Per partner in these projects: projects involved, projects led, total contribution (largest first)."""
    rows = project_partners[project_partners["project_code"].isin(projects["code"])]
    out = rows.groupby(["partner_code", "partner_name", "partner_kind"], as_index=False).agg(
        projecten=("project_code", "nunique"), trekker=("is_lead", "sum"), bijdrage=("amount", "sum")
    )
    out["trekker"] = out["trekker"].astype(int)
    return out.sort_values(["bijdrage", "partner_name"], ascending=[False, True]).reset_index(drop=True)


def latest_city_average(measurements: pd.DataFrame, indicator_code: str, up_to_year: int) -> tuple[int, float] | None:
    """The city average of an indicator in the latest year up to `up_to_year`, as (year, value)."""
    city = measurements[
        measurements["wijk_code"].isna()
        & (measurements["indicator_code"] == indicator_code)
        & (measurements["year"] <= up_to_year)
    ]
    if city.empty:
        return None
    row = city.loc[city["year"].idxmax()]
    return int(row["year"]), float(row["value"])


def programme_comparison(
    programmes: pd.DataFrame,
    wijken: pd.DataFrame,
    contracts: pd.DataFrame,
    project_totals: pd.DataFrame,
    allocations: pd.DataFrame,
) -> pd.DataFrame:
    """One row per programme: wijken, contracts, projects, partner contributions, central budget use.

    `project_totals` has per programme the number of projects and their partner budget (columns
    programme_code, projects, budget; data_access.queries.programme_totals), so the comparison of a
    hundred programmes needs no row per project."""

    def count(frame: pd.DataFrame) -> pd.Series:
        return frame.groupby("programme_code").size()

    out = programmes[["code", "name", "city", "central_budget"]].set_index("code")
    out["wijken"] = count(wijken)
    out["contracten"] = count(contracts)
    totals = project_totals.set_index("programme_code")
    out["projecten"] = totals["projects"]
    out["partnerbijdragen"] = totals["budget"]
    out["toegekend"] = allocations.groupby("programme_code")["approved"].sum()
    counts = ["wijken", "contracten", "projecten"]
    out[counts] = out[counts].fillna(0).astype(int)
    out[["partnerbijdragen", "toegekend"]] = out[["partnerbijdragen", "toegekend"]].fillna(0.0)
    out["beschikbaar"] = out["central_budget"] - out["toegekend"]
    return out.reset_index()
