"""Where the database lives: DATABASE_URL, else .streamlit/secrets.toml, else a local SQLite file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "wijkaanpak.sqlite"
SAMPLE_DATA_DIR = PROJECT_ROOT / "sample_data"
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"


def _from_secrets(path: Path) -> str | None:
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        secrets = tomllib.load(fh)
    url = secrets.get("DATABASE_URL") or secrets.get("database_url")
    if not url:
        url = secrets.get("connections", {}).get("sql", {}).get("url")
    return url or None


def database_url() -> str:
    """The configured database URL; the default SQLite file is seeded from sample_data/ on first start."""
    url = os.environ.get("DATABASE_URL") or _from_secrets(SECRETS_FILE)
    if url:
        # Heroku-style URLs and plain postgresql:// should use the psycopg 3 driver that we ship.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def is_default_database(url: str) -> bool:
    return url == f"sqlite:///{DEFAULT_SQLITE_PATH}"
