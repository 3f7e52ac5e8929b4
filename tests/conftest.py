"""Shared fixtures: databases (SQLite files and a real PostgreSQL server) and the sample folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access.config import PROJECT_ROOT, SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head
from tests.pg_server import PgServer

APP_PATH = PROJECT_ROOT / "dashboard.py"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download does not work here)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    assert Path(CHROMIUM).exists(), "Debian chromium ontbreekt: apt-get install -y chromium (scripts/test doet dit)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


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


@pytest.fixture(scope="session")
def sample_db_url(tmp_path_factory) -> str:
    """A SQLite database seeded from sample_data/, shared by the page tests (read only)."""
    from data_access.seeding import seed_folder

    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    return url


@pytest.fixture
def app(sample_db_url, monkeypatch):
    """An AppTest of the dashboard on the sample database."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", sample_db_url)
    return AppTest.from_file(str(APP_PATH), default_timeout=60)
