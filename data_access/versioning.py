"""A database-wide data version: every write bumps it, every cached read keys on it.

This keeps caches correct when several app instances share one database: an instance that did not make
the change still sees a new version number on its next read and fetches fresh data.

`recent` spares the database a round trip per page run under load: it reuses a version read less than a
second ago. A write in this process forgets that at once (`forget_recent`, called after the commit), so
the writer sees its change on the next run; a change by another instance or the command line is seen
within `RECENT_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

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


RECENT_SECONDS = 1.0

_lock = threading.Lock()
_recent: dict[str, tuple[int, float]] = {}  # database URL -> (version, when its read started)
_forgotten: dict[str, int] = {}  # database URL -> number of forgets, so a read that overlaps one is not kept


def _key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def recent(engine: Engine, max_age: float = RECENT_SECONDS) -> int:
    """The version as of at most `max_age` seconds ago (measured from the start of the read)."""
    key = _key(engine)
    started = time.monotonic()
    with _lock:
        known = _recent.get(key)
        generation = _forgotten.get(key, 0)
    if known is not None and started - known[1] < max_age:
        return known[0]
    version = current(engine)
    with _lock:
        # A write that committed while this read ran may not be in it: keep the result only if no forget
        # came in between, or the writer's next run could see its own change undone for a second. Nor over
        # a read that started later (and may have seen a newer version).
        known = _recent.get(key)
        if _forgotten.get(key, 0) == generation and (known is None or started >= known[1]):
            _recent[key] = (version, started)
    return version


def forget_recent(engine: Engine) -> None:
    """Call after a commit that bumped the version (or replaced the schema): the next `recent` reads afresh."""
    key = _key(engine)
    with _lock:
        _recent.pop(key, None)
        _forgotten[key] = _forgotten.get(key, 0) + 1
