"""Edits: server-side validation, optimistic locking (also under a real race), audit rows for every write path."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import select

from data_access import access, edits, imports, versioning
from data_access.access import Actor
from data_access.config import SAMPLE_DATA_DIR
from data_access.edits import EditRefused, StaleEdit, editable_frame
from data_access.models import AuditLog, Measurement, Milestone
from data_access.seeding import row_counts, seed_folder

ANNA = Actor("anna@example.nl", "Anna", "redacteur")
BERT = Actor("bert@example.nl", "Bert", "redacteur")
ADMIN = Actor("beheer@example.nl", "Beheer", "beheerder")


@pytest.fixture
def seeded(engine):
    seed_folder(engine, SAMPLE_DATA_DIR)
    return engine


def _audit(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(AuditLog).order_by(AuditLog.id)).all()


def _unchanged(engine):
    return versioning.current(engine), row_counts(engine)


def test_second_save_of_the_same_row_is_refused_with_the_other_change(seeded):
    frame = editable_frame(seeded, "measurement")
    row = frame.iloc[0].to_dict()
    anna, bert = dict(row), dict(row)  # both loaded version N
    anna["value"], bert["value"] = row["value"] + 1, row["value"] + 2
    assert edits.save_rows(seeded, ANNA, "measurement", [anna]) == {"added": 0, "changed": 1, "unchanged": 0}
    state = _unchanged(seeded)
    with pytest.raises(StaleEdit) as refused:
        edits.save_rows(seeded, BERT, "measurement", [bert])
    (conflict,) = refused.value.conflicts
    assert conflict.changed_by == ANNA.email
    assert conflict.old == {"value": row["value"]} and conflict.new == {"value": row["value"] + 1}
    assert conflict.current["value"] == row["value"] + 1
    message = str(refused.value)
    assert "anna@example.nl" in message and "niet opgeslagen" in message
    assert _unchanged(seeded) == state
    stored = editable_frame(seeded, "measurement").iloc[0]
    assert stored["value"] == row["value"] + 1 and stored["version"] == row["version"] + 1


def test_a_real_race_has_exactly_one_winner(seeded):
    frame = editable_frame(seeded, "measurement")
    row = frame.iloc[3].to_dict()
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def save(actor: Actor, value: float) -> None:
        start.wait()
        try:
            outcomes[actor.email] = edits.save_measurement(
                seeded,
                actor,
                row["indicator_code"],
                int(row["year"]),
                value,
                row["wijk_code"],
                row["city"],
                int(row["version"]),
            )
        except StaleEdit as exc:
            outcomes[actor.email] = exc

    threads = [threading.Thread(target=save, args=(a, v)) for a, v in ((ANNA, 1.25), (BERT, 2.5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    results = sorted(outcomes.values(), key=lambda o: isinstance(o, StaleEdit))
    assert results[0] == "changed" and isinstance(results[1], StaleEdit), outcomes
    winner = next(e for e, o in outcomes.items() if o == "changed")
    stored = editable_frame(seeded, "measurement").iloc[3]
    assert stored["value"] == (1.25 if winner == ANNA.email else 2.5)
    assert stored["version"] == row["version"] + 1
    assert results[1].conflicts[0].changed_by == winner


def test_new_row_that_somebody_else_added_meanwhile_is_a_conflict(seeded):
    edits.save_measurement(seeded, ANNA, "WERKLOOSHEID", 2033, 4.5, None, "Amsterdam")
    with pytest.raises(StaleEdit, match=r"anna@example\.nl"):
        edits.save_measurement(seeded, BERT, "WERKLOOSHEID", 2033, 9.9, None, "Amsterdam")


def test_bulk_rows_are_validated_with_the_csv_rules_and_all_refused(seeded):
    frame = editable_frame(seeded, "milestone")
    good, bad = frame.iloc[0].to_dict(), frame.iloc[1].to_dict()
    good["title"] = good["title"]  # unchanged key
    good["done_date"] = dt.date(2010, 1, 1)
    bad["due_date"] = "gisteren"
    new = {**frame.iloc[2].to_dict(), "title": "Nieuwe mijlpaal", "version": None, "project_code": "ONBEKEND"}
    state = _unchanged(seeded)
    with pytest.raises(EditRefused) as refused:
        edits.save_rows(seeded, ANNA, "milestone", [good, bad, new])
    found = {(p.line, p.column) for p in refused.value.problems}
    assert found == {(2, "due_date"), (3, "project_code")}, [str(p) for p in refused.value.problems]
    assert "tabel project" in str(refused.value)
    assert _unchanged(seeded) == state


def test_bulk_edit_of_a_unique_name_is_refused(seeded):
    frame = editable_frame(seeded, "partner")
    first, second = frame.iloc[0].to_dict(), frame.iloc[1].to_dict()
    first["name"] = second["name"]
    with pytest.raises(EditRefused, match="al in gebruik"):
        edits.save_rows(seeded, ANNA, "partner", [first])


def test_status_update_rules(seeded):
    project = "HLM-AMSTERDAMSE-BUURTEN-01"
    state = _unchanged(seeded)
    with pytest.raises(EditRefused) as refused:
        edits.add_status_update(seeded, ANNA, project, dt.date(2012, 1, 1), "vertraagd", 40, "Later", "  ")
    assert {p.column for p in refused.value.problems} == {"oorzaak", "gevolg", "maatregel"}
    with pytest.raises(EditRefused, match="geen toegestane waarde"):
        edits.add_status_update(seeded, ANNA, project, dt.date(2012, 1, 1), "prima", 40)
    with pytest.raises(EditRefused, match="voortgang"):
        edits.add_status_update(seeded, ANNA, project, dt.date(2012, 1, 1), "op schema", 140)
    assert _unchanged(seeded) == state
    edits.add_status_update(seeded, ANNA, project, dt.date(2012, 1, 1), "op schema", 40)
    with pytest.raises(EditRefused, match="al een statusupdate"):
        edits.add_status_update(seeded, BERT, project, dt.date(2012, 1, 1), "afgerond", 100)


def test_tables_outside_the_bulk_list_are_refused(seeded):
    with pytest.raises(EditRefused, match="niet in bulk"):
        edits.save_rows(seeded, ADMIN, "status_update", [{"project_code": "X"}])
    with pytest.raises(EditRefused, match="niet in bulk"):
        edits.save_rows(seeded, ADMIN, "audit_log", [{"actor": "x"}])


# --- every write path leaves audit rows with old and new values -----------------------------------------------


def _milestone(engine):
    with engine.connect() as conn:
        return conn.execute(select(Milestone).where(Milestone.done_date.is_(None)).limit(1)).one()


def _measurement(engine):
    with engine.connect() as conn:
        return conn.execute(select(Measurement).where(Measurement.wijk_code.isnot(None)).limit(1)).one()


def _path_status_update(engine):
    edits.add_status_update(
        engine, ANNA, "HLM-AMSTERDAMSE-BUURTEN-01", dt.date(2012, 2, 1), "aandacht", 50, "t", "o", "g", "m"
    )
    return "status_update", "HLM-AMSTERDAMSE-BUURTEN-01 | 2012-02-01", None, {"status": "aandacht", "oorzaak": "o"}


def _path_milestone(engine):
    ms = _milestone(engine)
    edits.set_milestone_done(engine, ANNA, ms.project_code, ms.title, dt.date(2011, 5, 1), ms.version)
    return "milestone", f"{ms.project_code} | {ms.title}", {"done_date": None}, {"done_date": "2011-05-01"}


def _path_measurement(engine):
    m = _measurement(engine)
    edits.save_measurement(engine, ANNA, m.indicator_code, m.year, m.value + 1, m.wijk_code, m.city, m.version)
    key = f"{m.indicator_code} | {m.city} | {m.wijk_code} | {m.year}"
    return "measurement", key, {"value": m.value}, {"value": m.value + 1}


def _path_bulk(engine):
    row = editable_frame(engine, "indicator").iloc[0].to_dict()
    old = row["name"]
    row["name"] = "Nieuwe naam"
    edits.save_rows(engine, ANNA, "indicator", [row])
    return "indicator", row["code"], {"name": old}, {"name": "Nieuwe naam"}


def _path_import(engine):
    upload = b"code,name,kind\nNIEUWE-PARTNER,Nieuwe partner,welzijn\n"
    imports.apply_import(engine, ADMIN, {"partner.csv": upload})
    return "partner", "NIEUWE-PARTNER", None, {"name": "Nieuwe partner", "kind": "welzijn"}


PATHS = {
    "data_access.edits.add_status_update": _path_status_update,
    "data_access.edits.set_milestone_done": _path_milestone,
    "data_access.edits.save_measurement": _path_measurement,
    "data_access.edits.save_rows": _path_bulk,
    "data_access.imports.apply_import": _path_import,
}


def test_every_write_function_of_beheer_has_an_audit_path():
    mine = {n for n in access.WRITE_FUNCTIONS if n.startswith(("data_access.edits.", "data_access.imports."))}
    assert mine == set(PATHS)


@pytest.mark.parametrize("name", sorted(PATHS))
def test_write_path_leaves_an_audit_row_with_old_and_new_values(seeded, name):
    before = len(_audit(seeded))
    table, key, old, new = PATHS[name](seeded)
    entries = _audit(seeded)[before:]
    assert len(entries) == 1
    (entry,) = entries
    assert (entry.table_name, entry.row_key) == (table, key)
    assert entry.actor in (ANNA.email, ADMIN.email)
    stored_old = json.loads(entry.old_values) if entry.old_values else None
    stored_new = json.loads(entry.new_values)
    if old is None:
        assert stored_old is None
    else:
        assert stored_old == old
    assert {k: stored_new[k] for k in new} == new
