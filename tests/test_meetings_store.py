"""Meetings and their decisions and actions in the database (SQLite and PostgreSQL): audit, locking, refusals."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from sqlalchemy import func, select

from data_access import meetings
from data_access.access import Actor, PermissionDenied
from data_access.meetings import MeetingError, StaleEdit
from data_access.models import AuditLog, Meeting, MeetingItem
from data_access.seeding import seed_folder
from data_access.versioning import current
from tests.sample_facts import rows

EDITOR = Actor("redacteur@example.org", "Redacteur", "redacteur")
OTHER = Actor("ander@example.org", "Ander", "redacteur")
VIEWER = Actor("kijker@example.org", "Kijker", "kijker")
PARTNER_EDITOR = Actor("ymere@example.org", "Ymere", "partner-redacteur", "YMERE")
CODE = "HAARLEM-WC"
MEETING = dt.date(2009, 1, 7)


@pytest.fixture
def db(engine, sample_dir):
    seed_folder(engine, sample_dir)
    return engine


def audit_rows(engine, table: str) -> list:
    with engine.connect() as conn:
        return conn.execute(
            select(AuditLog.action, AuditLog.row_key, AuditLog.old_values, AuditLog.new_values, AuditLog.actor)
            .where(AuditLog.table_name == table)
            .order_by(AuditLog.id)
        ).all()


def a_project_and_wijk(programme: str = CODE) -> tuple[str, str]:
    wijk = next(w["code"] for w in rows("wijk") if w["programme_code"] == programme)
    contract = next(c["code"] for c in rows("contract") if c["wijk_code"] == wijk)
    project = next(p["code"] for p in rows("project") if p["contract_code"] == contract)
    return project, wijk


def test_record_a_meeting_with_decisions_and_actions(db):
    version = current(db)
    meetings.create_meeting(db, EDITOR, CODE, MEETING, dt.date(2008, 12, 31), '{"x": 1}', "  aantekening ")
    assert current(db) == version + 1  # every write bumps the data version
    project, wijk = a_project_and_wijk()
    n1 = meetings.add_item(
        db, EDITOR, CODE, MEETING, "besluit", "Extra budget voor speeltuin", "YMERE", None, None, wijk
    )
    n2 = meetings.add_item(
        db, EDITOR, CODE, MEETING, "actie", "Planning herzien", "YMERE", dt.date(2009, 2, 1), project, wijk
    )
    assert (n1, n2) == (1, 2)
    frame = meetings.meeting_items(db)
    assert list(frame["number"]) == [1, 2]
    decided = frame.iloc[0]
    # A decision is final when taken; an action stays open.
    assert decided["status"] == "afgerond" and decided["closed_date"].date() == MEETING
    assert frame.iloc[1]["status"] == "open" and frame.iloc[1]["closed_date"] is pd.NaT
    stored = meetings.meetings(db).iloc[0]
    assert stored["notes"] == "aantekening" and stored["snapshot"] == '{"x": 1}'
    assert stored["created_by"] == EDITOR.email
    audit = audit_rows(db, "meeting_item")
    assert [(a.action, a.row_key) for a in audit] == [
        ("insert", f"{CODE}/2009-01-07/1"),
        ("insert", f"{CODE}/2009-01-07/2"),
    ]
    assert json.loads(audit[1].new_values)["text"] == "Planning herzien"
    assert [a.row_key for a in audit_rows(db, "meeting")] == [f"{CODE}/2009-01-07"]


def test_close_with_optimistic_locking(db):
    meetings.create_meeting(db, EDITOR, CODE, MEETING, None, None)
    number = meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "Bel de corporatie")
    # Someone else edits the text first (version 1 -> 2).
    meetings.update_item(db, OTHER, CODE, MEETING, number, 1, "Bel de corporatie vóór vrijdag")
    with pytest.raises(StaleEdit) as refused:
        meetings.close_item(db, EDITOR, CODE, MEETING, number, 1, dt.date(2009, 1, 14))
    message = str(refused.value)
    assert "intussen gewijzigd" in message and OTHER.email in message and "vóór vrijdag" in message
    item = meetings.meeting_items(db).iloc[0]
    assert item["status"] == "open" and item["version"] == 2  # nothing was written
    meetings.close_item(db, EDITOR, CODE, MEETING, number, 2, dt.date(2009, 1, 14))
    item = meetings.meeting_items(db).iloc[0]
    assert item["status"] == "afgerond" and item["closed_date"].date() == dt.date(2009, 1, 14) and item["version"] == 3
    last = audit_rows(db, "meeting_item")[-1]
    assert json.loads(last.old_values) == {"closed_date": None, "status": "open", "version": 2}
    assert json.loads(last.new_values) == {"closed_date": "2009-01-14", "status": "afgerond", "version": 3}
    with pytest.raises(MeetingError, match="al afgerond"):
        meetings.close_item(db, EDITOR, CODE, MEETING, number, 3, dt.date(2009, 1, 21))
    meetings.reopen_item(db, EDITOR, CODE, MEETING, number, 3)
    assert meetings.meeting_items(db).iloc[0]["status"] == "open"


def test_refusals_write_nothing(db):
    with pytest.raises(MeetingError, match="Leg eerst de vergadering vast"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x")
    meetings.create_meeting(db, EDITOR, CODE, MEETING, None, None)
    with pytest.raises(MeetingError, match="al een vergadering"):
        meetings.create_meeting(db, EDITOR, CODE, MEETING, None, None)
    with pytest.raises(MeetingError, match="voor de vergaderdatum"):
        meetings.create_meeting(db, EDITOR, CODE, dt.date(2009, 2, 1), dt.date(2009, 2, 1), None)
    with pytest.raises(MeetingError, match="tekst"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "   ")
    with pytest.raises(MeetingError, match="soort"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "motie", "x")
    with pytest.raises(MeetingError, match="bestaat niet"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x", owner_partner_code="GEEN-PARTNER")
    other_project, other_wijk = a_project_and_wijk("AMSTERDAM-WA")
    with pytest.raises(MeetingError, match="hoort niet bij dit programma"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x", project_code=other_project)
    with pytest.raises(MeetingError, match="hoort niet bij dit programma"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x", wijk_code=other_wijk)
    with pytest.raises(MeetingError, match="uiterste datum"):
        meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x", due_date=dt.date(2009, 1, 1))
    number = meetings.add_item(db, EDITOR, CODE, MEETING, "actie", "x")
    with pytest.raises(MeetingError, match="niet worden afgerond voor de vergadering"):
        meetings.close_item(db, EDITOR, CODE, MEETING, number, 1, dt.date(2009, 1, 1))
    for who in (VIEWER, PARTNER_EDITOR):
        with pytest.raises(PermissionDenied):
            meetings.add_item(db, who, CODE, MEETING, "actie", "x")
        with pytest.raises(PermissionDenied):
            meetings.create_meeting(db, who, CODE, dt.date(2009, 3, 1), None, None)
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(MeetingItem)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(Meeting)).scalar_one() == 1
    assert len(audit_rows(db, "meeting_item")) == 1


def test_update_notes_is_locked_too(db):
    meetings.create_meeting(db, EDITOR, CODE, MEETING, None, None, "eerste")
    meetings.update_meeting_notes(db, OTHER, CODE, MEETING, "tweede", 1)
    with pytest.raises(StaleEdit, match="tweede"):
        meetings.update_meeting_notes(db, EDITOR, CODE, MEETING, "derde", 1)
    assert meetings.meetings(db).iloc[0]["notes"] == "tweede"


def test_write_functions_are_registered_with_edit_data():
    from data_access.access import EDIT_DATA, WRITE_FUNCTIONS

    mine = {k: cap for k, (_, cap) in WRITE_FUNCTIONS.items() if k.startswith("data_access.meetings.")}
    assert set(mine) == {
        f"data_access.meetings.{n}"
        for n in ("create_meeting", "update_meeting_notes", "add_item", "update_item", "close_item", "reopen_item")
    }
    assert set(mine.values()) == {EDIT_DATA}
