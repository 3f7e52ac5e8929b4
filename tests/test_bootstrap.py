"""First start: the default SQLite database is created and filled from sample_data/, other databases never."""

from __future__ import annotations

from data_access import config
from data_access.bootstrap import ensure_ready
from data_access.seeding import is_empty, row_counts
from tests.sample_facts import rows


def test_default_database_is_seeded_once(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(config, "SECRETS_FILE", tmp_path / "geen-secrets.toml")
    monkeypatch.setattr(config, "DEFAULT_SQLITE_PATH", tmp_path / "data" / "wijkaanpak.sqlite")
    engine = ensure_ready()
    counts = row_counts(engine)
    assert counts["project"] == len(rows("project"))
    ensure_ready()  # a second start changes nothing
    assert row_counts(engine) == counts


def test_configured_database_is_not_seeded(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'eigen.sqlite'}")
    assert is_empty(ensure_ready())


def test_secrets_file_and_postgres_url_normalisation(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('DATABASE_URL = "postgres://u:p@db:5432/wijk"\n', encoding="utf-8")
    monkeypatch.setattr(config, "SECRETS_FILE", secrets)
    assert config.database_url() == "postgresql+psycopg://u:p@db:5432/wijk"
