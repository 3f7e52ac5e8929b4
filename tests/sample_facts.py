"""Figures computed straight from the sample CSV files with the csv module, independent of the app code."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

from data_access.config import SAMPLE_DATA_DIR


def rows(name: str, folder: Path = SAMPLE_DATA_DIR) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def programme_facts(code: str, today: dt.date = dt.date.today()) -> dict:  # noqa: B008
    wijken = {w["code"] for w in rows("wijk") if w["programme_code"] == code}
    contracts = {c["code"] for c in rows("contract") if c["wijk_code"] in wijken}
    projects = {p["code"]: p for p in rows("project") if p["contract_code"] in contracts}
    contributions = [pp for pp in rows("project_partner") if pp["project_code"] in projects]
    updates = [u for u in rows("status_update") if u["project_code"] in projects]
    done = [m["done_date"] for m in rows("milestone") if m["project_code"] in projects and m["done_date"]]
    allocations = [a for a in rows("budget_allocation") if a["programme_code"] == code]
    decisions = [a["decision_date"] for a in allocations if a["decision_date"]]
    last = max([u["update_date"] for u in updates] + done + decisions, default=None)
    peildatum = min(today, dt.date.fromisoformat(last)) if last else today
    latest: dict[str, tuple[str, str]] = {}
    for u in updates:
        if u["update_date"] <= peildatum.isoformat() and u["update_date"] >= latest.get(u["project_code"], ("",))[0]:
            latest[u["project_code"]] = (u["update_date"], u["status"])
    statuses = Counter(latest.get(p, ("", "niet gestart"))[1] for p in projects)
    programme = next(p for p in rows("programme") if p["code"] == code)
    approved = sum(Decimal(a["approved"]) for a in allocations)
    return {
        "peildatum": peildatum,
        "wijken": len(wijken),
        "contracts": len(contracts),
        "projects": len(projects),
        "partner_contributions": sum(Decimal(pp["amount"]) for pp in contributions),
        "partners_involved": len({pp["partner_code"] for pp in contributions}),
        "statuses": statuses,
        "central_budget": Decimal(programme["central_budget"]),
        "approved": approved,
        "spent": sum(Decimal(a["spent"]) for a in allocations),
        "remaining": Decimal(programme["central_budget"]) - approved,
        "targets": sum(1 for t in rows("target") if t["wijk_code"] in wijken),
    }


def project_rows(programme_code: str) -> dict[str, dict]:
    wijken = {w["code"] for w in rows("wijk") if w["programme_code"] == programme_code}
    contracts = {c["code"] for c in rows("contract") if c["wijk_code"] in wijken}
    return {p["code"]: p for p in rows("project") if p["contract_code"] in contracts}


def statuses_on(programme_code: str, peildatum: dt.date) -> dict[str, str]:
    """Each project's status on a date: its latest update on or before it, else 'niet gestart'."""
    projects = project_rows(programme_code)
    latest: dict[str, tuple[str, str]] = {}
    for u in rows("status_update"):
        known = u["project_code"] in projects and u["update_date"] <= peildatum.isoformat()
        if known and u["update_date"] >= latest.get(u["project_code"], ("",))[0]:
            latest[u["project_code"]] = (u["update_date"], u["status"])
    return {code: latest.get(code, ("", "niet gestart"))[1] for code in projects}
