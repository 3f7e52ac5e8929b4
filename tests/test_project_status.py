import datetime as dt

import pandas as pd

from domain.project_status import project_status, status_counts


def frames(updates):
    projects = pd.DataFrame(
        {
            "code": ["A", "B", "C", "D"],
            "start_date": pd.to_datetime(["2008-01-01", "2008-01-01", "2009-01-01", "2008-01-01"]),
            "end_date": pd.to_datetime(["2008-12-31", "2008-06-30", "2009-12-31", "2008-03-31"]),
        }
    )
    ups = pd.DataFrame(updates, columns=["project_code", "update_date", "status", "progress"])
    ups["update_date"] = pd.to_datetime(ups["update_date"])
    return projects, ups


UPDATES = [
    ("A", "2008-01-10", "op schema", 10),
    ("A", "2008-03-01", "aandacht", 30),
    ("A", "2008-05-01", "vertraagd", 40),
    ("B", "2008-02-01", "op schema", 50),
    ("D", "2008-01-05", "op schema", 10),
    ("D", "2008-03-20", "afgerond", 100),
]


def test_status_as_of_reference_date_uses_history():
    projects, ups = frames(UPDATES)
    early = project_status(projects, ups, dt.date(2008, 3, 15)).set_index("code")
    late = project_status(projects, ups, dt.date(2008, 5, 15)).set_index("code")
    assert early.loc["A", "status"] == "aandacht" and early.loc["A", "progress"] == 30
    assert late.loc["A", "status"] == "vertraagd" and late.loc["A", "progress"] == 40
    # Before its first update, a project is "niet gestart".
    assert project_status(projects, ups, dt.date(2008, 1, 5)).set_index("code").loc["A", "status"] == "niet gestart"


def test_stale_and_overdue():
    projects, ups = frames(UPDATES)
    st = project_status(projects, ups, dt.date(2008, 7, 15), rhythm_days=28).set_index("code")
    assert st.loc["A", "stale"]  # last update 1 May, 75 days
    assert st.loc["B", "stale"] and st.loc["B", "overdue"]  # ended 30 June, still "op schema"
    assert not st.loc["C", "stale"]  # not started yet, nothing expected
    assert not st.loc["D", "stale"] and not st.loc["D", "overdue"]  # finished
    assert st.loc["A", "days_since_update"] == 75


def test_started_project_without_any_update_is_stale():
    projects, ups = frames([])
    st = project_status(projects, ups, dt.date(2008, 3, 1), rhythm_days=28).set_index("code")
    assert st.loc["A", "status"] == "niet gestart"
    assert st.loc["A", "stale"]  # started 1 January, never reported
    assert not st.loc["C", "stale"]


def test_rhythm_is_a_setting():
    projects, ups = frames(UPDATES)
    st = project_status(projects, ups, dt.date(2008, 6, 1), rhythm_days=60).set_index("code")
    assert not st.loc["A", "stale"]  # 31 days < 60


def test_no_projects():
    projects, ups = frames([])
    out = project_status(projects.iloc[0:0], ups, dt.date(2008, 1, 1))
    assert out.empty
    assert status_counts(out["status"]).sum() == 0


def test_status_counts_keep_order_and_zeros():
    counts = status_counts(pd.Series(["afgerond", "op schema", "afgerond"]))
    assert list(counts.index) == ["niet gestart", "op schema", "aandacht", "vertraagd", "afgerond", "gestopt"]
    assert counts["afgerond"] == 2 and counts["gestopt"] == 0
