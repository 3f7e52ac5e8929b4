"""Rows by natural key: the shared ground of the importer and the edit forms.

A row is identified by its table's natural key (the first unique key of the CSV format). Values are
compared in their CSV text form (`export.format_value`), so a Decimal from PostgreSQL, a float from SQLite
and a parsed CSV value compare the same way. Cell values from spreadsheets and the data editor become CSV
text with `cell_text`, so every path goes through the one CSV validator.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal

import pandas as pd
from sqlalchemy import Connection, Table, and_, select

from .csv_spec import BY_NAME, TableSpec
from .export import format_value
from .models import Base

KEY_SEPARATOR = " | "


class Refused(Exception):
    """Nothing was written; `problems` (csv_validation.Problem, Dutch) say why."""

    def __init__(self, problems: list):
        super().__init__("; ".join(str(p) for p in problems[:5]) or "geweigerd")
        self.problems = problems


class RowCounts:
    """Totals over per-table summaries (objects with added, changed and unchanged)."""

    summary: list

    @property
    def added(self) -> int:
        return sum(s.added for s in self.summary)

    @property
    def changed(self) -> int:
        return sum(s.changed for s in self.summary)

    @property
    def unchanged(self) -> int:
        return sum(s.unchanged for s in self.summary)


def table_of(spec: TableSpec) -> Table:
    return Base.metadata.tables[spec.table]


def natural_key(spec: TableSpec) -> tuple[str, ...]:
    return spec.keys[0]


def text_of(spec: TableSpec, column: str, value: object) -> str:
    return format_value(value, spec.column(column).kind)


def key_text(spec: TableSpec, row: Mapping[str, object]) -> str:
    """The natural key as one text, e.g. 'HLM-KRONENBURG-01 | 2008-03-01'; used in the audit log too."""
    return KEY_SEPARATOR.join(text_of(spec, c, row[c]) for c in natural_key(spec))


def changed_columns(spec: TableSpec, old: Mapping[str, object], new: Mapping[str, object], columns: Iterable[str]):
    return [c for c in columns if text_of(spec, c, old[c]) != text_of(spec, c, new[c])]


def plain(spec: TableSpec, row: Mapping[str, object], columns: Iterable[str] | None = None) -> dict[str, object]:
    """The exchange columns of a row (for audit old/new values)."""
    return {c: row[c] for c in (columns if columns is not None else spec.column_names)}


def existing_rows(conn: Connection, spec: TableSpec) -> dict[str, dict]:
    """Every stored row of a table by key text, with its primary key and version where it has them."""
    table = table_of(spec)
    extra = [c for c in ("id", "version") if c in table.c]
    columns = [table.c[c] for c in (*spec.column_names, *extra)]
    return {key_text(spec, r): dict(r) for r in (row._mapping for row in conn.execute(select(*columns)))}


def find_row(conn: Connection, spec: TableSpec, key: Mapping[str, object]) -> dict | None:
    """One stored row by its natural key values (NULL-safe), or None."""
    table = table_of(spec)
    extra = [c for c in ("id", "version") if c in table.c]
    conditions = [table.c[c].is_(None) if key[c] is None else table.c[c] == key[c] for c in natural_key(spec)]
    columns = [table.c[c] for c in (*spec.column_names, *extra)]
    row = conn.execute(select(*columns).where(and_(*conditions))).first()
    return dict(row._mapping) if row is not None else None


def existing_references(conn: Connection, specs: Iterable[TableSpec]) -> dict[str, set[tuple]]:
    """What `validate_tables(existing=...)` needs: the stored values that the given tables may refer to."""
    known: dict[str, set[tuple]] = {}
    for spec in specs:
        for ref in spec.references:
            name = ref.table + ":" + ",".join(ref.target_columns)
            if name not in known:
                target = Base.metadata.tables[ref.table]
                rows = conn.execute(select(*[target.c[c] for c in ref.target_columns]))
                known[name] = {tuple(r) for r in rows}
    return known


def primary_key_condition(spec: TableSpec, row: Mapping[str, object]):
    table = table_of(spec)
    return and_(*[c == row[c.name] for c in table.primary_key.columns])


def unique_conflicts(spec: TableSpec, stored: dict[str, dict], incoming: list[tuple[int | None, dict]]):
    """(line, column, message) for incoming rows that would break another unique key than the natural one.

    The check runs on the table as it would be after the upsert: stored rows overlaid with incoming ones.
    """
    merged = {k: dict(v) for k, v in stored.items()}
    for _, row in incoming:
        merged.setdefault(key_text(spec, row), {}).update(row)
    for unique in spec.keys[1:]:
        holders: dict[tuple, set[str]] = {}
        for k, row in merged.items():
            if all(row.get(c) is not None for c in unique):
                holders.setdefault(tuple(text_of(spec, c, row.get(c)) for c in unique), set()).add(k)
        for line, row in incoming:
            if any(row.get(c) is None for c in unique):
                continue
            value = tuple(text_of(spec, c, row[c]) for c in unique)
            others = sorted(holders.get(value, set()) - {key_text(spec, row)})
            if others:
                other = others[0]
                shown = ", ".join(f"{c}={v}" for c, v in zip(unique, value, strict=True))
                yield line, unique[-1], f"{shown} is al in gebruik bij {other}; deze waarde moet uniek zijn"


def cell_text(value: object, kind: str) -> str:
    """A spreadsheet or data-editor cell as CSV text for the validator (empty for missing)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        if kind == "date" or (kind == "text" and value.time() == dt.time()):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and kind in ("int", "text", "money"):
            return str(int(value))
        if kind == "money" and math.isfinite(value) and abs(value * 100 - round(value * 100)) < 1e-6:
            return f"{value:.2f}"  # a spreadsheet's 1250.4999999999998 is 1250.50
        return repr(value)
    if isinstance(value, int | Decimal):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return cell_text(value.item(), kind)
    return str(value)


def rows_as_csv(spec: TableSpec, columns: list[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV text (header plus one line per row) from cell values, for `validate_tables`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    kinds = {c: (spec.column(c).kind if c in spec.column_names else "text") for c in columns}
    for row in rows:
        writer.writerow([cell_text(row.get(c), kinds[c]) for c in columns])
    return out.getvalue()


__all__ = ["BY_NAME", "cell_text", "existing_references", "existing_rows", "key_text", "rows_as_csv"]
