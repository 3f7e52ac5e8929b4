"""Write every table to CSVs in the exchange format, so that a seed of the export restores it exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, select

from .csv_spec import TABLES, TableSpec
from .models import Base


def format_value(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return f"{Decimal(str(value)).quantize(Decimal('0.01'))}"
    if kind == "float":
        return repr(float(value))
    if kind == "datetime":
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return str(value)


def _sort_key(spec: TableSpec):
    # Python-side ordering: SQLite and PostgreSQL disagree on where NULLs sort.
    key = spec.keys[0] if spec.keys else ()

    def sort(row) -> tuple:
        return tuple((v is not None, v if v is not None else 0) for v in (row[c] for c in key))

    return sort


def table_csv(engine: Engine, spec: TableSpec) -> tuple[str, int]:
    """The CSV text of one table and its number of rows."""
    table = Base.metadata.tables[spec.table]
    columns = [table.c[name] for name in spec.column_names]
    order = [table.c.id] if "id" in table.c else []
    with engine.connect() as conn:
        rows = [r._mapping for r in conn.execute(select(*columns).order_by(*order))]
    if spec.keys:
        rows.sort(key=_sort_key(spec))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.column_names)
    for row in rows:
        writer.writerow([format_value(row[c.name], c.kind) for c in spec.columns])
    return out.getvalue(), len(rows)


def export_folder(engine: Engine, folder: str | Path) -> dict[str, int]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for spec in TABLES:
        text, counts[spec.table] = table_csv(engine, spec)
        (folder / spec.filename).write_text(text, encoding="utf-8", newline="")
    return counts
