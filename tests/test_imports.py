"""Import with preview and confirm, backup and restore: all or nothing, upserts by natural key, audit rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from data_access import edits, versioning
from data_access.access import Actor
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.imports import (
    MAX_UPLOAD_BYTES,
    ImportRefused,
    apply_import,
    export_zip,
    preview_import,
    template_csv,
    template_xlsx,
)
from data_access.models import AuditLog, Project
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder

ADMIN = Actor("beheer@example.nl", "Bea Beheer", "beheerder")
OTHER = Actor("r@example.nl", "Ruud Redacteur", "redacteur")


def _seeded(url: str):
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    return engine


@pytest.fixture
def seeded(tmp_path):
    return _seeded(f"sqlite:///{tmp_path / 'seeded.sqlite'}")


def _files(z: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(z)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


def _audit(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(AuditLog).order_by(AuditLog.id)).all()


@pytest.fixture(params=["sqlite", "postgresql"])
def two_databases(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    server = request.getfixturevalue("pg_server")
    return server.new_database(), server.new_database()


EXTRA_TABLES = {
    "setting.csv": "key,value\ntarget_grace_years,2\n",
    "wijk_boundary.csv": (
        "wijk_code,geometry,source,imported_at\n"
        'HLM-AMSTERDAMSE-BUURTEN,"{""type"":""Polygon"",""coordinates"":[[[4.64,52.37],[4.66,52.37],[4.66,52.39],'
        '[4.64,52.37]]]}",grenzen.geojson (koppeling op naam),2026-01-05 10:00:00\n'
    ),
    "meeting.csv": (
        "programme_code,meeting_date,previous_date,notes,snapshot,created_by,created_at\n"
        "HAARLEM-WC,2009-10-05,,Eerste overleg,,beheer@example.nl,2009-10-05 09:00:00\n"
    ),
    "meeting_item.csv": (
        "programme_code,meeting_date,number,kind,text,owner_partner_code,due_date,project_code,wijk_code,"
        "status,closed_date\nHAARLEM-WC,2009-10-05,1,actie,Plan maken,ELAN-WONEN,2009-11-01,,,open,\n"
    ),
    "scenario.csv": (
        "programme_code,name,author,created_at,payload\n"
        'HAARLEM-WC,Tien procent minder,beheer@example.nl,2009-10-06 12:00:00,"{""cut"": 0.1}"\n'
    ),
}


def test_backup_restores_exactly_into_an_empty_database(two_databases):
    source_url, target_url = two_databases
    source = get_engine(source_url)
    upgrade_to_head(source)
    # A first fill through the importer, with rows in every table that has them, the special ones too.
    files = {p.name: p.read_bytes() for p in SAMPLE_DATA_DIR.glob("*.csv")}
    files.update({name: text.encode() for name, text in EXTRA_TABLES.items()})
    first = preview_import(source, files)
    assert first.restore and not first.problems, [str(p) for p in first.problems]
    apply_import(source, ADMIN, first)
    # Some history in the audit log, so the backup carries it too.
    project = "HLM-AMSTERDAMSE-BUURTEN-01"
    edits.add_status_update(
        source, OTHER, project, dt.date(2011, 1, 3), "vertraagd", 60, "Tekst", "Oorzaak", "Gevolg", "Maatregel"
    )
    backup = export_zip(source)
    target = get_engine(target_url)
    upgrade_to_head(target)

    preview = preview_import(target, {"backup.zip": backup})
    assert preview.restore and not preview.problems
    result = apply_import(target, ADMIN, preview)
    assert result.restore

    before, after = _files(backup), _files(export_zip(target))
    assert before.keys() == after.keys()
    assert all(before[name].count("\n") == 2 for name in EXTRA_TABLES)
    for name in before:
        if name == "audit_log.csv":
            continue
        assert after[name] == before[name], name
    # The restored log is the old log, plus one line that records the restore itself.
    old_lines, new_lines = before["audit_log.csv"].splitlines(), after["audit_log.csv"].splitlines()
    assert len(old_lines) >= 2 and new_lines[:-1] == old_lines
    last = _audit(target)[-1]
    assert (last.action, last.table_name, last.actor) == ("import", "*", ADMIN.email)
    assert json.loads(last.new_values)["status_update"] == before["status_update.csv"].count("\n") - 1


def test_audit_log_is_only_read_into_an_empty_database(seeded):
    source_log = "at,actor,action,table_name,row_key,old_values,new_values\n2020-01-01 10:00:00,x,insert,wijk,W,,\n"
    preview = preview_import(seeded, {"audit_log.csv": source_log.encode()})
    (problem,) = preview.problems
    assert "alleen ingelezen bij het herstellen van een back-up in een lege database" in problem.message
    with pytest.raises(ImportRefused):
        apply_import(seeded, ADMIN, preview)


def test_tables_with_their_own_rules_take_only_unchanged_rows(seeded):
    # The whole sample folder, users included, is unchanged in the seeded database: nothing to refuse.
    files = {p.name: p.read_bytes() for p in SAMPLE_DATA_DIR.glob("*.csv")}
    preview = preview_import(seeded, files)
    assert not preview.problems and preview.added == preview.changed == 0
    users = (SAMPLE_DATA_DIR / "app_user.csv").read_text(encoding="utf-8")
    preview = preview_import(seeded, {"app_user.csv": (users + "nieuw@example.nl,Nieuw,beheerder,\n").encode()})
    (problem,) = preview.problems
    assert problem.message.startswith("gebruikers beheert u op de pagina Gebruikers; 1 rij(en)")


def test_upsert_counts_changes_and_audits_old_and_new(seeded):
    text = _files(export_zip(seeded))["project.csv"].splitlines()
    first = text[1].split(",")[0]
    # Change the title of the first project (third column), add one new project, keep four unchanged.
    fields = next(iter(csv.reader([text[1]])))
    fields[2] = "Nieuwe titel"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(fields)
    new = fields.copy()
    new[0], new[2] = "NIEUW-01", "Nieuw project"
    csv.writer(buf, lineterminator="\n").writerow(new)
    upload = (text[0] + "\n" + buf.getvalue() + "\n".join(text[2:6]) + "\n").encode()

    preview = preview_import(seeded, {"project.csv": upload})
    assert not preview.problems
    (summary,) = preview.summary
    assert (summary.table, summary.added, summary.changed, summary.unchanged) == ("project", 1, 1, 4)
    assert summary.changed_columns == {"title": 1}
    with seeded.connect() as conn:
        old_title, old_version = conn.execute(select(Project.title, Project.version).where(Project.code == first)).one()

    apply_import(seeded, ADMIN, preview)
    with seeded.connect() as conn:
        title, version = conn.execute(select(Project.title, Project.version).where(Project.code == first)).one()
    assert (title, version) == ("Nieuwe titel", old_version + 1)
    entries = {(e.row_key, e.action): e for e in _audit(seeded)}
    update = entries[(first, "import")]
    assert json.loads(update.old_values) == {"title": old_title}
    assert json.loads(update.new_values) == {"title": "Nieuwe titel"}
    assert json.loads(entries[("NIEUW-01", "import")].new_values)["title"] == "Nieuw project"
    assert preview_import(seeded, {"project.csv": upload}).summary[0].unchanged == 6


def test_a_column_left_out_keeps_its_stored_values(seeded):
    with seeded.connect() as conn:
        code, description = conn.execute(select(Project.code, Project.description).limit(1)).one()
    # Only the required columns; description is not in the file.
    export = _files(export_zip(seeded))["project.csv"].splitlines()
    row = next(iter(csv.DictReader(export)))
    columns = ["code", "contract_code", "title", "theme", "lead_partner_code", "start_date", "end_date"]
    upload = ",".join(columns) + "\n" + ",".join(row[c] for c in columns) + "\n"
    preview = preview_import(seeded, {"project.csv": upload.encode()})
    assert preview.summary[0].unchanged == 1
    with seeded.connect() as conn:
        assert conn.execute(select(Project.description).where(Project.code == code)).scalar_one() == description


def test_a_changed_status_update_is_refused_as_history(seeded):
    text = _files(export_zip(seeded))["status_update.csv"].splitlines()
    line = text[1].replace(",op schema,", ",vertraagd,", 1)
    preview = preview_import(seeded, {"status_update.csv": (text[0] + "\n" + line + "\n").encode()})
    messages = [p.message for p in preview.problems]
    assert any("statusupdates zijn geschiedenis" in m for m in messages) or any("verplicht" in m for m in messages)


def test_import_refuses_when_data_changed_since_the_preview(seeded):
    upload = b"indicator_code,city,wijk_code,year,value\nWERKLOOSHEID,Amsterdam,,2031,5.5\n"
    preview = preview_import(seeded, {"measurement.csv": upload})
    assert preview.ok
    edits.save_measurement(seeded, OTHER, "WERKLOOSHEID", 2032, 4.0, None, "Amsterdam")
    before = export_zip(seeded)
    version = versioning.current(seeded)
    with pytest.raises(ImportRefused, match="gewijzigd sinds de controle"):
        apply_import(seeded, ADMIN, preview)
    assert versioning.current(seeded) == version and _files(export_zip(seeded)) == _files(before)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("wijk.txt", b"code\n", "bestandstype wordt niet ondersteund"),
        ("wijk.xls", b"\xd0\xcf\x11\xe0", "sla op als .xlsx"),
        ("wijk.csv", "code,naam\nW1,Caf\u00e9\n".encode("latin-1"), "geen UTF-8"),
        ("wijk.csv", b"PK\x03\x04rest", "gebruik de extensie .xlsx"),
        ("wijken.csv", b"code\n", "hoort bij geen tabel"),
        ("wijk.xlsx", b"not a workbook", "geen leesbaar Excel-werkboek"),
        ("backup.zip", b"not a zip", "beschadigd"),
    ],
)
def test_wrong_files_are_refused_in_dutch(seeded, name, data, expected):
    preview = preview_import(seeded, {name: data})
    assert not preview.ok
    assert any(expected in p.message for p in preview.problems), [str(p) for p in preview.problems]


def test_size_limit(seeded):
    preview = preview_import(seeded, {"measurement.csv": b"x" * (MAX_UPLOAD_BYTES + 1)})
    assert len(preview.problems) == 1 and "hoogstens 20 MB" in preview.problems[0].message


def test_every_problem_is_listed_per_line_and_column(seeded):
    upload = (
        b"code,name,kind\n"
        b"NIEUW1,Nieuwe partner,corporatie\n"
        b"NIEUW2,Ymere,corporatie\n"  # the name belongs to another partner
        b"NIEUW3,Derde,sekte\n"
    )
    preview = preview_import(seeded, {"partner.csv": upload})
    found = {(p.line, p.column) for p in preview.problems}
    assert found == {(3, "name"), (4, "kind")}, [str(p) for p in preview.problems]
    assert any("al in gebruik bij YMERE" in p.message for p in preview.problems)


def test_excel_workbook_with_a_sheet_per_table(seeded):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "measurement"
    sheet.append(["indicator_code", "city", "wijk_code", "year", "value"])
    sheet.append(["WERKLOOSHEID", "Amsterdam", None, 2031, 5.5])
    sheet.append([None, None, None, None, None])
    sheet.append(["WERKLOOSHEID", "Amsterdam", None, "twee", 5.5])
    out = io.BytesIO()
    book.save(out)
    preview = preview_import(seeded, {"metingen.xlsx": out.getvalue()})
    assert [(p.file, p.line, p.column) for p in preview.problems] == [("metingen.xlsx, blad 'measurement'", 4, "year")]
    sheet.delete_rows(4)
    out = io.BytesIO()
    book.save(out)
    preview = preview_import(seeded, {"metingen.xlsx": out.getvalue()})
    assert preview.ok and preview.added == 1
    template = load_workbook(io.BytesIO(template_xlsx()))
    assert "audit_log" not in template.sheetnames
    assert [c.value for c in template["wijk"][1]] == template_csv("wijk").decode("utf-8-sig").strip().split(",")


# --- fuzzing: any corruption either imports cleanly or is refused with the database untouched ------------------

BASE = (
    "indicator_code,city,wijk_code,year,value\n"
    "WERKLOOSHEID,Amsterdam,,2031,5.5\n"
    "WERKLOOSHEID,Amsterdam,,2032,5.25\n"
    "WERKLOOSHEID,Amsterdam,,2010,7.0\n"
)
NOISE = [",", '"', "\n", "\r", "x", "9", "-", ".", " ", "é", "\x00", ";", "2"]


@st.composite
def corrupted(draw):
    text = BASE
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate_line", "truncate"]))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(NOISE)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + 1 :]
        elif op == "duplicate_line":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            text = "\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
        else:
            text = text[:pos]
    return text


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    _seeded(f"sqlite:///{folder / 'base.sqlite'}")
    return folder / "base.sqlite"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=corrupted())
def test_fuzzed_imports_are_all_or_nothing(seeded_file, tmp_path, text):
    copy = tmp_path / "fuzz.sqlite"
    shutil.copy(seeded_file, copy)
    engine = get_engine(f"sqlite:///{copy}")
    before = _files(export_zip(engine))
    preview = preview_import(engine, {"measurement.csv": text.encode("utf-8")})
    try:
        apply_import(engine, ADMIN, preview)
    except ImportRefused as exc:
        assert exc.problems and all(p.message.strip() for p in exc.problems)
        assert _files(export_zip(engine)) == before
        engine.dispose()
        return
    assert not preview.problems
    after = _files(export_zip(engine))
    changed = {n for n in before if before[n] != after[n]}
    assert changed <= {"measurement.csv", "audit_log.csv"}
    rows = {tuple(r.values()) for r in csv.DictReader(io.StringIO(after["measurement.csv"]))}
    for row in preview.data.rows["measurement"]:
        assert (row["indicator_code"], row["city"], "", str(row["year"]), repr(row["value"])) in rows
    assert len(_audit(engine)) == preview.added + preview.changed
    engine.dispose()


def test_spreadsheet_cells_become_csv_text():
    from data_access.records import cell_text

    assert cell_text(2031.0, "int") == "2031"
    assert cell_text(1250.4999999999998, "money") == "1250.50"  # float noise of a spreadsheet sum
    assert cell_text(12.345, "money") == "12.345"  # a real third decimal stays, and the validator refuses it
    assert cell_text(dt.datetime(2008, 3, 1), "date") == "2008-03-01"
    assert cell_text(dt.datetime(2008, 3, 1, 9, 30), "datetime") == "2008-03-01 09:30:00"
    assert cell_text(392.0, "text") == "392"
    assert cell_text(float("nan"), "float") == "" and cell_text(None, "text") == ""
