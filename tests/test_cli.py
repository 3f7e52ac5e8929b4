"""The command line exactly as people use it: python -m data_access init|seed|export|check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from data_access.config import PROJECT_ROOT
from data_access.engine import get_engine
from data_access.seeding import is_empty
from tests.mini_data import MINI, write_mini


def cli(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "data_access", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )


def folder_text(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv"))}


def test_seed_export_seed_export_is_identical(db_url, tmp_path, sample_dir, pg_server):
    first, second = tmp_path / "export1", tmp_path / "export2"
    assert cli(db_url, "init").returncode == 0
    seeded = cli(db_url, "seed", str(sample_dir))
    assert seeded.returncode == 0, seeded.stderr
    assert cli(db_url, "export", str(first)).returncode == 0
    # Into a fresh database of the other kind too: the format does not depend on the engine.
    other = pg_server.new_database() if db_url.startswith("sqlite") else f"sqlite:///{tmp_path / 'other.sqlite'}"
    assert cli(other, "seed", str(first)).returncode == 0
    assert cli(other, "export", str(second)).returncode == 0
    assert folder_text(first) == folder_text(second)
    # And the export holds the same rows as the sample itself (order aside).
    for name, text in folder_text(sample_dir).items():
        assert sorted(text.splitlines()) == sorted(folder_text(first)[name].splitlines()), name


def test_check_reports_file_line_column_and_writes_nothing(tmp_path, sqlite_url):
    folder = write_mini(tmp_path / "in", wijk__csv=MINI["wijk.csv"].replace(",1200,", ",veel,"))
    result = cli(sqlite_url, "check", str(folder))
    assert result.returncode == 1
    assert "wijk.csv, regel 2, kolom 'population': 'veel' is geen geheel getal" in result.stderr
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_seed_broken_input_exit_code_and_empty_database(tmp_path, db_url):
    folder = write_mini(tmp_path / "in", project__csv=MINI["project.csv"].replace("PR2,C1,", "PR2,C7,"))
    assert cli(db_url, "init").returncode == 0
    result = cli(db_url, "seed", str(folder))
    assert result.returncode == 1
    assert "project.csv, regel 3, kolom 'contract_code': 'C7' bestaat niet in contract.csv" in result.stderr
    assert "er is niets geschreven" in result.stderr
    assert is_empty(get_engine(db_url))


def test_seed_refuses_non_empty(tmp_path, sqlite_url):
    folder = write_mini(tmp_path / "in")
    assert cli(sqlite_url, "seed", str(folder)).returncode == 0
    again = cli(sqlite_url, "seed", str(folder))
    assert again.returncode == 1 and "niet leeg" in again.stderr


def test_check_ok_message(sample_dir, sqlite_url):
    result = cli(sqlite_url, "check", str(sample_dir))
    assert result.returncode == 0 and "in orde" in result.stdout


def test_unreachable_database_is_a_clear_error():
    result = cli("postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=2", "init")
    assert result.returncode == 2
    assert "niet bereikbaar" in result.stderr


@pytest.mark.parametrize("command", ["seed", "export", "check"])
def test_folder_argument_is_required(command, sqlite_url):
    assert cli(sqlite_url, command).returncode != 0
