"""The Stuurgroep page with AppTest: figures from the CSVs, recording a meeting and a decision, reopening it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import make_url

from data_access import meetings
from data_access.engine import get_engine
from data_access.models import StatusUpdate
from data_access.versioning import bump, forget_recent
from tests.apptest_helpers import (
    html_tables,
    metrics,
    no_exceptions,
    open_tab,
    static_chart,
    static_charts,
    table_frames,
)
from tests.conftest import APP_PATH
from tests.sample_facts import statuses_on
from tests.test_stuurgroep_domain import expected_transitions
from ui import format as fmt

AMSTERDAM = "AMSTERDAM-WA"


@pytest.fixture
def writable_app(sample_db_url, tmp_path, monkeypatch):
    """An AppTest on a private copy of the sample database, so the test may write."""
    from streamlit.testing.v1 import AppTest

    copy = tmp_path / "stuurgroep.sqlite"
    shutil.copy(make_url(sample_db_url).database, copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(APP_PATH), default_timeout=120)
    return at, url


def open_page(at, programme: str, peildatum: str, vergadering: str | None = None):
    at.query_params["programma"] = programme
    at.query_params["peildatum"] = peildatum
    if vergadering:
        at.query_params["vergadering"] = vergadering
    at.run()
    at.switch_page("pages/stuurgroep.py")
    at.run()
    no_exceptions(at)
    return at


def subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_page_figures_match_the_csvs(app):
    meeting, previous = dt.date(2010, 3, 12), dt.date(2010, 3, 5)
    at = open_page(app, AMSTERDAM, meeting.isoformat())
    assert at.title[0].value.startswith("Stuurgroep")
    statuses = statuses_on(AMSTERDAM, meeting)
    shown = metrics(at)
    assert shown["Lopende projecten"] == fmt.number(
        sum(s in ("op schema", "aandacht", "vertraagd") for s in statuses.values())
    )
    assert shown["Vertraagd (rood)"] == fmt.number(sum(s == "vertraagd" for s in statuses.values()))
    assert shown["Aandacht (oranje)"] == fmt.number(sum(s == "aandacht" for s in statuses.values()))
    transitions = expected_transitions(AMSTERDAM, previous, meeting)  # default: 7 days before the meeting
    net = sum(1 for f, t, _ in transitions.values() if f != t)
    assert shown["Statuswijzigingen"] == fmt.number(net)
    heads = subheaders(at)
    red_orange = sum(s in ("aandacht", "vertraagd") for s in statuses.values())
    assert f"1. Rode en oranje projecten ({fmt.number(red_orange)})" in heads
    assert not at.get("vega_lite_chart") and not static_charts(at)  # the closed tabs are not built
    open_tab(at, "sg_tab", "Wat is er veranderd")
    heads = subheaders(at)
    assert f"Statuswijzigingen ({fmt.number(len(transitions))})" in heads
    # The status-change table lists exactly those projects.
    table = html_tables(at)["Statuswijzigingen"]
    assert set(table["Project"]) == set(transitions)
    # Charts: changes per wijk (Kolenkit has the most) and the projects per status, each with a title and alt text.
    per_wijk = static_chart(at, "Wijzigingen per wijk")
    drawn = {r["Wijk"]: int(r["Wijzigingen"]) for r in per_wijk.marks("bar").to_dict("records")}
    assert max(drawn, key=drawn.get) == "Kolenkit"
    assert per_wijk.labels() == [str(n) for n in drawn.values()]  # the count beside every bar
    assert per_wijk.alt.startswith("Staafdiagram: aantal wijzigingen per wijk tussen ")
    by_status = static_chart(at, "Projecten naar status").marks("bar")
    by_status = dict(zip(by_status["status"], by_status["Aantal"].astype(int), strict=True))
    assert by_status == {s: sum(v == s for v in statuses.values()) for s in by_status}
    open_tab(at, "sg_tab", "Stuurgroeppakket en rapportages")
    labels = [b.label for b in at.get("download_button")]
    assert labels == [
        "Stuurgroeppakket (PDF)",
        "Werkmap (Excel)",
        "Tabellen (CSV, zip)",
        "Voortgangsrapportage (PDF)",
    ]


def test_record_a_meeting_and_a_decision(writable_app):
    at, url = writable_app
    open_page(at, "HAARLEM-WC", "2009-01-07")
    assert not at.text_area  # no log before the meeting is recorded
    next(b for b in at.button if b.label == "Vergadering vastleggen").click()
    at.run()
    no_exceptions(at)
    stored = meetings.meetings(get_engine(url))
    assert list(stored["meeting_date"].dt.date) == [dt.date(2009, 1, 7)]
    assert list(stored["previous_date"].dt.date) == [dt.date(2008, 12, 31)]
    assert stored.iloc[0]["snapshot"]
    assert any("beeld zoals vastgelegd" in s.value for s in at.success)

    open_tab(at, "sg_tab", "Besluiten en acties")
    at.radio[0].set_value("actie")
    at.text_area[0].input("Planning Raaks herzien met Stadszaken")
    next(b for b in at.button if b.label == "Noteren").click()
    at.run()
    no_exceptions(at)
    items = meetings.meeting_items(get_engine(url))
    assert list(items["text"]) == ["Planning Raaks herzien met Stadszaken"]
    assert list(items["kind"]) == ["actie"] and list(items["status"]) == ["open"]
    assert any("Punt 1 (actie) is genoteerd" in s.value for s in at.success)
    log = next(df for df in table_frames(at) if "Soort" in df.columns and "Tekst" in df.columns)
    assert list(log["Tekst"]) == ["Planning Raaks herzien met Stadszaken"]

    # The next meeting carries the open action; closing it there records the closing date.
    at.date_input(key="sg_meeting_date").set_value(dt.date(2009, 1, 14))
    at.run()
    assert "Openstaande acties uit eerdere vergaderingen (1)" in subheaders(at)  # the open tab stays open
    open_tab(at, "sg_tab", "Agenda")
    assert "6. Openstaande acties uit eerdere vergaderingen (1)" in subheaders(at)
    open_tab(at, "sg_tab", "Besluiten en acties")
    next(b for b in at.button if b.label == "Vergadering vastleggen").click()
    at.run()
    next(b for b in at.button if b.label.startswith("Afronden per")).click()
    at.run()
    no_exceptions(at)
    items = meetings.meeting_items(get_engine(url))
    assert list(items["status"]) == ["afgerond"] and items.iloc[0]["closed_date"].date() == dt.date(2009, 1, 14)


def test_reopen_a_meeting_as_it_was(writable_app):
    at, url = writable_app
    open_page(at, "HAARLEM-WC", "2009-01-07")
    next(b for b in at.button if b.label == "Vergadering vastleggen").click()
    at.run()
    before = metrics(at)
    # Later, a correction is entered with a date before the meeting: the live figures change.
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.execute(
            insert(StatusUpdate).values(
                project_code="HLM-CENTRUM-01",
                update_date=dt.date(2009, 1, 6),
                status="vertraagd",
                progress=40,
                oorzaak="Vergunning geweigerd",
                gevolg="Start schuift op",
                maatregel="Nieuwe aanvraag",
            )
        )
        bump(conn)
    forget_recent(engine)  # as every write function does after its commit
    fresh, _ = writable_app
    open_page(fresh, "HAARLEM-WC", "2009-10-01", vergadering="2009-01-07")
    assert any("sindsdien gewijzigd" in w.value for w in fresh.warning)
    assert metrics(fresh)["Vertraagd (rood)"] == before["Vertraagd (rood)"]  # as it was
    fresh.toggle[0].set_value(True)
    fresh.run()
    assert int(metrics(fresh)["Vertraagd (rood)"]) == int(before["Vertraagd (rood)"]) + 1  # the current data


def test_a_viewer_sees_no_recording_controls(app, monkeypatch):
    from data_access.access import Actor

    monkeypatch.setattr("ui.auth.current_actor", lambda: Actor("k@example.org", "Kijker", "kijker"))
    at = open_page(app, "HAARLEM-WC", "2009-01-07")
    assert "Vergadering vastleggen" not in [b.label for b in at.button]
    open_tab(at, "sg_tab", "Besluiten en acties")
    assert "Noteren" not in [b.label for b in at.button] and not at.text_area
    assert any("Leg de vergadering eerst vast" in i.value for i in at.info)
