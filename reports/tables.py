"""How each table of the steering pack is presented: Dutch title, column headers and value kinds.

The page, the PDF, the Excel workbook and the CSV files all use these specs, so a column is called the
same and formatted the same everywhere. `display_frame` gives formatted text (page, PDF);
`export_frame` keeps numbers and dates as values (Excel, CSV) under the Dutch headers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ui import format as fmt
from ui.style import CHARTER_STATUS_SYMBOLS, PROJECT_STATUS_LABELS, PROJECT_STATUS_SYMBOLS

TEXT, DATE, INT, EURO, NUMBER, STATUS, YESNO, YEAR = "text", "date", "int", "euro", "number", "status", "yesno", "year"


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    kind: str = TEXT


@dataclass(frozen=True)
class TableSpec:
    title: str
    columns: tuple[Column, ...]
    empty: str  # what to say when there are no rows


def C(name: str, header: str, kind: str = TEXT) -> Column:
    return Column(name, header, kind)


PROJECT = (C("wijk_name", "Wijk"), C("project_code", "Project"), C("project_title", "Titel"))

SPECS: dict[str, TableSpec] = {
    "red_orange": TableSpec(
        "Rode en oranje projecten",
        (
            *PROJECT,
            C("lead_partner_name", "Trekker"),
            C("status", "Status", STATUS),
            C("since", "Sinds", DATE),
            C("progress", "Voortgang (%)", INT),
            C("oorzaak", "Oorzaak"),
            C("gevolg", "Gevolg"),
            C("maatregel", "Maatregel"),
        ),
        "Geen rode of oranje projecten.",
    ),
    "overdue_milestones": TableSpec(
        "Mijlpalen te laat",
        (
            *PROJECT,
            C("lead_partner_name", "Trekker"),
            C("milestone", "Mijlpaal"),
            C("due_date", "Gepland", DATE),
            C("days_late", "Dagen te laat", INT),
        ),
        "Geen mijlpalen te laat.",
    ),
    "stale": TableSpec(
        "Verouderde statusupdates",
        (
            *PROJECT,
            C("lead_partner_name", "Trekker"),
            C("status", "Status", STATUS),
            C("last_update", "Laatste update", DATE),
            C("days_since_update", "Dagen geleden", INT),
        ),
        "Alle lopende projecten zijn bijgewerkt.",
    ),
    "targets_off_course": TableSpec(
        "Doelen niet op koers",
        (
            C("wijk_name", "Wijk"),
            C("indicator_name", "Indicator"),
            C("baseline_year", "Nulmeting jaar", YEAR),
            C("baseline_value", "Nulmeting", NUMBER),
            C("target_year", "Doeljaar", YEAR),
            C("target_value", "Doel", NUMBER),
            C("latest_year", "Laatste meting jaar", YEAR),
            C("latest_value", "Laatste meting", NUMBER),
            C("expected_value", "Volgens traject", NUMBER),
        ),
        "Geen doelen niet op koers.",
    ),
    "overdue_charter": TableSpec(
        "Charterafspraken over tijd",
        (
            C("number", "Nr.", INT),
            C("theme", "Thema"),
            C("text", "Afspraak"),
            C("party", "Aan zet"),
            C("status", "Status"),
            C("due_date", "Uiterste datum", DATE),
            C("days_late", "Dagen te laat", INT),
        ),
        "Geen charterafspraken over tijd.",
    ),
    "open_actions": TableSpec(
        "Openstaande acties uit eerdere vergaderingen",
        (
            C("meeting_date", "Vergadering", DATE),
            C("number", "Nr.", INT),
            C("text", "Actie"),
            C("owner_partner_code", "Eigenaar"),
            C("due_date", "Uiterste datum", DATE),
            C("project_code", "Project"),
            C("wijk_code", "Wijk"),
            C("status", "Stand"),
            C("overdue", "Over tijd", YESNO),
        ),
        "Geen openstaande acties.",
    ),
    "status": TableSpec(
        "Statuswijzigingen",
        (
            *PROJECT,
            C("lead_partner_name", "Trekker"),
            C("from_status", "Was", STATUS),
            C("to_status", "Is nu", STATUS),
            C("path", "Verloop"),
            C("net_change", "Netto gewijzigd", YESNO),
            C("changed_on", "Laatste wijziging", DATE),
        ),
        "Geen statuswijzigingen.",
    ),
    "explanations": TableSpec(
        "Nieuwe of gewijzigde oorzaak, gevolg en maatregel",
        (
            *PROJECT,
            C("update_date", "Update", DATE),
            C("status", "Status", STATUS),
            C("kind", "Soort"),
            C("oorzaak", "Oorzaak"),
            C("gevolg", "Gevolg"),
            C("maatregel", "Maatregel"),
        ),
        "Geen nieuwe of gewijzigde toelichtingen.",
    ),
    "milestones_completed": TableSpec(
        "Mijlpalen gehaald",
        (
            *PROJECT,
            C("milestone", "Mijlpaal"),
            C("due_date", "Gepland", DATE),
            C("done_date", "Gehaald", DATE),
            C("late", "Te laat gehaald", YESNO),
        ),
        "Geen mijlpalen gehaald.",
    ),
    "milestones_missed": TableSpec(
        "Mijlpalen gemist",
        (*PROJECT, C("lead_partner_name", "Trekker"), C("milestone", "Mijlpaal"), C("due_date", "Gepland", DATE)),
        "Geen mijlpalen gemist.",
    ),
    "measurements": TableSpec(
        "Nieuwe metingen",
        (
            C("wijk_name", "Wijk"),
            C("indicator_name", "Indicator"),
            C("unit", "Eenheid"),
            C("year", "Jaar", YEAR),
            C("value", "Waarde", NUMBER),
        ),
        "Geen nieuwe metingen (een meting van jaar J telt vanaf 1 januari van J).",
    ),
    "targets": TableSpec(
        "Doelstatus gewijzigd",
        (
            C("wijk_name", "Wijk"),
            C("indicator_name", "Indicator"),
            C("status_before", "Was"),
            C("status_after", "Is nu"),
            C("latest_year", "Laatste meting jaar", YEAR),
            C("latest_value", "Laatste meting", NUMBER),
            C("target_year", "Doeljaar", YEAR),
            C("target_value", "Doel", NUMBER),
        ),
        "Geen doelen van status veranderd.",
    ),
    "budget": TableSpec(
        "Centraal budget",
        (
            C("date", "Datum", DATE),
            C("code", "Code"),
            C("wijk_name", "Wijk"),
            C("category", "Categorie"),
            C("title", "Omschrijving"),
            C("requested", "Aangevraagd", EURO),
            C("approved", "Toegekend", EURO),
            C("change", "Wijziging"),
        ),
        "Geen besluiten of wijzigingen in het centrale budget.",
    ),
    "charter": TableSpec(
        "Charter: statuswijzigingen",
        (
            C("number", "Nr.", INT),
            C("theme", "Thema"),
            C("text", "Afspraak"),
            C("status_before", "Was"),
            C("status_after", "Is nu"),
            C("date", "Datum", DATE),
            C("partner_names", "Partners"),
        ),
        "Geen statuswijzigingen in het charter.",
    ),
    "by_wijk": TableSpec(
        "Wijzigingen per wijk",
        (
            C("wijk_name", "Wijk"),
            C("status", "Status", INT),
            C("explanations", "Toelichting", INT),
            C("milestones_completed", "Mijlpalen gehaald", INT),
            C("milestones_missed", "Mijlpalen gemist", INT),
            C("targets", "Doelstatus", INT),
            C("budget", "Budget", INT),
            C("total", "Totaal", INT),
        ),
        "Geen wijken.",
    ),
    "by_partner": TableSpec(
        "Wijzigingen per partner",
        (
            C("partner_name", "Partner"),
            C("status", "Status", INT),
            C("explanations", "Toelichting", INT),
            C("milestones_completed", "Mijlpalen gehaald", INT),
            C("milestones_missed", "Mijlpalen gemist", INT),
            C("total", "Totaal", INT),
        ),
        "Geen partners met wijzigingen.",
    ),
    "project_status_counts": TableSpec(
        "Projecten naar status", (C("status", "Status", STATUS), C("count", "Aantal", INT)), "Geen projecten."
    ),
    "target_status_counts": TableSpec(
        "Doelen naar status", (C("status", "Status"), C("count", "Aantal", INT)), "Geen doelen."
    ),
    "items": TableSpec(
        "Besluiten en acties",
        (
            C("number", "Nr.", INT),
            C("kind", "Soort"),
            C("text", "Tekst"),
            C("owner_partner_code", "Eigenaar"),
            C("due_date", "Uiterste datum", DATE),
            C("project_code", "Project"),
            C("wijk_code", "Wijk"),
            C("status", "Status"),
            C("closed_date", "Afgerond op", DATE),
        ),
        "In deze vergadering zijn nog geen besluiten of acties genoteerd.",
    ),
}

CHANGE_ORDER = (
    "status",
    "explanations",
    "milestones_completed",
    "milestones_missed",
    "measurements",
    "targets",
    "budget",
    "charter",
)
AGENDA_ORDER = ("red_orange", "overdue_milestones", "stale", "targets_off_course", "overdue_charter", "open_actions")


def status_text(status) -> str:
    """A project status as symbol plus label ("■ vertraagd (rood)"), readable without colour."""
    if status in PROJECT_STATUS_LABELS:
        return f"{PROJECT_STATUS_SYMBOLS[status]} {PROJECT_STATUS_LABELS[status]}"
    if status in CHARTER_STATUS_SYMBOLS:
        return f"{CHARTER_STATUS_SYMBOLS[status]} {status}"
    return "" if status is None or (isinstance(status, float) and pd.isna(status)) else str(status)


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)) or value is pd.NA


def format_value(value, kind: str) -> str:
    if _missing(value):
        return "" if kind in (TEXT, STATUS) else fmt.MISSING
    if kind == DATE:
        return fmt.date_short(value)
    if kind == INT:
        return fmt.number(int(value))
    if kind == YEAR:
        return str(int(value))
    if kind == EURO:
        return fmt.euro(value)
    if kind == NUMBER:
        return fmt.number(value, 0 if abs(float(value)) >= 100 else 1)
    if kind == STATUS:
        return status_text(value)
    if kind == YESNO:
        return "ja" if bool(value) else "nee"
    return str(value)


def display_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table under its Dutch headers, every value as nl-NL text."""
    spec = SPECS[name]
    return pd.DataFrame(
        {c.header: [format_value(v, c.kind) for v in frame[c.name]] for c in spec.columns if c.name in frame.columns},
        columns=[c.header for c in spec.columns if c.name in frame.columns],
    )


def export_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table under its Dutch headers with real values: numbers as numbers, dates as dates.

    Statuses become their text label, yes/no columns "ja"/"nee". Formula-safety is applied by the writer.
    """
    spec = SPECS[name]
    out = {}
    for c in spec.columns:
        if c.name not in frame.columns:
            continue
        values = frame[c.name]
        if c.kind == DATE:
            out[c.header] = [None if _missing(v) else pd.Timestamp(v).date() for v in values]
        elif c.kind in (INT, YEAR):
            out[c.header] = [None if _missing(v) else int(v) for v in values]
        elif c.kind in (EURO, NUMBER):
            out[c.header] = [None if _missing(v) else float(v) for v in values]
        elif c.kind == STATUS:
            out[c.header] = [PROJECT_STATUS_LABELS.get(v, v) if not _missing(v) else None for v in values]
        elif c.kind == YESNO:
            out[c.header] = ["ja" if bool(v) else "nee" for v in values]
        else:
            out[c.header] = [None if _missing(v) else str(v) for v in values]
    return pd.DataFrame(out, columns=[c.header for c in spec.columns if c.name in frame.columns])
