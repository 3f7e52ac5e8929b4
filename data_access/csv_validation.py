"""Read and validate a folder of CSV files without touching any database.

Every problem names the file, the line and the column, in Dutch, so a programme-bureau employee can fix
the spreadsheet without help. Nothing here writes: loading happens only when the whole folder is clean.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from domain.explanation import missing_explanation

from .csv_spec import BY_FILENAME, BY_NAME, REQUIRED_FILES, TABLES, ColumnSpec, TableSpec

MAX_FILE_BYTES = 200 * 1024 * 1024
_INT = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_MONEY_LIMIT = Decimal("1000000000000")


@dataclass(frozen=True)
class Problem:
    file: str | None
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [part for part in (self.file, self.line and f"regel {self.line}", self.column) if part]
        if self.column:
            where[-1] = f"kolom '{self.column}'"
        return (", ".join(where) + ": " if where else "") + self.message


@dataclass
class DataSet:
    """Typed rows per table, with the CSV line each row came from."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


class FieldError(ValueError):
    pass


def _parse_text(raw: str, col: ColumnSpec) -> str:
    if col.max_length and len(raw) > col.max_length:
        raise FieldError(f"tekst is {len(raw)} tekens lang, maximaal {col.max_length} toegestaan")
    if col.allowed and raw not in col.allowed:
        allowed = ", ".join(f"'{v}'" for v in col.allowed)
        raise FieldError(f"'{raw}' is geen toegestane waarde; kies uit {allowed}")
    return raw


def _parse_int(raw: str, col: ColumnSpec) -> int:
    value = raw.strip()
    if not _INT.match(value):
        raise FieldError(f"'{raw}' is geen geheel getal")
    return int(value)


def _parse_float(raw: str, col: ColumnSpec) -> float:
    value = raw.strip()
    if re.match(r"^[+-]?\d+,\d+$", value):
        raise FieldError(f"'{raw}' gebruikt een komma; gebruik een punt als decimaalteken (12.5)")
    try:
        number = float(value)
    except ValueError:
        raise FieldError(f"'{raw}' is geen getal") from None
    if not math.isfinite(number):
        raise FieldError(f"'{raw}' is geen eindig getal")
    return number


def _parse_money(raw: str, col: ColumnSpec) -> Decimal:
    value = raw.strip()
    if re.match(r"^[+-]?\d+,\d{1,2}$", value):
        raise FieldError(f"'{raw}' gebruikt een komma; gebruik een punt als decimaalteken (1250.50)")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise FieldError(f"'{raw}' is geen bedrag in euro's (bijvoorbeeld 1250.50)") from None
    if not amount.is_finite() or abs(amount) >= _MONEY_LIMIT:
        raise FieldError(f"'{raw}' is geen geldig bedrag")
    if amount.as_tuple().exponent < -2:
        raise FieldError(f"'{raw}' heeft meer dan twee decimalen (hele centen)")
    return amount.quantize(Decimal("0.01"))


def _parse_date(raw: str, col: ColumnSpec) -> dt.date:
    value = raw.strip()
    try:
        if not _DATE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"'{raw}' is geen geldige datum in de vorm JJJJ-MM-DD") from None


def _parse_datetime(raw: str, col: ColumnSpec) -> dt.datetime:
    value = raw.strip()
    try:
        if not _DATETIME.match(value):
            raise ValueError
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise FieldError(f"'{raw}' is geen geldig tijdstip in de vorm JJJJ-MM-DD UU:MM:SS") from None


PARSERS: dict[str, Callable[[str, ColumnSpec], object]] = {
    "text": _parse_text,
    "int": _parse_int,
    "float": _parse_float,
    "money": _parse_money,
    "date": _parse_date,
    "datetime": _parse_datetime,
}


# Row rules mirroring the database CHECK constraints, so the user hears about them per line.
RowRule = Callable[[dict], Iterable[tuple[str, str]]]


def _period(row: dict) -> Iterable[tuple[str, str]]:
    start, end = row.get("start_date"), row.get("end_date")
    if start and end and end < start:
        yield "end_date", f"einddatum {end.isoformat()} ligt voor begindatum {start.isoformat()}"


def _non_negative(*columns: str) -> RowRule:
    def rule(row: dict) -> Iterable[tuple[str, str]]:
        for c in columns:
            if row.get(c) is not None and row[c] < 0:
                yield c, f"bedrag {row[c]} is negatief; alleen 0 of meer is toegestaan"

    return rule


def _between(column: str, low: float, high: float, what: str) -> RowRule:
    def rule(row: dict) -> Iterable[tuple[str, str]]:
        value = row.get(column)
        if value is not None and not (low <= value <= high):
            yield column, f"{what} {value} ligt niet tussen {low:g} en {high:g}"

    return rule


def _positive(column: str, what: str) -> RowRule:
    def rule(row: dict) -> Iterable[tuple[str, str]]:
        if row.get(column) is not None and row[column] <= 0:
            yield column, f"{what} moet groter dan 0 zijn"

    return rule


def _target_years(row: dict) -> Iterable[tuple[str, str]]:
    if row["target_year"] <= row["baseline_year"]:
        yield "target_year", f"doeljaar {row['target_year']} ligt niet na het basisjaar {row['baseline_year']}"


def _explained(row: dict) -> Iterable[tuple[str, str]]:
    for name in missing_explanation(row["status"], row):
        yield name, f"bij status '{row['status']}' is {name} verplicht (oorzaak, gevolg en maatregel)"


def _partner_role(row: dict) -> Iterable[tuple[str, str]]:
    if row.get("role") == "partner-redacteur" and not row.get("partner_code"):
        yield "partner_code", "een partner-redacteur hoort bij een partnerorganisatie; vul partner_code in"


ROW_RULES: dict[str, tuple[RowRule, ...]] = {
    "programme": (_period, _non_negative("central_budget")),
    "contract": (_period,),
    "project": (_period,),
    "project_partner": (_non_negative("amount"),),
    "budget_allocation": (_non_negative("requested", "approved", "spent"),),
    "wijk": (
        _between("population", 0, 10_000_000, "inwonertal"),
        _between("centroid_lon", -180, 180, "lengtegraad"),
        _between("centroid_lat", -90, 90, "breedtegraad"),
    ),
    "status_update": (_between("progress", 0, 100, "voortgang"), _explained),
    "target": (_target_years,),
    "measurement": (_between("year", 1900, 2100, "jaar"),),
    "indicator": (_positive("interval_months", "meetinterval"),),
    "charter_agreement": (_positive("number", "nummer"),),
    "app_user": (_partner_role,),
}


def _decode(data: bytes, filename: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(filename, line, None, "het bestand is geen UTF-8-tekst; sla het op als 'CSV UTF-8'"))
        return None


def _check_header(spec: TableSpec, header: list[str], problems: list[Problem]) -> bool:
    ok = True
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(spec.filename, 1, name, "kolom staat twee keer in de kopregel"))
            ok = False
        seen.add(name)
        if name not in spec.column_names:
            expected = ", ".join(spec.column_names)
            problems.append(Problem(spec.filename, 1, name, f"onbekende kolom; verwacht zijn: {expected}"))
            ok = False
    for col in spec.columns:
        if col.required and col.name not in seen:
            problems.append(Problem(spec.filename, 1, col.name, "verplichte kolom ontbreekt in de kopregel"))
            ok = False
    return ok


def parse_table(spec: TableSpec, text: str, problems: list[Problem]) -> tuple[list[dict], list[int]]:
    """Typed rows of one CSV text; problems are appended, bad rows are left out."""
    rows: list[dict] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(Problem(spec.filename, 1, None, f"kopregel is onleesbaar ({exc})"))
        return rows, lines
    if not header or not any(h.strip() for h in header):
        problems.append(Problem(spec.filename, 1, None, "het bestand is leeg; de kopregel ontbreekt"))
        return rows, lines
    header = [h.strip() for h in header]
    if not _check_header(spec, header, problems):
        return rows, lines
    columns = [spec.column(name) for name in header]
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(spec.filename, line, None, f"regel is onleesbaar, mogelijk afgebroken bestand ({exc})")
            )
            break
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # blank line
        if len(record) != len(header):
            problems.append(
                Problem(
                    spec.filename,
                    line,
                    None,
                    f"regel heeft {len(record)} velden, de kopregel {len(header)}; "
                    "ontbreekt er een scheidingsteken of is het bestand afgebroken?",
                )
            )
            continue
        row: dict = {c.name: None for c in spec.columns}
        row_ok = True
        for col, raw in zip(columns, record, strict=True):
            if raw.strip() == "":
                if col.required:
                    problems.append(Problem(spec.filename, line, col.name, "verplicht veld is leeg"))
                    row_ok = False
                continue
            try:
                row[col.name] = PARSERS[col.kind](raw, col)
            except FieldError as exc:
                problems.append(Problem(spec.filename, line, col.name, str(exc)))
                row_ok = False
        if not row_ok:
            continue
        for rule in ROW_RULES.get(spec.table, ()):
            for column, message in rule(row):
                problems.append(Problem(spec.filename, line, column, message))
                row_ok = False
        if row_ok:
            rows.append(row)
            lines.append(line)
    return rows, lines


def _key_text(columns: tuple[str, ...], values: tuple) -> str:
    return ", ".join(f"{c}={'' if v is None else v}" for c, v in zip(columns, values, strict=True))


def _check_keys(spec: TableSpec, data: DataSet, problems: list[Problem]) -> None:
    rows, lines = data.rows.get(spec.table, []), data.lines.get(spec.table, [])
    for key in spec.keys:
        first_line: dict[tuple, int] = {}
        for row, line in zip(rows, lines, strict=True):
            value = tuple(row[c] for c in key)
            if value in first_line:
                problems.append(
                    Problem(
                        spec.filename,
                        line,
                        key[-1] if len(key) == 1 else None,
                        f"dubbele sleutel ({_key_text(key, value)}); staat ook op regel {first_line[value]}",
                    )
                )
            else:
                first_line[value] = line


def _check_references(
    spec: TableSpec, data: DataSet, existing: dict[str, set[tuple]], unreadable: set[str], problems: list[Problem]
) -> None:
    for ref in spec.references:
        if ref.table in unreadable:
            continue  # its own problem is reported; every reference to it would only add noise
        known = {tuple(r[c] for c in ref.target_columns) for r in data.rows.get(ref.table, [])}
        known |= existing.get(ref.table + ":" + ",".join(ref.target_columns), set())
        for row, line in zip(data.rows.get(spec.table, []), data.lines.get(spec.table, []), strict=True):
            value = tuple(row[c] for c in ref.columns)
            if any(v is None for v in value):
                continue
            if value not in known:
                shown = " / ".join(str(v) for v in value)
                problems.append(
                    Problem(
                        spec.filename,
                        line,
                        ref.columns[-1] if len(ref.columns) == 1 else None,
                        f"'{shown}' bestaat niet in {ref.table}.csv",
                    )
                )


def _check_measurement_city(data: DataSet, problems: list[Problem]) -> None:
    city_of = {w["code"]: w["city"] for w in data.rows.get("wijk", [])}
    for row, line in zip(data.rows.get("measurement", []), data.lines.get("measurement", []), strict=True):
        wijk = row["wijk_code"]
        if wijk in city_of and city_of[wijk] != row["city"]:
            problems.append(
                Problem(
                    "measurement.csv",
                    line,
                    "city",
                    f"wijk {wijk} ligt in {city_of[wijk]}, niet in {row['city']}",
                )
            )


def validate_tables(
    texts: dict[str, str], existing: dict[str, set[tuple]] | None = None, unreadable: set[str] | None = None
) -> tuple[DataSet, list[Problem]]:
    """Validate CSV texts keyed by file name (e.g. {'wijk.csv': '...'}).

    `unreadable` names tables whose file exists but could not be read (reported elsewhere).
    """
    problems: list[Problem] = []
    data = DataSet()
    unreadable = set(unreadable or ())
    for spec in TABLES:
        if spec.filename not in texts:
            continue
        data.files.append(spec.filename)
        before = len(problems)
        data.rows[spec.table], data.lines[spec.table] = parse_table(spec, texts[spec.filename], problems)
        if any(p.line == 1 for p in problems[before:]):
            unreadable.add(spec.table)  # header problems: the rows were not read
    for spec in TABLES:
        if spec.table in data.rows:
            _check_keys(spec, data, problems)
            _check_references(spec, data, existing or {}, unreadable, problems)
    _check_measurement_city(data, problems)
    return data, problems


def read_folder(folder: str | Path) -> tuple[DataSet, list[Problem]]:
    """Read and validate every `<table>.csv` of a folder. Other files (a README) are ignored."""
    folder = Path(folder)
    if not folder.is_dir():
        return DataSet(), [Problem(str(folder), None, None, "deze map bestaat niet")]
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    unreadable: set[str] = set()
    for path in sorted(folder.glob("*.csv")):
        if path.name not in BY_FILENAME:
            known = ", ".join(sorted(BY_FILENAME))
            problems.append(Problem(path.name, None, None, f"onbekend bestand; bekende bestanden: {known}"))
            continue
        text = None
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(path.name, None, None, "bestand is groter dan 200 MB"))
        else:
            text = _decode(path.read_bytes(), path.name, problems)
        if text is None:
            unreadable.add(BY_FILENAME[path.name].table)
        else:
            texts[path.name] = text
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            problems.append(Problem(name, None, None, f"verplicht bestand ontbreekt in {folder}"))
    data, table_problems = validate_tables(texts, unreadable=unreadable)
    return data, problems + table_problems


__all__ = ["BY_NAME", "DataSet", "Problem", "read_folder", "validate_tables"]
