"""Status per partner: who leads and contributes to which projects, with what money and what signals.

Rules (one place):
- A partner is involved in a project when it leads it (trekker, the project's lead partner) or has a
  contribution (project_partner row) to it. "Trekker" counts the projects it leads, "bijdrager" the
  projects it contributes to without leading them; "projecten" counts each project once.
- Toegezegd budget: the sum of the partner's contribution amounts to those projects.
- Mijlpalen te laat: milestones overdue on the reference date (domain.milestones) in the projects the
  partner is involved in. A milestone of a project with three partners counts for each of the three.
- Verouderd and over tijd: the partner's projects flagged by domain.project_status.
- The partner's overall status is the worst-counts roll-up (domain.rollup) of its projects.
- Aandeel: the partner's amount as a share of the project's budget (all contributions together); no share
  when the project has no budget.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .milestones import milestone_state
from .project_status import STATUSES
from .rollup import rollup_status

RANKING_COLUMNS = [
    "partner_code",
    "partner_name",
    "partner_kind",
    "status",
    "projecten",
    "trekker",
    "bijdrager",
    "budget",
    *STATUSES,
    "verouderd",
    "over_tijd",
    "mijlpalen_te_laat",
]


def involvement(projects: pd.DataFrame, project_partners: pd.DataFrame) -> pd.DataFrame:
    """One row per partner and project: partner_code, project_code, is_lead, amount (0 when only leading).

    `projects` needs code and lead_partner_code; `project_partners` project_code, partner_code, amount.
    """
    contributions = project_partners.loc[
        project_partners["project_code"].isin(projects["code"]), ["project_code", "partner_code", "amount"]
    ]
    contributions = contributions.groupby(["project_code", "partner_code"], as_index=False)["amount"].sum()
    leads = projects[["code", "lead_partner_code"]].rename(
        columns={"code": "project_code", "lead_partner_code": "partner_code"}
    )
    leads = leads.dropna(subset=["partner_code"]).assign(lead=1)
    out = contributions.merge(leads, on=["project_code", "partner_code"], how="outer")
    out["is_lead"] = out["lead"].notna()
    out["amount"] = out["amount"].astype(float).fillna(0.0)
    return out[["partner_code", "project_code", "is_lead", "amount"]].reset_index(drop=True)


def _names(partners: pd.DataFrame) -> pd.DataFrame:
    return partners[["code", "name", "kind"]].rename(
        columns={"code": "partner_code", "name": "partner_name", "kind": "partner_kind"}
    )


def partner_ranking(
    projects: pd.DataFrame,
    project_partners: pd.DataFrame,
    partners: pd.DataFrame,
    milestones: pd.DataFrame,
    reference_date: dt.date,
) -> pd.DataFrame:
    """One row per partner involved in `projects` (RANKING_COLUMNS), largest budget first.

    `projects` carries the project_status() columns (status, stale, overdue); `partners` has code, name,
    kind; `milestones` has project_code, due_date, done_date. A partner without projects has no row.
    """
    inv = involvement(projects, project_partners)
    if inv.empty:
        return pd.DataFrame(columns=RANKING_COLUMNS)
    facts = projects[["code", "status", "stale", "overdue"]].rename(columns={"code": "project_code"})
    inv = inv.merge(facts, on="project_code", how="left")
    own = milestones[milestones["project_code"].isin(projects["code"])]
    late = milestone_state(own, reference_date).groupby("project_code")["overdue"].sum()
    inv["mijlpalen_te_laat"] = inv["project_code"].map(late).fillna(0).astype(int)

    out = inv.groupby("partner_code").agg(
        projecten=("project_code", "nunique"),
        trekker=("is_lead", "sum"),
        budget=("amount", "sum"),
        verouderd=("stale", "sum"),
        over_tijd=("overdue", "sum"),
        mijlpalen_te_laat=("mijlpalen_te_laat", "sum"),
    )
    out["bijdrager"] = out["projecten"] - out["trekker"]
    out["status"] = inv.groupby("partner_code")["status"].agg(rollup_status)
    per_status = pd.crosstab(inv["partner_code"], inv["status"]).reindex(columns=list(STATUSES), fill_value=0)
    out = out.join(per_status)
    counts = ["projecten", "trekker", "bijdrager", "verouderd", "over_tijd", "mijlpalen_te_laat", *STATUSES]
    out[counts] = out[counts].fillna(0).astype(int)
    out = out.reset_index().merge(_names(partners), on="partner_code", how="left")
    out["partner_name"] = out["partner_name"].fillna(out["partner_code"])
    out = out.sort_values(["budget", "partner_name"], ascending=[False, True])
    return out[RANKING_COLUMNS].reset_index(drop=True)


def status_breakdown(ranking: pd.DataFrame) -> pd.DataFrame:
    """Long form of the per-status counts of a ranking: partner_code, partner_name, status, aantal.

    Only non-zero counts, partners in ranking order and statuses in the fixed order.
    """
    long = ranking.melt(
        id_vars=["partner_code", "partner_name"], value_vars=list(STATUSES), var_name="status", value_name="aantal"
    )
    long["volgorde"] = long["partner_code"].map({c: i for i, c in enumerate(ranking["partner_code"])})
    long["status_volgorde"] = long["status"].map(STATUSES.index)
    long = long[long["aantal"] > 0].sort_values(["volgorde", "status_volgorde"])
    return long[["partner_code", "partner_name", "status", "aantal"]].reset_index(drop=True)


def partner_projects(partner_code: str, projects: pd.DataFrame, project_partners: pd.DataFrame) -> pd.DataFrame:
    """The projects of one partner (pass all programmes for the full picture), with its amount and share.

    Adds is_lead, amount (the partner's contribution), project_budget (all contributions together) and
    share (amount / project_budget; NaN when the project has no budget). Sorted by programme, wijk, code.
    """
    inv = involvement(projects, project_partners)
    own = inv[inv["partner_code"] == partner_code]
    totals = project_partners.groupby("project_code")["amount"].sum()
    out = projects.merge(own.drop(columns="partner_code"), left_on="code", right_on="project_code", how="inner")
    out["project_budget"] = out["code"].map(totals).astype(float).fillna(0.0)
    out["share"] = (out["amount"] / out["project_budget"]).where(out["project_budget"] > 0)
    sort = [c for c in ("programme_code", "wijk_name", "code") if c in out.columns]
    return out.drop(columns="project_code").sort_values(sort).reset_index(drop=True)


def wijk_partner_amounts(
    projects: pd.DataFrame, project_partners: pd.DataFrame, partners: pd.DataFrame
) -> pd.DataFrame:
    """Long form of who is active where: partner_code, partner_name, wijk_code, wijk_name, projecten, bedrag.

    A partner counts as active in a wijk when it leads or contributes to a project there; `bedrag` is the
    sum of its contributions to those projects (0 when it only leads).
    """
    inv = involvement(projects, project_partners).merge(
        projects[["code", "wijk_code", "wijk_name"]], left_on="project_code", right_on="code"
    )
    out = inv.groupby(["partner_code", "wijk_code", "wijk_name"], as_index=False).agg(
        projecten=("project_code", "nunique"), bedrag=("amount", "sum")
    )
    out = out.merge(_names(partners)[["partner_code", "partner_name"]], on="partner_code", how="left")
    out["partner_name"] = out["partner_name"].fillna(out["partner_code"])
    return out[["partner_code", "partner_name", "wijk_code", "wijk_name", "projecten", "bedrag"]]


def wijk_partner_matrix(amounts: pd.DataFrame, wijken: pd.DataFrame) -> pd.DataFrame:
    """Partners (rows, index partner_code) x wijken (columns, wijk names in `wijken` order) with amounts.

    NaN where the partner is not active in the wijk; a first column partner_name and a last column
    Totaal. Partners with the largest total first. `wijken` has code and name.
    """
    names = wijken.set_index("code")["name"]
    pivot = amounts.pivot_table(index="partner_code", columns="wijk_code", values="bedrag", aggfunc="sum")
    pivot = pivot.reindex(columns=list(names.index))
    pivot.columns = [names[c] for c in pivot.columns]
    pivot["Totaal"] = amounts.groupby("partner_code")["bedrag"].sum()
    partner_names = amounts.drop_duplicates("partner_code").set_index("partner_code")["partner_name"]
    pivot.insert(0, "partner_name", partner_names.reindex(pivot.index))
    pivot = pivot.sort_values(["Totaal", "partner_name"], ascending=[False, True])
    pivot.index.name = "partner_code"
    pivot.columns.name = None
    return pivot
