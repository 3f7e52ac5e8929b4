"""check and seed refuse broken input with file, line and column, and write nothing."""

from __future__ import annotations

import pytest

from data_access.csv_validation import read_folder
from data_access.seeding import LoadRefused, is_empty, row_counts, seed_folder
from tests.mini_data import MINI, write_mini


def problems_of(folder):
    return read_folder(folder)[1]


def test_mini_data_is_valid(tmp_path):
    data, problems = read_folder(write_mini(tmp_path))
    assert problems == []
    assert data.count("project_partner") == 3
    assert str(data.rows["project_partner"][1]["amount"]) == "2500.50"


def _broken(tmp_path, name, text):
    return write_mini(tmp_path, **{name.replace(".", "__"): text})


BROKEN = {
    "ragged row": (
        "wijk.csv",
        MINI["wijk.csv"] + "W3,P1,Oostbuurt,Teststad\n",
        ("wijk.csv", 4, None, "4 velden"),
    ),
    "wrong type": (
        "wijk.csv",
        MINI["wijk.csv"].replace(",1200,", ",twaalfhonderd,"),
        ("wijk.csv", 2, "population", "geen geheel getal"),
    ),
    "comma decimal": (
        "project_partner.csv",
        MINI["project_partner.csv"].replace("12500.00", '"12500,00"'),
        ("project_partner.csv", 2, "amount", "komma"),
    ),
    "bad date": (
        "project.csv",
        MINI["project.csv"].replace("2008-02-01", "1-2-2008"),
        ("project.csv", 2, "start_date", "JJJJ-MM-DD"),
    ),
    "duplicate key": (
        "partner.csv",
        MINI["partner.csv"] + "GEM,Gemeente Dubbel,gemeente\n",
        ("partner.csv", 4, "code", "dubbele sleutel"),
    ),
    "duplicate natural key": (
        "wijk.csv",
        MINI["wijk.csv"] + "W3,P1,Noordbuurt,Teststad,,pilotwijk,,,,\n",
        ("wijk.csv", 4, None, "dubbele sleutel (city=Teststad, name=Noordbuurt)"),
    ),
    "unknown reference": (
        "project.csv",
        MINI["project.csv"].replace("PR1,C1,", "PR1,C9,"),
        ("project.csv", 2, "contract_code", "'C9' bestaat niet in contract.csv"),
    ),
    "unknown wijk in measurement": (
        "measurement.csv",
        MINI["measurement.csv"] + "WERK,Teststad,ONBEKEND,2009,10.0\n",
        ("measurement.csv", 5, "wijk_code", "'ONBEKEND' bestaat niet in wijk.csv"),
    ),
    "truncated file (open quote)": (
        "project.csv",
        MINI["project.csv"] + 'PR3,C1,"Afgebroken tit',
        ("project.csv", 4, None, "afgebroken"),
    ),
    "truncated file (cut line)": (
        "status_update.csv",
        MINI["status_update.csv"] + "PR2,2008-05-01,op sch",
        ("status_update.csv", 5, None, "velden"),
    ),
    "required empty": (
        "project.csv",
        MINI["project.csv"].replace("Speeltuin", ""),
        ("project.csv", 2, "title", "verplicht veld is leeg"),
    ),
    "not allowed value": (
        "wijk.csv",
        MINI["wijk.csv"].replace("W2,P1,Zuidbuurt,Teststad,Zuid,pilotwijk", "W2,P1,Zuidbuurt,Teststad,Zuid,krachtwijk"),
        ("wijk.csv", 3, "kind", "geen toegestane waarde"),
    ),
    "negative amount": (
        "project_partner.csv",
        MINI["project_partner.csv"].replace("400000.00", "-5.00"),
        ("project_partner.csv", 4, "amount", "negatief"),
    ),
    "end before start": (
        "contract.csv",
        MINI["contract.csv"].replace("2009-12-31", "2007-12-31"),
        ("contract.csv", 2, "end_date", "ligt voor begindatum"),
    ),
    "progress out of range": (
        "status_update.csv",
        MINI["status_update.csv"].replace("op schema,5,", "op schema,105,"),
        ("status_update.csv", 4, "progress", "voortgang 105"),
    ),
    "red without explanation": (
        "status_update.csv",
        MINI["status_update.csv"].replace("PR2,2008-04-01,op schema", "PR2,2008-04-01,vertraagd"),
        ("status_update.csv", 4, "oorzaak", "verplicht"),
    ),
    "missing column": (
        "partner.csv",
        "code,name\nGEM,Gemeente Teststad\n",
        ("partner.csv", 1, "kind", "verplichte kolom ontbreekt"),
    ),
    "unknown column": (
        "partner.csv",
        "code,name,kind,extra\nGEM,Gemeente Teststad,gemeente,x\n",
        ("partner.csv", 1, "extra", "onbekende kolom"),
    ),
    "empty file": ("partner.csv", "", ("partner.csv", 1, None, "leeg")),
    "wrong city for wijk": (
        "measurement.csv",
        MINI["measurement.csv"].replace("WERK,Teststad,W1,2008", "WERK,Andere stad,W1,2008"),
        ("measurement.csv", 3, "city", "ligt in Teststad"),
    ),
    "too many decimals": (
        "project_partner.csv",
        MINI["project_partner.csv"].replace("2500.50", "2500.505"),
        ("project_partner.csv", 3, "amount", "twee decimalen"),
    ),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_broken_input_is_reported_precisely(tmp_path, case):
    name, text, (file, line, column, fragment) = BROKEN[case]
    problems = problems_of(_broken(tmp_path, name, text))
    matching = [p for p in problems if p.file == file and p.line == line and p.column == column]
    assert matching, f"no problem at {file}:{line}:{column}; got {[str(p) for p in problems]}"
    assert any(fragment in p.message or fragment in str(p) for p in matching), [str(p) for p in matching]
    # The message a user reads names all three.
    text_shown = str(matching[0])
    assert file in text_shown and (line is None or f"regel {line}" in text_shown)
    if column:
        assert f"kolom '{column}'" in text_shown


def test_not_utf8_names_line(tmp_path):
    folder = write_mini(tmp_path)
    (folder / "partner.csv").write_bytes("code,name,kind\nGEM,Gemeente Tést,gemeente\n".encode("latin-1"))
    [problem] = problems_of(folder)
    assert (problem.file, problem.line) == ("partner.csv", 2)
    assert "UTF-8" in problem.message


def test_unknown_and_missing_files(tmp_path):
    folder = write_mini(tmp_path, wijk__csv=None)
    (folder / "wijken.csv").write_text("x\n", encoding="utf-8")
    (folder / "README.md").write_text("ignored", encoding="utf-8")
    shown = [str(p) for p in problems_of(folder)]
    assert any(s.startswith("wijken.csv: onbekend bestand") for s in shown)
    assert any(s.startswith("wijk.csv: verplicht bestand ontbreekt") for s in shown)


def test_missing_folder(tmp_path):
    [problem] = problems_of(tmp_path / "bestaat-niet")
    assert "bestaat niet" in problem.message


@pytest.mark.parametrize("case", ["ragged row", "unknown reference", "truncated file (open quote)", "duplicate key"])
def test_seed_of_broken_input_leaves_database_empty(tmp_path, engine, case):
    name, text, _ = BROKEN[case]
    with pytest.raises(LoadRefused) as refused:
        seed_folder(engine, _broken(tmp_path, name, text))
    assert refused.value.problems
    assert is_empty(engine)


def test_seed_refuses_non_empty_database(tmp_path, engine):
    folder = write_mini(tmp_path)
    seed_folder(engine, folder)
    before = row_counts(engine)
    with pytest.raises(LoadRefused) as refused:
        seed_folder(engine, folder)
    assert "niet leeg" in str(refused.value.problems[0])
    assert row_counts(engine) == before


def test_database_error_rolls_back_everything(tmp_path, engine, monkeypatch):
    """Even when validation misses something, the single transaction writes nothing."""
    from data_access import csv_validation

    folder = write_mini(tmp_path, project_partner__csv=MINI["project_partner.csv"].replace("400000.00", "-5.00"))
    monkeypatch.setitem(csv_validation.ROW_RULES, "project_partner", ())
    with pytest.raises(LoadRefused) as refused:
        seed_folder(engine, folder)
    assert "database weigerde" in str(refused.value.problems[0])
    assert is_empty(engine)
