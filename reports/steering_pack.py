"""The steering-group pack as PDF, Excel workbook and CSV files (zip), from one MeetingPack.

- PDF: cover (programme, meeting date, period of the changes), headline figures, charts as images,
  the agenda, the changes (grouped by wijk and partner, then in detail), decisions and actions.
- Excel: one sheet per section with a real table (numbers and dates as values), Dutch headers.
- CSV: one file per table (UTF-8 with BOM, semicolon-separated for Dutch Excel), zipped.
Every exported text cell passes domain.spreadsheet_safety, so it cannot start a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table as SheetTable
from openpyxl.worksheet.table import TableStyleInfo
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

from domain.meeting_pack import MeetingPack
from domain.spreadsheet_safety import safe_cell
from ui import format as fmt
from ui.style import PROJECT_STATUS_LABELS

from . import pdf
from .tables import AGENDA_ORDER, CHANGE_ORDER, EURO, INT, NUMBER, SPECS, display_frame, export_frame

ITEM_COLUMNS = [c.name for c in SPECS["items"].columns]


def headline_pairs(pack: MeetingPack) -> list[tuple[str, str]]:
    h = pack.headline
    pairs = [
        ("Projecten", fmt.number(h["projects"])),
        ("Lopende projecten", fmt.number(h["running"])),
        ("Op schema (groen)", fmt.number(h["green"])),
        ("Aandacht (oranje)", fmt.number(h["orange"])),
        ("Vertraagd (rood)", fmt.number(h["red"])),
        ("Verouderde statusupdates", fmt.number(h["stale"])),
        ("Mijlpalen te laat", fmt.number(h["overdue_milestones"])),
        ("Doelen niet op koers", f"{fmt.number(h['targets_off_course'])} van {fmt.number(h['targets'])}"),
        ("Statuswijzigingen sinds de vorige vergadering (netto)", fmt.number(h["net_status_changes"])),
        ("Mijlpalen gehaald sinds de vorige vergadering", fmt.number(h["milestones_completed"])),
        ("Mijlpalen gemist sinds de vorige vergadering", fmt.number(h["milestones_missed"])),
        ("Openstaande acties", fmt.number(h["open_actions"])),
    ]
    if h["central_budget"] or h["approved"]:
        pairs += [
            ("Centraal budget", fmt.euro(h["central_budget"])),
            ("Toegekend (besluiten tot en met de vergaderdatum)", fmt.euro(h["approved"])),
            ("Nog beschikbaar", fmt.euro(h["available"])),
        ]
    return pairs


def _items_frame(items: pd.DataFrame) -> pd.DataFrame:
    if items is None or items.empty:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    return items.sort_values("number").reindex(columns=ITEM_COLUMNS).reset_index(drop=True)


def _numeric_headers(name: str) -> list[str]:
    return [c.header for c in SPECS[name].columns if c.kind in (INT, EURO, NUMBER)]


def _section(story: list, name: str, frame: pd.DataFrame, title: str | None = None) -> None:
    spec = SPECS[name]
    heading = pdf.para(f"{title or spec.title} ({fmt.number(len(frame))})", "h2")
    if frame.empty:
        story.append(KeepTogether([heading, pdf.para(spec.empty, "note")]))
        return
    story.append(CondPageBreak(40 * pdf.mm))
    story.append(heading)
    story.append(pdf.table(display_frame(name, frame), numeric=_numeric_headers(name)))


def charts(pack: MeetingPack) -> list:
    """Key charts as images: projects per status, targets per status, changes per wijk."""
    counts = pack.tables["project_status_counts"]
    projects = pd.DataFrame(
        {"label": [PROJECT_STATUS_LABELS.get(s, s) for s in counts["status"]], "aantal": counts["count"].astype(int)}
    )
    shades = ["#FFFFFF", "#D9D9D9", "#A6A6A6", "#404040", "#7F7F7F", "#F2F2F2"]
    out = [
        pdf.chart_image(
            pdf.labelled_bars(
                projects, f"Projecten naar status op {fmt.date_long(pack.meeting_date)}", "Aantal", shades
            ),
            125 * pdf.mm,
        )
    ]
    tcounts = pack.tables["target_status_counts"]
    if int(tcounts["count"].sum()) > 0:
        targets = pd.DataFrame({"label": tcounts["status"], "aantal": tcounts["count"].astype(int)})
        out.append(
            pdf.chart_image(
                pdf.labelled_bars(targets, f"Doelen naar status op {fmt.date_long(pack.meeting_date)}", "Aantal"),
                125 * pdf.mm,
            )
        )
    by_wijk = pack.tables["by_wijk"]
    if int(by_wijk["total"].sum()) > 0:
        per_wijk = pd.DataFrame({"label": by_wijk["wijk_name"], "aantal": by_wijk["total"].astype(int)})
        out.append(
            pdf.chart_image(
                pdf.labelled_bars(per_wijk, "Wijzigingen per wijk sinds de vorige vergadering", "Aantal wijzigingen"),
                130 * pdf.mm,
            )
        )
    return out


def pdf_bytes(pack: MeetingPack, items: pd.DataFrame | None = None, now: dt.datetime | None = None) -> bytes:
    meeting, previous = fmt.date_long(pack.meeting_date), fmt.date_long(pack.previous_date)
    story: list = [
        pdf.gap(35),
        pdf.para(pack.programme_name, "cover_title"),
        pdf.gap(4),
        pdf.para(f"Stuurgroep {meeting}", "cover_sub"),
        pdf.gap(3),
        pdf.para(f"Wijzigingen sinds de vorige vergadering van {previous}", "body"),
        pdf.para(f"{pack.city} · programma {pack.programme_code}", "body"),
        pdf.gap(10),
        pdf.para(pdf.generated_line(now), "note"),
        pdf.para(
            "Statussen staan als woord in elke tabel; grafieken dragen hun aantallen als label, zodat het pakket ook "
            "in zwart-wit leesbaar is.",
            "note",
        ),
        PageBreak(),
        pdf.para("Kerncijfers", "h1"),
        pdf.para(f"Stand op {meeting}.", "note"),
        pdf.gap(2),
        pdf.key_values(headline_pairs(pack)),
        PageBreak(),
        pdf.para("Grafieken", "h1"),
    ]
    for image in charts(pack):
        story += [image, pdf.gap(4)]
    story += [PageBreak(), pdf.para("Agenda", "h1")]
    for n, name in enumerate(AGENDA_ORDER, start=1):
        _section(story, name, pack.tables[name], f"{n}. {SPECS[name].title}")
    story += [PageBreak(), pdf.para("Wat is er veranderd", "h1")]
    story.append(pdf.para(f"Alles na {previous} tot en met {meeting}.", "note"))
    _section(story, "by_wijk", pack.tables["by_wijk"])
    _section(story, "by_partner", pack.tables["by_partner"])
    for name in CHANGE_ORDER:
        _section(story, name, pack.tables[name])
    story += [PageBreak(), pdf.para("Besluiten en acties", "h1")]
    _section(story, "items", _items_frame(items), "Genoteerd in deze vergadering")
    _section(story, "open_actions", pack.tables["open_actions"])
    footer = f"{pack.programme_name} · stuurgroep {meeting}"
    return pdf.render(story, title=f"Stuurgroep {meeting} – {pack.programme_name}", footer=footer)


def sheets(pack: MeetingPack, items: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the pack under a sheet name (at most 31 characters), with Dutch headers and real values."""
    kerncijfers = pd.DataFrame(headline_values(pack), columns=["Kerncijfer", "Waarde"])
    out = {"Kerncijfers": kerncijfers}
    names = [*AGENDA_ORDER, "by_wijk", "by_partner", *CHANGE_ORDER, "project_status_counts", "target_status_counts"]
    for name in names:
        out[SPECS[name].title[:31]] = export_frame(name, pack.tables[name])
    out["Besluiten en acties"] = export_frame("items", _items_frame(items))
    return out


def headline_values(pack: MeetingPack) -> list[tuple[str, float]]:
    h = pack.headline
    rows = [
        ("Vergaderdatum", pack.meeting_date),
        ("Vorige vergadering", pack.previous_date),
        ("Projecten", h["projects"]),
        ("Lopende projecten", h["running"]),
        ("Op schema (groen)", h["green"]),
        ("Aandacht (oranje)", h["orange"]),
        ("Vertraagd (rood)", h["red"]),
        ("Verouderde statusupdates", h["stale"]),
        ("Mijlpalen te laat", h["overdue_milestones"]),
        ("Doelen", h["targets"]),
        ("Doelen niet op koers", h["targets_off_course"]),
        ("Statuswijzigingen (netto)", h["net_status_changes"]),
        ("Mijlpalen gehaald", h["milestones_completed"]),
        ("Mijlpalen gemist", h["milestones_missed"]),
        ("Openstaande acties", h["open_actions"]),
        ("Centraal budget (EUR)", h["central_budget"]),
        ("Toegekend (EUR)", h["approved"]),
        ("Nog beschikbaar (EUR)", h["available"]),
    ]
    return rows


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)[:31]
    base, n = name, 2
    while name in used:
        suffix = f" {n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def workbook_bytes(pack: MeetingPack, items: pd.DataFrame | None = None) -> bytes:
    """An .xlsx with one sheet per section, each holding an Excel table (even when it has no rows)."""
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    euro_headers = {c.header for spec in SPECS.values() for c in spec.columns if c.kind == EURO}
    for i, (title, frame) in enumerate(sheets(pack, items).items(), start=1):
        ws = wb.create_sheet(_sheet_name(title, used))
        ws.append([safe_cell(c) for c in frame.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False, name=None):
            ws.append([safe_cell(None if _blank(v) else v) for v in row])
        for j, column in enumerate(frame.columns, start=1):
            letter = get_column_letter(j)
            values = [str(column), *[str(v) for v in frame[column]]]
            ws.column_dimensions[letter].width = min(max(len(v) for v in values) + 2, 60)
            for cell in ws[letter][1:]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD-MM-YYYY"
                elif column in euro_headers or "(EUR)" in str(column):
                    cell.number_format = '"€" #,##0.00'
        last_row = max(len(frame) + 1, 2)
        if len(frame) == 0:
            ws.append([None] * len(frame.columns))
        ref = f"A1:{get_column_letter(len(frame.columns))}{last_row}"
        sheet_table = SheetTable(displayName=f"Tabel{i}", ref=ref)
        sheet_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        ws.add_table(sheet_table)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.properties.title = f"Stuurgroep {fmt.date_long(pack.meeting_date)} – {pack.programme_name}"
    wb.save(buffer)
    return buffer.getvalue()


def _blank(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def csv_text(frame: pd.DataFrame) -> str:
    """CSV for Dutch spreadsheets: semicolons, decimal comma, dates as JJJJ-MM-DD, formula-safe text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue()


def _csv_value(value) -> object:
    if _blank(value):
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        return text.replace(".", ",")
    return safe_cell(value)


def csv_zip_bytes(pack: MeetingPack, items: pd.DataFrame | None = None) -> bytes:
    """One CSV per table (UTF-8 with BOM so Excel reads the accents), in a zip."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for title, frame in sheets(pack, items).items():
            name = _sheet_name(title, used).lower().replace(" ", "-").replace(",", "")
            zf.writestr(f"{name}.csv", "\ufeff" + csv_text(frame))
    return buffer.getvalue()
