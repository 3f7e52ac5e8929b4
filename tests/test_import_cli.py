"""The import and backup commands: check first, write only with --bevestig, restore a backup exactly."""

from __future__ import annotations

import io
import zipfile

from data_access.__main__ import main
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.imports import export_zip
from data_access.schema import upgrade_to_head
from data_access.seeding import row_counts, seed_folder


def _texts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist()}


def test_backup_then_import_into_an_empty_database(tmp_path, monkeypatch, capsys):
    source_url = f"sqlite:///{tmp_path / 'bron.sqlite'}"
    seed_folder(_migrated(source_url), SAMPLE_DATA_DIR)
    monkeypatch.setenv("DATABASE_URL", source_url)
    backup = tmp_path / "backup.zip"
    assert main(["backup", str(backup)]) == 0

    target_url = f"sqlite:///{tmp_path / 'doel.sqlite'}"
    target = _migrated(target_url)
    monkeypatch.setenv("DATABASE_URL", target_url)
    assert main(["import", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Alleen gecontroleerd; er is niets geschreven" in out and "status_update" in out
    assert not any(row_counts(target).values())

    assert main(["import", str(backup), "--bevestig"]) == 0
    assert "Geïmporteerd: 6805 rijen toegevoegd, 0 gewijzigd." in capsys.readouterr().out
    before, after = _texts(backup.read_bytes()), _texts(export_zip(target))
    assert {n: t for n, t in after.items() if n != "audit_log.csv"} == {
        n: t for n, t in before.items() if n != "audit_log.csv"
    }


def test_problems_exit_non_zero_and_write_nothing(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    engine = _migrated(url)
    seed_folder(engine, SAMPLE_DATA_DIR)
    counts = row_counts(engine)
    bad = tmp_path / "measurement.csv"
    bad.write_text("indicator_code,city,wijk_code,year,value\nWERKLOOSHEID,Amsterdam,,twee,1\n", encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["import", str(bad), "--bevestig"]) == 1
    err = capsys.readouterr().err
    assert "measurement.csv, regel 2, kolom 'year': 'twee' is geen geheel getal" in err
    assert "er is niets geschreven" in err
    assert main(["import", str(tmp_path / "bestaat-niet.csv")]) == 1
    assert row_counts(engine) == counts


def _migrated(url: str):
    engine = get_engine(url)
    upgrade_to_head(engine)
    return engine
