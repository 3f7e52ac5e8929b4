"""The data version that page runs use: reused for a second, forgotten by a write in this process."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import update

from data_access import versioning
from data_access.access import Actor
from data_access.audit import write_transaction
from data_access.models import DataVersion
from data_access.seeding import seed_folder
from tests.mini_data import write_mini

ADMIN = Actor("beheer@example.nl", "Beheer", "beheerder")


@pytest.fixture
def seeded(engine, tmp_path):
    seed_folder(engine, write_mini(tmp_path / "mini"))
    return engine


def _external_bump(engine) -> None:
    """A change by another app instance: the version row moves, this process is not told."""
    with engine.begin() as conn:
        conn.execute(update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1))


def test_a_recent_version_is_reused_until_it_is_too_old(seeded):
    engine = seeded
    first = versioning.recent(engine)
    _external_bump(engine)
    assert versioning.recent(engine, max_age=60) == first  # recent enough: no round trip
    assert versioning.recent(engine, max_age=0) == first + 1  # too old: read again
    assert versioning.current(engine) == first + 1


def test_a_write_in_this_process_is_seen_on_the_next_read(seeded):
    engine = seeded
    first = versioning.recent(engine)
    with write_transaction(engine, ADMIN):
        pass
    assert versioning.recent(engine, max_age=60) == first + 1


class SlowRead:
    """A `versioning.recent` in a thread of its own whose database read returns only on `finish()`: it
    has read the version by the time `start()` returns."""

    def __init__(self, engine, monkeypatch) -> None:
        self.engine, self.monkeypatch, self.seen = engine, monkeypatch, []
        self._read, self._release = threading.Event(), threading.Event()
        self._real = versioning.current

    def _slow_current(self, eng):
        value = self._real(eng)
        self._read.set()
        self._release.wait(5)
        return value

    def start(self) -> None:
        self.monkeypatch.setattr(versioning, "current", self._slow_current)
        versioning.forget_recent(self.engine)  # so this read goes to the database
        self._thread = threading.Thread(target=lambda: self.seen.append(versioning.recent(self.engine)))
        self._thread.start()
        self._read.wait(5)
        self.monkeypatch.setattr(versioning, "current", self._real)

    def finish(self) -> None:
        self._release.set()
        self._thread.join(5)


def test_a_read_that_overlaps_a_write_is_not_kept(seeded, monkeypatch):
    """A read that started before a commit may miss it; keeping it would hide the writer's own change."""
    old = versioning.current(seeded)
    reader = SlowRead(seeded, monkeypatch)
    reader.start()
    with write_transaction(seeded, ADMIN):
        pass
    reader.finish()
    assert reader.seen == [old]
    assert versioning.recent(seeded, max_age=60) == old + 1  # the overlapping read was not kept


def test_a_slow_read_does_not_replace_a_later_one(seeded, monkeypatch):
    """Two reads at once: the one that started first may have missed a change the later one saw."""
    old = versioning.current(seeded)
    reader = SlowRead(seeded, monkeypatch)
    reader.start()
    _external_bump(seeded)  # another instance writes
    assert versioning.recent(seeded, max_age=0) == old + 1  # a later read sees it and is kept
    reader.finish()
    assert reader.seen == [old]
    assert versioning.recent(seeded, max_age=60) == old + 1  # not stepped back to the slow read's version
