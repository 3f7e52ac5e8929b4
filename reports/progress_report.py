"""Progress report per contract ("tussenrapportage", like Haarlem's of October 2008), as PDF.

Contents on the report date: the contract (wijk, period, signing), its projects with status, progress,
partners and amounts, the spending of the central budget in the wijk, and the wijk's targets with their
status. Statuses follow the domain rules on the report date (status history, milestones, trajectory).
Spent amounts have no history in the data: they are the current figures, as the report says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from reportlab.platypus import CondPageBreak, PageBreak

from domain.changes import ProgrammeFrames
from domain.milestones import milestone_state
from domain.project_status import project_status, status_counts
from domain.targets import TrajectorySettings, assess_targets
from ui import format as fmt
from ui.style import PROJECT_STATUS_LABELS

from . import pdf


@dataclass(frozen=True)
class ProgressReport:
    programme_name: str
    contract: dict  # code, title, kind, wijk_code, wijk_name, district, signed_date, start_date, end_date
    report_date: dt.date
    projects: pd.DataFrame
    status_counts: pd.Series
    allocations: pd.DataFrame
    targets: pd.DataFrame

    @property
    def partner_total(self) -> float:
        return float(self.projects["budget"].sum())

    @property
    def approved(self) -> float:
        return float(self.allocations["approved_then"].sum())

    @property
    def spent(self) -> float:
        return float(self.allocations["spent_then"].sum())


def build(
    frames: ProgrammeFrames,
    contracts: pd.DataFrame,
    contract_code: str,
    report_date: dt.date,
    programme_name: str,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> ProgressReport:
    """`contracts` is queries.contracts (at least this contract's row)."""
    c = contracts.set_index("code").loc[contract_code]
    wijk = frames.wijken.set_index("code").loc[c["wijk_code"]]
    own = frames.projects[frames.projects["contract_code"] == contract_code].reset_index(drop=True)
    state = project_status(own, frames.updates, report_date)
    projects = own.merge(state, on="code", how="left")
    links = frames.project_partners[frames.project_partners["project_code"].isin(own["code"])]
    partner_text = (
        links.sort_values(["is_lead", "amount"], ascending=[False, False])
        .groupby("project_code")
        .apply(lambda g: "; ".join(f"{n} {fmt.euro(a)}" for n, a in zip(g["partner_name"], g["amount"], strict=True)))
    )
    projects["partners"] = projects["code"].map(partner_text).fillna("")
    ms = milestone_state(frames.milestones[frames.milestones["project_code"].isin(own["code"])], report_date)
    projects["milestones_done"] = projects["code"].map(ms.groupby("project_code")["done"].sum()).fillna(0).astype(int)
    projects["milestones_total"] = projects["code"].map(ms.groupby("project_code").size()).fillna(0).astype(int)
    projects["milestones_late"] = (
        projects["code"].map(ms.groupby("project_code")["overdue"].sum()).fillna(0).astype(int)
    )
    allocations = frames.allocations[frames.allocations["wijk_code"] == c["wijk_code"]].copy()
    decided = allocations["decision_date"] <= pd.Timestamp(report_date)
    allocations["approved_then"] = allocations["approved"].where(decided, 0.0)
    # Spending has no history: the current amount, counted only for allocations decided by the report date.
    allocations["spent_then"] = allocations["spent"].where(decided, 0.0)
    allocations["decision"] = [
        ("afgewezen" if a <= 0 else "deels toegekend" if a < r else "toegekend") if d else "nog geen besluit"
        for a, r, d in zip(allocations["approved"], allocations["requested"], decided, strict=True)
    ]
    allocations = allocations.sort_values(["priority", "code"], na_position="last").reset_index(drop=True)
    targets = frames.targets[frames.targets["wijk_code"] == c["wijk_code"]].reset_index(drop=True)
    if not targets.empty:
        targets = assess_targets(targets, frames.indicators, frames.measurements, report_date, settings)
        targets = targets.merge(
            frames.indicators[["code", "name", "unit"]].rename(columns={"code": "indicator_code"}),
            on="indicator_code",
            how="left",
        )
    contract = {
        "code": contract_code,
        "title": c["title"],
        "kind": c["kind"],
        "wijk_code": c["wijk_code"],
        "wijk_name": wijk["name"],
        "district": wijk.get("district"),
        "signed_date": c["signed_date"],
        "start_date": c["start_date"],
        "end_date": c["end_date"],
    }
    return ProgressReport(
        programme_name=programme_name,
        contract=contract,
        report_date=report_date,
        projects=projects,
        status_counts=status_counts(projects["status"]),
        allocations=allocations,
        targets=targets,
    )


def project_rows(report: ProgressReport) -> pd.DataFrame:
    p = report.projects
    return pd.DataFrame(
        {
            "Project": p["code"],
            "Titel": p["title"],
            "Thema": p["theme"],
            "Trekker": p["lead_partner_name"],
            "Status": [PROJECT_STATUS_LABELS.get(s, s) for s in p["status"]],
            "Voortgang": [fmt.percent(v / 100, 0) for v in p["progress"]],
            "Looptijd": [
                f"{fmt.date_short(s)} – {fmt.date_short(e)}"
                for s, e in zip(p["start_date"], p["end_date"], strict=True)
            ],
            "Mijlpalen gehaald": [
                f"{d} van {t}" + (f" ({late} te laat)" if late else "")
                for d, t, late in zip(p["milestones_done"], p["milestones_total"], p["milestones_late"], strict=True)
            ],
            "Partners en bijdragen": p["partners"],
            "Budget": p["budget"].map(fmt.euro),
        }
    )


def allocation_rows(report: ProgressReport) -> pd.DataFrame:
    a = report.allocations
    return pd.DataFrame(
        {
            "Code": a["code"],
            "Omschrijving": a["title"],
            "Categorie": a["category"],
            "Aangevraagd": a["requested"].map(fmt.euro),
            "Besluit": a["decision"],
            "Besluitdatum": a["decision_date"].map(fmt.date_short),
            "Toegekend": a["approved_then"].map(fmt.euro),
            "Besteed (huidige stand)": a["spent_then"].map(fmt.euro),
        }
    )


def target_rows(report: ProgressReport) -> pd.DataFrame:
    t = report.targets
    if t.empty:
        return pd.DataFrame(columns=["Indicator", "Nulmeting", "Doel", "Laatste meting", "Status"])
    return pd.DataFrame(
        {
            "Indicator": t["name"],
            "Nulmeting": [
                f"{fmt.value_with_unit(v, u)} ({y})"
                for v, u, y in zip(t["baseline_value"], t["unit"], t["baseline_year"], strict=True)
            ],
            "Doel": [
                f"{fmt.value_with_unit(v, u)} ({y})"
                for v, u, y in zip(t["target_value"], t["unit"], t["target_year"], strict=True)
            ],
            "Laatste meting": [
                "–" if pd.isna(y) else f"{fmt.value_with_unit(v, u)} ({int(y)})"
                for v, u, y in zip(t["latest_value"], t["unit"], t["latest_year"], strict=True)
            ],
            "Status": t["status"],
        }
    )


def pdf_bytes(report: ProgressReport, now: dt.datetime | None = None) -> bytes:
    c = report.contract
    when = fmt.date_long(report.report_date)
    period_end = min(report.report_date, c["end_date"].date())
    story: list = [
        pdf.para(f"Voortgangsrapportage {c['title']}", "cover_title"),
        pdf.para(f"{c['wijk_name']} · stand op {when}", "cover_sub"),
        pdf.gap(2),
        pdf.para(
            f"{report.programme_name}. Contract {c['code']} ({c['kind']}), ondertekend "
            f"{fmt.date_long(c['signed_date'])}, looptijd {fmt.date_long(c['start_date'])} tot en met "
            f"{fmt.date_long(c['end_date'])}. Deze rapportage beschrijft de periode van "
            + f"{fmt.date_long(c['start_date'])} tot en met {fmt.date_long(period_end)}.",
            "body",
        ),
        pdf.para(pdf.generated_line(now), "note"),
        pdf.para("Samenvatting", "h1"),
    ]
    counts = report.status_counts
    pairs = [("Projecten", fmt.number(len(report.projects)))]
    pairs += [(PROJECT_STATUS_LABELS[s].capitalize(), fmt.number(int(counts[s]))) for s in counts.index if counts[s]]
    pairs += [
        ("Bijdragen van partners aan de projecten", fmt.euro(report.partner_total)),
        (f"Centraal budget toegekend in de wijk (besluiten tot en met {when})", fmt.euro(report.approved)),
        ("Daarvan besteed (huidige stand)", fmt.euro(report.spent)),
    ]
    if not report.targets.empty:
        good = int(report.targets["status"].isin(["gehaald", "op koers"]).sum())
        pairs.append(("Doelen gehaald of op koers", f"{fmt.number(good)} van {fmt.number(len(report.targets))}"))
    story += [pdf.key_values(pairs, width=150 * pdf.mm), PageBreak()]
    story += [pdf.para(f"Projecten ({fmt.number(len(report.projects))})", "h1")]
    if report.projects.empty:
        story.append(pdf.para("Dit contract heeft geen projecten.", "note"))
    else:
        story.append(pdf.table(project_rows(report), numeric=["Voortgang", "Budget"]))
        story.append(
            pdf.para(
                f"Status op {when}: die van de laatste statusupdate op of voor die datum. Voortgang in procent volgens "
                "die update.",
                "note",
            )
        )
    story += [CondPageBreak(50 * pdf.mm), pdf.para("Besteding centraal budget in de wijk", "h1")]
    if report.allocations.empty:
        story.append(pdf.para("Geen aanvragen of toekenningen uit het centrale budget voor deze wijk.", "note"))
    else:
        story.append(
            pdf.table(allocation_rows(report), numeric=["Aangevraagd", "Toegekend", "Besteed (huidige stand)"])
        )
        story.append(
            pdf.para(
                f"Totaal toegekend tot en met {when}: {fmt.euro(report.approved)}; besteed (huidige stand): "
                f"{fmt.euro(report.spent)}. Besluiten na {when} tellen als 'nog geen besluit'; bestedingen hebben "
                + "geen geschiedenis en staan op de huidige stand.",
                "note",
            )
        )
    story += [CondPageBreak(50 * pdf.mm), pdf.para("Doelen van de wijk", "h1")]
    if report.targets.empty:
        story.append(pdf.para("Voor deze wijk zijn geen meetbare doelen vastgelegd.", "note"))
    else:
        story.append(pdf.table(target_rows(report)))
        story.append(
            pdf.para(
                "Status volgens het traject: de laatste meting vergeleken met de rechte lijn van nulmeting naar doel. "
                "Een meting van jaar J telt vanaf 1 januari van J. Projecten dragen bij aan deze doelen; de cijfers "
                "bewijzen geen oorzakelijk verband.",
                "note",
            )
        )
    footer = f"Voortgangsrapportage {c['title']} · stand op {when}"
    return pdf.render(story, title=f"Voortgangsrapportage {c['title']} – {when}", footer=footer)
