"""Doelen & indicatoren: targets by trajectory per wijk, wijken compared, one indicator, map, data freshness."""

import pandas as pd
import streamlit as st

from data_access.access import MANAGE
from domain.target_views import (
    THEME_ORDER,
    city_index_heatmap,
    city_value,
    contributing_projects,
    freshness_overview,
    indicator_across_wijken,
    latest_per_wijk,
    target_heatmap,
    theme_order,
    wijk_order,
)
from domain.targets import TARGET_STATUSES, target_status_counts
from ui import auth, page, selection
from ui import format as fmt
from ui.figures import programme_data
from ui.filters import set_value, single
from ui.maps import shape_legend_words, wijk_map
from ui.style import project_status_display
from ui.tables import static_table
from ui.target_charts import (
    HEATMAP_SELECTION,
    TARGET_STATUS_SYMBOLS,
    heatmap_chart,
    ranked_bars,
    small_multiples,
    target_status_display,
)
from ui.target_settings import effective_settings, settings_panel, trial_settings
from ui.widgets import target_rule_caption
from ui.wijk_targets import wijk_targets

K_THRESHOLDS = "doelen_drempels"

sel, snap = page.begin()
data = programme_data(snap, sel)
indicators = snap.frame("indicators")
ref_year = sel.reference_date.year
wijken = data.wijken
wijk_name = wijken.set_index("code")["name"]
measured = data.measurements[data.measurements["wijk_code"].isin(wijken["code"])]

st.title("Doelen & indicatoren")
st.caption(
    f"{sel.programme['name']} · "
    + (f"wijk {wijk_name[sel.wijk_code]} · " if sel.wijk_code else "alle wijken · ")
    + f"stand op peildatum {fmt.date_long(sel.reference_date)} (metingen tot en met {ref_year})"
)

if data.targets.empty and measured.empty:
    st.info(
        "Voor dit programma zijn nog geen meetbare doelen en geen metingen vastgelegd. Laad doelen "
        "(target.csv) en metingen (measurement.csv), zie de README."
    )
    st.stop()

# Built only when opened: its form cost every load of the page browser time, though it is seldom used.
thresholds = st.expander("Drempels van de regel aanpassen", icon=":material/tune:", key=K_THRESHOLDS, on_change="rerun")
settings = effective_settings(snap)
if thresholds.open:
    with thresholds:
        settings_panel(snap, auth.current_actor().can(MANAGE))
        st.caption(
            "Actualiteit: de volgende meting van jaar J wordt verwacht in J plus het meetinterval (afgerond op hele "
            "jaren). Is die verwachte meting er op de peildatum nog niet, dan is de laatste meting **verouderd**: "
            "ze wordt getoond met dat label en telt niet als actueel. Projecten **dragen bij** aan een indicator; "
            "de gegevens bewijzen niet dat ze de verandering veroorzaken."
        )
if trial_settings() is not None:
    st.warning(
        f"U bekijkt eigen drempels (alleen in deze sessie): risicomarge {fmt.percent(settings.risk_tolerance, 0)}, "
        f"{settings.grace_years} extra jaar. Ook Overzicht en Wijkprofiel rekenen daar nu mee."
    )

scope = data.targets if sel.wijk_code is None else data.targets[data.targets["wijk_code"] == sel.wijk_code]
counts = target_status_counts(scope["status"])
m = st.columns(6)
m[0].metric("Doelen", fmt.number(len(scope)))
for i, status in enumerate(TARGET_STATUSES, start=1):
    m[i].metric(f"{TARGET_STATUS_SYMBOLS[status]} {status.capitalize()}", fmt.number(counts[status]))

target_rule_caption(settings)

SECTIONS = {
    "wijk": "Per wijk",
    "vergelijken": "Wijken vergelijken",
    "indicator": "Eén indicator",
    "kaart": "Kaart",
    "actualiteit": "Actualiteit",
}
section = single("Onderdeel", "onderdeel", list(SECTIONS), "onderdeel", SECTIONS.get, control="segmented")
measured_set = set(measured["indicator_code"])
measured_codes = [c for c in indicators["code"] if c in measured_set]
indicator_names = indicators.set_index("code")["name"]
theme_of = indicators.set_index("code")["theme"]


def _wijk_link(code: str, section: str = "wijk") -> str:
    extra = "" if section == "wijk" else f"&onderdeel={section}"
    return f"doelen?programma={sel.programme_code}&wijk={code}&peildatum={sel.reference_date.isoformat()}{extra}"


def _choose_indicator() -> str:
    if not measured_codes:
        st.info("Voor de wijken van dit programma zijn geen metingen vastgelegd.")
        st.stop()
    themes = theme_order(indicators["theme"])
    by_theme = sorted(measured_codes, key=lambda c: (themes.index(theme_of[c]), indicator_names[c]))
    with_target = [c for c in by_theme if c in set(data.targets["indicator_code"])]
    options = with_target + [c for c in by_theme if c not in with_target]
    return single("Indicator", "indicator", options, "indicator", lambda c: indicator_names[c])


# --- Per wijk ---------------------------------------------------------------------------------------------
if section == "wijk":
    if sel.wijk_code is None:
        st.write("Kies een wijk (ook mogelijk in de zijbalk of via de heatmap bij 'Wijken vergelijken'):")
        cols = st.columns(4)
        for i, w in enumerate(wijken.itertuples()):
            cols[i % 4].button(w.name, key=f"doel_pick_{w.code}", on_click=selection.choose_wijk, args=(w.code,))
        st.stop()
    view = wijk_targets(snap, sel)
    if not view.has_rows:
        st.info(f"Voor {wijk_name[sel.wijk_code]} zijn geen doelen en geen metingen vastgelegd.")
        st.stop()
    if not view.has_target:
        st.info(f"Voor {wijk_name[sel.wijk_code]} zijn geen meetbare doelen vastgelegd; hieronder de metingen.")
    for theme, cards in view.themes:
        st.subheader(theme.capitalize())
        st.html(cards)  # every card of the theme in one element: the browser draws each element at a cost
    st.subheader("Alle metingen van de trendlijnen")
    if view.table is None:
        st.info("Nog geen metingen voor de indicatoren van deze wijk.")
    else:
        st.html(view.table)

# --- Wijken vergelijken -----------------------------------------------------------------------------------
elif section == "vergelijken":
    measure = single(
        "Maat",
        "maat",
        ["aandeel", "index"],
        "maat",
        {"aandeel": "Aandeel doelen gehaald of op koers", "index": "Index t.o.v. stadsgemiddelde (= 100)"}.get,
        control="segmented",
    )
    if measure == "aandeel":
        heat = target_heatmap(data.targets, wijken)
        if heat.empty:
            st.info("Voor de wijken van dit programma zijn geen meetbare doelen vastgelegd.")
            st.stop()
    else:
        heat = city_index_heatmap(indicators, data.measurements, wijken, ref_year, settings)
        if heat.empty:
            st.info("Er zijn geen wijkmetingen met een stadsgemiddelde uit hetzelfde jaar.")
            st.stop()
    themes = theme_order(heat["theme"])
    absent = [t for t in THEME_ORDER if t not in themes]
    if absent:
        what = "doelen" if measure == "aandeel" else "wijkmetingen met een stadsgemiddelde"
        st.info(f"Dit programma heeft geen {what} op de thema's {', '.join(absent)}; die kolommen ontbreken.")
    sort_options = ["totaal", "naam", *themes]
    sort_by = single(
        "Sorteer de wijken op",
        "sorteer",
        sort_options,
        "sortering",
        lambda s: {"totaal": "Alle thema's samen (beste boven)", "naam": "Naam"}.get(s, f"Thema {s} (beste boven)"),
    )
    order = wijk_order(heat, measure, sort_by)

    def _from_heatmap() -> None:
        points = st.session_state["doelen_heatmap"].selection.get(HEATMAP_SELECTION) or []
        if points:
            selection.choose_wijk(points[0]["wijk_code"])
            set_value("onderdeel", "wijk")

    what = "het aandeel doelen dat gehaald of op koers is" if measure == "aandeel" else "de index (stad = 100)"
    st.altair_chart(
        heatmap_chart(
            heat,
            measure,
            order,
            themes,
            "Wijken × thema's",
            f"Heatmap van {len(order)} wijken en {len(themes)} thema's met {what} op "
            f"{fmt.date_long(sel.reference_date)}.",
        ),
        key="doelen_heatmap",
        on_select=_from_heatmap,
        selection_mode=HEATMAP_SELECTION,
    )
    if measure == "aandeel":
        st.caption(
            "Per cel: het aantal doelen met status gehaald of op koers, van alle doelen van die wijk in dat thema "
            "(een doel zonder recente meting telt mee in het totaal, niet als op koers). Klik op een cel om de wijk "
            "te openen, of gebruik de link in de tabel."
        )
    else:
        st.caption(
            "Index per indicator: wijk ÷ stad × 100 als hoger beter is, stad ÷ wijk × 100 als lager beter is, met "
            "de laatste wijkmeting en het stadsgemiddelde van hetzelfde jaar; per thema het gemiddelde. Boven 100 "
            "is beter dan de stad. * = minstens één verouderde meting in de cel. Klik op een cel om de wijk te openen."
        )
    cells = heat.set_index(["wijk_code", "theme"])
    table = pd.DataFrame({"Wijk": [wijk_name[c] for c in order]})
    for theme in themes:
        col = []
        for code in order:
            if (code, theme) not in cells.index:
                col.append("–")
            elif measure == "aandeel":
                c = cells.loc[(code, theme)]
                col.append(f"{int(c['op_koers'])} van {int(c['doelen'])} ({fmt.percent(c['aandeel'], 0)})")
            else:
                c = cells.loc[(code, theme)]
                col.append(fmt.number(c["index"]) + (" (verouderd)" if c["verouderd"] else ""))
        table[theme.capitalize()] = col
    table["Doelen van de wijk"] = [_wijk_link(c) for c in order]
    static_table(table, "Wijken × thema's", links={"Doelen van de wijk": "Wijk openen"})

# --- Eén indicator ----------------------------------------------------------------------------------------
elif section == "indicator":
    code = _choose_indicator()
    ind = indicators.set_index("code").loc[code]
    ind["code"] = code
    latest = latest_per_wijk(ind, data.measurements, wijken, data.targets, ref_year, settings)
    city = city_value(data.measurements[data.measurements["year"] <= ref_year], code, ref_year)
    st.caption(
        f"{ind['name']} ({ind['unit']}, {ind['direction']} is beter; thema {ind['theme']}; "
        f"meetinterval {ind['interval_months']} maanden; bron: {ind['source'] or 'onbekend'})."
    )
    has_values = latest.dropna(subset=["value"])
    st.altair_chart(
        ranked_bars(
            latest,
            ind["unit"],
            city[1] if city else None,
            f"{ind['name']}: laatste meting per wijk",
            f"Staafdiagram: laatste meting van {ind['name']} in {len(has_values)} wijken, beste boven, met het "
            f"stadsgemiddelde als stippellijn" + (f" ({city[0]})." if city else "."),
        ),
        width="stretch",
    )
    st.caption(
        "Beste boven (richting telt mee). Tussen haakjes het meetjaar; 'verouderd' als de volgende meting "
        "te laat is. Stippellijn: stadsgemiddelde"
        + (f" {city[0]} ({fmt.value_with_unit(city[1], ind['unit'])})." if city else " (niet bekend).")
    )
    static_table(
        pd.DataFrame(
            {
                "Wijk": latest["wijk_name"],
                "Laatste meting": [fmt.value_with_unit(v, ind["unit"]) for v in latest["value"]],
                "Jaar": [str(int(y)) if pd.notna(y) else "–" for y in latest["year"]],
                "Actualiteit": [
                    "geen meting" if pd.isna(y) else ("verouderd" if s else "actueel")
                    for y, s in zip(latest["year"], latest["stale"], strict=True)
                ],
                "Stadsgemiddelde (zelfde jaar)": [
                    f"{fmt.value_with_unit(v, ind['unit'])} ({int(y)})" if pd.notna(y) else "–"
                    for v, y in zip(latest["city_value"], latest["city_year"], strict=True)
                ],
                "Doelstatus": [target_status_display(s) for s in latest["status"]],
            }
        ),
        f"{ind['name']}: laatste meting per wijk",
    )
    values = indicator_across_wijken(code, data.measurements, wijken, ref_year)
    own, city_rows = values[values["wijk_code"].notna()], values[values["wijk_code"].isna()]
    if not own.empty:
        parts = [own.assign(reeks="wijk")]
        for name in own["wijk_name"].unique():
            parts.append(city_rows.assign(wijk_name=name, reeks="stad"))
        multiples = pd.concat(parts, ignore_index=True)
        st.altair_chart(
            small_multiples(
                multiples,
                ind["unit"],
                f"{ind['name']} per wijk door de tijd",
                f"Kleine lijndiagrammen: {ind['name']} per jaar in {own['wijk_name'].nunique()} wijken, elk met het "
                "stadsgemiddelde als stippellijn.",
            )
        )
        pivot = values.pivot_table(index="wijk_name", columns="year", values="value", aggfunc="first")
        pivot = pivot.map(lambda v: fmt.value_with_unit(v, ind["unit"]) if pd.notna(v) else "")
        pivot.columns = [str(c) for c in pivot.columns]
        st.markdown("**Alle metingen per wijk en jaar** (tabel bij de lijndiagrammen)")
        static_table(
            pivot.reset_index().rename(columns={"wijk_name": "Wijk"}),
            f"{ind['name']} per wijk en jaar",
            row_headers=1,
            missing="",
        )
    st.subheader("Projecten die bijdragen")
    projects = contributing_projects(data.projects, snap.frame("project_indicators", sel.programme_code), code)
    if projects.empty:
        st.info("Geen projecten gekoppeld aan deze indicator in dit programma.")
    else:
        st.caption(
            "Een bijdrage, geen bewezen effect: de gegevens kunnen niet aantonen dat een project de waarde verandert."
        )
        static_table(
            pd.DataFrame(
                {
                    "Wijk": projects["wijk_name"],
                    "Project": projects["title"],
                    "Thema": projects["theme"],
                    "Trekker": projects["lead_partner_name"],
                    "Status": projects["status"].map(project_status_display),
                }
            ),
            "Projecten die bijdragen",
        )

# --- Kaart ------------------------------------------------------------------------------------------------
elif section == "kaart":
    code = _choose_indicator()
    ind = indicators.set_index("code").loc[code]
    ind["code"] = code
    colour_by = single(
        "Kleur naar",
        "kleur",
        ["status", "waarde"],
        "kleur",
        {"status": "Doelstatus", "waarde": "Laatste meting"}.get,
        control="segmented",
    )
    latest = latest_per_wijk(ind, data.measurements, wijken, data.targets, ref_year, settings)
    frame = wijken[["code", "name", "centroid_lon", "centroid_lat"]].merge(
        latest.rename(columns={"wijk_code": "code"}).drop(columns="wijk_name"), on="code", how="left"
    )
    frame["waarde_tekst"] = [
        f"{fmt.value_with_unit(v, ind['unit'])} ({int(y)}{', verouderd' if stale else ''})"
        if pd.notna(y)
        else "geen meting"
        for v, y, stale in zip(frame["value"], frame["year"], frame["stale"], strict=True)
    ]
    frame["status_tekst"] = frame["status"].map(target_status_display)
    shapes = snap.frame("wijk_boundaries")
    shapes = shapes[shapes["wijk_code"].isin(wijken["code"])]
    located = frame.dropna(subset=["centroid_lon", "centroid_lat"])
    without_place = frame[~frame["code"].isin(set(located["code"]) | set(shapes["wijk_code"]))]
    if located.empty and shapes.empty:
        st.info("De wijken van dit programma hebben geen zwaartepunt en geen grenzen; er is geen kaart te tekenen.")
    else:
        st.altair_chart(
            wijk_map(
                frame,
                shapes,
                colour_by,
                f"{ind['name']} ({ind['unit']})",
                ind["direction"],
                [("status_tekst", "Doelstatus"), ("waarde_tekst", "Laatste meting")],
                f"Kaart: {ind['name']}",
                f"Kaart van {len(frame)} wijken, gekleurd naar "
                + ("de doelstatus" if colour_by == "status" else "de laatste meting")
                + f" van {ind['name']}; de vorm van de markering geeft de doelstatus.",
            ),
            width="stretch",
        )
        st.caption(f"Markering op elke wijk (doelstatus van deze indicator): {shape_legend_words()}.")
        if shapes.empty:
            st.caption(
                "Zonder geïmporteerde wijkgrenzen toont de kaart de zwaartepunten van de wijken. Grenzen laden: "
                "`python -m data_access import-boundaries BESTAND --key EIGENSCHAP` (zie README)."
            )
        else:
            sources = ", ".join(sorted(set(shapes["source"].dropna())))
            st.caption(
                f"Wijkgrenzen van {len(shapes)} van de {len(wijken)} wijken, uit {sources}. Wijken zonder grens "
                "staan als stip op hun zwaartepunt. De markering in elke wijk geeft de doelstatus als vorm."
            )
        if not without_place.empty:
            st.warning("Niet op de kaart (geen zwaartepunt of grens): " + ", ".join(without_place["name"]) + ".")
    static_table(
        pd.DataFrame(
            {
                "Wijk": frame["name"],
                "Doelstatus": frame["status_tekst"],
                "Laatste meting": frame["waarde_tekst"],
                "Actualiteit": [
                    "geen meting" if pd.isna(y) else ("verouderd" if s else "actueel")
                    for y, s in zip(frame["year"], frame["stale"], strict=True)
                ],
                "Op de kaart als": [
                    "grens" if c in set(shapes["wijk_code"]) else ("zwaartepunt" if pd.notna(lon) else "–")
                    for c, lon in zip(frame["code"], frame["centroid_lon"], strict=True)
                ],
            }
        ),
        f"Kaart: {ind['name']}",
    )

# --- Actualiteit ------------------------------------------------------------------------------------------
else:
    scope_wijken = wijken if sel.wijk_code is None else wijken[wijken["code"] == sel.wijk_code]
    overview = freshness_overview(indicators, data.measurements, scope_wijken, ref_year, settings)
    if overview.empty:
        st.info("Voor de wijken van dit programma zijn geen metingen vastgelegd.")
        st.stop()

    def _interval(months: int) -> str:
        return {12: "jaarlijks", 24: "tweejaarlijks"}.get(months, f"elke {months} maanden")

    static_table(
        pd.DataFrame(
            {
                "Indicator": overview["indicator_name"],
                "Laatst gemeten": overview["last_year"].astype(str),
                "Volgende meting verwacht": overview["next_due_year"].astype(str),
                "Actueel": ["nee, verouderd" if s else "ja" for s in overview["stale"]],
                "Wijken met verouderde meting": [", ".join(n) if n else "–" for n in overview["stale_wijken"]],
                "Wijken gemeten": overview["wijken"],
                "Meetinterval": overview["interval_months"].map(_interval),
                "Thema": overview["theme"],
            }
        ),
        "Actualiteit van de metingen",
    )
    stale = overview[overview["stale_wijken"].map(len) > 0]
    if stale.empty:
        st.success(f"Alle metingen zijn actueel op {fmt.date_long(sel.reference_date)}.")
    else:
        for r in stale.itertuples():
            st.warning(
                f"**{r.indicator_name}**: de laatste meting van {', '.join(r.stale_wijken)} is verouderd "
                "(de volgende meting is te laat); die waarden tellen niet als actueel."
            )
    st.caption(
        "Een meting van jaar J telt vanaf jaar J. De volgende meting wordt verwacht in J plus het meetinterval; "
        "is die er op de peildatum niet, dan is de laatste meting verouderd"
        + (f" (met {settings.grace_years} extra jaar speling)." if settings.grace_years else ".")
    )
