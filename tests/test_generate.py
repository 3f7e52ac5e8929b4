"""The scale-data generator: valid against the CSV rules, loadable, deterministic, sized as documented."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path

import pytest

from benchmarks.generate import COLUMNS, FIRST_YEAR, INDICATORS, LAST_YEAR, PROJECTS_PER_WIJK, counts, generate
from benchmarks.pages import dashboard_pages
from data_access.csv_spec import BY_NAME, TABLES
from data_access.csv_validation import read_folder
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head
from data_access.seeding import row_counts, seed_folder
from tests.apptest_helpers import no_exceptions, open_every_lazy_tab
from tests.conftest import APP_PATH


def _rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scale") / "s02"
    generate(0.2, out, seed=7)
    return out


def test_every_sample_file_is_written_with_the_sample_header(small, sample_dir):
    for path in sorted(sample_dir.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            header = f.readline()
        assert (small / path.name).read_text(encoding="utf-8").splitlines()[0] == header.rstrip("\n")
    assert {p.name for p in small.glob("*.csv")} == {spec.filename for spec in TABLES}
    for table, columns in COLUMNS.items():
        assert tuple(columns.split()) == BY_NAME[table].column_names


def test_passes_the_csv_check_and_seeds_into_sqlite(small, tmp_path):
    _data, problems = read_folder(small)
    assert problems == []
    engine = get_engine(f"sqlite:///{tmp_path / 'g.sqlite'}")
    upgrade_to_head(engine)
    seed_folder(engine, small)
    loaded = row_counts(engine)
    for table in COLUMNS:
        assert loaded[table] == len(_rows(small, table)), table


def test_same_seed_gives_identical_files_and_another_seed_differs(small, tmp_path):
    again, other = tmp_path / "again", tmp_path / "other"
    generate(0.2, again, seed=7)
    generate(0.2, other, seed=8)
    names = sorted(p.name for p in small.glob("*.csv"))
    _match, mismatch, errors = filecmp.cmpfiles(small, again, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert not filecmp.cmp(small / "status_update.csv", other / "status_update.csv", shallow=False)


@pytest.mark.parametrize("scale", [0.2, 1, 2.5])
def test_counts_scale_as_documented(scale, tmp_path):
    written = generate(scale, tmp_path / "out")
    expected = counts(scale)
    folder = tmp_path / "out"
    assert expected["wijken"] == max(2, round(17 * scale))
    assert expected["cities"] == max(2, round(scale))
    assert written["programme"] == len(_rows(folder, "programme")) == expected["cities"]
    assert written["wijk"] == expected["wijken"]
    assert written["project"] == expected["wijken"] * PROJECTS_PER_WIJK
    years = LAST_YEAR - FIRST_YEAR + 1
    assert written["measurement"] == (expected["wijken"] + expected["cities"]) * len(INDICATORS) * years
    assert written["target"] == expected["targets"]
    # About ten status updates per project, each one with a known project.
    updates = _rows(folder, "status_update")
    projects = {r["code"] for r in _rows(folder, "project")}
    assert {u["project_code"] for u in updates} <= projects
    assert 6 * len(projects) <= len(updates) <= 14 * len(projects)


def test_status_rules_hold(small):
    updates = _rows(small, "status_update")
    explained = [u for u in updates if u["status"] in ("aandacht", "vertraagd")]
    assert explained, "the data should contain orange and red updates"
    assert all(u["oorzaak"] and u["gevolg"] and u["maatregel"] for u in explained)
    assert all(not u["oorzaak"] for u in updates if u["status"] not in ("aandacht", "vertraagd"))
    last: dict[str, tuple[str, int]] = {}
    for u in updates:  # written per project in date order: progress never falls, nothing after done/stopped
        previous = last.get(u["project_code"])
        if previous:
            assert previous[0] not in ("afgerond", "gestopt")
            assert int(u["progress"]) >= previous[1]
        last[u["project_code"]] = (u["status"], int(u["progress"]))


def test_city_averages_and_wijk_cities_agree(small):
    city_of = {w["code"]: w["city"] for w in _rows(small, "wijk")}
    programme_city = {p["code"]: p["city"] for p in _rows(small, "programme")}
    assert all(programme_city[w["programme_code"]] == w["city"] for w in _rows(small, "wijk"))
    measurements = _rows(small, "measurement")
    city_rows = [m for m in measurements if not m["wijk_code"]]
    assert {m["city"] for m in city_rows} == set(programme_city.values())
    assert all(city_of[m["wijk_code"]] == m["city"] for m in measurements if m["wijk_code"])
    # A target's baseline is the measurement in its baseline year.
    value = {(m["wijk_code"], m["indicator_code"], m["year"]): float(m["value"]) for m in measurements}
    for t in _rows(small, "target"):
        assert value[(t["wijk_code"], t["indicator_code"], t["baseline_year"])] == float(t["baseline_value"])


def test_every_page_runs_on_generated_data(small, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    url = f"sqlite:///{tmp_path / 'pages.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, small)
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(APP_PATH), default_timeout=120)
    at.run()
    no_exceptions(at)
    pages = dashboard_pages()
    assert len(pages) >= 5
    lazy = 0
    for page in pages:
        at.switch_page(page.path).run()
        no_exceptions(at)
        lazy += open_every_lazy_tab(at)  # tabs that are built only when opened
    assert lazy >= 6  # Stuurgroep's four, Wat als' two


def test_benchmarks_measure_pages_with_their_content(small, tmp_path, monkeypatch):
    """The benchmark's variants and load-test links lead to a wijk with targets and a programme with a charter:
    the pages then show content, not the prompt or notice they show on the default selection."""
    from streamlit.testing.v1 import AppTest

    from benchmarks.pages import measured_variants, session_links

    url = f"sqlite:///{tmp_path / 'variants.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, small)
    monkeypatch.setenv("DATABASE_URL", url)
    prompts = {
        "pages/wijkprofiel.py": "Kies een wijk",
        "pages/doelen.py": "Kies een wijk",
        "pages/charter.py": "geen charterafspraken",
    }
    for page in dashboard_pages():
        variants = measured_variants(engine, page)
        if page.path not in prompts:
            assert [v.params for v in variants] == [{}], page.title
            continue
        assert variants[-1].params, page.title
        at = AppTest.from_file(str(APP_PATH), default_timeout=120)
        at.query_params.update(variants[-1].params)
        at.run()
        at.switch_page(page.path).run()
        no_exceptions(at)
        shown = " ".join(e.value for e in [*at.markdown, *at.info])
        assert prompts[page.path] not in shown, page.title
    links = session_links(engine, 4)
    assert links[0::2] == ["", ""]
    wijken = {link.removeprefix("wijk=") for link in links[1::2]}
    assert len(wijken) == 2 and wijken <= {t["wijk_code"] for t in _rows(small, "target")}
    # With two app processes (session n on process n mod 2) each process gets both kinds of session.
    two = session_links(engine, 8, instances=2)
    assert len({link for link in two if link}) == 2  # another wijk for each next wijk session, in turn
    for instance in (0, 1):
        mine = two[instance::2]
        assert "" in mine and any(link.startswith("wijk=") for link in mine)
