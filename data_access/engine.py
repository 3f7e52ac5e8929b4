"""Engine and session factory, one engine per URL per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from .config import database_url


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@cache
def get_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    else:
        # Every browser session runs its script in a thread of its own; SQLAlchemy's default pool (5 + 10)
        # made 20 concurrent sessions queue for connections. Two instances stay well under PostgreSQL's
        # default max_connections (100).
        engine = create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=10, pool_timeout=15)
    return engine
