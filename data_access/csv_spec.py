"""The CSV exchange format, derived from the ORM models so the two can never drift apart.

One file per table, named `<table>.csv`; the columns are the model's columns minus the internal `id`
and `version`. Rows refer to each other by code. See sample_data/README.md for the user-facing guide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Date, DateTime, Float, Integer, Numeric, String, Table, Text, UniqueConstraint

from . import models
from .models import Base

INTERNAL_COLUMNS = ("id", "version")
# Tables that are application state, not exchange data.
NOT_EXCHANGED = ("data_version",)


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # text | int | float | money | date | datetime
    required: bool
    max_length: int | None = None
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Reference:
    columns: tuple[str, ...]
    table: str
    target_columns: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    table: str
    columns: tuple[ColumnSpec, ...]
    keys: tuple[tuple[str, ...], ...]  # unique keys; the first is the natural key
    references: tuple[Reference, ...] = field(default=())

    @property
    def filename(self) -> str:
        return f"{self.table}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


# Enumerated columns; the database enforces the same lists with CHECK constraints.
ALLOWED_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("wijk", "kind"): models.WIJK_KINDS,
    ("partner", "kind"): models.PARTNER_KINDS,
    ("contract", "kind"): models.CONTRACT_KINDS,
    ("status_update", "status"): models.PROJECT_STATUSES,
    ("indicator", "direction"): models.DIRECTIONS,
    ("budget_allocation", "category"): models.BUDGET_CATEGORIES,
    ("charter_agreement", "party"): models.CHARTER_PARTIES,
    ("charter_agreement", "status"): models.CHARTER_STATUSES,
    ("app_user", "role"): models.ROLES,
    ("audit_log", "action"): ("insert", "update", "delete", "import"),
    ("meeting_item", "kind"): models.MEETING_ITEM_KINDS,
    ("meeting_item", "status"): models.MEETING_ITEM_STATUSES,
}


# The measurement table has two partial unique indexes (wijk rows, city rows); with an empty wijk_code
# counted as a value, this one key says the same.
KEY_OVERRIDES = {"measurement": (("indicator_code", "city", "wijk_code", "year"),)}


def _kind(column) -> str:
    t = column.type
    if isinstance(t, Numeric) and not isinstance(t, Float) and t.scale == 2:
        return "money"
    if isinstance(t, Float):
        return "float"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, String | Text):
        return "text"
    raise TypeError(f"no CSV kind for {column!r}")


def _keys(table: Table) -> tuple[tuple[str, ...], ...]:
    keys: list[tuple[str, ...]] = []
    pk = tuple(c.name for c in table.primary_key.columns)
    if pk != ("id",):
        keys.append(pk)
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.append(tuple(c.name for c in constraint.columns))
    for column in table.columns:
        if column.unique:
            keys.append((column.name,))
    if table.name in KEY_OVERRIDES:
        keys.extend(KEY_OVERRIDES[table.name])
    return tuple(dict.fromkeys(keys))


def _references(table: Table) -> tuple[Reference, ...]:
    refs = []
    for fk in table.foreign_key_constraints:
        refs.append(
            Reference(
                columns=tuple(c.name for c in fk.columns),
                table=fk.referred_table.name,
                target_columns=tuple(e.column.name for e in fk.elements),
            )
        )
    # Composite references first make no difference; keep declaration order stable.
    return tuple(sorted(refs, key=lambda r: r.columns))


def _table_spec(table: Table) -> TableSpec:
    columns = []
    for column in table.columns:
        if column.name in INTERNAL_COLUMNS:
            continue
        length = getattr(column.type, "length", None)
        columns.append(
            ColumnSpec(
                name=column.name,
                kind=_kind(column),
                required=not column.nullable,
                max_length=length,
                allowed=ALLOWED_VALUES.get((table.name, column.name)),
            )
        )
    return TableSpec(table.name, tuple(columns), _keys(table), _references(table))


# In foreign-key order: loading in this order never refers to a row that is not there yet.
TABLES: tuple[TableSpec, ...] = tuple(
    _table_spec(t) for t in Base.metadata.sorted_tables if t.name not in NOT_EXCHANGED
)
BY_NAME: dict[str, TableSpec] = {t.table: t for t in TABLES}
BY_FILENAME: dict[str, TableSpec] = {t.filename: t for t in TABLES}
# A folder without these is not a programme data set at all.
REQUIRED_FILES = ("programme.csv", "wijk.csv")
