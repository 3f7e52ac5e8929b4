"""Make the configured database ready: schema at head, and the default SQLite seeded on first start."""

from __future__ import annotations

from sqlalchemy import Engine

from .config import SAMPLE_DATA_DIR, database_url, is_default_database
from .engine import get_engine
from .schema import upgrade_to_head
from .seeding import is_empty, seed_folder


def ensure_ready(url: str | None = None) -> Engine:
    """Schema at head; the default SQLite database (only that one) is filled from sample_data/ when empty."""
    url = url or database_url()
    engine = get_engine(url)
    upgrade_to_head(engine)
    if is_default_database(url) and is_empty(engine):
        seed_folder(engine, SAMPLE_DATA_DIR)
    return engine
