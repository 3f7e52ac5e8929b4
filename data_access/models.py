"""SQLAlchemy 2 ORM models of the programme domain.

Entities that people name (programme, wijk, partner, project, ...) use their short code as primary key,
so CSV files can refer to each other by code and an export reads like the input. Rows that are facts
about such entities (status updates, measurements, ...) get an integer id plus a unique natural key.
Editable rows carry a `version` column for optimistic locking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names so migrations behave the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(14, 2)

# Allowed values, kept here so the database, the importer and the domain agree.
WIJK_KINDS = ("pilotwijk", "aandachtswijk")
PARTNER_KINDS = (
    "gemeente",
    "stadsdeel",
    "corporatie",
    "politie",
    "welzijn",
    "onderwijs",
    "zorg",
    "rijk",
    "bedrijf",
    "bewoners",
    "kennisinstelling",
)
CONTRACT_KINDS = ("wijkcontract", "buurtuitvoeringsprogramma")
PROJECT_STATUSES = ("niet gestart", "op schema", "aandacht", "vertraagd", "afgerond", "gestopt")
DIRECTIONS = ("hoger", "lager")
BUDGET_CATEGORIES = ("algemene kosten", "bewonersinitiatief")
CHARTER_PARTIES = ("gemeente", "rijk", "beide")
CHARTER_STATUSES = ("niet gestart", "in uitvoering", "vertraagd", "afgerond")
ROLES = ("kijker", "redacteur", "partner-redacteur", "beheerder")
MEETING_ITEM_KINDS = ("besluit", "actie")
MEETING_ITEM_STATUSES = ("open", "afgerond")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + v + "'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Optimistic-locking counter; SQLAlchemy raises StaleDataError on a lost update."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class Programme(Versioned, Base):
    __tablename__ = "programme"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    city: Mapped[str] = mapped_column(String(100), nullable=False)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    central_budget: Mapped[Decimal] = mapped_column(Money, nullable=False, default=0)
    description: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="period"),
        CheckConstraint("central_budget >= 0", name="budget"),
    )


class Wijk(Versioned, Base):
    __tablename__ = "wijk"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("programme.code"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    city: Mapped[str] = mapped_column(String(100), nullable=False)
    district: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    cbs_code: Mapped[str | None] = mapped_column(String(60))
    population: Mapped[int | None] = mapped_column(Integer)
    centroid_lon: Mapped[float | None]
    centroid_lat: Mapped[float | None]

    __table_args__ = (
        UniqueConstraint("city", "name", name="uq_wijk_city_name"),
        CheckConstraint(_in("kind", WIJK_KINDS), name="kind"),
        CheckConstraint("population IS NULL OR population >= 0", name="population"),
        CheckConstraint("centroid_lon IS NULL OR (centroid_lon BETWEEN -180 AND 180)", name="lon"),
        CheckConstraint("centroid_lat IS NULL OR (centroid_lat BETWEEN -90 AND 90)", name="lat"),
    )


class Partner(Versioned, Base):
    __tablename__ = "partner"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)

    __table_args__ = (CheckConstraint(_in("kind", PARTNER_KINDS), name="kind"),)


class Contract(Versioned, Base):
    __tablename__ = "contract"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    wijk_code: Mapped[str] = mapped_column(ForeignKey("wijk.code"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    signed_date: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False)

    __table_args__ = (
        CheckConstraint(_in("kind", CONTRACT_KINDS), name="kind"),
        CheckConstraint("end_date >= start_date", name="period"),
    )


class ReportMoment(Versioned, Base):
    """A progress-report date of a contract (e.g. Haarlem's October 2008 tussenrapportage)."""

    __tablename__ = "report_moment"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    contract_code: Mapped[str] = mapped_column(ForeignKey("contract.code"), nullable=False, index=True)
    report_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)

    __table_args__ = (UniqueConstraint("contract_code", "report_date", name="uq_report_moment_key"),)


class Project(Versioned, Base):
    __tablename__ = "project"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    contract_code: Mapped[str] = mapped_column(ForeignKey("contract.code"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    theme: Mapped[str] = mapped_column(String(60), nullable=False)
    lead_partner_code: Mapped[str] = mapped_column(ForeignKey("partner.code"), nullable=False, index=True)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    description: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("end_date >= start_date", name="period"),)


class ProjectPartner(Versioned, Base):
    """A partner's budget contribution to a project (the lead partner included)."""

    __tablename__ = "project_partner"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_code: Mapped[str] = mapped_column(ForeignKey("project.code"), nullable=False, index=True)
    partner_code: Mapped[str] = mapped_column(ForeignKey("partner.code"), nullable=False, index=True)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)

    __table_args__ = (
        UniqueConstraint("project_code", "partner_code", name="uq_project_partner_key"),
        CheckConstraint("amount >= 0", name="amount"),
    )


class Milestone(Versioned, Base):
    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_code: Mapped[str] = mapped_column(ForeignKey("project.code"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    due_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    done_date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("project_code", "title", name="uq_milestone_key"),)


class StatusUpdate(Base):
    """One entry of a project's status history; never edited, only appended."""

    __tablename__ = "status_update"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_code: Mapped[str] = mapped_column(ForeignKey("project.code"), nullable=False)
    update_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    progress: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str | None] = mapped_column(Text)
    oorzaak: Mapped[str | None] = mapped_column(Text)
    gevolg: Mapped[str | None] = mapped_column(Text)
    maatregel: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("project_code", "update_date", name="uq_status_update_key"),
        CheckConstraint(_in("status", PROJECT_STATUSES), name="status"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress"),
        Index("ix_status_update_date", "update_date"),
    )


class Indicator(Versioned, Base):
    __tablename__ = "indicator"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    theme: Mapped[str] = mapped_column(String(60), nullable=False)
    unit: Mapped[str] = mapped_column(String(60), nullable=False)
    direction: Mapped[str] = mapped_column(String(10), nullable=False)
    source: Mapped[str | None] = mapped_column(String(300))
    interval_months: Mapped[int] = mapped_column(Integer, nullable=False, default=12)

    __table_args__ = (
        CheckConstraint(_in("direction", DIRECTIONS), name="direction"),
        CheckConstraint("interval_months > 0", name="interval"),
    )


class Target(Versioned, Base):
    """Doel: where a wijk should be on an indicator, from a baseline."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    wijk_code: Mapped[str] = mapped_column(ForeignKey("wijk.code"), nullable=False, index=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), nullable=False, index=True)
    baseline_year: Mapped[int] = mapped_column(Integer, nullable=False)
    baseline_value: Mapped[float] = mapped_column(nullable=False)
    target_year: Mapped[int] = mapped_column(Integer, nullable=False)
    target_value: Mapped[float] = mapped_column(nullable=False)

    __table_args__ = (
        UniqueConstraint("wijk_code", "indicator_code", name="uq_target_key"),
        CheckConstraint("target_year > baseline_year", name="years"),
    )


class Measurement(Versioned, Base):
    """Meting: a value of an indicator for a wijk, or for the whole city when wijk_code is empty."""

    __tablename__ = "measurement"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), nullable=False)
    city: Mapped[str] = mapped_column(String(100), nullable=False)
    wijk_code: Mapped[str | None] = mapped_column(ForeignKey("wijk.code"), index=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    value: Mapped[float] = mapped_column(nullable=False)

    __table_args__ = (
        # NULLs are distinct in a unique constraint, so the city rows get a partial index of their own.
        Index(
            "uq_measurement_wijk",
            "indicator_code",
            "wijk_code",
            "year",
            unique=True,
            sqlite_where=wijk_code.isnot(None),
            postgresql_where=wijk_code.isnot(None),
        ),
        Index(
            "uq_measurement_city",
            "indicator_code",
            "city",
            "year",
            unique=True,
            sqlite_where=wijk_code.is_(None),
            postgresql_where=wijk_code.is_(None),
        ),
        CheckConstraint("year BETWEEN 1900 AND 2100", name="year"),
    )


class BudgetAllocation(Versioned, Base):
    """An allocation of a programme's central budget: general costs or a resident initiative."""

    __tablename__ = "budget_allocation"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("programme.code"), nullable=False, index=True)
    wijk_code: Mapped[str | None] = mapped_column(ForeignKey("wijk.code"), index=True)
    category: Mapped[str] = mapped_column(String(30), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    requested: Mapped[Decimal] = mapped_column(Money, nullable=False, default=0)
    approved: Mapped[Decimal] = mapped_column(Money, nullable=False, default=0)
    spent: Mapped[Decimal] = mapped_column(Money, nullable=False, default=0)
    priority: Mapped[int | None] = mapped_column(Integer)
    decision_date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint(_in("category", BUDGET_CATEGORIES), name="category"),
        CheckConstraint("requested >= 0 AND approved >= 0 AND spent >= 0", name="amounts"),
    )


class CharterAgreement(Versioned, Base):
    __tablename__ = "charter_agreement"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("programme.code"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    theme: Mapped[str] = mapped_column(String(60), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    party: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    due_date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("programme_code", "number", name="uq_charter_agreement_key"),
        CheckConstraint(_in("party", CHARTER_PARTIES), name="party"),
        CheckConstraint(_in("status", CHARTER_STATUSES), name="status"),
        CheckConstraint("number > 0", name="number"),
    )


class CharterPartner(Base):
    """Partners concerned by a charter agreement."""

    __tablename__ = "charter_partner"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    programme_code: Mapped[str] = mapped_column(String(40), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    partner_code: Mapped[str] = mapped_column(ForeignKey("partner.code"), nullable=False)

    __table_args__ = (
        UniqueConstraint("programme_code", "number", "partner_code", name="uq_charter_partner_key"),
        ForeignKeyConstraint(
            ["programme_code", "number"],
            ["charter_agreement.programme_code", "charter_agreement.number"],
            name="fk_charter_partner_agreement",
        ),
    )


class ProjectIndicator(Base):
    """A project contributes to an indicator (a contribution, not a proven cause)."""

    __tablename__ = "project_indicator"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_code: Mapped[str] = mapped_column(ForeignKey("project.code"), nullable=False)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"), nullable=False)

    __table_args__ = (UniqueConstraint("project_code", "indicator_code", name="uq_project_indicator_key"),)


class AppUser(Versioned, Base):
    __tablename__ = "app_user"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    partner_code: Mapped[str | None] = mapped_column(ForeignKey("partner.code"))

    __table_args__ = (
        CheckConstraint(_in("role", ROLES), name="role"),
        CheckConstraint("role <> 'partner-redacteur' OR partner_code IS NOT NULL", name="partner_role"),
    )


class Scenario(Versioned, Base):
    """A saved what-if; its changes live in `payload` (JSON) and never touch the real figures."""

    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("programme.code"), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    author: Mapped[str] = mapped_column(String(254), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False, default="{}")

    __table_args__ = (UniqueConstraint("programme_code", "name", name="uq_scenario_key"),)


class AuditLog(Base):
    """Who changed what, when: table, key, old and new values (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(254), nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    table_name: Mapped[str] = mapped_column(String(60), nullable=False)
    row_key: Mapped[str] = mapped_column(String(300), nullable=False)
    old_values: Mapped[str | None] = mapped_column(Text)
    new_values: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint(_in("action", ("insert", "update", "delete", "import")), name="action"),)


class WijkBoundary(Versioned, Base):
    """A wijk's real shape, imported from GeoJSON; without one the map draws the centroid."""

    __tablename__ = "wijk_boundary"

    wijk_code: Mapped[str] = mapped_column(ForeignKey("wijk.code"), primary_key=True)
    geometry: Mapped[str] = mapped_column(Text, nullable=False)  # GeoJSON geometry object (JSON text)
    source: Mapped[str | None] = mapped_column(String(300))  # file name and matched property
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class Setting(Versioned, Base):
    """A named setting (e.g. a target-rule threshold); the value is JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Meeting(Versioned, Base):
    """A steering-group meeting; `snapshot` keeps the view as it was shown (JSON)."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    programme_code: Mapped[str] = mapped_column(ForeignKey("programme.code"), nullable=False)
    meeting_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    previous_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    snapshot: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(254), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)

    __table_args__ = (
        UniqueConstraint("programme_code", "meeting_date", name="uq_meeting_key"),
        CheckConstraint("previous_date IS NULL OR previous_date < meeting_date", name="previous"),
    )


class MeetingItem(Versioned, Base):
    """A decision or action recorded in a meeting; open actions carry over until closed."""

    __tablename__ = "meeting_item"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    programme_code: Mapped[str] = mapped_column(String(40), nullable=False)
    meeting_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    owner_partner_code: Mapped[str | None] = mapped_column(ForeignKey("partner.code"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    project_code: Mapped[str | None] = mapped_column(ForeignKey("project.code"))
    wijk_code: Mapped[str | None] = mapped_column(ForeignKey("wijk.code"))
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    closed_date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint("programme_code", "meeting_date", "number", name="uq_meeting_item_key"),
        ForeignKeyConstraint(
            ["programme_code", "meeting_date"],
            ["meeting.programme_code", "meeting.meeting_date"],
            name="fk_meeting_item_meeting",
        ),
        CheckConstraint(_in("kind", MEETING_ITEM_KINDS), name="kind"),
        CheckConstraint(_in("status", MEETING_ITEM_STATUSES), name="status"),
        CheckConstraint("number > 0", name="number"),
        CheckConstraint("(status = 'afgerond') = (closed_date IS NOT NULL)", name="closed"),
    )


class DataVersion(Base):
    """A single counter bumped by every write, so caches in any app instance can tell data changed."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
