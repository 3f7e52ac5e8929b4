"""Saved scenarios on SQLite and PostgreSQL: save, load, overwrite with the loaded version, conflicts, roles."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from data_access import versioning
from data_access.access import Actor, PermissionDenied
from data_access.models import AuditLog, Programme
from data_access.models import Scenario as ScenarioRow
from data_access.scenarios import ScenarioConflict, ScenarioInvalid, delete_scenario, save_scenario, scenarios
from domain.whatif import INITIATIVE, Scenario, budget_key

REDACTEUR = Actor("r@example.nl", "Redacteur", "redacteur")
ANDERE = Actor("a@example.nl", "Andere redacteur", "redacteur")
KIJKER = Actor("k@example.nl", "Kijker", "kijker")
PARTNER = Actor("p@example.nl", "Partner", "partner-redacteur", "YMERE")

A = Scenario().move(None, budget_key("W1", INITIATIVE), 3_000_000)
B = Scenario(partner_percent={"YMERE": Decimal(-15)}, delays={"PR1": 6})


@pytest.fixture
def db(engine):
    with engine.begin() as conn:
        conn.execute(
            insert(Programme).values(
                code="P1",
                name="Test",
                city="Teststad",
                start_date=dt.date(2008, 1, 1),
                end_date=dt.date(2009, 12, 31),
                central_budget=Decimal("1000.00"),
            )
        )
    return engine


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_save_and_load(db):
    before = versioning.current(db)
    assert save_scenario(db, REDACTEUR, "P1", "  Boerhaavewijk +30k ", A.to_json()) == 1
    frame = scenarios(db)
    row = frame.iloc[0]
    assert (row["programme_code"], row["name"], row["author"], row["version"]) == (
        "P1",
        "Boerhaavewijk +30k",
        REDACTEUR.email,
        1,
    )
    assert Scenario.from_json(row["payload"]) == A.normalised()
    assert abs(row["created_at"] - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=1)
    assert versioning.current(db) == before + 1
    with db.connect() as conn:
        log = conn.execute(select(AuditLog)).one()
    assert (log.action, log.table_name, log.row_key, log.actor) == (
        "insert",
        "scenario",
        "P1/Boerhaavewijk +30k",
        REDACTEUR.email,
    )
    assert json.loads(log.new_values)["payload"] == A.to_json()


def test_overwrite_needs_the_loaded_version(db):
    save_scenario(db, REDACTEUR, "P1", "Plan", A.to_json())
    with pytest.raises(ScenarioConflict, match="bestaat al een scenario 'Plan'"):
        save_scenario(db, ANDERE, "P1", "Plan", B.to_json())
    assert save_scenario(db, ANDERE, "P1", "Plan", B.to_json(), expected_version=1) == 2
    # The first author still holds version 1: refused, nothing written.
    audit_rows = _count(db, AuditLog)
    with pytest.raises(ScenarioConflict, match=r"intussen gewijzigd door a@example\.nl"):
        save_scenario(db, REDACTEUR, "P1", "Plan", A.to_json(), expected_version=1)
    assert _count(db, AuditLog) == audit_rows
    row = scenarios(db).iloc[0]
    assert (row["version"], row["author"]) == (2, ANDERE.email)
    assert Scenario.from_json(row["payload"]) == B.normalised()
    with db.connect() as conn:
        log = conn.execute(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert log.action == "update"
    assert json.loads(log.old_values)["payload"] == A.to_json()
    assert json.loads(log.new_values)["version"] == 2


def test_delete_with_version(db):
    save_scenario(db, REDACTEUR, "P1", "Weg", A.to_json())
    with pytest.raises(ScenarioConflict):
        delete_scenario(db, REDACTEUR, "P1", "Weg", expected_version=7)
    delete_scenario(db, REDACTEUR, "P1", "Weg", expected_version=1)
    assert scenarios(db).empty
    with pytest.raises(ScenarioConflict, match="bestaat niet"):
        delete_scenario(db, REDACTEUR, "P1", "Weg", expected_version=1)
    with pytest.raises(ScenarioConflict, match="bestaat niet meer"):
        save_scenario(db, REDACTEUR, "P1", "Weg", A.to_json(), expected_version=1)


@pytest.mark.parametrize(
    "name, payload, message",
    [
        ("", "{}", "naam"),
        ("x" * 201, "{}", "te lang"),
        ("Kapot", "{niet json", "geen geldige JSON"),
        ("Te ver", '{"versie": 1, "partners_procent": {"YMERE": "-200"}}', "bereik"),
    ],
)
def test_bad_input_is_refused_without_writing(db, name, payload, message):
    with pytest.raises(ScenarioInvalid, match=message):
        save_scenario(db, REDACTEUR, "P1", name, payload)
    assert _count(db, ScenarioRow) == 0 and _count(db, AuditLog) == 0


def test_unknown_programme(db):
    with pytest.raises(ScenarioInvalid, match="bestaat niet"):
        save_scenario(db, REDACTEUR, "GEEN", "Plan", A.to_json())
    assert _count(db, AuditLog) == 0


@pytest.mark.parametrize("actor", [KIJKER, PARTNER])
def test_roles_without_edit_data_cannot_save_or_delete(db, actor):
    with pytest.raises(PermissionDenied, match="Uw rol"):
        save_scenario(db, actor, "P1", "Plan", A.to_json())
    save_scenario(db, REDACTEUR, "P1", "Plan", A.to_json())
    with pytest.raises(PermissionDenied):
        delete_scenario(db, actor, "P1", "Plan", expected_version=1)
    assert len(scenarios(db)) == 1
