"""Shared fixtures: databases (SQLite files and a real PostgreSQL server) and the sample folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head
from tests.pg_server import PgServer


@pytest.fixture(scope="session")
def pg_server():
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    """An empty database of each kind, schema not yet created."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def engine(db_url):
    engine = get_engine(db_url)
    upgrade_to_head(engine)
    return engine


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DATA_DIR
