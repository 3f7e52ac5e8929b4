"""Steering-group meetings: the meeting with its stored view, and its decisions and actions.

Every write is declared with `@write_function(EDIT_DATA)`, runs in one audited transaction and logs a
row per changed row. Edits and closing use optimistic locking on the `version` column: a caller passes
the version it showed, and an edit of a row that someone else changed in the meantime is refused with
a Dutch message that shows the other change. Nothing is written then.

Audit row keys: a meeting is "PROGRAMME/JJJJ-MM-DD", an item "PROGRAMME/JJJJ-MM-DD/NUMBER".
A decision ("besluit") is final when taken: it is stored as afgerond on the meeting date. An action
("actie") stays open, and is carried to every later meeting, until it is closed.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, Engine, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from . import queries
from .access import EDIT_DATA, Actor, write_function
from .audit import write_transaction
from .models import (
    MEETING_ITEM_KINDS,
    AuditLog,
    Contract,
    Meeting,
    MeetingItem,
    Partner,
    Programme,
    Project,
    Wijk,
)

MAX_TEXT = 2000


class MeetingError(ValueError):
    """A meeting write that cannot be done; the message is Dutch and meant for the user."""


class StaleEdit(MeetingError):
    """Someone else changed the row since it was shown; the message describes their change."""


def meeting_key(programme_code: str, meeting_date: dt.date) -> str:
    return f"{programme_code}/{meeting_date.isoformat()}"


def item_key(programme_code: str, meeting_date: dt.date, number: int) -> str:
    return f"{meeting_key(programme_code, meeting_date)}/{number}"


# ---------------------------------------------------------------- reads


def meetings(engine: Engine) -> pd.DataFrame:
    m = Meeting
    return queries._frame(
        engine,
        select(
            m.programme_code,
            m.meeting_date,
            m.previous_date,
            m.notes,
            m.snapshot,
            m.created_by,
            m.created_at,
            m.version,
        ).order_by(m.programme_code, m.meeting_date),
        dates=("meeting_date", "previous_date", "created_at"),
    )


ITEM_COLUMNS = (
    "programme_code",
    "meeting_date",
    "number",
    "kind",
    "text",
    "owner_partner_code",
    "due_date",
    "project_code",
    "wijk_code",
    "status",
    "closed_date",
    "version",
)


def meeting_items(engine: Engine) -> pd.DataFrame:
    i = MeetingItem
    return queries._frame(
        engine,
        select(*(getattr(i, c) for c in ITEM_COLUMNS)).order_by(i.programme_code, i.meeting_date, i.number),
        dates=("meeting_date", "due_date", "closed_date"),
    )


AUDITED_FOR_CHANGES = ("budget_allocation", "charter_agreement")


def audit_changes(engine: Engine) -> pd.DataFrame:
    """Audit rows of edits to central-budget allocations and charter agreements ("changes since")."""
    a = AuditLog
    return queries._frame(
        engine,
        select(a.at, a.actor, a.action, a.table_name, a.row_key, a.old_values, a.new_values)
        .where(a.table_name.in_(AUDITED_FOR_CHANGES), a.action.in_(("update", "import")), a.old_values.is_not(None))
        .order_by(a.at, a.id),
        dates=("at",),
    )


# ---------------------------------------------------------------- helpers


def _meeting_row(conn: Connection, programme_code: str, meeting_date: dt.date):
    return conn.execute(
        select(Meeting).where(Meeting.programme_code == programme_code, Meeting.meeting_date == meeting_date)
    ).one_or_none()


def _item_values(row) -> dict:
    return {c: getattr(row, c) for c in ITEM_COLUMNS}


def _last_change(conn: Connection, table: str, key: str) -> str:
    row = conn.execute(
        select(AuditLog.actor, AuditLog.at)
        .where(AuditLog.table_name == table, AuditLog.row_key == key)
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(1)
    ).one_or_none()
    if row is None:
        return ""
    return f" door {row.actor} op {row.at.strftime('%d-%m-%Y %H:%M')} (UTC)"


def _describe_item(values: dict) -> str:
    parts = [f"tekst '{values['text']}'", f"status {values['status']}"]
    if values.get("owner_partner_code"):
        parts.append(f"eigenaar {values['owner_partner_code']}")
    if values.get("due_date"):
        parts.append(f"uiterste datum {values['due_date'].strftime('%d-%m-%Y')}")
    if values.get("closed_date"):
        parts.append(f"afgerond op {values['closed_date'].strftime('%d-%m-%Y')}")
    return ", ".join(parts)


def _clean_text(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise MeetingError("Vul de tekst van het besluit of de actie in.")
    if len(text) > MAX_TEXT:
        raise MeetingError(f"De tekst is te lang ({len(text)} tekens); het maximum is {MAX_TEXT}.")
    return text


def _check_links(
    conn: Connection,
    programme_code: str,
    owner_partner_code: str | None,
    project_code: str | None,
    wijk_code: str | None,
) -> None:
    if (
        owner_partner_code
        and conn.execute(select(Partner.code).where(Partner.code == owner_partner_code)).scalar_one_or_none() is None
    ):
        raise MeetingError(f"De partner '{owner_partner_code}' bestaat niet.")
    if wijk_code:
        owner = conn.execute(select(Wijk.programme_code).where(Wijk.code == wijk_code)).scalar_one_or_none()
        if owner != programme_code:
            raise MeetingError(f"De wijk '{wijk_code}' hoort niet bij dit programma.")
    if project_code:
        found = conn.execute(
            select(Wijk.programme_code, Wijk.code)
            .select_from(Project)
            .join(Contract, Contract.code == Project.contract_code)
            .join(Wijk, Wijk.code == Contract.wijk_code)
            .where(Project.code == project_code)
        ).one_or_none()
        if found is None or found.programme_code != programme_code:
            raise MeetingError(f"Het project '{project_code}' hoort niet bij dit programma.")
        if wijk_code and found.code != wijk_code:
            raise MeetingError(f"Het project '{project_code}' ligt niet in de gekozen wijk.")


def _check_due(due_date: dt.date | None, meeting_date: dt.date) -> None:
    if due_date is not None and due_date < meeting_date:
        raise MeetingError(
            f"De uiterste datum ({due_date.strftime('%d-%m-%Y')}) ligt voor de vergaderdatum "
            f"({meeting_date.strftime('%d-%m-%Y')})."
        )


# ---------------------------------------------------------------- writes


@write_function(EDIT_DATA)
def create_meeting(
    engine: Engine,
    actor: Actor,
    programme_code: str,
    meeting_date: dt.date,
    previous_date: dt.date | None,
    snapshot: str | None,
    notes: str | None = None,
) -> None:
    """Record a meeting with the view shown at it (`snapshot`, JSON text); refuses a duplicate date."""
    if previous_date is not None and previous_date >= meeting_date:
        raise MeetingError("De vorige vergadering moet voor de vergaderdatum liggen.")
    with write_transaction(engine, actor) as w:
        if w.conn.execute(select(Programme.code).where(Programme.code == programme_code)).scalar_one_or_none() is None:
            raise MeetingError(f"Het programma '{programme_code}' bestaat niet.")
        if _meeting_row(w.conn, programme_code, meeting_date) is not None:
            raise MeetingError(f"Er is al een vergadering vastgelegd op {meeting_date.strftime('%d-%m-%Y')}.")
        values = {
            "programme_code": programme_code,
            "meeting_date": meeting_date,
            "previous_date": previous_date,
            "notes": (notes or "").strip() or None,
            "snapshot": snapshot,
            "created_by": actor.email,
            "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
            "version": 1,
        }
        try:
            w.conn.execute(insert(Meeting).values(**values))
        except IntegrityError as exc:
            raise MeetingError(f"Er is al een vergadering vastgelegd op {meeting_date.strftime('%d-%m-%Y')}.") from exc
        w.log("insert", "meeting", meeting_key(programme_code, meeting_date), None, values)


@write_function(EDIT_DATA)
def update_meeting_notes(
    engine: Engine, actor: Actor, programme_code: str, meeting_date: dt.date, notes: str | None, expected_version: int
) -> None:
    with write_transaction(engine, actor) as w:
        row = _meeting_row(w.conn, programme_code, meeting_date)
        if row is None:
            raise MeetingError("Deze vergadering is niet (meer) vastgelegd.")
        key = meeting_key(programme_code, meeting_date)
        if row.version != expected_version:
            raise StaleEdit(
                "De aantekeningen zijn intussen gewijzigd"
                + _last_change(w.conn, "meeting", key)
                + f": '{row.notes or ''}'. Uw wijziging is niet opgeslagen; bekijk de nieuwe tekst en probeer het "
                "opnieuw."
            )
        new = (notes or "").strip() or None
        if new == row.notes:
            return
        done = w.conn.execute(
            update(Meeting)
            .where(Meeting.id == row.id, Meeting.version == expected_version)
            .values(notes=new, version=Meeting.version + 1)
        )
        if done.rowcount != 1:
            raise StaleEdit("De aantekeningen zijn zojuist door een ander gewijzigd; probeer het opnieuw.")
        w.log("update", "meeting", key, {"notes": row.notes}, {"notes": new})


@write_function(EDIT_DATA)
def add_item(
    engine: Engine,
    actor: Actor,
    programme_code: str,
    meeting_date: dt.date,
    kind: str,
    text: str,
    owner_partner_code: str | None = None,
    due_date: dt.date | None = None,
    project_code: str | None = None,
    wijk_code: str | None = None,
) -> int:
    """Record a decision or action in a stored meeting; returns its number within the meeting."""
    if kind not in MEETING_ITEM_KINDS:
        raise MeetingError(f"Onbekende soort '{kind}'; kies besluit of actie.")
    text = _clean_text(text)
    _check_due(due_date, meeting_date)
    with write_transaction(engine, actor) as w:
        if _meeting_row(w.conn, programme_code, meeting_date) is None:
            raise MeetingError("Leg eerst de vergadering vast; daarna kunt u besluiten en acties noteren.")
        _check_links(w.conn, programme_code, owner_partner_code, project_code, wijk_code)
        number = (
            w.conn.execute(
                select(func.max(MeetingItem.number)).where(
                    MeetingItem.programme_code == programme_code, MeetingItem.meeting_date == meeting_date
                )
            ).scalar_one_or_none()
            or 0
        ) + 1
        decided = kind == "besluit"
        values = {
            "programme_code": programme_code,
            "meeting_date": meeting_date,
            "number": number,
            "kind": kind,
            "text": text,
            "owner_partner_code": owner_partner_code or None,
            "due_date": due_date,
            "project_code": project_code or None,
            "wijk_code": wijk_code or None,
            "status": "afgerond" if decided else "open",
            "closed_date": meeting_date if decided else None,
            "version": 1,
        }
        try:
            w.conn.execute(insert(MeetingItem).values(**values))
        except IntegrityError as exc:
            raise MeetingError("Tegelijk werd een ander punt genoteerd; probeer het opnieuw.") from exc
        w.log("insert", "meeting_item", item_key(programme_code, meeting_date, number), None, values)
    return number


def _locked_item(w, programme_code: str, meeting_date: dt.date, number: int, expected_version: int):
    row = w.conn.execute(
        select(MeetingItem).where(
            MeetingItem.programme_code == programme_code,
            MeetingItem.meeting_date == meeting_date,
            MeetingItem.number == number,
        )
    ).one_or_none()
    if row is None:
        raise MeetingError(f"Punt {number} van de vergadering van {meeting_date.strftime('%d-%m-%Y')} bestaat niet.")
    if row.version != expected_version:
        key = item_key(programme_code, meeting_date, number)
        raise StaleEdit(
            f"Punt {number} is intussen gewijzigd"
            + _last_change(w.conn, "meeting_item", key)
            + f"; de nieuwe stand is: {_describe_item(_item_values(row))}. Uw wijziging is niet opgeslagen; "
            "bekijk de nieuwe stand en probeer het opnieuw."
        )
    return row


def _apply(w, row, changes: dict, expected_version: int) -> None:
    old = _item_values(row)
    changed = {k: v for k, v in changes.items() if old[k] != v}
    if not changed:
        return
    done = w.conn.execute(
        update(MeetingItem)
        .where(and_(MeetingItem.id == row.id, MeetingItem.version == expected_version))
        .values(**changed, version=MeetingItem.version + 1)
    )
    if done.rowcount != 1:
        raise StaleEdit(f"Punt {row.number} is zojuist door een ander gewijzigd; probeer het opnieuw.")
    w.log(
        "update",
        "meeting_item",
        item_key(row.programme_code, row.meeting_date, row.number),
        {k: old[k] for k in changed} | {"version": expected_version},
        changed | {"version": expected_version + 1},
    )


@write_function(EDIT_DATA)
def update_item(
    engine: Engine,
    actor: Actor,
    programme_code: str,
    meeting_date: dt.date,
    number: int,
    expected_version: int,
    text: str,
    owner_partner_code: str | None = None,
    due_date: dt.date | None = None,
    project_code: str | None = None,
    wijk_code: str | None = None,
) -> None:
    text = _clean_text(text)
    _check_due(due_date, meeting_date)
    with write_transaction(engine, actor) as w:
        row = _locked_item(w, programme_code, meeting_date, number, expected_version)
        _check_links(w.conn, programme_code, owner_partner_code, project_code, wijk_code)
        changes = {
            "text": text,
            "owner_partner_code": owner_partner_code or None,
            "due_date": due_date,
            "project_code": project_code or None,
            "wijk_code": wijk_code or None,
        }
        _apply(w, row, changes, expected_version)


@write_function(EDIT_DATA)
def close_item(
    engine: Engine,
    actor: Actor,
    programme_code: str,
    meeting_date: dt.date,
    number: int,
    expected_version: int,
    closed_date: dt.date,
) -> None:
    """Close an open action on `closed_date` (not before the meeting that recorded it)."""
    with write_transaction(engine, actor) as w:
        row = _locked_item(w, programme_code, meeting_date, number, expected_version)
        if row.status == "afgerond":
            raise MeetingError(f"Punt {number} is al afgerond.")
        if closed_date < meeting_date:
            raise MeetingError("Een actie kan niet worden afgerond voor de vergadering waarin ze is genoteerd.")
        _apply(w, row, {"status": "afgerond", "closed_date": closed_date}, expected_version)


@write_function(EDIT_DATA)
def reopen_item(
    engine: Engine, actor: Actor, programme_code: str, meeting_date: dt.date, number: int, expected_version: int
) -> None:
    """Open a closed action again (e.g. closed by mistake); decisions stay final."""
    with write_transaction(engine, actor) as w:
        row = _locked_item(w, programme_code, meeting_date, number, expected_version)
        if row.kind != "actie":
            raise MeetingError("Een besluit is definitief; noteer een nieuw besluit om het te wijzigen.")
        if row.status == "open":
            raise MeetingError(f"Punt {number} staat al open.")
        _apply(w, row, {"status": "open", "closed_date": None}, expected_version)
