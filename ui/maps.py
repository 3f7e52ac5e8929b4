"""Maps without tiles or internet: wijk shapes (imported GeoJSON) or centroids, on a fitted Mercator projection.

Status is never shown by colour alone: each wijk also gets a marker whose shape stands for the status, and
the tooltip and the table next to the map give the status as text.
"""

from __future__ import annotations

import json
from itertools import pairwise

import altair as alt
import pandas as pd

from data_access.boundaries import boundaries

from .charts import finish
from .data import register_read
from .style import TARGET_STATUS_COLOURS

register_read("wijk_boundaries", boundaries)

MAP_STATUS_COLOURS = {**TARGET_STATUS_COLOURS, "geen doel": "#EEEEEE"}
SHAPE_SYMBOLS = {"diamond": "◆", "circle": "●", "triangle-up": "▲", "square": "■", "cross": "✚", "triangle-down": "▼"}


def shape_legend_words() -> str:
    """The marker shapes in words, shown under the map (a text legend instead of a drawn one)."""
    return ", ".join(f"{SHAPE_SYMBOLS[shape]} {status}" for status, shape in STATUS_SHAPES.items())


STATUS_SHAPES = {
    "gehaald": "diamond",
    "op koers": "circle",
    "risico": "triangle-up",
    "niet op koers": "square",
    "geen recente meting": "cross",
    "geen doel": "triangle-down",
}


def _signed_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in pairwise(ring)) / 2


def _oriented(ring: list, clockwise: bool) -> list:
    is_clockwise = _signed_area(ring) < 0
    return ring if is_clockwise == clockwise else list(reversed(ring))


def rewind_for_d3(geometry: dict) -> dict:
    """Vega draws polygons on the sphere (d3-geo), which needs exterior rings clockwise and holes
    counter-clockwise, the opposite of the GeoJSON standard; otherwise a shape fills the whole world."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    fixed = [[_oriented(ring, clockwise=(i == 0)) for i, ring in enumerate(polygon)] for polygon in polygons]
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": fixed[0]}
    return {"type": "MultiPolygon", "coordinates": fixed}


def wijk_map(
    wijken: pd.DataFrame,
    shapes: pd.DataFrame,
    colour_by: str,
    value_title: str,
    direction: str,
    tooltip: list[tuple[str, str]],
    title: str,
    description: str,
) -> alt.LayerChart:
    """`wijken`: one row per wijk with code, name, centroid_lon/lat, `colour` and the tooltip fields,
    plus `status` (marker shape). `shapes`: wijk_code, geometry (GeoJSON text) of the wijken that have one.
    Wijken with a shape are drawn as that shape; the others as a larger dot at their centroid."""
    if colour_by == "status":
        colour, colour_type, colour_title = "status", "N", "Doelstatus (kleur)"
        colour_scale = alt.Scale(domain=list(MAP_STATUS_COLOURS), range=list(MAP_STATUS_COLOURS.values()))
    else:
        colour, colour_type = "value", "Q"
        colour_title = f"{value_title} (donkerder = {'beter' if direction == 'hoger' else 'slechter'})"
        colour_scale = alt.Scale(scheme="blues" if direction == "hoger" else "oranges", zero=False)
    props_cols = ["code", "name", colour, "status", *[f for f, _ in tooltip]]
    props = wijken[list(dict.fromkeys(props_cols))]
    by_code = shapes.set_index("wijk_code")["geometry"] if not shapes.empty else pd.Series(dtype=str)
    features = []
    for row in props.to_dict("records"):
        if row["code"] in by_code.index:
            geometry = rewind_for_d3(json.loads(by_code[row["code"]]))
            clean = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
            features.append({"type": "Feature", "geometry": geometry, "properties": clean})
    legend = alt.Legend(orient="top", titleLimit=500, labelLimit=240, gradientLength=300)
    tips = [alt.Tooltip("name:N", title="Wijk")] + [alt.Tooltip(f"{f}:N", title=t) for f, t in tooltip]
    projection = {"type": "mercator"}
    layers = []
    if features:
        shape_tips = [alt.Tooltip(f"properties.{f}:N", title=t) for f, t in [("name", "Wijk"), *tooltip]]
        layers.append(
            alt.Chart(alt.Data(values=features))
            .mark_geoshape(stroke="#FFFFFF", strokeWidth=1)
            .encode(
                color=alt.Color(
                    f"properties.{colour}:{colour_type}",
                    title=colour_title,
                    scale=colour_scale,
                    legend=legend,
                ),
                tooltip=shape_tips,
            )
            .project(**projection)
        )
    points = wijken.dropna(subset=["centroid_lon", "centroid_lat"]).copy()
    points["has_shape"] = points["code"].isin(by_code.index)
    no_shape = points[~points["has_shape"]]
    if not no_shape.empty:
        layers.append(
            alt.Chart(no_shape)
            .mark_circle(size=900, opacity=0.85, stroke="#FFFFFF", strokeWidth=1)
            .encode(
                longitude="centroid_lon:Q",
                latitude="centroid_lat:Q",
                color=alt.Color(f"{colour}:{colour_type}", title=colour_title, scale=colour_scale, legend=legend),
                tooltip=tips,
            )
            .project(**projection)
        )
    layers.append(
        alt.Chart(points)
        .mark_point(filled=True, size=70, color="#222222", opacity=0.9)
        .encode(
            longitude="centroid_lon:Q",
            latitude="centroid_lat:Q",
            shape=alt.Shape(
                "status:N",
                scale=alt.Scale(domain=list(STATUS_SHAPES), range=list(STATUS_SHAPES.values())),
                legend=None,  # explained in words under the map: shape_legend_words()
            ),
            tooltip=tips,
        )
        .project(**projection)
    )
    layers.append(
        alt.Chart(points)
        .mark_text(dy=-14, fontSize=10, color="#222222")
        .encode(longitude="centroid_lon:Q", latitude="centroid_lat:Q", text="name:N")
        .project(**projection)
    )
    chart = alt.layer(*layers).resolve_scale(color="shared").properties(height=620)
    return finish(chart, title, description)
