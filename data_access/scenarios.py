"""Saved what-if scenarios (table `scenario`): a name per programme, the author, the date and the changes.

A scenario only holds changes (JSON, see `domain.whatif.Scenario`); saving one never touches the real
figures. Saving and deleting need EDIT_DATA. Overwriting a scenario needs the version the user loaded
(optimistic lock): if someone else saved it in the meantime, the save is refused with a Dutch message and
nothing is written.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from domain.whatif import Scenario, ScenarioError

from .access import EDIT_DATA, write_function
from .audit import utc_now, write_transaction
from .models import Programme
from .models import Scenario as ScenarioRow

MAX_NAME = 200


class ScenarioConflict(Exception):
    """A save or delete that would overwrite someone else's change; the message is Dutch."""


class ScenarioInvalid(ValueError):
    """A name or payload that cannot be saved; the message is Dutch."""


def scenarios(engine: Engine) -> pd.DataFrame:
    """All saved scenarios: programme_code, name, author, created_at, payload, version (newest first)."""
    s = ScenarioRow
    with engine.connect() as conn:
        rows = conn.execute(
            select(s.programme_code, s.name, s.author, s.created_at, s.payload, s.version).order_by(
                s.programme_code, s.created_at.desc(), s.name
            )
        ).all()
    frame = pd.DataFrame(rows, columns=["programme_code", "name", "author", "created_at", "payload", "version"])
    frame["created_at"] = pd.to_datetime(frame["created_at"])
    return frame


def _clean(name: str, payload: str) -> tuple[str, str]:
    name = (name or "").strip()
    if not name:
        raise ScenarioInvalid("Geef het scenario een naam.")
    if len(name) > MAX_NAME:
        raise ScenarioInvalid(f"De naam is te lang ({len(name)} tekens; hoogstens {MAX_NAME}).")
    try:
        text = Scenario.from_json(payload).to_json()
    except ScenarioError as exc:
        raise ScenarioInvalid(str(exc)) from exc
    return name, text


def _row(conn, programme_code: str, name: str):
    s = ScenarioRow
    return conn.execute(
        select(s.id, s.author, s.created_at, s.payload, s.version).where(
            s.programme_code == programme_code, s.name == name
        )
    ).one_or_none()


def _values(row, programme_code: str, name: str) -> dict:
    return {
        "programme_code": programme_code,
        "name": name,
        "author": row.author,
        "created_at": row.created_at,
        "payload": row.payload,
        "version": row.version,
    }


@write_function(EDIT_DATA)
def save_scenario(
    engine: Engine, actor, programme_code: str, name: str, payload: str, expected_version: int | None = None
) -> int:
    """Save a new scenario, or overwrite one whose loaded version is `expected_version`; returns the version."""
    name, text = _clean(name, payload)
    key = f"{programme_code}/{name}"
    try:
        with write_transaction(engine, actor) as w:
            exists = w.conn.execute(select(Programme.code).where(Programme.code == programme_code)).scalar()
            if exists is None:
                raise ScenarioInvalid(f"Het programma '{programme_code}' bestaat niet.")
            old = _row(w.conn, programme_code, name)
            now = utc_now()
            if old is None:
                if expected_version is not None:
                    raise ScenarioConflict(
                        f"Het scenario '{name}' bestaat niet meer (intussen verwijderd); "
                        "sla het onder een naam op om het te bewaren."
                    )
                new = {"programme_code": programme_code, "name": name, "author": actor.email, "created_at": now}
                w.conn.execute(insert(ScenarioRow).values(**new, payload=text, version=1))
                w.log("insert", "scenario", key, None, {**new, "payload": text, "version": 1})
                return 1
            if expected_version is None:
                raise ScenarioConflict(
                    f"Er bestaat al een scenario '{name}' (van {old.author}). Kies een andere naam, "
                    "of laad dat scenario eerst om het te overschrijven."
                )
            if old.version != expected_version:
                raise ScenarioConflict(
                    f"Het scenario '{name}' is intussen gewijzigd door {old.author} "
                    f"(versie {old.version}, u laadde versie {expected_version}). Laad het opnieuw, "
                    "of sla uw wijzigingen onder een andere naam op."
                )
            version = old.version + 1
            changed = w.conn.execute(
                update(ScenarioRow)
                .where(ScenarioRow.id == old.id, ScenarioRow.version == old.version)
                .values(payload=text, author=actor.email, created_at=now, version=version)
            ).rowcount
            if changed != 1:
                raise ScenarioConflict(
                    f"Het scenario '{name}' is tegelijk door iemand anders gewijzigd; probeer het opnieuw."
                )
            w.log(
                "update",
                "scenario",
                key,
                _values(old, programme_code, name),
                {"programme_code": programme_code, "name": name, "author": actor.email, "created_at": now}
                | {"payload": text, "version": version},
            )
            return version
    except IntegrityError as exc:  # two people saving a new name at the same moment
        raise ScenarioConflict(
            f"Er is zojuist al een scenario '{name}' opgeslagen; kies een andere naam of laad dat scenario."
        ) from exc


@write_function(EDIT_DATA)
def delete_scenario(engine: Engine, actor, programme_code: str, name: str, expected_version: int) -> None:
    """Delete a scenario, only if it is still the version the user saw."""
    with write_transaction(engine, actor) as w:
        old = _row(w.conn, programme_code, name)
        if old is None:
            raise ScenarioConflict(f"Het scenario '{name}' bestaat niet (meer).")
        if old.version != expected_version:
            raise ScenarioConflict(
                f"Het scenario '{name}' is intussen gewijzigd door {old.author}; "
                "laad het opnieuw voordat u het verwijdert."
            )
        w.conn.execute(delete(ScenarioRow).where(ScenarioRow.id == old.id, ScenarioRow.version == old.version))
        w.log("delete", "scenario", f"{programme_code}/{name}", _values(old, programme_code, name), None)
