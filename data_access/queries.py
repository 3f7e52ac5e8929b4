"""Read functions: each returns a pandas DataFrame with plain columns.

Dates come back as pandas datetimes (NaT for none), money as float euros. Nothing here knows about
streamlit; the UI layer caches these functions and keys the cache on the data version.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, Select, func, select

from .models import (
    BudgetAllocation,
    CharterAgreement,
    CharterPartner,
    Contract,
    Indicator,
    Measurement,
    Milestone,
    Partner,
    Programme,
    Project,
    ProjectIndicator,
    ProjectPartner,
    ReportMoment,
    StatusUpdate,
    Target,
    Wijk,
)


def _of_programme_projects(stmt: Select, project_code_column, programme: str | None) -> Select:
    """Only the rows of `programme`'s projects (all rows for None): the big tables are read per programme."""
    if programme is None:
        return stmt
    codes = (
        select(Project.code)
        .join(Contract, Contract.code == Project.contract_code)
        .join(Wijk, Wijk.code == Contract.wijk_code)
        .where(Wijk.programme_code == programme)
    )
    return stmt.where(project_code_column.in_(codes))


def _budget_per_project():
    """Subquery: per project the sum of the partners' contributions (column `budget`)."""
    return (
        select(ProjectPartner.project_code, func.sum(ProjectPartner.amount).label("budget"))
        .group_by(ProjectPartner.project_code)
        .subquery()
    )


def _frame(engine: Engine, stmt: Select, dates: tuple[str, ...] = (), money: tuple[str, ...] = ()) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(stmt)
        # Plain tuples: pandas probes each Row for namedtuple fields, which costs more than the query.
        df = pd.DataFrame([tuple(row) for row in result.fetchall()], columns=list(result.keys()))
    for col in dates:
        df[col] = pd.to_datetime(df[col])
    for col in money:
        df[col] = df[col].astype(float)
    return df


def programmes(engine: Engine) -> pd.DataFrame:
    p = Programme
    return _frame(
        engine,
        select(p.code, p.name, p.city, p.start_date, p.end_date, p.central_budget, p.description).order_by(p.name),
        dates=("start_date", "end_date"),
        money=("central_budget",),
    )


def wijken(engine: Engine) -> pd.DataFrame:
    w = Wijk
    return _frame(
        engine,
        select(
            w.code,
            w.programme_code,
            w.name,
            w.city,
            w.district,
            w.kind,
            w.cbs_code,
            w.population,
            w.centroid_lon,
            w.centroid_lat,
        ).order_by(w.name),
    )


def partners(engine: Engine) -> pd.DataFrame:
    return _frame(engine, select(Partner.code, Partner.name, Partner.kind).order_by(Partner.name))


def contracts(engine: Engine) -> pd.DataFrame:
    c = Contract
    return _frame(
        engine,
        select(c.code, c.wijk_code, Wijk.programme_code, c.kind, c.title, c.signed_date, c.start_date, c.end_date)
        .join(Wijk, Wijk.code == c.wijk_code)
        .order_by(c.code),
        dates=("signed_date", "start_date", "end_date"),
    )


def report_moments(engine: Engine) -> pd.DataFrame:
    r = ReportMoment
    return _frame(
        engine,
        select(r.contract_code, r.report_date, r.title).order_by(r.contract_code, r.report_date),
        dates=("report_date",),
    )


def projects(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    """Projects with their wijk and programme, and the partners' total budget (optionally of one programme)."""
    p = Project
    budget = _budget_per_project()
    stmt = (
        select(
            p.code,
            p.title,
            p.theme,
            p.contract_code,
            Contract.wijk_code,
            Wijk.name.label("wijk_name"),
            Wijk.programme_code,
            p.lead_partner_code,
            Partner.name.label("lead_partner_name"),
            p.start_date,
            p.end_date,
            p.description,
            func.coalesce(budget.c.budget, 0).label("budget"),
        )
        .join(Contract, Contract.code == p.contract_code)
        .join(Wijk, Wijk.code == Contract.wijk_code)
        .join(Partner, Partner.code == p.lead_partner_code)
        .outerjoin(budget, budget.c.project_code == p.code)
        .order_by(p.code)
    )
    if programme is not None:
        stmt = stmt.where(Wijk.programme_code == programme)
    return _frame(engine, stmt, dates=("start_date", "end_date"), money=("budget",))


def project_partners(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    pp = ProjectPartner
    stmt = (
        select(
            pp.project_code,
            pp.partner_code,
            Partner.name.label("partner_name"),
            Partner.kind.label("partner_kind"),
            pp.amount,
            (Project.lead_partner_code == pp.partner_code).label("is_lead"),
        )
        .join(Partner, Partner.code == pp.partner_code)
        .join(Project, Project.code == pp.project_code)
        .order_by(pp.project_code, pp.partner_code)
    )
    return _frame(engine, _of_programme_projects(stmt, pp.project_code, programme), money=("amount",))


def status_updates(engine: Engine, until: dt.date | None = None, programme: str | None = None) -> pd.DataFrame:
    """The status history, optionally only what was known on `until`, or only of one programme's projects."""
    s = StatusUpdate
    stmt = select(
        s.project_code,
        s.update_date,
        s.status,
        s.progress,
        s.text,
        s.oorzaak,
        s.gevolg,
        s.maatregel,
        s.author,
    ).order_by(s.project_code, s.update_date)
    if until is not None:
        stmt = stmt.where(s.update_date <= until)
    return _frame(engine, _of_programme_projects(stmt, s.project_code, programme), dates=("update_date",))


def milestones(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    m = Milestone
    stmt = select(m.project_code, m.title, m.due_date, m.done_date).order_by(m.project_code, m.due_date)
    return _frame(engine, _of_programme_projects(stmt, m.project_code, programme), dates=("due_date", "done_date"))


def indicators(engine: Engine) -> pd.DataFrame:
    i = Indicator
    return _frame(
        engine,
        select(i.code, i.name, i.theme, i.unit, i.direction, i.source, i.interval_months).order_by(i.theme, i.name),
    )


def targets(engine: Engine) -> pd.DataFrame:
    t = Target
    return _frame(
        engine,
        select(
            t.wijk_code,
            Wijk.programme_code,
            t.indicator_code,
            t.baseline_year,
            t.baseline_value,
            t.target_year,
            t.target_value,
        )
        .join(Wijk, Wijk.code == t.wijk_code)
        .order_by(t.wijk_code, t.indicator_code),
    )


def measurements(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    """Wijk rows and city-average rows (wijk_code empty); with `programme`, only those of its city."""
    m = Measurement
    stmt = select(m.indicator_code, m.city, m.wijk_code, m.year, m.value).order_by(
        m.indicator_code, m.city, m.wijk_code, m.year
    )
    if programme is not None:
        stmt = stmt.where(m.city == select(Programme.city).where(Programme.code == programme).scalar_subquery())
    return _frame(engine, stmt)


def project_indicators(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    pi = ProjectIndicator
    stmt = select(pi.project_code, pi.indicator_code).order_by(pi.project_code, pi.indicator_code)
    return _frame(engine, _of_programme_projects(stmt, pi.project_code, programme))


def programme_totals(engine: Engine) -> pd.DataFrame:
    """Per programme with projects: the number of projects and the partners' contributions to them."""
    budget = _budget_per_project()
    return _frame(
        engine,
        select(
            Wijk.programme_code,
            func.count(Project.code).label("projects"),
            func.coalesce(func.sum(budget.c.budget), 0).label("budget"),
        )
        .select_from(Project)
        .join(Contract, Contract.code == Project.contract_code)
        .join(Wijk, Wijk.code == Contract.wijk_code)
        .outerjoin(budget, budget.c.project_code == Project.code)
        .group_by(Wijk.programme_code)
        .order_by(Wijk.programme_code),
        money=("budget",),
    )


def budget_allocations(engine: Engine) -> pd.DataFrame:
    b = BudgetAllocation
    return _frame(
        engine,
        select(
            b.code,
            b.programme_code,
            b.wijk_code,
            b.category,
            b.title,
            b.requested,
            b.approved,
            b.spent,
            b.priority,
            b.decision_date,
        ).order_by(b.programme_code, b.code),
        dates=("decision_date",),
        money=("requested", "approved", "spent"),
    )


def charter_agreements(engine: Engine) -> pd.DataFrame:
    c = CharterAgreement
    return _frame(
        engine,
        select(c.programme_code, c.number, c.theme, c.text, c.party, c.status, c.due_date).order_by(
            c.programme_code, c.number
        ),
        dates=("due_date",),
    )


def charter_partners(engine: Engine) -> pd.DataFrame:
    c = CharterPartner
    return _frame(
        engine,
        select(c.programme_code, c.number, c.partner_code, Partner.name.label("partner_name"))
        .join(Partner, Partner.code == c.partner_code)
        .order_by(c.programme_code, c.number),
    )


def last_data_dates(engine: Engine, programme: str | None = None) -> pd.DataFrame:
    """Per programme (or for one), the last date on which something happened (updates, milestones, budget
    decisions)."""
    parts = [
        select(Wijk.programme_code, func.max(StatusUpdate.update_date).label("last"))
        .join(Project, Project.code == StatusUpdate.project_code)
        .join(Contract, Contract.code == Project.contract_code)
        .join(Wijk, Wijk.code == Contract.wijk_code)
        .group_by(Wijk.programme_code),
        select(Wijk.programme_code, func.max(Milestone.done_date).label("last"))
        .join(Project, Project.code == Milestone.project_code)
        .join(Contract, Contract.code == Project.contract_code)
        .join(Wijk, Wijk.code == Contract.wijk_code)
        .group_by(Wijk.programme_code),
        select(BudgetAllocation.programme_code, func.max(BudgetAllocation.decision_date).label("last")).group_by(
            BudgetAllocation.programme_code
        ),
    ]
    if programme is not None:
        parts = [
            stmt.where((BudgetAllocation if i == 2 else Wijk).programme_code == programme)
            for i, stmt in enumerate(parts)
        ]
    frames = [_frame(engine, stmt, dates=("last",)) for stmt in parts]
    df = pd.concat(frames, ignore_index=True).dropna(subset=["last"])
    return df.groupby("programme_code", as_index=False)["last"].max()
