"""Wijk boundaries from a GeoJSON file that a city supplies (its own area division, or the CBS map).

Matching: each feature's property `key` is compared first with the CBS buurt codes of the wijken
(`wijk.cbs_code`, several codes separated by ';'), and, when no code matches, with the wijk names
(case and spaces do not count). A wijk with several CBS codes gets all their features together as one
MultiPolygon; a CBS code shared by several wijken (E-, G- and K-buurt in the sample) gives each of them
that shape. Every feature that matches no wijk is reported with its key value and a Dutch reason; nothing
is dropped silently. Coordinates must be longitude/latitude in degrees (WGS84, as GeoJSON prescribes).

`match_boundaries` only reads; `import_boundaries` writes the matched shapes in one transaction, with
an audit row per wijk. Wijken that the file does not cover keep the shape they had.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine, insert, select, update

from .access import IMPORT, write_function
from .audit import utc_now, write_transaction
from .models import Wijk, WijkBoundary

MAX_BYTES = 25 * 1024 * 1024  # a simplified city map is a few MB at most
UNKNOWN_VALUES = {"-99999999", "-99999998", "-99999997"}  # CBS: unknown / withheld
MAX_SHOWN_PROPERTIES = 20


@dataclass(frozen=True)
class UnmatchedFeature:
    number: int  # position in the file, from 1
    value: str | None  # the value of the key property, None when absent
    reason: str  # Dutch


@dataclass
class BoundaryMatch:
    key: str
    features: int = 0  # number of features in the file
    matched: dict[str, int] = field(default_factory=dict)  # wijk code -> number of features it got
    matched_by: dict[str, str] = field(default_factory=dict)  # wijk code -> "CBS-code" or "naam"
    unmatched: list[UnmatchedFeature] = field(default_factory=list)
    without_boundary: list[str] = field(default_factory=list)  # wijk codes this file gives no shape
    missing_codes: dict[str, list[str]] = field(default_factory=dict)  # wijk code -> its CBS codes not found
    problems: list[str] = field(default_factory=list)  # Dutch; any problem means nothing is imported
    notes: list[str] = field(default_factory=list)  # Dutch remarks that do not stop the import
    wijk_names: dict[str, str] = field(default_factory=dict)
    geometries: dict[str, dict] = field(default_factory=dict)  # wijk code -> GeoJSON geometry to store

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.matched)


def size_problem(n_bytes: int) -> str | None:
    if n_bytes > MAX_BYTES:
        return (
            f"Het bestand is te groot ({n_bytes / 1e6:.1f} MB; hoogstens {MAX_BYTES / 1e6:.0f} MB). "
            "Vereenvoudig de vormen (bijvoorbeeld met mapshaper) en probeer het opnieuw."
        )
    return None


def decode_geojson(data: bytes) -> tuple[str | None, list[str]]:
    """The text of an uploaded or read file, with Dutch problems for size and encoding."""
    too_big = size_problem(len(data))
    if too_big:
        return None, [too_big]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [f"Het bestand is geen UTF-8-tekst (fout bij byte {exc.start + 1}). Sla het op als UTF-8."]


def _normal_code(value: str) -> str:
    return value.strip().upper()


def _normal_name(value: str) -> str:
    return " ".join(value.split()).casefold()


def _key_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _coordinates_ok(rings: object) -> str | None:
    """None when the polygon's rings hold longitude/latitude pairs, otherwise a Dutch reason."""
    if not isinstance(rings, list) or not rings:
        return "de polygoon heeft geen ringen"
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return "een ring van de polygoon heeft minder dan 4 punten"
        for point in ring:
            if (
                not isinstance(point, list | tuple)
                or len(point) < 2
                or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in point[:2])
                or not all(math.isfinite(c) for c in point[:2])
            ):
                return "de coördinaten zijn geen getallenparen"
            lon, lat = point[0], point[1]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                return (
                    "de coördinaten zijn geen lengte- en breedtegraden (WGS84); zet het bestand om naar "
                    "EPSG:4326, bijvoorbeeld met QGIS of mapshaper"
                )
    return None


def _polygons(geometry: object) -> tuple[list | None, str | None]:
    """The polygons (lists of rings) of a Polygon or MultiPolygon, or a Dutch reason why not."""
    if not isinstance(geometry, dict):
        return None, "het kenmerk heeft geen geometrie"
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon" and isinstance(coords, list):
        polygons = coords
    else:
        return None, f"de geometrie is een {kind or 'onbekend type'}, geen (Multi)Polygon"
    for polygon in polygons:
        reason = _coordinates_ok(polygon)
        if reason:
            return None, reason
    return polygons, None


def _crs_problem(doc: dict) -> str | None:
    crs = doc.get("crs")
    if not isinstance(crs, dict):
        return None
    name = str((crs.get("properties") or {}).get("name", ""))
    if name and not any(tag in name.upper() for tag in ("CRS84", "4326")):
        return (
            f"Het bestand gebruikt coördinatenstelsel {name}; nodig zijn lengte- en breedtegraden (WGS84, "
            "EPSG:4326). Zet het bestand om, bijvoorbeeld met QGIS of mapshaper."
        )
    return None


def _wijken(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(select(Wijk.code, Wijk.name, Wijk.city, Wijk.cbs_code).order_by(Wijk.code)).all()
    return pd.DataFrame(rows, columns=["code", "name", "city", "cbs_code"])


def match_boundaries(engine: Engine, geojson_text: str, key: str) -> BoundaryMatch:
    """Which feature belongs to which wijk; reads the wijken, writes nothing."""
    result = BoundaryMatch(key=key)
    wijken = _wijken(engine)
    result.wijk_names = dict(zip(wijken["code"], wijken["name"], strict=True))
    if not key or not key.strip():
        result.problems.append("Geef met --key de eigenschap op waarop de kenmerken aan wijken worden gekoppeld.")
        return result
    if wijken.empty:
        result.problems.append("De database bevat nog geen wijken; laad eerst de gegevens (seed).")
        return result
    try:
        doc = json.loads(geojson_text)
    except json.JSONDecodeError as exc:
        result.problems.append(f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg}).")
        return result
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        result.problems.append("Het bestand is geen GeoJSON FeatureCollection (met een lijst 'features').")
        return result
    crs = _crs_problem(doc)
    if crs:
        result.problems.append(crs)
        return result
    features = doc["features"]
    result.features = len(features)
    if not features:
        result.problems.append("Het bestand bevat geen kenmerken (features).")
        return result
    seen_properties: dict[str, None] = {}
    for feature in features:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if isinstance(props, dict):
            seen_properties.update(dict.fromkeys(props))
    if key not in seen_properties:
        shown = ", ".join(list(seen_properties)[:MAX_SHOWN_PROPERTIES]) or "geen"
        result.problems.append(
            f"Geen enkel kenmerk heeft de eigenschap '{key}'. Eigenschappen in het bestand: {shown}."
        )
        return result

    by_code: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    codes_of: dict[str, list[str]] = {}
    for w in wijken.itertuples(index=False):
        codes = [_normal_code(c) for c in str(w.cbs_code or "").split(";") if c.strip()]
        codes_of[w.code] = codes
        for c in codes:
            by_code.setdefault(c, []).append(w.code)
        by_name.setdefault(_normal_name(w.name), []).append(w.code)
    city_of = dict(zip(wijken["code"], wijken["city"], strict=True))

    polygons_of: dict[str, list] = {}
    found_codes: dict[str, set[str]] = {}
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        if key not in props:
            result.unmatched.append(UnmatchedFeature(number, None, f"de eigenschap '{key}' ontbreekt"))
            continue
        value = _key_text(props[key])
        if value is None or value in UNKNOWN_VALUES:
            result.unmatched.append(UnmatchedFeature(number, value, "de waarde is leeg of onbekend"))
            continue
        targets = by_code.get(_normal_code(value))
        how = "CBS-code"
        if not targets:
            targets = by_name.get(_normal_name(value))
            how = "naam"
            if targets and len({city_of[t] for t in targets}) > 1:
                result.unmatched.append(
                    UnmatchedFeature(number, value, "deze naam hoort bij wijken in meer dan één stad")
                )
                continue
        if not targets:
            result.unmatched.append(UnmatchedFeature(number, value, "geen wijk met deze CBS-code of naam"))
            continue
        polygons, reason = _polygons(feature.get("geometry"))
        if reason:
            names = ", ".join(result.wijk_names[t] for t in targets)
            result.unmatched.append(UnmatchedFeature(number, value, f"hoort bij {names}, maar {reason}"))
            continue
        if len(targets) > 1 and how == "CBS-code":
            names = ", ".join(result.wijk_names[t] for t in targets)
            result.notes.append(f"CBS-code {value} hoort bij meer wijken ({names}); elk krijgt deze vorm.")
        for t in targets:
            polygons_of.setdefault(t, []).extend(polygons)
            result.matched[t] = result.matched.get(t, 0) + 1
            result.matched_by[t] = how
            if how == "CBS-code":
                found_codes.setdefault(t, set()).add(_normal_code(value))

    for code, polygons in polygons_of.items():
        if result.matched[code] == 1 and len(polygons) == 1:
            result.geometries[code] = {"type": "Polygon", "coordinates": polygons[0]}
        else:
            result.geometries[code] = {"type": "MultiPolygon", "coordinates": polygons}
        if result.matched_by[code] == "CBS-code":
            missing = [c for c in codes_of[code] if c not in found_codes.get(code, set())]
            if missing:
                result.missing_codes[code] = missing
                result.notes.append(
                    f"{result.wijk_names[code]}: CBS-code(s) {', '.join(missing)} niet in het bestand; "
                    "de vorm is onvolledig."
                )
    result.without_boundary = [c for c in wijken["code"] if c not in result.matched]
    result.notes = list(dict.fromkeys(result.notes))
    if not result.matched:
        result.problems.append(
            f"Geen enkel kenmerk komt via '{key}' overeen met een wijk (op CBS-code of naam). "
            "Kies een andere eigenschap met --key."
        )
    return result


@write_function(IMPORT)
def import_boundaries(engine: Engine, actor, geojson_text: str, key: str, source: str) -> BoundaryMatch:
    """Store the matched shapes (insert or replace per wijk) in one transaction; nothing on any problem."""
    result = match_boundaries(engine, geojson_text, key)
    if not result.ok:
        return result
    label = f"{source} (koppeling op {key})"[:300]
    now = utc_now()
    with write_transaction(engine, actor) as w:
        for code, geometry in result.geometries.items():
            text = json.dumps(geometry, separators=(",", ":"))
            new = {"wijk_code": code, "geometry": text, "source": label, "imported_at": now}
            old = w.conn.execute(
                select(WijkBoundary.geometry, WijkBoundary.source, WijkBoundary.imported_at).where(
                    WijkBoundary.wijk_code == code
                )
            ).one_or_none()
            if old is None:
                w.conn.execute(insert(WijkBoundary).values(**new, version=1))
                w.log("import", "wijk_boundary", code, None, new)
            else:
                w.conn.execute(
                    update(WijkBoundary)
                    .where(WijkBoundary.wijk_code == code)
                    .values(geometry=text, source=label, imported_at=now, version=WijkBoundary.version + 1)
                )
                w.log("import", "wijk_boundary", code, {"wijk_code": code, **old._asdict()}, new)
    return result


def boundaries(engine: Engine) -> pd.DataFrame:
    """Stored boundaries: wijk_code, geometry (GeoJSON text), source, imported_at."""
    b = WijkBoundary
    with engine.connect() as conn:
        rows = conn.execute(select(b.wijk_code, b.geometry, b.source, b.imported_at).order_by(b.wijk_code)).all()
    return pd.DataFrame(rows, columns=["wijk_code", "geometry", "source", "imported_at"])
