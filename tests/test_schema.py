"""Schema: Alembic head equals the models, and the database itself enforces integrity."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from data_access.models import Base, Partner, Programme, ProjectPartner, Wijk
from data_access.schema import current_revision, head_revision, upgrade_to_head


def test_migrations_match_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert current_revision(engine) == head_revision(engine)


def test_upgrade_is_idempotent(engine):
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)


PROGRAMME = {
    "code": "P",
    "name": "P",
    "city": "X",
    "start_date": dt.date(2008, 1, 1),
    "end_date": dt.date(2009, 1, 1),
    "central_budget": 0,
}


@pytest.mark.parametrize(
    ("table", "row"),
    [
        (Programme, {**PROGRAMME, "end_date": dt.date(2007, 1, 1)}),  # end before start
        (Programme, {**PROGRAMME, "central_budget": -1}),  # negative amount
        (Wijk, {"code": "W", "programme_code": "ONBEKEND", "name": "W", "city": "X", "kind": "pilotwijk"}),  # FK
        (Wijk, {"code": "W", "programme_code": "P", "name": "W", "city": "X", "kind": "krachtwijk"}),  # enum
        (Partner, {"code": "Q", "name": None, "kind": "gemeente"}),  # NOT NULL
        (ProjectPartner, {"project_code": "nope", "partner_code": "nope", "amount": 5}),  # FK
    ],
)
def test_database_rejects_bad_rows(engine, table, row):
    with engine.begin() as conn:
        conn.execute(insert(Programme), PROGRAMME)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(table), row)


def test_unique_wijk_name_per_city(engine):
    with engine.begin() as conn:
        conn.execute(insert(Programme), PROGRAMME)
        conn.execute(insert(Wijk), {"code": "A", "programme_code": "P", "name": "W", "city": "X", "kind": "pilotwijk"})
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Wijk), {"code": "B", "programme_code": "P", "name": "W", "city": "X", "kind": "pilotwijk"})
