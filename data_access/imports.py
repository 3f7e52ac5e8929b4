"""Import of CSV and Excel files in the exchange format, and backup/restore as a zip of the same CSVs.

Two steps, so nobody writes by accident:
- `preview_import` reads the uploaded files, validates them with the CSV validator (references may point to
  rows already in the database) and compares every row with the stored one by natural key: rows added,
  changed (with the columns) and unchanged, and every problem per file, line and column in Dutch. It writes
  nothing.
- `apply_import` writes the previewed rows in one transaction, or nothing: it refuses when there is any
  problem, or when the data changed since the preview (the data version is claimed inside the
  transaction, so a concurrent write cannot slip in between).

Rules:
- Upsert by natural key; an import never deletes. A column left out of a file keeps its stored values.
- Status updates are history: new ones are added, a changed existing one is refused.
- Tables with rules or a page of their own (audit log, users, settings, scenarios, meetings, boundaries,
  see RESTORE_ONLY) may be in an upload only with unchanged rows (as in a full export); new or changed
  rows of them are read only into an empty database: the restore of a backup (`export_zip`).
- A normal import records an audit row per added or changed row; a restore (or first fill) of an empty
  database records one audit row with the counts, on top of the restored log, so the export afterwards
  equals the backup plus that one line.
- Files: `.csv` (UTF-8) named after the table, `.xlsx` with one sheet per table (named after the table,
  or one sheet in a workbook named after the table), or a `.zip` of those. At most 20 MB per upload.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from . import versioning
from .access import IMPORT, write_function
from .audit import write_transaction
from .csv_spec import BY_FILENAME, BY_NAME, TABLES, TableSpec
from .csv_validation import DataSet, Problem, _decode, validate_tables
from .export import table_csv
from .models import Base, DataVersion
from .records import (
    Refused,
    RowCounts,
    changed_columns,
    existing_references,
    existing_rows,
    key_text,
    natural_key,
    plain,
    primary_key_condition,
    rows_as_csv,
    table_of,
    unique_conflicts,
)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".zip")
# Tables with rules or pages of their own: an import into a live database may carry their rows only
# unchanged (as in a full export); new or changed rows are read only in a restore into an empty database.
RESTORE_ONLY = {
    "audit_log": "het auditlog is de geschiedenis van de database zelf",
    "app_user": "gebruikers beheert u op de pagina Gebruikers",
    "setting": "instellingen wijzigt u op de pagina waar ze bij horen",
    "scenario": "scenario's bewaart u op de pagina Wat als",
    "meeting": "vergaderingen legt u vast op de pagina Stuurgroep",
    "meeting_item": "besluiten en acties legt u vast op de pagina Stuurgroep",
    "wijk_boundary": "wijkgrenzen importeert u als GeoJSON in het tabblad Grenzen",
}
APPEND_ONLY = ("status_update",)  # history: rows are added, never changed
IMPORTABLE = tuple(spec.table for spec in TABLES if spec.table not in RESTORE_ONLY)


class ImportRefused(Refused):
    """Nothing was written; `problems` say why (Dutch)."""


@dataclass(frozen=True)
class TableSummary:
    table: str
    added: int
    changed: int
    unchanged: int
    changed_columns: dict[str, int] = field(default_factory=dict)  # column -> number of rows changed


@dataclass
class _TablePlan:
    spec: TableSpec
    inserts: list[dict] = field(default_factory=list)
    updates: list[tuple[dict, dict, list[str]]] = field(default_factory=list)  # (stored, new, columns)
    unchanged: int = 0

    def summary(self) -> TableSummary:
        counts: dict[str, int] = {}
        for _, _, columns in self.updates:
            for c in columns:
                counts[c] = counts.get(c, 0) + 1
        return TableSummary(self.spec.table, len(self.inserts), len(self.updates), self.unchanged, counts)


@dataclass
class ImportPreview(RowCounts):
    data_version: int
    restore: bool  # the database was empty: a first fill or the restore of a backup
    problems: list[Problem]
    summary: list[TableSummary]
    data: DataSet
    headers: dict[str, tuple[str, ...]]  # table -> the columns the file has
    sources: dict[str, str]  # table -> where its rows came from (file, or workbook and sheet)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.data.rows)


@dataclass(frozen=True)
class ImportResult(RowCounts):
    summary: list[TableSummary]
    restore: bool


# --- reading uploads -------------------------------------------------------------------------------------


@dataclass
class _Upload:
    texts: dict[str, str] = field(default_factory=dict)  # '<table>.csv' -> CSV text
    sources: dict[str, str] = field(default_factory=dict)  # table -> shown source
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def add(self, spec: TableSpec, text: str, source: str) -> None:
        if spec.filename in self.texts or spec.table in self.unreadable:
            self.problems.append(
                Problem(source, None, None, f"tabel {spec.table} komt meer dan eens voor in de upload")
            )
            return
        self.texts[spec.filename] = text
        self.sources[spec.table] = source


def _unknown_name(name: str) -> Problem:
    known = ", ".join(sorted(BY_FILENAME))
    return Problem(name, None, None, f"de bestandsnaam hoort bij geen tabel; noem het bestand naar de tabel: {known}")


def _read_csv(name: str, data: bytes, upload: _Upload) -> None:
    spec = BY_FILENAME.get(PurePosixPath(name).name.lower())
    if spec is None:
        upload.problems.append(_unknown_name(name))
        return
    if data[:4] == b"PK\x03\x04":
        upload.problems.append(
            Problem(name, None, None, "dit is geen CSV-tekst maar een Excel- of zipbestand; gebruik de extensie .xlsx")
        )
        upload.unreadable.add(spec.table)
        return
    text = _decode(data, name, upload.problems)
    if text is None:
        upload.unreadable.add(spec.table)
    else:
        upload.add(spec, text, name)


def _sheet_csv(spec: TableSpec, sheet) -> str:
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return ""
    header = [("" if v is None else str(v)).strip() for v in rows[0]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    body = []
    for values in rows[1:]:
        cells = list(values[:width]) + [None] * (width - len(values[:width]))
        body.append(dict(zip(header, cells, strict=True)) if any(v not in (None, "") for v in cells) else None)
    text = rows_as_csv(spec, header, [r for r in body if r is not None])
    # Keep the sheet's row numbers as line numbers: an empty sheet row becomes an empty CSV line.
    lines = text.splitlines(keepends=True)
    out, i = [lines[0]], 1
    for row in body:
        if row is None:
            out.append("\n")
        else:
            out.append(lines[i])
            i += 1
    return "".join(out)


def _read_xlsx(name: str, data: bytes, upload: _Upload) -> None:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises several kinds for a damaged or foreign file
        upload.problems.append(
            Problem(name, None, None, "het bestand is geen leesbaar Excel-werkboek; sla het opnieuw op als .xlsx")
        )
        return
    try:
        sheets = list(book.worksheets)
        by_sheet = {s.title.strip().lower(): s for s in sheets}
        stem_spec = BY_NAME.get(PurePosixPath(name).stem.lower())
        if any(title in BY_NAME for title in by_sheet):
            for title, sheet in by_sheet.items():
                spec = BY_NAME.get(title)
                if spec is None:
                    upload.problems.append(
                        Problem(f"{name}, blad '{sheet.title}'", None, None, "dit blad hoort bij geen tabel")
                    )
                    continue
                upload.add(spec, _sheet_csv(spec, sheet), f"{name}, blad '{sheet.title}'")
        elif stem_spec is not None and len(sheets) == 1:
            upload.add(stem_spec, _sheet_csv(stem_spec, sheets[0]), name)
        else:
            upload.problems.append(
                Problem(
                    name,
                    None,
                    None,
                    "geen blad in dit werkboek heet naar een tabel (bijvoorbeeld 'wijk' of 'project'); "
                    "geef elk blad de naam van zijn tabel, of noem een werkboek met één blad naar de tabel",
                )
            )
    finally:
        book.close()


def _read_zip(name: str, data: bytes, upload: _Upload) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX")]
    except zipfile.BadZipFile:
        upload.problems.append(Problem(name, None, None, "het zipbestand is beschadigd of geen zipbestand"))
        return
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        upload.problems.append(
            Problem(name, None, None, f"uitgepakt is het zipbestand groter dan {MAX_UNPACKED_BYTES // 2**20} MB")
        )
        return
    for member in members:
        inner = PurePosixPath(member.filename).name
        suffix = PurePosixPath(inner).suffix.lower()
        if suffix in (".md", ".txt"):
            continue  # a README next to the data
        shown = f"{name}: {inner}"
        if suffix == ".csv":
            _read_csv(shown if BY_FILENAME.get(inner.lower()) is None else inner, archive.read(member), upload)
        elif suffix == ".xlsx":
            _read_xlsx(inner, archive.read(member), upload)
        else:
            upload.problems.append(Problem(shown, None, None, "in een zipbestand horen alleen .csv en .xlsx"))


def read_upload(files: dict[str, bytes]) -> _Upload:
    """CSV texts per table from uploaded files, with Dutch problems for size, type and encoding."""
    upload = _Upload()
    total = sum(len(b) for b in files.values())
    if total > MAX_UPLOAD_BYTES:
        upload.problems.append(
            Problem(
                None,
                None,
                None,
                f"de upload is {total / 2**20:.1f} MB; hoogstens {MAX_UPLOAD_BYTES // 2**20} MB per keer. "
                "Splits de bestanden of gebruik de opdrachtregel (seed) voor een lege database.",
            )
        )
        return upload
    for name, data in files.items():
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".csv":
            _read_csv(name, data, upload)
        elif suffix == ".xlsx":
            _read_xlsx(name, data, upload)
        elif suffix == ".zip":
            _read_zip(name, data, upload)
        elif suffix in (".xls", ".xlsm", ".ods", ".numbers"):
            upload.problems.append(
                Problem(name, None, None, f"{suffix}-bestanden worden niet gelezen; sla op als .xlsx of als CSV UTF-8")
            )
        else:
            upload.problems.append(
                Problem(name, None, None, "bestandstype wordt niet ondersteund; gebruik .csv (UTF-8), .xlsx of .zip")
            )
    return upload


def _header(text: str) -> tuple[str, ...]:
    try:
        first = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return ()
    return tuple(h.strip() for h in first)


# --- comparing with the database ---------------------------------------------------------------------------


def _is_empty(conn: Connection) -> bool:
    tables = Base.metadata.tables
    return not any(conn.execute(select(func.count()).select_from(tables[s.table])).scalar_one() for s in TABLES)


def _restore_only(spec: TableSpec, source: str, count: int) -> Problem:
    return Problem(
        source,
        None,
        None,
        f"{RESTORE_ONLY[spec.table]}; {count} rij(en) in dit bestand zijn nieuw of gewijzigd, en die worden alleen "
        "ingelezen bij het herstellen van een back-up in een lege database",
    )


def _plan(
    conn: Connection, data: DataSet, headers: dict[str, tuple[str, ...]], sources: dict[str, str], restore: bool
) -> tuple[list[_TablePlan], list[Problem]]:
    plans: list[_TablePlan] = []
    problems: list[Problem] = []
    for spec in TABLES:
        if spec.table not in data.rows:
            continue
        source = sources.get(spec.table, spec.filename)
        rows, lines = data.rows[spec.table], data.lines[spec.table]
        plan = _TablePlan(spec)
        plans.append(plan)
        if not spec.keys:  # the audit log: restored row by row, in file order
            plan.inserts.extend(rows)
            if rows and not restore:
                problems.append(_restore_only(spec, source, len(rows)))
            continue
        stored = existing_rows(conn, spec)
        present = [c for c in headers.get(spec.table, spec.column_names) if c not in natural_key(spec)]
        for row, line in zip(rows, lines, strict=True):
            old = stored.get(key_text(spec, row))
            if old is None:
                plan.inserts.append(row)
                continue
            columns = changed_columns(spec, old, row, present)
            if not columns:
                plan.unchanged += 1
            elif spec.table in APPEND_ONLY:
                problems.append(
                    Problem(
                        source,
                        line,
                        columns[0],
                        f"statusupdate {key_text(spec, row)} bestaat al met andere inhoud; statusupdates zijn "
                        "geschiedenis en worden niet gewijzigd. Voeg een nieuwe update toe met een latere datum.",
                    )
                )
            else:
                plan.updates.append((old, row, columns))
        if spec.table in RESTORE_ONLY and not restore and (plan.inserts or plan.updates):
            problems.append(_restore_only(spec, source, len(plan.inserts) + len(plan.updates)))
        incoming = [(line, row) for row, line in zip(rows, lines, strict=True)]
        for line, column, message in unique_conflicts(spec, stored, incoming):
            problems.append(Problem(source, line, column, message))
    return plans, problems


def _relabel(problems: list[Problem], sources: dict[str, str]) -> list[Problem]:
    by_file = {BY_NAME[t].filename: s for t, s in sources.items()}
    return [replace(p, file=by_file.get(p.file, p.file)) for p in problems]


def preview_import(engine: Engine, files: dict[str, bytes]) -> ImportPreview:
    """Read, validate and compare; writes nothing."""
    upload = read_upload(files)
    headers = {BY_FILENAME[name].table: _header(text) for name, text in upload.texts.items()}
    version = versioning.current(engine)
    with engine.connect() as conn:
        restore = _is_empty(conn)
        specs = [BY_FILENAME[name] for name in upload.texts]
        data, problems = validate_tables(upload.texts, existing_references(conn, specs), upload.unreadable)
        plans, plan_problems = _plan(conn, data, headers, upload.sources, restore)
    if not upload.texts and not upload.problems:
        upload.problems.append(Problem(None, None, None, "er is geen bestand met gegevens aangeboden"))
    all_problems = upload.problems + _relabel(problems + plan_problems, upload.sources)
    return ImportPreview(
        data_version=version,
        restore=restore,
        problems=all_problems,
        summary=[p.summary() for p in plans],
        data=data,
        headers=headers,
        sources=upload.sources,
    )


def _claim_version(conn: Connection, expected: int) -> None:
    """Hold the data-version row for this transaction; refuse when anybody wrote since the preview."""
    claimed = conn.execute(
        update(DataVersion)
        .where(DataVersion.id == 1, DataVersion.version == expected)
        .values(version=DataVersion.version)
    ).rowcount
    if claimed != 1:
        raise ImportRefused(
            [
                Problem(
                    None,
                    None,
                    None,
                    "de gegevens zijn gewijzigd sinds de controle (iemand anders heeft intussen iets opgeslagen); "
                    "er is niets geïmporteerd. Controleer de bestanden opnieuw en bevestig dan.",
                )
            ]
        )


def _audit_new(spec: TableSpec, row: dict) -> dict:
    return plain(spec, row)


@write_function(IMPORT)
def apply_import(engine: Engine, actor, preview_or_files: ImportPreview | dict[str, bytes]) -> ImportResult:
    """Write a previewed import in one transaction, or nothing (raises ImportRefused with the reasons)."""
    preview = (
        preview_or_files if isinstance(preview_or_files, ImportPreview) else preview_import(engine, preview_or_files)
    )
    if preview.problems or not preview.data.rows:
        raise ImportRefused(preview.problems or [Problem(None, None, None, "er is niets om te importeren")])
    try:
        with write_transaction(engine, actor) as w:
            _claim_version(w.conn, preview.data_version)
            restore = _is_empty(w.conn)
            plans, problems = _plan(w.conn, preview.data, preview.headers, preview.sources, restore)
            if problems or restore != preview.restore:
                changed = Problem(None, None, None, "de database is sinds de controle gewijzigd")
                raise ImportRefused(problems or [changed])
            for plan in plans:
                spec, table = plan.spec, table_of(plan.spec)
                if plan.inserts:
                    w.conn.execute(insert(table), plan.inserts)
                for old, new, columns in plan.updates:
                    values = {c: new[c] for c in columns}
                    if "version" in table.c:
                        values["version"] = table.c.version + 1
                    w.conn.execute(update(table).where(primary_key_condition(spec, old)).values(**values))
                    old_values, new_values = plain(spec, old, columns), plain(spec, new, columns)
                    w.log("import", spec.table, key_text(spec, new), old_values, new_values)
                if not restore:
                    for row in plan.inserts:
                        w.log("import", spec.table, key_text(spec, row), None, _audit_new(spec, row))
            if restore:
                counts = {p.spec.table: len(p.inserts) for p in plans if p.inserts}
                w.log("import", "*", "lege database gevuld (herstel of eerste import)", None, counts)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise ImportRefused([Problem(None, None, None, f"de database weigerde de gegevens: {detail}")]) from exc
    return ImportResult([p.summary() for p in plans], restore)


# --- backup and templates ----------------------------------------------------------------------------------


def export_zip(engine: Engine) -> bytes:
    """Every table as `<table>.csv` in the exchange format, zipped: the backup that `apply_import` restores."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for spec in TABLES:
            text, _ = table_csv(engine, spec)
            archive.writestr(spec.filename, text)
    return out.getvalue()


def template_csv(table: str) -> bytes:
    """An empty CSV with the header of a table (UTF-8 with BOM, so Excel shows accents right)."""
    return ("\ufeff" + ",".join(BY_NAME[table].column_names) + "\n").encode("utf-8")


def template_xlsx(tables: tuple[str, ...] = IMPORTABLE) -> bytes:
    """An Excel workbook with one sheet per table, each with the header row."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(title=table[:31])
        sheet.append(list(BY_NAME[table].column_names))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
