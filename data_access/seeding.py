"""Load a validated folder of CSVs into an empty database: all rows in one transaction, or none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from . import versioning
from .csv_spec import TABLES
from .csv_validation import DataSet, Problem, read_folder
from .models import Base


class LoadRefused(Exception):
    """Raised with the list of problems; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} probleem/problemen gevonden; er is niets geladen")
        self.problems = problems


@dataclass(frozen=True)
class LoadResult:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def row_counts(engine: Engine) -> dict[str, int]:
    tables = Base.metadata.tables
    with engine.connect() as conn:
        return {t.table: conn.execute(select(func.count()).select_from(tables[t.table])).scalar_one() for t in TABLES}


def is_empty(engine: Engine) -> bool:
    return not any(row_counts(engine).values())


def load_dataset(engine: Engine, data: DataSet) -> LoadResult:
    """Insert validated rows into an empty database in a single transaction."""
    counts = row_counts(engine)
    filled = [name for name, n in counts.items() if n]
    if filled:
        raise LoadRefused(
            [
                Problem(
                    None,
                    None,
                    None,
                    "de database is niet leeg (er staan al gegevens in: "
                    + ", ".join(filled)
                    + "); seed laadt alleen in een lege database. Gebruik een nieuwe database "
                    "of de importfunctie voor aanvullingen.",
                )
            ]
        )
    tables = Base.metadata.tables
    try:
        with engine.begin() as conn:
            for spec in TABLES:
                rows = data.rows.get(spec.table)
                if rows:
                    conn.execute(insert(tables[spec.table]), rows)
            versioning.bump(conn)
    except SQLAlchemyError as exc:
        # Validation mirrors the constraints, so this is a last line of defence (or a concurrent writer).
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise LoadRefused([Problem(None, None, None, f"de database weigerde de gegevens: {detail}")]) from exc
    finally:
        versioning.forget_recent(engine)
    return LoadResult({spec.table: len(data.rows.get(spec.table, [])) for spec in TABLES})


def seed_folder(engine: Engine, folder: str | Path) -> LoadResult:
    data, problems = read_folder(folder)
    if problems:
        raise LoadRefused(problems)
    return load_dataset(engine, data)
