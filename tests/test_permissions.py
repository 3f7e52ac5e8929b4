"""The permission matrix: every registered write function against every role, on the server side.

Every module under data_access is imported first, so WRITE_FUNCTIONS holds every write function there is;
a new write function is covered without touching this file. A static check makes sure no function in
data_access opens a writing transaction without being a registered write function.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from sqlalchemy import select

import data_access
from data_access import access, edits, versioning
from data_access.access import GRANTS, WRITE_FUNCTIONS, Actor, PermissionDenied
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.models import Milestone, Project, StatusUpdate
from data_access.schema import upgrade_to_head
from data_access.seeding import row_counts, seed_folder

PACKAGE = Path(data_access.__file__).parent
ROLES = tuple(GRANTS)
OWN_PARTNER = "YMERE"


def _import_all() -> list[str]:
    names = []
    for info in pkgutil.iter_modules([str(PACKAGE)]):
        if info.ispkg:
            continue  # migrations: run by alembic, not importable on their own
        names.append(f"data_access.{info.name}")
        importlib.import_module(names[-1])
    return names


MODULES = _import_all()


def actor_for(role: str) -> Actor:
    return Actor(f"{role}@example.nl", role.capitalize(), role, OWN_PARTNER if role == "partner-redacteur" else None)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('perm') / 'perm.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    return engine


class Untouchable:
    """An engine stand-in: any use means the permission check let the call through to the body."""

    class Reached(Exception):
        pass

    def __getattr__(self, name):
        raise Untouchable.Reached(name)


def test_the_registry_covers_the_known_write_functions():
    names = set(WRITE_FUNCTIONS)
    for expected in (
        "data_access.imports.apply_import",
        "data_access.edits.add_status_update",
        "data_access.edits.save_measurement",
        "data_access.edits.set_milestone_done",
        "data_access.edits.save_rows",
    ):
        assert expected in names
    for name, (fn, _) in WRITE_FUNCTIONS.items():
        params = list(inspect.signature(inspect.unwrap(fn)).parameters)
        assert params[:2] == ["engine", "actor"], f"{name} must take (engine, actor, ...)"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(WRITE_FUNCTIONS))
def test_every_write_function_against_every_role(name, role, seeded):
    fn, capability = WRITE_FUNCTIONS[name]
    actor = actor_for(role)
    if actor.can(capability):
        # The check lets the call through: what follows is the function's own business (here: it finds
        # missing arguments or touches the stand-in engine), never a PermissionDenied.
        try:
            fn(Untouchable(), actor)
        except PermissionDenied:  # pragma: no cover - this is the failure being tested for
            pytest.fail(f"{role} may {capability} but {name} refused")
        except (TypeError, Untouchable.Reached, AttributeError, ValueError):
            pass
        return
    before = (versioning.current(seeded), row_counts(seeded))
    with pytest.raises(PermissionDenied, match=f"Uw rol \\({role}\\)"):
        fn(seeded, actor)
    assert (versioning.current(seeded), row_counts(seeded)) == before


def test_roles_match_the_grants():
    assert actor_for("kijker").can(access.EDIT_PROJECT) is False
    assert actor_for("partner-redacteur").can(access.EDIT_PROJECT)
    assert not actor_for("partner-redacteur").can(access.EDIT_DATA)
    assert actor_for("redacteur").can(access.EDIT_DATA) and not actor_for("redacteur").can(access.IMPORT)
    assert all(actor_for("beheerder").can(c) for c in access.CAPABILITIES)


def _projects(engine) -> tuple[str, str]:
    with engine.connect() as conn:
        own = conn.execute(select(Project.code).where(Project.lead_partner_code == OWN_PARTNER).limit(1)).scalar()
        other = conn.execute(select(Project.code).where(Project.lead_partner_code != OWN_PARTNER).limit(1)).scalar()
    assert own and other
    return own, other


def test_partner_redacteur_updates_only_own_projects(seeded):
    partner = actor_for("partner-redacteur")
    own, other = _projects(seeded)
    before = (versioning.current(seeded), row_counts(seeded))
    with pytest.raises(PermissionDenied, match="eigen organisatie"):
        edits.add_status_update(seeded, partner, other, dt.date(2030, 1, 1), "op schema", 50, "Gaat goed")
    with seeded.connect() as conn:
        ms = conn.execute(select(Milestone).where(Milestone.project_code == other).limit(1)).first()
    if ms is not None:
        with pytest.raises(PermissionDenied, match="eigen organisatie"):
            edits.set_milestone_done(seeded, partner, other, ms.title, dt.date(2030, 1, 1), ms.version)
    assert (versioning.current(seeded), row_counts(seeded)) == before
    edits.add_status_update(seeded, partner, own, dt.date(2030, 1, 2), "op schema", 50, "Gaat goed")
    with seeded.connect() as conn:
        author = conn.execute(
            select(StatusUpdate.author).where(
                StatusUpdate.project_code == own, StatusUpdate.update_date == dt.date(2030, 1, 2)
            )
        ).scalar_one()
    assert author == partner.name


def test_partner_redacteur_cannot_bulk_edit_or_import(seeded):
    partner = actor_for("partner-redacteur")
    with pytest.raises(PermissionDenied):
        edits.save_rows(seeded, partner, "project", [])
    with pytest.raises(PermissionDenied):
        from data_access.imports import apply_import

        apply_import(seeded, partner, {})


# --- no write outside a registered write function -----------------------------------------------------------

# Functions allowed to open a writing transaction without an acting user, and why.
WRITERS_WITHOUT_ACTOR = {
    "audit.write_transaction": "the audited transaction itself",
    "schema.upgrade_to_head": "schema migrations (DDL), run at start-up",
    "seeding.load_dataset": "the command-line seed, which refuses any database that is not empty",
}


def _decorated_as_write_function(node: ast.FunctionDef) -> bool:
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Name) and target.id == "write_function":
            return True
        if isinstance(target, ast.Attribute) and target.attr == "write_function":
            return True
    return False


def _writes(node: ast.FunctionDef, aliases: set[str]) -> list[str]:
    found = []
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        f = call.func
        if isinstance(f, ast.Name) and f.id in aliases:
            found.append(f.id)
        elif isinstance(f, ast.Attribute) and f.attr in ("begin", "commit", "write_transaction", "begin_nested"):
            found.append(f.attr)
    return found


def _modules_source():
    for path in sorted(PACKAGE.glob("*.py")):
        yield path.stem, ast.parse(path.read_text(encoding="utf-8"))


def test_only_registered_write_functions_open_write_transactions():
    offenders = []
    for module, tree in _modules_source():
        aliases = {"write_transaction"}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("audit", "data_access.audit"):
                aliases |= {a.asname or a.name for a in node.names if a.name == "write_transaction"}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            writes = _writes(node, aliases)
            qualified = f"{module}.{node.name}"
            if writes and not _decorated_as_write_function(node) and qualified not in WRITERS_WITHOUT_ACTOR:
                offenders.append(f"{qualified} ({', '.join(sorted(set(writes)))})")
    assert not offenders, "writes outside a @write_function: " + "; ".join(offenders)


def test_the_static_check_catches_an_undecorated_writer():
    tree = ast.parse(
        "def sneaky(engine, actor):\n    with write_transaction(engine, actor) as w:\n        pass\n"
        "@write_function(EDIT_DATA)\ndef fine(engine, actor):\n    with write_transaction(engine, actor) as w:\n"
        "        pass\n"
    )
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert _writes(functions["sneaky"], {"write_transaction"}) and not _decorated_as_write_function(functions["sneaky"])
    assert _decorated_as_write_function(functions["fine"])


def test_every_decorated_function_is_registered():
    decorated = set()
    for module, tree in _modules_source():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _decorated_as_write_function(node):
                decorated.add(f"data_access.{module}.{node.name}")
    assert decorated, "the scan found the decorated functions"
    assert decorated <= set(WRITE_FUNCTIONS), decorated - set(WRITE_FUNCTIONS)
