"""Write transactions that leave a trace: every change is logged with who, when, what, old and new.

Use `write_transaction(engine, actor)` for every write: it runs in one transaction, records audit rows
through `Writer.log`, and bumps the data version so every app instance's cache sees the change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, Engine, insert

from . import versioning
from .access import Actor
from .models import AuditLog


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def to_json(values: Mapping[str, object] | None) -> str | None:
    if values is None:
        return None
    return json.dumps({k: _jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


@dataclass
class Writer:
    conn: Connection
    actor: Actor

    def log(
        self,
        action: str,
        table: str,
        key: str,
        old: Mapping[str, object] | None = None,
        new: Mapping[str, object] | None = None,
    ) -> None:
        """Record one change; `action` is insert, update, delete or import."""
        self.conn.execute(
            insert(AuditLog).values(
                at=utc_now(),
                actor=self.actor.email,
                action=action,
                table_name=table,
                row_key=key[:300],
                old_values=to_json(old),
                new_values=to_json(new),
            )
        )


@contextmanager
def write_transaction(engine: Engine, actor: Actor) -> Iterator[Writer]:
    """All or nothing: the data, its audit rows and the version bump commit together."""
    try:
        with engine.begin() as conn:
            yield Writer(conn, actor)
            versioning.bump(conn)
    finally:
        # This process sees its own change on the next run; also after a failed commit, which may still
        # have reached the database.
        versioning.forget_recent(engine)
