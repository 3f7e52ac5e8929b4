import datetime as dt

import pandas as pd

from domain.planning import (
    PlanningFilter,
    attention_lists,
    collapsed_groups,
    filter_projects,
    gantt_rows,
    page_count,
    page_of,
    unique_labels,
)


def projects():
    return pd.DataFrame(
        {
            "code": ["A", "B", "C", "D"],
            "title": ["Speeltuin", "Renovatie", "Speeltuin", "Schoolplein"],
            "theme": ["leefbaarheid", "wonen", "leefbaarheid", "leren"],
            "wijk_code": ["W1", "W1", "W2", "W2"],
            "wijk_name": ["Noord", "Noord", "Zuid", "Zuid"],
            "lead_partner_code": ["GEM", "CORP", "GEM", "SCHOOL"],
            "start_date": pd.to_datetime(["2008-01-01", "2008-06-01", "2009-01-01", "2007-01-01"]),
            "end_date": pd.to_datetime(["2008-12-31", "2009-12-31", "2009-06-30", "2007-12-31"]),
            "status": ["vertraagd", "op schema", "niet gestart", "afgerond"],
            "stale": [True, False, False, False],
            "overdue": [True, False, False, False],
            "days_since_update": [60, 3, 0, 0],
        }
    )


PARTNERS = pd.DataFrame({"project_code": ["A", "B", "B"], "partner_code": ["GEM", "CORP", "GEM"]})


def codes(frame):
    return sorted(frame["code"])


def test_filters_combine():
    p = projects()
    assert codes(filter_projects(p, PARTNERS, PlanningFilter())) == ["A", "B", "C", "D"]
    assert codes(filter_projects(p, PARTNERS, PlanningFilter(themes=("leefbaarheid",)))) == ["A", "C"]
    # A partner matches projects it leads or contributes to.
    assert codes(filter_projects(p, PARTNERS, PlanningFilter(partners=("GEM",)))) == ["A", "B", "C"]
    assert codes(filter_projects(p, PARTNERS, PlanningFilter(partners=("GEM",), statuses=("op schema",)))) == ["B"]
    assert codes(filter_projects(p, PARTNERS, PlanningFilter(wijk_code="W2"))) == ["C", "D"]


def test_period_keeps_overlapping_projects():
    p = projects()
    f = PlanningFilter(period_start=dt.date(2009, 1, 1), period_end=dt.date(2009, 3, 31))
    assert codes(filter_projects(p, PARTNERS, f)) == ["B", "C"]
    assert codes(filter_projects(p, PARTNERS, PlanningFilter(period_end=dt.date(2007, 6, 1)))) == ["D"]


def test_attention_lists():
    p = projects()
    milestones = pd.DataFrame(
        {
            "project_code": ["A", "A", "B", "X"],
            "title": ["Ontwerp", "Oplevering", "Start bouw", "Niet van ons"],
            "due_date": pd.to_datetime(["2008-05-01", "2008-10-01", "2008-11-20", "2008-11-01"]),
            "done_date": pd.to_datetime([None, None, None, None]),
        }
    )
    lists = attention_lists(p, milestones, dt.date(2008, 11, 1))
    assert list(lists.overdue_milestones["milestone"]) == ["Ontwerp", "Oplevering"]
    assert list(lists.due_soon["milestone"]) == ["Start bouw"]
    assert list(lists.overdue_milestones["project_title"]) == ["Speeltuin", "Speeltuin"]
    assert codes(lists.past_end) == ["A"] and codes(lists.stale) == ["A"]


def test_gantt_rows_grouping_and_labels():
    p = projects()
    by_wijk = gantt_rows(p, "wijk")
    assert list(by_wijk["code"]) == ["A", "B", "D", "C"]  # by group, then start date
    assert list(unique_labels(by_wijk, "wijk")) == ["Speeltuin", "Renovatie", "Schoolplein", "Speeltuin"]
    by_theme = gantt_rows(p, "thema")
    labels = dict(zip(by_theme["code"], unique_labels(by_theme, "thema"), strict=True))
    assert labels["A"] == "Speeltuin (Noord)" and labels["C"] == "Speeltuin (Zuid)"
    twins = p.assign(wijk_name="Noord")
    twin_labels = unique_labels(gantt_rows(twins, "thema"), "thema")
    assert "Speeltuin (Noord) [A]" in set(twin_labels) and "Speeltuin (Noord) [C]" in set(twin_labels)


def test_paging():
    rows = gantt_rows(projects(), "wijk")
    assert page_count(0, 40) == 1 and page_count(40, 40) == 1 and page_count(41, 40) == 2
    assert list(page_of(rows, 2, 3)["code"]) == ["C"]


def test_collapsed_groups_use_the_rollup():
    groups = collapsed_groups(gantt_rows(projects(), "wijk")).set_index("group")
    assert groups.loc["Noord", "status"] == "vertraagd"
    assert groups.loc["Zuid", "status"] == "niet gestart"
    assert groups.loc["Zuid", "start_date"] == pd.Timestamp("2007-01-01")
    assert groups.loc["Noord", "projects"] == 2
