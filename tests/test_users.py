"""Users table: validation, audit, optimistic locking, the last-beheerder rule (also under concurrency on
PostgreSQL) and the command line that adds the first beheerder."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select, text

from data_access import versioning
from data_access.__main__ import main
from data_access.access import Actor, PermissionDenied
from data_access.engine import get_engine
from data_access.models import AppUser, AuditLog, Partner
from data_access.users import (
    UserConflict,
    UserError,
    delete_user,
    find_user,
    rights_table,
    save_user,
    user_count,
    users,
)

BEHEERDER = Actor("b@example.nl", "Beheerder", "beheerder")


@pytest.fixture
def partner(engine) -> str:
    with engine.begin() as conn:
        conn.execute(Partner.__table__.insert().values(code="CORP", name="Woonstichting", kind="corporatie"))
    return "CORP"


def audit_rows(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(AuditLog).where(AuditLog.table_name == "app_user").order_by(AuditLog.id)).all()


def state(engine):
    """Everything a refused save must leave alone."""
    return versioning.current(engine), users(engine).to_dict("records"), len(audit_rows(engine))


def test_add_change_delete_with_audit(engine, partner):
    row = save_user(engine, BEHEERDER, "  Anna@Example.NL ", " Anna de Vries ", "kijker")
    assert row == {"email": "anna@example.nl", "name": "Anna de Vries", "role": "kijker", "partner_code": None,
                   "version": 1}  # fmt: skip
    assert find_user(engine, "ANNA@example.nl") == Actor("anna@example.nl", "Anna de Vries", "kijker", None)
    changed = save_user(engine, BEHEERDER, "anna@example.nl", "Anna de Vries", "partner-redacteur", partner, 1)
    assert changed["version"] == 2
    assert find_user(engine, "anna@example.nl").partner_code == partner
    frame = users(engine)
    assert frame.loc[0, "partner_name"] == "Woonstichting" and frame.loc[0, "version"] == 2
    delete_user(engine, BEHEERDER, "anna@example.nl", expected_version=2)
    assert find_user(engine, "anna@example.nl") is None and user_count(engine) == 0

    log = audit_rows(engine)
    assert [(r.action, r.row_key, r.actor) for r in log] == [
        ("insert", "anna@example.nl", BEHEERDER.email),
        ("update", "anna@example.nl", BEHEERDER.email),
        ("delete", "anna@example.nl", BEHEERDER.email),
    ]
    assert json.loads(log[1].old_values)["role"] == "kijker"
    assert json.loads(log[1].new_values)["partner_code"] == partner
    assert json.loads(log[2].old_values)["role"] == "partner-redacteur" and log[2].new_values is None


def test_saving_the_same_values_changes_nothing(engine):
    save_user(engine, BEHEERDER, "a@example.nl", "A", "redacteur")
    before = state(engine)
    assert save_user(engine, BEHEERDER, "a@example.nl", "A", "redacteur", None, 1)["version"] == 1
    assert state(engine)[1:] == before[1:]


@pytest.mark.parametrize(
    ("email", "name", "role", "partner_code", "message"),
    [
        ("geen-adres", "X", "kijker", None, "geen geldig e-mailadres"),
        ("x@voorbeeld", "X", "kijker", None, "geen geldig e-mailadres"),
        ("x@example.nl", "  ", "kijker", None, "Vul een naam in"),
        ("x@example.nl", "X" * 201, "kijker", None, "langer dan 200"),
        ("x@example.nl", "X", "baas", None, "Onbekende rol 'baas'"),
        ("x@example.nl", "X", "partner-redacteur", None, "hoort bij een partnerorganisatie"),
        ("x@example.nl", "X", "partner-redacteur", "NIEMAND", "Partnerorganisatie 'NIEMAND' bestaat niet"),
        ("x@example.nl", "X", "redacteur", "CORP", "Alleen een partner-redacteur"),
    ],
)
def test_invalid_users_are_refused_in_dutch_and_nothing_is_written(
    engine, partner, email, name, role, partner_code, message
):
    save_user(engine, BEHEERDER, "b@example.nl", "B", "beheerder")
    before = state(engine)
    with pytest.raises(UserError, match=message):
        save_user(engine, BEHEERDER, email, name, role, partner_code)
    assert state(engine) == before


def test_all_problems_are_named_at_once(engine):
    with pytest.raises(UserError) as info:
        save_user(engine, BEHEERDER, "fout", "", "baas")
    assert "e-mailadres" in str(info.value) and "naam" in str(info.value) and "rol" in str(info.value)


def test_optimistic_locking(engine):
    save_user(engine, BEHEERDER, "b@example.nl", "B", "beheerder")
    save_user(engine, BEHEERDER, "a@example.nl", "A", "kijker")
    # Two people read version 1; the first save wins, the second is refused with what the first did.
    save_user(engine, BEHEERDER, "a@example.nl", "A", "redacteur", None, 1)
    before = state(engine)
    with pytest.raises(UserConflict, match="intussen door iemand anders gewijzigd, nu: A \\(redacteur\\)"):
        save_user(engine, BEHEERDER, "a@example.nl", "A", "kijker", None, 1)
    with pytest.raises(UserConflict, match="intussen door iemand anders gewijzigd"):
        delete_user(engine, BEHEERDER, "a@example.nl", expected_version=1)
    assert state(engine) == before
    # Adding an address that exists, and saving or removing one that is gone, are refused too.
    with pytest.raises(UserConflict, match="bestaat al een gebruiker"):
        save_user(engine, BEHEERDER, "A@example.nl", "Ander", "kijker")
    delete_user(engine, BEHEERDER, "a@example.nl", expected_version=2)
    with pytest.raises(UserConflict, match="verwijderd"):
        save_user(engine, BEHEERDER, "a@example.nl", "A", "kijker", None, 2)
    with pytest.raises(UserConflict, match="bestaat niet"):
        delete_user(engine, BEHEERDER, "a@example.nl")


def test_the_last_beheerder_stays(engine):
    save_user(engine, BEHEERDER, "b1@example.nl", "B1", "beheerder")
    save_user(engine, BEHEERDER, "k@example.nl", "K", "kijker")
    before = state(engine)
    with pytest.raises(UserError, match="minstens één beheerder"):
        save_user(engine, BEHEERDER, "b1@example.nl", "B1", "redacteur", None, 1)
    with pytest.raises(UserError, match="minstens één beheerder"):
        delete_user(engine, BEHEERDER, "b1@example.nl")
    assert state(engine) == before
    # With a second beheerder either may go, and other users stay editable.
    save_user(engine, BEHEERDER, "b2@example.nl", "B2", "beheerder")
    save_user(engine, BEHEERDER, "b1@example.nl", "B1", "redacteur", None, 1)
    delete_user(engine, BEHEERDER, "k@example.nl")
    assert list(users(engine).query("role == 'beheerder'")["email"]) == ["b2@example.nl"]


def test_without_any_beheerder_other_users_can_still_be_changed(engine):
    save_user(engine, BEHEERDER, "k@example.nl", "K", "kijker")
    save_user(engine, BEHEERDER, "k@example.nl", "K", "redacteur", None, 1)
    delete_user(engine, BEHEERDER, "k@example.nl")


@pytest.mark.parametrize("role", ["kijker", "redacteur", "partner-redacteur"])
def test_only_a_beheerder_manages_users(engine, role):
    actor = Actor("x@example.nl", "X", role, "CORP" if role == "partner-redacteur" else None)
    with pytest.raises(PermissionDenied, match="Uw rol"):
        save_user(engine, actor, "y@example.nl", "Y", "beheerder")
    with pytest.raises(PermissionDenied):
        delete_user(engine, actor, "y@example.nl")
    assert user_count(engine) == 0


def test_concurrent_removal_of_two_beheerders_leaves_one(pg_server):
    """Two beheerders removed at the same time by two transactions: one must be refused."""
    from data_access.schema import upgrade_to_head

    engine = get_engine(pg_server.new_database())
    upgrade_to_head(engine)
    save_user(engine, BEHEERDER, "b1@example.nl", "B1", "beheerder")
    save_user(engine, BEHEERDER, "b2@example.nl", "B2", "beheerder")
    outcome: dict[str, object] = {}
    # Transaction 1 is removing b1 and has not committed yet (it holds the beheerder rows, as delete_user does).
    with engine.connect() as first:
        trans = first.begin()
        first.execute(select(AppUser.email).where(AppUser.role == "beheerder").with_for_update()).all()
        first.execute(AppUser.__table__.delete().where(AppUser.email == "b1@example.nl"))

        def second() -> None:
            try:
                delete_user(engine, BEHEERDER, "b2@example.nl")
                outcome["second"] = "removed"
            except UserError as exc:
                outcome["second"] = str(exc)

        worker = threading.Thread(target=second)
        worker.start()
        worker.join(2)
        assert worker.is_alive(), "the second removal must wait for the first transaction"
        trans.commit()
    worker.join(30)
    assert "minstens één beheerder" in str(outcome["second"])
    assert list(users(engine)["email"]) == ["b2@example.nl"]


def test_rights_table_follows_the_grants():
    table = rights_table().set_index("Rol")
    assert set(table.loc["kijker"]) == {"nee"}
    assert set(table.loc["beheerder"]) == {"ja"}
    assert table.loc["partner-redacteur", "projecten bijwerken"] == "ja"
    assert table.loc["redacteur", "gegevens importeren"] == "nee"


# --- command line --------------------------------------------------------------------------------------------


def test_cli_adds_the_first_beheerder_changes_lists_and_removes(engine, db_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert main(["users"]) == 0
    assert "nog geen gebruikers" in capsys.readouterr().out
    assert main(["add-user", "Eerste@Gemeente.nl", "--role", "beheerder", "--name", "Eerste Beheerder"]) == 0
    assert "toegevoegd: Eerste Beheerder, rol beheerder" in capsys.readouterr().out
    assert find_user(engine, "eerste@gemeente.nl").role == "beheerder"
    assert main(["add-user", "tweede@gemeente.nl", "--role", "kijker"]) == 1
    assert "--name" in capsys.readouterr().err
    assert main(["add-user", "tweede@gemeente.nl", "--role", "kijker", "--name", "Tweede"]) == 0
    assert main(["add-user", "tweede@gemeente.nl", "--role", "redacteur"]) == 0  # keeps the name
    assert find_user(engine, "tweede@gemeente.nl") == Actor("tweede@gemeente.nl", "Tweede", "redacteur")
    capsys.readouterr()
    assert main(["users"]) == 0
    listing = capsys.readouterr().out
    assert "eerste@gemeente.nl" in listing and "redacteur" in listing
    assert main(["remove-user", "eerste@gemeente.nl"]) == 1
    assert "minstens één beheerder" in capsys.readouterr().err
    assert main(["remove-user", "tweede@gemeente.nl"]) == 0
    assert main(["add-user", "x@y.nl", "--role", "partner-redacteur", "--name", "X"]) == 1
    assert "partnerorganisatie" in capsys.readouterr().err
    with engine.connect() as conn:
        actors = set(conn.execute(select(AuditLog.actor).where(AuditLog.table_name == "app_user")).scalars())
        assert len(actors) == 1 and next(iter(actors)).startswith("cli:")
        assert conn.execute(select(func.count()).select_from(AppUser)).scalar_one() == 1
        assert conn.execute(text("select count(*) from audit_log")).scalar_one() == 4
