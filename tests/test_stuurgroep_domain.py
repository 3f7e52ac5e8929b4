"""Changes since the previous meeting, the agenda and the meeting pack: hand-built cases and the sample data."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from data_access import meetings, queries
from data_access.engine import get_engine
from domain.agenda import open_actions, red_orange_projects
from domain.changes import (
    budget_changes,
    by_partner,
    by_wijk,
    changes_since,
    charter_changes,
    explanation_changes,
    milestone_changes,
    new_measurements,
    programme_frames,
    status_changes,
)
from domain.meeting_pack import MeetingPack, build_pack, default_previous_date
from tests.sample_facts import project_rows, rows, statuses_on

D = dt.date
T = pd.Timestamp


def projects_frame(*codes: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": list(codes),
            "title": [f"Project {c}" for c in codes],
            "wijk_code": ["W1"] * len(codes),
            "wijk_name": ["Wijk een"] * len(codes),
            "lead_partner_code": ["P1"] * len(codes),
            "lead_partner_name": ["Partner een"] * len(codes),
            "start_date": [T("2009-01-01")] * len(codes),
            "end_date": [T("2010-12-31")] * len(codes),
        }
    )


def updates_frame(*rows_: tuple) -> pd.DataFrame:
    """Rows of (project, date, status) or (project, date, status, oorzaak, gevolg, maatregel)."""
    records = []
    for r in rows_:
        texts = r[3:] if len(r) > 3 else (None, None, None)
        records.append(
            {
                "project_code": r[0],
                "update_date": T(r[1]),
                "status": r[2],
                "progress": 10,
                "oorzaak": texts[0],
                "gevolg": texts[1],
                "maatregel": texts[2],
            }
        )
    return pd.DataFrame(records)


PREV, MEET = D(2009, 3, 2), D(2009, 3, 9)


# ---------------------------------------------------------------- status transitions


def test_no_change_lists_nothing():
    projects = projects_frame("A", "B")
    updates = updates_frame(
        ("A", "2009-02-20", "op schema"),
        ("A", "2009-03-05", "op schema"),  # an update in the window, same status
        ("B", "2009-02-20", "aandacht", "x", "y", "z"),
    )
    out = status_changes(projects, updates, PREV, MEET)
    assert out.empty
    assert list(out.columns)[:3] == ["project_code", "project_title", "wijk_code"]


def test_several_changes_in_one_week_show_the_path_and_the_net_change():
    projects = projects_frame("A")
    updates = updates_frame(
        ("A", "2009-02-20", "op schema"),
        ("A", "2009-03-03", "aandacht", "o", "g", "m"),
        ("A", "2009-03-05", "vertraagd", "o", "g", "m2"),
    )
    out = status_changes(projects, updates, PREV, MEET)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["from_status"], row["to_status"]) == ("op schema", "vertraagd")
    assert row["path"] == "op schema → aandacht → vertraagd"
    assert row["steps"] == 2 and bool(row["net_change"])
    assert row["changed_on"] == T("2009-03-05")


def test_change_then_change_back_is_listed_without_net_change():
    """Decision: listed once with its path, marked as no net change, and not counted as a change."""
    projects = projects_frame("A", "B")
    updates = updates_frame(
        ("A", "2009-02-20", "op schema"),
        ("A", "2009-03-03", "aandacht", "o", "g", "m"),
        ("A", "2009-03-06", "op schema"),
        ("B", "2009-02-20", "op schema"),
        ("B", "2009-03-04", "aandacht", "o", "g", "m"),
    )
    out = status_changes(projects, updates, PREV, MEET).set_index("project_code")
    assert out.loc["A", "path"] == "op schema → aandacht → op schema"
    assert not bool(out.loc["A", "net_change"])
    assert bool(out.loc["B", "net_change"])
    frames = minimal_frames(projects, updates)
    assert changes_since(frames, PREV, MEET).net_status_changes == 1


def test_window_excludes_the_previous_date_and_includes_the_meeting_date():
    projects = projects_frame("A", "B", "C")
    updates = updates_frame(
        ("A", "2009-03-02", "aandacht", "o", "g", "m"),  # on the previous date: known then
        ("B", "2009-03-09", "vertraagd", "o", "g", "m"),  # on the meeting date: new
        ("C", "2009-03-10", "aandacht", "o", "g", "m"),  # after the meeting: not yet known
    )
    out = status_changes(projects, updates, PREV, MEET)
    assert list(out["project_code"]) == ["B"]
    assert out.iloc[0]["from_status"] == "niet gestart"  # no update before: niet gestart


def test_explanations_new_and_changed_but_not_repeated():
    projects = projects_frame("A", "B", "C")
    updates = updates_frame(
        ("A", "2009-02-20", "op schema"),
        ("A", "2009-03-03", "aandacht", "cofinanciering laat", "drie weken later", "overleg stadsdeel"),
        ("B", "2009-02-20", "aandacht", "o", "g", "m"),
        ("B", "2009-03-04", "aandacht", "o", "g", "m"),  # unchanged: not listed
        ("C", "2009-02-20", "vertraagd", "o", "g", "m"),
        ("C", "2009-03-04", "vertraagd", "o", "g", "nieuwe maatregel"),
    )
    out = explanation_changes(projects, updates, PREV, MEET).set_index("project_code")
    assert sorted(out.index) == ["A", "C"]
    assert out.loc["A", "kind"] == "nieuw" and out.loc["A", "oorzaak"] == "cofinanciering laat"
    assert out.loc["C", "kind"] == "gewijzigd" and out.loc["C", "maatregel"] == "nieuwe maatregel"


def test_milestones_completed_and_missed_in_the_window():
    projects = projects_frame("A")
    ms = pd.DataFrame(
        {
            "project_code": ["A"] * 5,
            "title": ["op tijd", "te laat gehaald", "gemist", "al eerder gemist", "later gehaald"],
            "due_date": [T("2009-03-05"), T("2009-02-25"), T("2009-03-04"), T("2009-02-20"), T("2009-03-03")],
            "done_date": [T("2009-03-04"), T("2009-03-06"), pd.NaT, pd.NaT, T("2009-03-20")],
        }
    )
    completed, missed = milestone_changes(projects, ms, PREV, MEET)
    assert dict(zip(completed["milestone"], completed["late"], strict=True)) == {
        "op tijd": False,
        "te laat gehaald": True,
    }
    assert sorted(missed["milestone"]) == ["gemist", "later gehaald"]
    # A completion after the meeting was not known at the meeting.
    assert missed.set_index("milestone").loc["later gehaald", "done_date"] is pd.NaT


def test_new_measurements_only_when_the_window_crosses_a_new_year():
    wijken = pd.DataFrame({"code": ["W1"], "name": ["Wijk een"]})
    indicators = pd.DataFrame({"code": ["I"], "name": ["Indicator"], "unit": ["%"]})
    m = pd.DataFrame({"indicator_code": ["I", "I"], "wijk_code": ["W1", "W1"], "year": [2009, 2010], "value": [1.0, 2]})
    assert new_measurements(wijken, indicators, m, PREV, MEET).empty
    out = new_measurements(wijken, indicators, m, D(2009, 12, 28), D(2010, 1, 4))
    assert list(out["year"]) == [2010]


def test_budget_decisions_and_audited_edits():
    wijken = pd.DataFrame({"code": ["W1"], "name": ["Wijk een"]})
    allocations = pd.DataFrame(
        {
            "code": ["A1", "A2", "A3", "A4"],
            "wijk_code": ["W1", "W1", None, "W1"],
            "category": ["bewonersinitiatief", "bewonersinitiatief", "algemene kosten", "bewonersinitiatief"],
            "title": ["Speeltuin", "Buurtfeest", "Folder", "Later"],
            "requested": [5000.0, 3000.0, 2000.0, 1000.0],
            "approved": [5000.0, 1500.0, 0.0, 1000.0],
            "decision_date": [T("2009-03-03"), T("2009-03-09"), T("2009-03-05"), T("2009-03-10")],
        }
    )
    audit = pd.DataFrame(
        {
            "at": [T("2009-03-04 10:00"), T("2009-03-04 11:00")],
            "actor": ["a@example.org"] * 2,
            "action": ["update"] * 2,
            "table_name": ["budget_allocation"] * 2,
            "row_key": ["A1", "OTHER-PROGRAMME"],
            "old_values": [json.dumps({"spent": "0.00"}), json.dumps({"spent": "1"})],
            "new_values": [json.dumps({"spent": "2500.00"}), json.dumps({"spent": "2"})],
        }
    )
    out = budget_changes(allocations, wijken, audit, PREV, MEET)
    assert list(out["change"]) == [
        "besluit: toegekend",
        "gewijzigd: spent: 0.00 → 2500.00",
        "besluit: afgewezen",
        "besluit: deels toegekend",
    ]
    assert list(out["code"]) == ["A1", "A1", "A3", "A2"]


def test_charter_status_changes_come_from_the_audit_log():
    charter = pd.DataFrame(
        {
            "programme_code": ["P"] * 2,
            "number": [1, 2],
            "theme": ["wonen", "werken"],
            "text": ["Afspraak een", "Afspraak twee"],
            "party": ["rijk", "gemeente"],
            "status": ["vertraagd", "in uitvoering"],
            "due_date": [T("2010-01-01"), pd.NaT],
        }
    )
    partners = pd.DataFrame({"programme_code": ["P"], "number": [1], "partner_code": ["BZK"], "partner_name": ["BZK"]})

    def audit_row(key, old, new, at="2009-03-05 09:00", table="charter_agreement"):
        return {
            "at": T(at),
            "actor": "x",
            "action": "update",
            "table_name": table,
            "row_key": key,
            "old_values": json.dumps(old),
            "new_values": json.dumps(new),
        }

    audit = pd.DataFrame(
        [
            audit_row("P/1", {"status": "in uitvoering"}, {"status": "vertraagd"}),
            audit_row("P/2", {"text": "oud"}, {"text": "nieuw"}),  # no status change
            audit_row("Q/1", {"status": "niet gestart"}, {"status": "afgerond"}),  # another programme
            audit_row("P/2", {"status": "niet gestart"}, {"status": "in uitvoering"}, at="2009-03-10 08:00"),  # later
            audit_row(
                "x",
                {"programme_code": "P", "number": 2, "status": "a"},
                {"programme_code": "P", "number": 2, "status": "b"},
            ),
        ]
    )
    out = charter_changes(charter, partners, audit, PREV, MEET)
    assert list(zip(out["number"], out["status_before"], out["status_after"], strict=True)) == [
        (1, "in uitvoering", "vertraagd"),
        (2, "a", "b"),
    ]
    assert out.iloc[0]["partner_names"] == "BZK"


# ---------------------------------------------------------------- agenda and pack


def item_rows(*rows_: tuple) -> pd.DataFrame:
    """(meeting, number, kind, closed_date or None, due_date or None)."""
    return pd.DataFrame(
        [
            {
                "programme_code": "P",
                "meeting_date": T(m),
                "number": n,
                "kind": k,
                "text": f"punt {n}",
                "owner_partner_code": None,
                "due_date": T(due) if due else pd.NaT,
                "project_code": None,
                "wijk_code": None,
                "status": "afgerond" if closed else "open",
                "closed_date": T(closed) if closed else pd.NaT,
                "version": 1,
            }
            for m, n, k, closed, due in rows_
        ]
    )


def test_open_actions_carry_over_until_closed():
    items = item_rows(
        ("2009-02-23", 1, "actie", None, "2009-03-01"),  # open, overdue
        ("2009-02-23", 2, "actie", "2009-03-02", None),  # closed before the meeting
        ("2009-02-23", 3, "actie", "2009-03-09", None),  # closed in this meeting
        ("2009-02-23", 4, "actie", "2009-03-16", "2009-04-01"),  # closed later: open at this meeting
        ("2009-02-23", 5, "besluit", "2009-02-23", None),  # decisions are not carried
        ("2009-03-09", 1, "actie", None, None),  # recorded in this meeting itself
    )
    out = open_actions(items, MEET)
    assert list(out["number"]) == [1, 3, 4]
    assert dict(zip(out["number"], out["status"], strict=True)) == {1: "open", 3: "afgerond", 4: "open"}
    assert dict(zip(out["number"], out["overdue"], strict=True)) == {1: True, 3: False, 4: False}
    assert out.set_index("number").loc[4, "closed_date"] is pd.NaT  # the later closing was not known yet


def test_red_orange_first_red_then_since_the_start_of_the_run():
    projects = projects_frame("A", "B", "C")
    updates = updates_frame(
        ("A", "2009-01-10", "aandacht", "o", "g", "m"),
        ("A", "2009-02-10", "aandacht", "o", "g", "m2"),
        ("B", "2009-01-10", "op schema"),
        ("B", "2009-02-15", "vertraagd", "o", "g", "m"),
        ("C", "2009-01-10", "op schema"),
    )
    out = red_orange_projects(projects, updates, MEET)
    assert list(out["project_code"]) == ["B", "A"]
    assert out.set_index("project_code").loc["A", "since"] == T("2009-01-10")
    assert out.set_index("project_code").loc["A", "maatregel"] == "m2"


def test_default_previous_date():
    assert default_previous_date([], MEET) == D(2009, 3, 2)
    assert default_previous_date([D(2009, 2, 1), D(2009, 2, 23), D(2009, 3, 16)], MEET) == D(2009, 2, 23)


def minimal_frames(projects: pd.DataFrame, updates: pd.DataFrame):
    from domain.changes import ProgrammeFrames

    empty = pd.DataFrame
    return ProgrammeFrames(
        projects=projects,
        updates=updates,
        milestones=empty(columns=["project_code", "title", "due_date", "done_date"]).astype(
            {"due_date": "datetime64[ns]", "done_date": "datetime64[ns]"}
        ),
        project_partners=empty(columns=["project_code", "partner_code", "partner_name", "amount", "is_lead"]),
        wijken=pd.DataFrame({"code": ["W1"], "name": ["Wijk een"]}),
        targets=empty(),
        indicators=pd.DataFrame({"code": ["I"], "name": ["I"], "unit": ["%"], "direction": ["lager"]}),
        measurements=empty(columns=["indicator_code", "wijk_code", "year", "value"]),
        allocations=empty(
            columns=["code", "wijk_code", "category", "title", "requested", "approved", "decision_date"]
        ).astype({"decision_date": "datetime64[ns]"}),
        charter=empty(),
        charter_partners=empty(columns=["programme_code", "number", "partner_code", "partner_name"]),
    )


# ---------------------------------------------------------------- the sample data


@pytest.fixture(scope="module")
def sample_read(sample_db_url):
    engine = get_engine(sample_db_url)
    cache: dict[str, pd.DataFrame] = {}

    def read(name: str) -> pd.DataFrame:
        if name not in cache:
            fn = getattr(meetings, name, None) if name == "audit_changes" else getattr(queries, name)
            cache[name] = fn(engine)
        return cache[name].copy()

    return read


def frames_for(read, code: str):
    programme = next(p for p in rows("programme") if p["code"] == code)
    return programme_frames(read, code, programme["city"]), programme


def expected_transitions(code: str, previous: dt.date, meeting: dt.date) -> dict[str, tuple[str, str, int]]:
    """Independently from the CSVs: per project (from, to, steps) for projects that changed in the window."""
    before = statuses_on(code, previous)
    projects = project_rows(code)
    window = sorted(
        (u["project_code"], u["update_date"], u["status"])
        for u in rows("status_update")
        if u["project_code"] in projects and previous.isoformat() < u["update_date"] <= meeting.isoformat()
    )
    out: dict[str, tuple[str, str, int]] = {}
    for project in sorted({w[0] for w in window}):
        path = [before[project]]
        for _, _, status in (w for w in window if w[0] == project):
            if status != path[-1]:
                path.append(status)
        if len(path) > 1:
            out[project] = (path[0], path[-1], len(path) - 1)
    return out


WINDOWS = [
    ("AMSTERDAM-WA", D(2010, 3, 5), D(2010, 3, 12)),  # Kolenkit: three projects to aandacht in one week
    ("AMSTERDAM-WA", D(2010, 4, 30), D(2010, 5, 7)),  # and back in week 18
    ("AMSTERDAM-WA", D(2011, 12, 9), D(2011, 12, 16)),
    ("HAARLEM-WC", D(2008, 6, 23), D(2008, 6, 30)),
    ("HAARLEM-WC", D(2009, 5, 1), D(2009, 6, 30)),
]


@pytest.mark.parametrize(("code", "previous", "meeting"), WINDOWS)
def test_sample_transitions_match_the_csvs(sample_read, code, previous, meeting):
    frames, _ = frames_for(sample_read, code)
    out = status_changes(frames.projects, frames.updates, previous, meeting)
    shown = {r.project_code: (r.from_status, r.to_status, r.steps) for r in out.itertuples(index=False)}
    expected = expected_transitions(code, previous, meeting)
    assert expected, "the window should hold transitions"
    assert shown == expected


def test_kolenkit_week_in_the_sample(sample_read):
    frames, _ = frames_for(sample_read, "AMSTERDAM-WA")
    out = status_changes(frames.projects, frames.updates, D(2010, 3, 5), D(2010, 3, 12)).set_index("project_code")
    for code in ("AMS-KOLENKIT-01", "AMS-KOLENKIT-02", "AMS-KOLENKIT-03"):
        assert (out.loc[code, "from_status"], out.loc[code, "to_status"]) == ("op schema", "aandacht")
    summary = by_wijk(changes_since(frames, D(2010, 3, 5), D(2010, 3, 12)), frames.wijken).set_index("wijk_code")
    assert summary.loc["AMS-KOLENKIT", "status"] >= 3


def test_sample_milestones_match_the_csvs(sample_read):
    code, previous, meeting = "HAARLEM-WC", D(2008, 12, 24), D(2009, 1, 7)
    frames, _ = frames_for(sample_read, code)
    completed, missed = milestone_changes(frames.projects, frames.milestones, previous, meeting)
    projects = project_rows(code)
    p, m = previous.isoformat(), meeting.isoformat()
    ms = [x for x in rows("milestone") if x["project_code"] in projects]
    done = {(x["project_code"], x["title"]) for x in ms if x["done_date"] and p < x["done_date"] <= m}
    gone = {
        (x["project_code"], x["title"])
        for x in ms
        if p <= x["due_date"] < m and not (x["done_date"] and x["done_date"] <= m)
    }
    assert set(zip(completed["project_code"], completed["milestone"], strict=True)) == done
    assert set(zip(missed["project_code"], missed["milestone"], strict=True)) == gone
    assert done and gone


def test_sample_partner_summary_counts_lead_and_contributors(sample_read):
    frames, _ = frames_for(sample_read, "AMSTERDAM-WA")
    ch = changes_since(frames, D(2010, 3, 5), D(2010, 3, 12))
    out = by_partner(ch, frames.project_partners, frames.projects).set_index("partner_code")
    links = {(pp["project_code"], pp["partner_code"]) for pp in rows("project_partner")}
    links |= {(p["code"], p["lead_partner_code"]) for p in rows("project")}
    changed = set(ch.status["project_code"])
    expected: dict[str, int] = {}
    for project, partner in links:
        if project in changed:
            expected[partner] = expected.get(partner, 0) + 1
    assert out["status"].to_dict() == {k: v for k, v in expected.items() if k in out.index}
    assert set(expected) == set(out[out["status"] > 0].index)


def test_pack_round_trip_keeps_tables_and_fingerprint(sample_read):
    frames, programme = frames_for(sample_read, "HAARLEM-WC")
    info = {"code": "HAARLEM-WC", "name": programme["name"], "city": programme["city"], "central_budget": 250000.0}
    items = item_rows(("2009-01-01", 1, "actie", None, None))
    pack = build_pack(frames, items, info, D(2008, 12, 24), D(2009, 1, 7))
    again = MeetingPack.from_json(pack.to_json())
    assert again.stored_fingerprint == pack.fingerprint()
    assert again.fingerprint() == pack.fingerprint()  # stable through storage
    assert again.headline == pack.headline
    assert set(again.tables) == set(pack.tables)
    for name, frame in pack.tables.items():
        assert list(again.tables[name].columns) == list(frame.columns), name
        assert len(again.tables[name]) == len(frame), name
    assert again.tables["milestones_missed"]["due_date"].dtype.kind == "M"
    # The open actions do not count for "data changed since": closing one later is not a data change.
    rebuilt = build_pack(
        frames, items.assign(status="afgerond", closed_date=T("2009-01-07")), info, D(2008, 12, 24), D(2009, 1, 7)
    )
    assert rebuilt.fingerprint() == pack.fingerprint()
    assert pack.headline["open_actions"] == 1
    statuses = statuses_on("HAARLEM-WC", D(2009, 1, 7))
    assert pack.headline["red"] == sum(s == "vertraagd" for s in statuses.values())
    assert pack.headline["orange"] == sum(s == "aandacht" for s in statuses.values())
    assert pack.headline["projects"] == len(statuses)
