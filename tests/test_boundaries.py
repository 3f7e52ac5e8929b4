"""Boundary import (GeoJSON -> wijk_boundary) and target-rule settings, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from data_access.access import Actor, PermissionDenied
from data_access.boundaries import boundaries, decode_geojson, import_boundaries, match_boundaries
from data_access.config import PROJECT_ROOT
from data_access.engine import get_engine
from data_access.models import AuditLog, Setting, WijkBoundary
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from data_access.settings import SettingError, read_settings, save_setting, save_settings
from tests.mini_data import write_mini
from tests.sample_facts import rows

BEHEERDER = Actor("b@example.org", "Beheerder", "beheerder")
REDACTEUR = Actor("r@example.org", "Redacteur", "redacteur")
REFERENCE_GEO = (
    PROJECT_ROOT.parent / "shared" / "reference" / "geo" / "amsterdam_haarlem_buurten_cbs2015_DERIVED.geojson"
)

# Two wijken; Noordbuurt has two CBS codes (the union of both features), Zuidbuurt is matched by name.
WIJK_CSV = (
    "code,programme_code,name,city,district,kind,cbs_code,population,centroid_lon,centroid_lat\n"
    "W1,P1,Noordbuurt,Teststad,Noord,pilotwijk,BU00010001;BU00010002,1200,4.9,52.3\n"
    "W2,P1,Zuidbuurt,Teststad,Zuid,pilotwijk,,800,,\n"
)


def square(lon: float, lat: float, size: float = 0.01) -> list:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


def feature(props: dict, geometry: dict | None) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


GEOJSON = collection(
    feature({"code": "BU00010001", "naam": "Noord A"}, {"type": "Polygon", "coordinates": square(4.90, 52.30)}),
    feature({"code": "bu00010002 ", "naam": "Noord B"}, {"type": "Polygon", "coordinates": square(4.91, 52.30)}),
    feature({"code": "  zuidBUURT ", "naam": "Zuid"}, {"type": "Polygon", "coordinates": square(4.90, 52.28)}),
    feature({"code": "BU09999999", "naam": "Elders"}, {"type": "Polygon", "coordinates": square(5.0, 52.0)}),
    feature({"code": -99999999, "naam": "Onbekend"}, {"type": "Polygon", "coordinates": square(5.1, 52.0)}),
    feature({"naam": "Zonder code"}, {"type": "Polygon", "coordinates": square(5.2, 52.0)}),
)


@pytest.fixture
def mini_engine(engine, tmp_path):
    seed_folder(engine, write_mini(tmp_path / "mini", wijk__csv=WIJK_CSV))
    return engine


def test_match_on_code_and_name_reports_every_unmatched_feature(mini_engine):
    m = match_boundaries(mini_engine, GEOJSON, "code")
    assert m.ok and m.features == 6
    assert m.matched == {"W1": 2, "W2": 1}
    assert m.matched_by == {"W1": "CBS-code", "W2": "naam"}
    assert m.geometries["W1"]["type"] == "MultiPolygon" and len(m.geometries["W1"]["coordinates"]) == 2
    assert m.geometries["W2"] == {"type": "Polygon", "coordinates": square(4.90, 52.28)}
    unmatched = {(u.number, u.value): u.reason for u in m.unmatched}
    assert set(unmatched) == {(4, "BU09999999"), (5, "-99999999"), (6, None)}
    assert "geen wijk" in unmatched[(4, "BU09999999")]
    assert "onbekend" in unmatched[(5, "-99999999")]
    assert "ontbreekt" in unmatched[(6, None)]
    assert m.without_boundary == [] and m.missing_codes == {}
    # Matching writes nothing.
    assert boundaries(mini_engine).empty


def test_partial_wijk_and_wijken_without_boundary(mini_engine):
    only_a = collection(
        feature({"code": "BU00010001"}, {"type": "Polygon", "coordinates": square(4.90, 52.30)}),
    )
    m = match_boundaries(mini_engine, only_a, "code")
    assert m.ok and m.missing_codes == {"W1": ["BU00010002"]}
    assert m.without_boundary == ["W2"]
    assert any("onvolledig" in n for n in m.notes)


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("{niet json", "code", "geen geldige JSON"),
        (json.dumps({"type": "Feature"}), "code", "FeatureCollection"),
        (collection(), "code", "geen kenmerken"),
        (GEOJSON, "BU_CODE", "Geen enkel kenmerk heeft de eigenschap 'BU_CODE'"),
        (GEOJSON, "naam", "Geen enkel kenmerk komt"),
        (GEOJSON, " ", "--key"),
        (
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
                    "features": [],
                }
            ),
            "code",
            "EPSG::28992",
        ),
    ],
)
def test_problems_are_dutch_and_nothing_is_written(mini_engine, text, key, fragment):
    result = import_boundaries(mini_engine, BEHEERDER, text, key, "test.geojson")
    assert not result.ok and any(fragment in p for p in result.problems), result.problems
    assert boundaries(mini_engine).empty


def test_bad_geometry_is_reported_not_imported(mini_engine):
    rd = [[[120000.0, 480000.0], [120100.0, 480000.0], [120100.0, 480100.0], [120000.0, 480000.0]]]
    text = collection(
        feature({"code": "BU00010001"}, {"type": "Polygon", "coordinates": rd}),
        feature({"code": "Zuidbuurt"}, {"type": "Point", "coordinates": [4.9, 52.3]}),
        feature({"code": "BU00010002"}, None),
    )
    m = match_boundaries(mini_engine, text, "code")
    reasons = [u.reason for u in m.unmatched]
    assert any("WGS84" in r for r in reasons) and any("Point" in r for r in reasons)
    assert any("geen geometrie" in r for r in reasons)
    assert not m.ok


def test_import_writes_shapes_with_audit_and_replaces(mini_engine):
    result = import_boundaries(mini_engine, BEHEERDER, GEOJSON, "code", "stad.geojson")
    assert result.ok
    stored = boundaries(mini_engine).set_index("wijk_code")
    assert set(stored.index) == {"W1", "W2"}
    assert json.loads(stored.loc["W1", "geometry"]) == result.geometries["W1"]
    assert stored.loc["W1", "source"] == "stad.geojson (koppeling op code)"
    with mini_engine.connect() as conn:
        audit = conn.execute(
            select(AuditLog.row_key, AuditLog.old_values).where(AuditLog.table_name == "wijk_boundary")
        )
        assert sorted(r.row_key for r in audit) == ["W1", "W2"]
    # Again with only Zuidbuurt: it is replaced (old value in the audit), Noordbuurt keeps its shape.
    again = collection(feature({"code": "Zuidbuurt"}, {"type": "Polygon", "coordinates": square(4.95, 52.28)}))
    assert import_boundaries(mini_engine, BEHEERDER, again, "code", "nieuw.geojson").ok
    stored = boundaries(mini_engine).set_index("wijk_code")
    assert json.loads(stored.loc["W2", "geometry"])["coordinates"] == square(4.95, 52.28)
    assert "stad.geojson" in stored.loc["W1", "source"]
    with mini_engine.connect() as conn:
        olds = conn.execute(
            select(AuditLog.old_values).where(AuditLog.table_name == "wijk_boundary", AuditLog.row_key == "W2")
        ).scalars()
        assert any(o and "stad.geojson" in o for o in olds)
        assert conn.execute(select(WijkBoundary.version).where(WijkBoundary.wijk_code == "W2")).scalar_one() == 2


def test_import_needs_the_import_capability(mini_engine):
    with pytest.raises(PermissionDenied):
        import_boundaries(mini_engine, REDACTEUR, GEOJSON, "code", "x.geojson")
    assert boundaries(mini_engine).empty


def test_decode_guards_encoding_and_size(monkeypatch):
    assert decode_geojson("\ufeff{}".encode()) == ("{}", [])
    text, problems = decode_geojson('{"naam": "Zuid"}'.encode("utf-16"))
    assert text is None and "UTF-8" in problems[0]
    monkeypatch.setattr("data_access.boundaries.MAX_BYTES", 10)
    text, problems = decode_geojson(b"x" * 11)
    assert text is None and "te groot" in problems[0]


@pytest.mark.skipif(not REFERENCE_GEO.exists(), reason="../shared/reference/geo is not present on this machine")
def test_real_cbs_file_matches_every_sample_wijk(tmp_path, sample_dir):
    engine = get_engine(f"sqlite:///{tmp_path / 'geo.sqlite'}")
    upgrade_to_head(engine)
    seed_folder(engine, sample_dir)
    text = REFERENCE_GEO.read_text(encoding="utf-8")
    doc = json.loads(text)
    cities = [f["properties"]["GM_NAAM"] for f in doc["features"]]
    assert (cities.count("Amsterdam"), cities.count("Haarlem")) == (97, 40)
    m = match_boundaries(engine, text, "BU_CODE")
    wijken = rows("wijk")
    assert m.ok and set(m.matched) == {w["code"] for w in wijken} and m.without_boundary == []
    for w in wijken:
        assert m.matched[w["code"]] == len(w["cbs_code"].split(";")), w["code"]
    codes = {c for w in wijken for c in w["cbs_code"].split(";")}
    assert len(m.unmatched) == len(doc["features"]) - len(codes)
    assert all(u.reason == "geen wijk met deze CBS-code of naam" for u in m.unmatched)
    assert any("BU03630794" in n for n in m.notes)  # E-, G- and K-buurt share one CBS buurt


def cli(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "data_access", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )


def test_cli_import_boundaries(tmp_path, sqlite_url):
    assert cli(sqlite_url, "seed", str(write_mini(tmp_path / "mini", wijk__csv=WIJK_CSV))).returncode == 0
    file = tmp_path / "grenzen.geojson"
    file.write_text(GEOJSON, encoding="utf-8")
    ok = cli(sqlite_url, "import-boundaries", str(file), "--key", "code")
    assert ok.returncode == 0, ok.stderr
    assert "Noordbuurt (W1): 2 kenmerk(en), op CBS-code" in ok.stdout
    assert "Zuidbuurt (W2): 1 kenmerk(en), op naam" in ok.stdout
    assert "kenmerk 4 'BU09999999': geen wijk met deze CBS-code of naam" in ok.stdout
    assert "kenmerk 6 (geen waarde): de eigenschap 'code' ontbreekt" in ok.stdout
    assert "2 wijkgrenzen opgeslagen" in ok.stdout
    assert len(boundaries(get_engine(sqlite_url))) == 2

    wrong_key = cli(sqlite_url, "import-boundaries", str(file), "--key", "BU_CODE")
    assert wrong_key.returncode == 1 and "Er is niets geïmporteerd" in wrong_key.stderr
    missing = cli(sqlite_url, "import-boundaries", str(tmp_path / "weg.geojson"), "--key", "code")
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr
    latin = tmp_path / "latin.geojson"
    latin.write_bytes(GEOJSON.replace("Zuid", "Zuïd").encode("latin-1"))
    bad = cli(sqlite_url, "import-boundaries", str(latin), "--key", "code")
    assert bad.returncode == 1 and "UTF-8" in bad.stderr
    assert cli(sqlite_url, "import-boundaries", str(file)).returncode != 0  # --key is required


# Settings of the target rule.


def test_settings_default_save_and_audit(engine):
    assert read_settings(engine) == {"target_risk_tolerance": 0.25, "target_grace_years": 0}
    save_setting(engine, BEHEERDER, "target_risk_tolerance", 0.1)
    save_settings(engine, BEHEERDER, {"target_risk_tolerance": 0.15, "target_grace_years": 1})
    assert read_settings(engine) == {"target_risk_tolerance": 0.15, "target_grace_years": 1}
    with engine.connect() as conn:
        actions = conn.execute(
            select(AuditLog.action, AuditLog.row_key).where(AuditLog.table_name == "setting").order_by(AuditLog.id)
        ).all()
        assert [tuple(a) for a in actions] == [
            ("insert", "target_risk_tolerance"),
            ("update", "target_risk_tolerance"),
            ("insert", "target_grace_years"),
        ]
        assert conn.execute(select(func.max(Setting.version))).scalar_one() == 2


@pytest.mark.parametrize(
    "values",
    [{"target_risk_tolerance": 2.0}, {"target_grace_years": 1.5}, {"onbekend": 1}, {"target_risk_tolerance": "x"}],
)
def test_bad_settings_are_refused_and_nothing_written(engine, values):
    with pytest.raises(SettingError):
        save_settings(engine, BEHEERDER, values)
    assert read_settings(engine) == {"target_risk_tolerance": 0.25, "target_grace_years": 0}


def test_settings_need_manage(engine):
    with pytest.raises(PermissionDenied):
        save_setting(engine, REDACTEUR, "target_risk_tolerance", 0.1)
