"""A database-wide data version: every write bumps it, every cached read keys on it.

This keeps caches correct when several app instances share one database: an instance that did not make
the change still sees a new version number on its next read and fetches fresh data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, select, update

from .models import DataVersion


def bump(conn: Connection) -> None:
    """Call inside the writing transaction, so the new version commits with the data."""
    conn.execute(
        update(DataVersion)
        .where(DataVersion.id == 1)
        .values(version=DataVersion.version + 1, changed_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
    )


def current(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar_one_or_none() or 0
