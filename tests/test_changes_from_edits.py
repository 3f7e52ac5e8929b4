"""Charter and central-budget changes made through the real write paths appear in "changes since"."""

from __future__ import annotations

import csv
import datetime as dt
import io

from data_access import edits, imports, meetings, queries
from data_access.access import Actor
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from domain.changes import budget_changes, charter_changes

REDACTEUR = Actor("r@example.nl", "Redacteur", "redacteur")
BEHEERDER = Actor("b@example.nl", "Beheerder", "beheerder")


def _window() -> tuple[dt.date, dt.date]:
    today = dt.datetime.now(dt.UTC).date()
    return today - dt.timedelta(days=7), today + dt.timedelta(days=1)


def test_bulk_edit_and_import_changes_are_listed(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)

    # A charter status edited in the bulk editor.
    charter = edits.editable_frame(engine, "charter_agreement")
    row = charter[charter["status"] == "in uitvoering"].iloc[0].to_dict()
    edited = {**row, "status": "afgerond"}
    edits.save_rows(engine, REDACTEUR, "charter_agreement", [edited])

    # A budget allocation's approved amount changed by an import.
    allocations = queries.budget_allocations(engine)
    target = allocations[allocations["approved"] > 0].iloc[0]
    with (SAMPLE_DATA_DIR / "budget_allocation.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, [r for r in reader if r["code"] == target["code"]]
    assert len(rows) == 1
    rows[0]["approved"] = f"{float(rows[0]['approved']) - 100:.2f}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    upload = {"budget_allocation.csv": out.getvalue().encode()}
    imports.apply_import(engine, BEHEERDER, upload)

    audit = meetings.audit_changes(engine)
    previous, meeting = _window()

    programme_charter = queries.charter_agreements(engine)
    programme_charter = programme_charter[programme_charter["programme_code"] == row["programme_code"]]
    listed = charter_changes(programme_charter, queries.charter_partners(engine), audit, previous, meeting)
    assert list(zip(listed["number"], listed["status_before"], listed["status_after"], strict=True)) == [
        (int(row["number"]), "in uitvoering", "afgerond")
    ]

    programme_allocations = queries.budget_allocations(engine)
    programme_allocations = programme_allocations[programme_allocations["programme_code"] == target["programme_code"]]
    budget = budget_changes(programme_allocations, queries.wijken(engine), audit, previous, meeting)
    assert target["code"] in set(budget["code"])
