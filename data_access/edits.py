"""Edits from the Beheer page: status updates, measurements, milestones and bulk edits of whole tables.

Every edit is checked with the same rules as a CSV import (types, required fields, allowed values, row
rules such as oorzaak/gevolg/maatregel for an orange or red status, references), on the server, before
anything is written; then it is written in one audited transaction.

Optimistic locking: an edit of an existing row carries the `version` the editor saw. When somebody else
saved the row in the meantime, the edit is refused with `StaleEdit`, which shows the current values and
the other person's change from the audit log; nothing is overwritten. The update itself is conditional
on the version (`WHERE version = seen`), so two transactions racing each other cannot both win.

Bulk edits need EDIT_DATA (redacteur, beheerder). A partner-redacteur edits only through the
project-scoped forms (status update, milestone), which check the project's lead partner.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from .access import EDIT_DATA, EDIT_PROJECT, require_project_scope, write_function
from .audit import Writer, write_transaction
from .csv_spec import BY_NAME, TableSpec
from .csv_validation import Problem, validate_tables
from .models import AuditLog, Wijk
from .records import (
    Refused,
    cell_text,
    changed_columns,
    existing_references,
    existing_rows,
    find_row,
    key_text,
    natural_key,
    plain,
    primary_key_condition,
    rows_as_csv,
    table_of,
    unique_conflicts,
)

# Tables that the data editor may change: reference data and facts with a version column. Not: the
# status history (append-only, see add_status_update), users and settings (MANAGE), meetings and
# scenarios (their own pages), boundaries (GeoJSON import) and the audit log.
BULK_TABLES = (
    "programme",
    "wijk",
    "partner",
    "contract",
    "report_moment",
    "project",
    "project_partner",
    "milestone",
    "indicator",
    "target",
    "measurement",
    "budget_allocation",
    "charter_agreement",
)


class EditRefused(Refused):
    """Nothing was written; `problems` say why (Dutch)."""


@dataclass(frozen=True)
class Conflict:
    """Somebody else changed (or removed, or added) the row since the editor read it."""

    table: str
    key: str
    current: dict | None  # the stored values now; None when the row no longer exists
    changed_by: str | None
    changed_at: dt.datetime | None  # UTC, as in the audit log
    old: dict | None
    new: dict | None

    def message(self) -> str:
        who = self.changed_by or "een ander"
        when = f" op {self.changed_at:%d-%m-%Y %H:%M} (UTC)" if self.changed_at else ""
        if self.current is None:
            head = f"{self.table} {self.key} bestaat niet meer; {who} heeft de rij intussen verwijderd{when}."
        else:
            head = f"{self.table} {self.key} is intussen gewijzigd door {who}{when}."
        parts = [head]
        if self.old or self.new:
            changes = [
                f"{c}: {_shown((self.old or {}).get(c))} → {_shown((self.new or {}).get(c))}"
                for c in sorted(set(self.old or {}) | set(self.new or {}))
            ]
            parts.append("Die wijziging: " + "; ".join(changes) + ".")
        if self.current is not None:
            parts.append("Nu opgeslagen: " + "; ".join(f"{c}: {_shown(v)}" for c, v in self.current.items()) + ".")
        parts.append(
            "Uw wijziging is niet opgeslagen. Laad de gegevens opnieuw en voer uw wijziging zo nodig opnieuw in."
        )
        return " ".join(parts)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(leeg)"
    return str(value)


class StaleEdit(EditRefused):
    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        super().__init__([Problem(None, None, None, c.message()) for c in conflicts])


@contextmanager
def _database_refusals() -> Iterator[None]:
    """A refusal by the database itself (a constraint) as a Dutch EditRefused; the transaction rolls back."""
    try:
        yield
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise EditRefused([Problem(None, None, None, f"de database weigerde de wijziging: {detail}")]) from exc


def last_change(conn: Connection, table: str, key: str) -> tuple[str, dt.datetime, dict | None, dict | None] | None:
    """The latest audit entry of one row: who, when, old and new values."""
    import json

    row = conn.execute(
        select(AuditLog.actor, AuditLog.at, AuditLog.old_values, AuditLog.new_values)
        .where(AuditLog.table_name == table, AuditLog.row_key == key)
        .order_by(AuditLog.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return row.actor, row.at, json.loads(row.old_values or "null"), json.loads(row.new_values or "null")


def _conflict(conn: Connection, spec: TableSpec, row: dict) -> Conflict:
    key = key_text(spec, row)
    stored = find_row(conn, spec, row)
    change = last_change(conn, spec.table, key)
    current = plain(spec, stored) if stored is not None else None
    if change is None:
        return Conflict(spec.table, key, current, None, None, None, None)
    return Conflict(spec.table, key, current, *change)


_CSV_NAME = re.compile(r"\b(\w+)\.csv\b")


def _validated(conn: Connection, spec: TableSpec, rows: list[dict], label: str, numbered: bool) -> list[dict]:
    """Typed rows, checked with the CSV rules (and references to stored rows), or EditRefused."""
    text = rows_as_csv(spec, list(spec.column_names), rows)
    data, problems = validate_tables({spec.filename: text}, existing_references(conn, [spec]))
    if problems:
        raise EditRefused(
            [
                Problem(
                    label,
                    (p.line - 1) if numbered and p.line and p.line > 1 else None,
                    p.column,
                    _CSV_NAME.sub(r"tabel \1", p.message),
                )
                for p in problems
            ]
        )
    return data.rows[spec.table]


def _write(w: Writer, spec: TableSpec, row: dict, expected_version: int | None) -> tuple[str, Conflict | None]:
    """Insert or update one validated row under optimistic locking: 'added', 'changed' or 'unchanged'."""
    table = table_of(spec)
    stored = find_row(w.conn, spec, row)
    key = key_text(spec, row)
    if stored is None:
        if expected_version is not None:
            return "conflict", _conflict(w.conn, spec, row)
        w.conn.execute(insert(table).values(**plain(spec, row)))
        w.log("insert", spec.table, key, None, plain(spec, row))
        return "added", None
    if expected_version is None or stored.get("version") != expected_version:
        return "conflict", _conflict(w.conn, spec, row)
    columns = changed_columns(spec, stored, row, [c for c in spec.column_names if c not in natural_key(spec)])
    if not columns:
        return "unchanged", None
    values: dict = {c: row[c] for c in columns}
    values["version"] = table.c.version + 1
    done = w.conn.execute(
        update(table).where(primary_key_condition(spec, stored), table.c.version == expected_version).values(**values)
    ).rowcount
    if done != 1:
        return "conflict", _conflict(w.conn, spec, row)
    w.log("update", spec.table, key, plain(spec, stored, columns), plain(spec, row, columns))
    return "changed", None


def _write_one(w: Writer, spec: TableSpec, row: dict, expected_version: int | None) -> str:
    outcome, conflict = _write(w, spec, row, expected_version)
    if conflict is not None:
        raise StaleEdit([conflict])
    return outcome


@write_function(EDIT_PROJECT)
def add_status_update(
    engine: Engine,
    actor,
    project_code: str,
    update_date: dt.date,
    status: str,
    progress: int,
    text: str | None = None,
    oorzaak: str | None = None,
    gevolg: str | None = None,
    maatregel: str | None = None,
) -> dict:
    """Append a status update to a project's history (one per project per date)."""
    spec = BY_NAME["status_update"]
    row = {
        "project_code": project_code,
        "update_date": update_date,
        "status": status,
        "progress": progress,
        "text": text,
        "oorzaak": oorzaak,
        "gevolg": gevolg,
        "maatregel": maatregel,
        "author": actor.name,
    }
    with _database_refusals(), write_transaction(engine, actor) as w:
        require_project_scope(w.conn, actor, project_code)
        (typed,) = _validated(w.conn, spec, [row], "Statusupdate", numbered=False)
        if find_row(w.conn, spec, typed) is not None:
            raise EditRefused(
                [
                    Problem(
                        "Statusupdate",
                        None,
                        "update_date",
                        f"project {project_code} heeft al een statusupdate op {update_date:%d-%m-%Y}; "
                        "de geschiedenis wordt niet overschreven. Kies een andere datum.",
                    )
                ]
            )
        w.conn.execute(insert(table_of(spec)).values(**typed))
        w.log("insert", spec.table, key_text(spec, typed), None, plain(spec, typed))
    return typed


@write_function(EDIT_PROJECT)
def set_milestone_done(
    engine: Engine, actor, project_code: str, title: str, done_date: dt.date | None, expected_version: int
) -> str:
    """Record (or clear, with None) the date a milestone was reached."""
    spec = BY_NAME["milestone"]
    with _database_refusals(), write_transaction(engine, actor) as w:
        require_project_scope(w.conn, actor, project_code)
        stored = find_row(w.conn, spec, {"project_code": project_code, "title": title})
        if stored is None:
            raise StaleEdit([_conflict(w.conn, spec, {"project_code": project_code, "title": title})])
        row = {**plain(spec, stored), "done_date": done_date}
        (typed,) = _validated(w.conn, spec, [row], "Mijlpaal", numbered=False)
        return _write_one(w, spec, typed, expected_version)


@write_function(EDIT_DATA)
def save_measurement(
    engine: Engine,
    actor,
    indicator_code: str,
    year: int,
    value: float,
    wijk_code: str | None = None,
    city: str | None = None,
    expected_version: int | None = None,
) -> str:
    """A measurement of a wijk (or, without wijk, of a city); expected_version None means 'a new one'."""
    spec = BY_NAME["measurement"]
    with _database_refusals(), write_transaction(engine, actor) as w:
        if wijk_code:
            wijk_city = w.conn.execute(select(Wijk.city).where(Wijk.code == wijk_code)).scalar_one_or_none()
            city = wijk_city if wijk_city is not None else city
        row = {
            "indicator_code": indicator_code,
            "city": city,
            "wijk_code": wijk_code or None,
            "year": year,
            "value": value,
        }
        (typed,) = _validated(w.conn, spec, [row], "Meting", numbered=False)
        return _write_one(w, spec, typed, expected_version)


def _version(value: object) -> int | None:
    text = cell_text(value, "int")
    return int(float(text)) if text else None


@write_function(EDIT_DATA)
def save_rows(engine: Engine, actor, table: str, rows: list[dict]) -> dict[str, int]:
    """Save edited rows of one table: each row has the exchange columns and the `version` it was read with
    (empty for a new row). All rows are validated first; any problem or conflict refuses them all."""
    if table not in BULK_TABLES:
        raise EditRefused([Problem(None, None, None, f"tabel {table} kan niet in bulk worden bewerkt")])
    spec = BY_NAME[table]
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    if not rows:
        return counts
    with _database_refusals(), write_transaction(engine, actor) as w:
        typed = _validated(w.conn, spec, rows, "Bulk bewerken", numbered=True)
        incoming = [(i, row) for i, row in enumerate(typed, start=1)]
        clashes = list(unique_conflicts(spec, existing_rows(w.conn, spec), incoming))
        if clashes:
            raise EditRefused([Problem("Bulk bewerken", line, column, message) for line, column, message in clashes])
        conflicts = []
        for row, raw in zip(typed, rows, strict=True):
            outcome, conflict = _write(w, spec, row, _version(raw.get("version")))
            if conflict is not None:
                conflicts.append(conflict)
            else:
                counts[outcome] += 1
        if conflicts:
            raise StaleEdit(conflicts)
    return counts


def editable_frame(engine: Engine, table: str, where: dict | None = None) -> pd.DataFrame:
    """A table for the data editor: the exchange columns plus `version`, in natural-key order.

    `where` ({column: value}, None for an empty column) keeps only matching rows, read as such from the
    database: a form that edits one row or one project's rows needs no whole table."""
    spec = BY_NAME[table]
    t = table_of(spec)
    stmt = select(*[t.c[c] for c in (*spec.column_names, "version")])
    for column, value in (where or {}).items():
        value = value.item() if hasattr(value, "item") else value  # a numpy scalar from a frame: a plain value
        stmt = stmt.where(t.c[column].is_(None) if value is None else t.c[column] == value)
    with engine.connect() as conn:
        frame = pd.DataFrame(
            [dict(r._mapping) for r in conn.execute(stmt)],
            columns=[*spec.column_names, "version"],
        )
    if frame.empty:
        return frame
    order = [key_text(spec, r) for r in frame.to_dict("records")]
    return frame.assign(_order=order).sort_values("_order").drop(columns="_order").reset_index(drop=True)
