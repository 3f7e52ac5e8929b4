"""Reads of one programme's rows return exactly the whole read's rows of that programme, on both databases."""

import pandas as pd
import pytest

from data_access import queries
from data_access.seeding import seed_folder
from ui.data import PROGRAMME_READS


@pytest.fixture
def seeded(engine, sample_dir):
    seed_folder(engine, sample_dir)
    return engine


def _expected(name: str, whole: pd.DataFrame, engine, programme: str) -> pd.DataFrame:
    """The rows of `whole` that belong to `programme`, selected in pandas from other reads."""
    if name == "measurements":
        city = queries.programmes(engine).set_index("code").loc[programme, "city"]
        keep = whole["city"] == city
    elif "programme_code" in whole.columns:
        keep = whole["programme_code"] == programme
    else:
        projects = queries.projects(engine)
        keep = whole["project_code"].isin(projects.loc[projects["programme_code"] == programme, "code"])
    return whole[keep].reset_index(drop=True)


@pytest.mark.parametrize("name", sorted(PROGRAMME_READS))
def test_programme_read_equals_filtered_whole_read(seeded, name):
    read = getattr(queries, name)
    whole = read(seeded)
    programmes = list(queries.programmes(seeded)["code"])
    assert len(programmes) == 2
    seen = 0
    for programme in programmes:
        scoped = read(seeded, programme=programme)
        assert len(scoped) > 0, (name, programme)
        pd.testing.assert_frame_equal(scoped, _expected(name, whole, seeded, programme))
        seen += len(scoped)
    assert seen == len(whole)  # every row belongs to exactly one programme in the sample


def test_unknown_programme_reads_nothing(seeded):
    for name in PROGRAMME_READS:
        assert getattr(queries, name)(seeded, programme="BESTAAT-NIET").empty


def test_status_updates_until_and_programme_combine(seeded):
    programme = queries.programmes(seeded)["code"].iloc[0]
    until = pd.Timestamp("2008-06-30").date()
    both = queries.status_updates(seeded, until=until, programme=programme)
    scoped = queries.status_updates(seeded, programme=programme)
    expected = scoped[scoped["update_date"] <= pd.Timestamp(until)].reset_index(drop=True)
    assert 0 < len(both) < len(scoped)
    pd.testing.assert_frame_equal(both, expected)


def test_editable_frame_of_matching_rows_only(seeded):
    from data_access.edits import editable_frame

    whole = editable_frame(seeded, "measurement")
    city_rows = whole[whole["wijk_code"].isna()]
    first = city_rows.iloc[0]
    where = {"indicator_code": first["indicator_code"], "year": first["year"], "city": first["city"], "wijk_code": None}
    one = editable_frame(seeded, "measurement", where=where)
    assert len(one) == 1 and one.iloc[0]["value"] == first["value"] and one.iloc[0]["version"] == first["version"]

    project = editable_frame(seeded, "milestone")["project_code"].iloc[0]
    own = editable_frame(seeded, "milestone", where={"project_code": project})
    expected = editable_frame(seeded, "milestone").query("project_code == @project").reset_index(drop=True)
    pd.testing.assert_frame_equal(own, expected)
    assert editable_frame(seeded, "milestone", where={"project_code": "BESTAAT-NIET"}).empty


def test_programme_totals_count_and_sum_the_projects(seeded):
    projects = queries.projects(seeded)
    totals = queries.programme_totals(seeded).set_index("programme_code")
    assert set(totals.index) == set(projects["programme_code"])
    for programme, group in projects.groupby("programme_code"):
        assert totals.loc[programme, "projects"] == len(group)
        assert totals.loc[programme, "budget"] == pytest.approx(group["budget"].sum(), abs=0.005)
