import datetime as dt

import pandas as pd
import pytest

from domain.milestones import milestone_state
from domain.rollup import NO_PROJECTS, rollup, rollup_status


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], NO_PROJECTS),
        (["op schema", "vertraagd", "afgerond"], "vertraagd"),
        (["op schema", "aandacht"], "aandacht"),
        (["afgerond", "afgerond", "gestopt"], "afgerond"),
        (["gestopt"], "gestopt"),
        (["niet gestart", "niet gestart"], "niet gestart"),
        (["niet gestart", "afgerond"], "niet gestart"),
        (["op schema", "niet gestart"], "op schema"),
    ],
)
def test_rollup_status(statuses, expected):
    assert rollup_status(pd.Series(statuses, dtype=object)) == expected


def test_rollup_frame():
    projects = pd.DataFrame(
        {
            "wijk_code": ["A", "A", "A", "B"],
            "status": ["op schema", "vertraagd", "afgerond", "afgerond"],
            "stale": [True, False, False, False],
            "overdue": [False, True, False, False],
        }
    )
    out = rollup(projects, "wijk_code").set_index("wijk_code")
    assert out.loc["A", "status"] == "vertraagd" and out.loc["A", "red_orange_share"] == 0.5
    assert (out.loc["A", "stale"], out.loc["A", "overdue"], out.loc["A", "running"]) == (1, 1, 2)
    assert out.loc["B", "status"] == "afgerond" and out.loc["B", "red_orange_share"] == 0.0
    assert rollup(projects.iloc[0:0], "wijk_code").empty


def test_milestone_state_as_of_date():
    m = pd.DataFrame(
        {
            "due_date": pd.to_datetime(["2008-01-10", "2008-02-01", "2008-02-20", "2008-04-01", "2008-01-05"]),
            "done_date": pd.to_datetime(["2008-01-09", None, None, None, "2008-03-01"]),
        }
    )
    s = milestone_state(m, dt.date(2008, 2, 10))
    assert list(s["done"]) == [True, False, False, False, False]  # the last was done only later
    assert list(s["overdue"]) == [False, True, False, False, True]
    assert list(s["due_soon"]) == [False, False, True, False, False]
    assert list(s["days_late"]) == [0, 9, 0, 0, 36]
