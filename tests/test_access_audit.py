"""The write-permission rules and the audited write transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, insert, select

from data_access import access, versioning
from data_access.access import Actor, PermissionDenied, require, require_project_scope
from data_access.audit import write_transaction
from data_access.engine import get_engine
from data_access.models import AuditLog, Project, Setting

KIJKER = Actor("k@example.nl", "Kijker", "kijker")
REDACTEUR = Actor("r@example.nl", "Redacteur", "redacteur")
BEHEERDER = Actor("b@example.nl", "Beheerder", "beheerder")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("kijker", set()),
        ("partner-redacteur", {access.EDIT_PROJECT}),
        ("redacteur", {access.EDIT_PROJECT, access.EDIT_DATA}),
        ("beheerder", set(access.CAPABILITIES)),
    ],
)
def test_grants_per_role(role, allowed):
    actor = Actor("x@example.nl", "X", role, "P" if role == "partner-redacteur" else None)
    for capability in access.CAPABILITIES:
        if capability in allowed:
            require(actor, capability)
        else:
            with pytest.raises(PermissionDenied, match="Uw rol"):
                require(actor, capability)


def test_unknown_role_and_missing_actor_are_refused():
    with pytest.raises(PermissionDenied):
        require(Actor("x", "X", "onbekend"), access.EDIT_DATA)
    with pytest.raises(TypeError):
        require("b@example.nl", access.EDIT_DATA)


def test_write_function_checks_before_running_and_registers():
    calls = []

    @access.write_function(access.MANAGE)
    def change(engine, actor, value):
        calls.append(value)
        return value

    name = f"{__name__}.{change.__qualname__}"
    try:
        assert access.WRITE_FUNCTIONS[name][1] == access.MANAGE
        with pytest.raises(PermissionDenied):
            change(None, REDACTEUR, 1)
        assert calls == []
        assert change(None, BEHEERDER, 2) == 2
        assert calls == [2]
    finally:
        access.WRITE_FUNCTIONS.pop(name, None)


def test_partner_scope_follows_the_lead_partner(sample_db_url):
    engine = get_engine(sample_db_url)
    with engine.connect() as conn:
        project, lead = conn.execute(select(Project.code, Project.lead_partner_code).limit(1)).one()
        require_project_scope(conn, Actor("p", "P", "partner-redacteur", lead), project)
        require_project_scope(conn, REDACTEUR, project)
        with pytest.raises(PermissionDenied, match="eigen organisatie"):
            require_project_scope(conn, Actor("p", "P", "partner-redacteur", "ANDERE"), project)
        with pytest.raises(PermissionDenied):
            require_project_scope(conn, Actor("p", "P", "partner-redacteur", lead), "BESTAAT-NIET")


def test_write_transaction_logs_bumps_and_rolls_back_together(engine):
    before = versioning.current(engine)
    with write_transaction(engine, BEHEERDER) as w:
        w.conn.execute(insert(Setting).values(key="k", value="1"))
        w.log("insert", "setting", "k", new={"value": "1"})
    assert versioning.current(engine) == before + 1
    with engine.connect() as conn:
        row = conn.execute(select(AuditLog)).one()
    assert (row.actor, row.action, row.table_name, row.row_key) == ("b@example.nl", "insert", "setting", "k")
    assert json.loads(row.new_values) == {"value": "1"} and row.old_values is None

    with pytest.raises(RuntimeError), write_transaction(engine, BEHEERDER) as w:
        w.conn.execute(insert(Setting).values(key="k2", value="2"))
        w.log("insert", "setting", "k2", new={"value": "2"})
        raise RuntimeError("afgebroken")
    assert versioning.current(engine) == before + 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditLog)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(Setting)).scalar_one() == 1
