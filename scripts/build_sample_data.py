"""Build the illustrative sample data set in sample_data/ (one CSV per table).

Facts (names, CBS codes, dates, populations, centroids, partner names) come from public sources; all
figures (amounts, statuses, indicator values) are invented but plausible. Deterministic: the same
script always writes byte-identical files. Stdlib only.

    python scripts/build_sample_data.py
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "sample_data"
rng = random.Random(2007)

HLM, AMS = "HAARLEM-WC", "AMSTERDAM-WA"
DATA_END = {HLM: date(2009, 10, 1), AMS: date(2011, 12, 16)}

# --------------------------------------------------------------------------------------------------
# Columns per table: the model's columns in model order, without `id` and `version`.
COLUMNS = {
    "programme": ["code", "name", "city", "start_date", "end_date", "central_budget", "description"],
    "wijk": [
        "code",
        "programme_code",
        "name",
        "city",
        "district",
        "kind",
        "cbs_code",
        "population",
        "centroid_lon",
        "centroid_lat",
    ],
    "partner": ["code", "name", "kind"],
    "contract": ["code", "wijk_code", "kind", "title", "signed_date", "start_date", "end_date"],
    "report_moment": ["contract_code", "report_date", "title"],
    "project": [
        "code",
        "contract_code",
        "title",
        "theme",
        "lead_partner_code",
        "start_date",
        "end_date",
        "description",
    ],
    "project_partner": ["project_code", "partner_code", "amount"],
    "milestone": ["project_code", "title", "due_date", "done_date"],
    "status_update": [
        "project_code",
        "update_date",
        "status",
        "progress",
        "text",
        "oorzaak",
        "gevolg",
        "maatregel",
        "author",
    ],
    "indicator": ["code", "name", "theme", "unit", "direction", "source", "interval_months"],
    "target": ["wijk_code", "indicator_code", "baseline_year", "baseline_value", "target_year", "target_value"],
    "measurement": ["indicator_code", "city", "wijk_code", "year", "value"],
    "budget_allocation": [
        "code",
        "programme_code",
        "wijk_code",
        "category",
        "title",
        "requested",
        "approved",
        "spent",
        "priority",
        "decision_date",
    ],
    "charter_agreement": ["programme_code", "number", "theme", "text", "party", "status", "due_date"],
    "charter_partner": ["programme_code", "number", "partner_code"],
    "project_indicator": ["project_code", "indicator_code"],
    "app_user": ["email", "name", "role", "partner_code"],
    "scenario": ["programme_code", "name", "author", "created_at", "payload"],
    "audit_log": ["at", "actor", "action", "table_name", "row_key", "old_values", "new_values"],
}
MONEY = {"central_budget", "amount", "requested", "approved", "spent"}
TABLES: dict[str, list[dict]] = {name: [] for name in COLUMNS}


def add(table: str, **row) -> None:
    TABLES[table].append(row)


class Cents(int):
    """Money as whole cents, written with exactly two decimals."""


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Cents):
        return f"{'-' if value < 0 else ''}{abs(value) // 100}.{abs(value) % 100:02d}"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def days(n: int) -> timedelta:
    return timedelta(days=n)


def month_end(y: int, m: int) -> date:
    return date(y + m // 12, m % 12 + 1, 1) - days(1)


def rand_date(a: date, b: date) -> date:
    return a + days(rng.randint(0, (b - a).days))


def eur(amount: float, lo: int, hi: int) -> Cents:
    """Whole hundreds mostly, a few amounts with cents."""
    hundreds = max(lo, min(hi, int(round(amount / 100.0)) * 100))
    if rng.random() < 0.06:
        return Cents(max(lo * 100, hundreds * 100 - rng.randint(1, 9999)))
    return Cents(hundreds * 100)


# --------------------------------------------------------------------------------------------------
# Programmes and wijken (reference facts).
add(
    "programme",
    code=HLM,
    name="Wijkcontracten Haarlem",
    city="Haarlem",
    start_date=date(2007, 10, 2),
    end_date=date(2009, 10, 1),
    central_budget=Cents(25_000_000),
    description="Wijkcontracten in vijf pilotwijken, getekend op 2 oktober 2007. De projecten worden "
    "betaald uit de reguliere begrotingen van de partners; het centrale budget is voor "
    "algemene kosten en nieuwe bewonersinitiatieven.",
)
add(
    "programme",
    code=AMS,
    name="Wijkenaanpak Amsterdam",
    city="Amsterdam",
    start_date=date(2007, 7, 1),
    end_date=date(2017, 12, 31),
    central_budget=Cents(0),
    description="Wijkenaanpak in de aandachtswijken die slechter scoren op wonen, werken, leren, "
    "integreren en veiligheid; per buurt een buurtuitvoeringsprogramma met meetbare doelen "
    "en een charter met afspraken tussen gemeente en Rijk.",
)

CENTROIDS = {  # CBS buurt code -> (lon, lat), CBS Wijk- en Buurtkaart 2015 (approximate centroids)
    "BU03920100": (4.63451, 52.38059),
    "BU03920201": (4.62273, 52.38066),
    "BU03920300": (4.64713, 52.37864),
    "BU03920301": (4.65234, 52.37933),
    "BU03920302": (4.65674, 52.37829),
    "BU03920702": (4.6461, 52.41609),
    "BU03920901": (4.66104, 52.36555),
    "BU03630237": (4.85455, 52.38069),
    "BU03630239": (4.84153, 52.37779),
    "BU03630241": (4.84937, 52.37147),
    "BU03630242": (4.85361, 52.36716),
    "BU03630376": (4.82983, 52.38138),
    "BU03630377": (4.81816, 52.37321),
    "BU03630378": (4.80191, 52.37903),
    "BU03630382": (4.79512, 52.35599),
    "BU03630385": (4.82621, 52.35823),
    "BU03630386": (4.84126, 52.36463),
    "BU03630530": (4.9209, 52.35406),
    "BU03630531": (4.93605, 52.36255),
    "BU03630660": (4.91313, 52.3925),
    "BU03630661": (4.92096, 52.38679),
    "BU03630668": (4.95666, 52.39473),
    "BU03630670": (4.91761, 52.40725),
    "BU03630794": (4.97729, 52.32027),
}
# code, name, short name, district, CBS codes, population, share non-western (for the invented values)
HAARLEM_WIJKEN = [
    (
        "HLM-AMSTERDAMSE-BUURTEN",
        "Amsterdamse buurten",
        "Amsterdamse buurten",
        "Haarlem-Oost",
        "BU03920300;BU03920301;BU03920302",
        7765,
        13,
    ),
    ("HLM-BOERHAAVEWIJK", "Boerhaavewijk", "Boerhaavewijk", "Schalkwijk", "BU03920901", 6610, 45),
    ("HLM-DELFTWIJK-WATERBUURT", "Delftwijk/Waterbuurt", "Delftwijk", "Haarlem-Noord", "BU03920702", 5015, 16),
    ("HLM-LEIDSEBUURT", "Leidsebuurt", "Leidsebuurt", "Haarlem-Zuidwest", "BU03920201", 4855, 7),
    (
        "HLM-CENTRUM",
        "Centrum (Vijfhoek/Raaks/Doelen en Heiliglanden/De Kamp)",
        "Vijfhoek",
        "Centrum",
        "BU03920100",
        9295,
        9,
    ),
]
# E-, G- and K-buurt share CBS buurt Bijlmer-Oost (26755 inhabitants): population split in three.
AMSTERDAM_WIJKEN = [
    ("AMS-OUD-NOORD", "Oud-Noord", "Amsterdam-Noord", "BU03630660", 9670, 39),
    ("AMS-IJPLEIN", "IJplein", "Amsterdam-Noord", "BU03630661", 8215, 47),
    ("AMS-NIEUWENDAM-NOORD", "Nieuwendam Noord", "Amsterdam-Noord", "BU03630668", 13050, 59),
    ("AMS-DE-BANNE", "De Banne", "Amsterdam-Noord", "BU03630670", 13840, 50),
    ("AMS-SLOTERMEER-NOORDOOST", "Slotermeer Noord-Oost", "Geuzenveld-Slotermeer", "BU03630376", 9455, 64),
    ("AMS-SLOTERMEER-ZUIDWEST", "Slotermeer Zuid-West", "Geuzenveld-Slotermeer", "BU03630377", 17000, 62),
    ("AMS-GEUZENVELD", "Geuzenveld", "Geuzenveld-Slotermeer", "BU03630378", 15030, 64),
    ("AMS-OSDORP-MIDDEN", "Osdorp Midden", "Osdorp", "BU03630382", 15735, 63),
    ("AMS-SLOTERVAART", "Slotervaart", "Slotervaart", "BU03630385;BU03630386", 29255, 53),
    ("AMS-KOLENKIT", "Kolenkit", "Bos en Lommer", "BU03630239", 9215, 64),
    ("AMS-OUD-BOS-EN-LOMMER", "Oud Bos en Lommer", "Bos en Lommer", "BU03630237", 18735, 46),
    ("AMS-BAARSJES", "Baarsjes", "De Baarsjes", "BU03630241;BU03630242", 17155, 42),
    ("AMS-INDISCHE-BUURT-WEST", "Indische Buurt West", "Zeeburg", "BU03630531", 12655, 47),
    ("AMS-TRANSVAALBUURT", "Transvaalbuurt", "Oost-Watergraafsmeer", "BU03630530", 9105, 46),
    ("AMS-E-BUURT", "E-buurt", "Zuidoost", "BU03630794", 8918, 69),
    ("AMS-G-BUURT", "G-buurt", "Zuidoost", "BU03630794", 8918, 69),
    ("AMS-K-BUURT", "K-buurt", "Zuidoost", "BU03630794", 8919, 69),
]
OFFSETS = {"AMS-E-BUURT": (-0.002, 0.004), "AMS-G-BUURT": (-0.004, -0.002), "AMS-K-BUURT": (0.004, -0.004)}

WIJK: dict[str, dict] = {}  # code -> info used below


def centroid(codes: str, wijk_code: str) -> tuple[float, float]:
    pts = [CENTROIDS[c] for c in codes.split(";")]
    dlon, dlat = OFFSETS.get(wijk_code, (0.0, 0.0))
    lon = sum(p[0] for p in pts) / len(pts) + dlon
    lat = sum(p[1] for p in pts) / len(pts) + dlat
    return round(lon, 5), round(lat, 5)


for code, name, short, district, cbs, pop, nw in HAARLEM_WIJKEN:
    lon, lat = centroid(cbs, code)
    add(
        "wijk",
        code=code,
        programme_code=HLM,
        name=name,
        city="Haarlem",
        district=district,
        kind="pilotwijk",
        cbs_code=cbs,
        population=pop,
        centroid_lon=lon,
        centroid_lat=lat,
    )
    WIJK[code] = dict(programme=HLM, city="Haarlem", name=name, short=short, district=district, nw=nw)
for code, name, district, cbs, pop, nw in AMSTERDAM_WIJKEN:
    lon, lat = centroid(cbs, code)
    add(
        "wijk",
        code=code,
        programme_code=AMS,
        name=name,
        city="Amsterdam",
        district=district,
        kind="aandachtswijk",
        cbs_code=cbs,
        population=pop,
        centroid_lon=lon,
        centroid_lat=lat,
    )
    WIJK[code] = dict(programme=AMS, city="Amsterdam", name=name, short=name, district=district, nw=nw)

# --------------------------------------------------------------------------------------------------
# Partners. Ymere works in both cities and is one partner.
PARTNERS = [
    ("YMERE", "Ymere", "corporatie"),
    # Haarlem
    ("ELAN-WONEN", "Elan Wonen", "corporatie"),
    ("PRE-WONEN", "Pre Wonen", "corporatie"),
    ("HAARLEM-EFFECT", "Haarlem Effect", "welzijn"),
    ("SPAARNELANDEN", "Spaarnelanden", "bedrijf"),
    ("POLITIE-KENNEMERLAND", "Politie Kennemerland", "politie"),
    ("GGD-KENNEMERLAND", "GGD Kennemerland", "zorg"),
    ("NOVA-COLLEGE", "Nova College", "onderwijs"),
    ("HLM-STADSZAKEN", "Gemeente Haarlem - Stadszaken", "gemeente"),
    ("HLM-WIJKZAKEN", "Gemeente Haarlem - Wijkzaken", "gemeente"),
    ("HLM-DIENSTVERLENING", "Gemeente Haarlem - Dienstverlening", "gemeente"),
    ("WR-AMSTERDAMSE-BUURTEN", "Wijkraad Amsterdamse Buurten", "bewoners"),
    ("WR-BOERHAAVEWIJK", "Wijkraad Boerhaavewijk", "bewoners"),
    ("WR-DELFTWIJK-WATERBUURT", "Wijkraad Delftwijk Waterbuurt", "bewoners"),
    ("WR-LEIDSEBUURT", "Wijkraad Leidsebuurt", "bewoners"),
    ("WR-VIJFHOEK", "Wijkraad Vijfhoek, Raaks en Doelen", "bewoners"),
    ("WR-HEILIGLANDEN", "Wijkraad Heiliglanden/De Kamp", "bewoners"),
    # Amsterdam
    ("EIGEN-HAARD", "Eigen Haard", "corporatie"),
    ("STADGENOOT", "Stadgenoot", "corporatie"),
    ("ROCHDALE", "Rochdale", "corporatie"),
    ("DE-ALLIANTIE", "De Alliantie", "corporatie"),
    ("DE-KEY", "De Key", "corporatie"),
    ("AFWC", "Amsterdamse Federatie van Woningcorporaties (AFWC)", "corporatie"),
    ("AMS-DIENST-WONEN", "Gemeente Amsterdam - Dienst Wonen", "gemeente"),
    ("AMS-DMO", "Gemeente Amsterdam - Dienst Maatschappelijke Ontwikkeling (DMO)", "gemeente"),
    ("AMS-DWI", "Gemeente Amsterdam - Dienst Werk en Inkomen (DWI)", "gemeente"),
    ("AMS-OS", "Gemeente Amsterdam - Onderzoek en Statistiek (O+S)", "gemeente"),
    ("AMS-PROGRAMMABUREAU", "Gemeente Amsterdam - Programmabureau Wijkenaanpak", "gemeente"),
    ("GGGD", "GG&GD Amsterdam", "zorg"),
    ("SD-NOORD", "Stadsdeel Amsterdam-Noord", "stadsdeel"),
    ("SD-GEUZENVELD-SLOTERMEER", "Stadsdeel Geuzenveld-Slotermeer", "stadsdeel"),
    ("SD-OSDORP", "Stadsdeel Osdorp", "stadsdeel"),
    ("SD-SLOTERVAART", "Stadsdeel Slotervaart", "stadsdeel"),
    ("SD-BOS-EN-LOMMER", "Stadsdeel Bos en Lommer", "stadsdeel"),
    ("SD-DE-BAARSJES", "Stadsdeel De Baarsjes", "stadsdeel"),
    ("SD-ZEEBURG", "Stadsdeel Zeeburg", "stadsdeel"),
    ("SD-OOST-WATERGRAAFSMEER", "Stadsdeel Oost-Watergraafsmeer", "stadsdeel"),
    ("SD-ZUIDOOST", "Stadsdeel Zuidoost", "stadsdeel"),
    ("POLITIE-AA", "Politie Amsterdam-Amstelland", "politie"),
    ("STREETCORNERWORK", "Streetcornerwork", "welzijn"),
    ("DORAS", "Doras", "welzijn"),
    ("COMBIWEL", "Combiwel", "welzijn"),
    ("SWAZOOM", "Swazoom", "welzijn"),
    ("WELZIJN-NIEUW-WEST", "Welzijnsorganisatie Nieuw-West", "welzijn"),
    ("WELZIJN-OOST", "Welzijnsorganisatie Oost", "welzijn"),
    ("ROC-AMSTERDAM", "ROC van Amsterdam", "onderwijs"),
    ("HUURDERSVERENIGING-AMS", "Huurdersvereniging Amsterdam", "bewoners"),
    ("MIN-LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit (LNV)", "rijk"),
    ("MIN-VROM-WWI", "Ministerie van VROM / Wonen, Wijken en Integratie (WWI)", "rijk"),
    ("MIN-OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)", "rijk"),
    ("MIN-SZW", "Ministerie van Sociale Zaken en Werkgelegenheid (SZW)", "rijk"),
    ("MIN-BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)", "rijk"),
    ("CWI", "Centrum voor Werk en Inkomen (CWI)", "rijk"),
    ("HVA", "Hogeschool van Amsterdam (HvA)", "kennisinstelling"),
    ("UVA", "Universiteit van Amsterdam (UvA)", "kennisinstelling"),
    ("ALBERT-HEIJN", "Albert Heijn", "bedrijf"),
    ("KUNSTENAARS-CO", "Kunstenaars&CO", "bedrijf"),
    ("JOHAN-CRUYFF-FOUNDATION", "Johan Cruyff Foundation", "welzijn"),
]
PARTNER_NAME = {code: name for code, name, _ in PARTNERS}
PARTNER_KIND = {code: kind for code, _, kind in PARTNERS}
for code, name, kind in PARTNERS:
    add("partner", code=code, name=name, kind=kind)

# Local partners per wijk (illustrative assignment of corporations and welfare organisations).
H_CORPS = {
    "HLM-AMSTERDAMSE-BUURTEN": ["PRE-WONEN", "ELAN-WONEN"],
    "HLM-BOERHAAVEWIJK": ["PRE-WONEN", "YMERE", "ELAN-WONEN"],
    "HLM-DELFTWIJK-WATERBUURT": ["ELAN-WONEN"],
    "HLM-LEIDSEBUURT": ["PRE-WONEN"],
    "HLM-CENTRUM": ["YMERE", "ELAN-WONEN"],
}
H_WIJKRAAD = {
    "HLM-AMSTERDAMSE-BUURTEN": ["WR-AMSTERDAMSE-BUURTEN"],
    "HLM-BOERHAAVEWIJK": ["WR-BOERHAAVEWIJK"],
    "HLM-DELFTWIJK-WATERBUURT": ["WR-DELFTWIJK-WATERBUURT"],
    "HLM-LEIDSEBUURT": ["WR-LEIDSEBUURT"],
    "HLM-CENTRUM": ["WR-VIJFHOEK", "WR-HEILIGLANDEN"],
}
A_CORPS = {
    "AMS-OUD-NOORD": ["YMERE", "EIGEN-HAARD"],
    "AMS-IJPLEIN": ["EIGEN-HAARD", "YMERE"],
    "AMS-NIEUWENDAM-NOORD": ["YMERE", "ROCHDALE"],
    "AMS-DE-BANNE": ["ROCHDALE", "YMERE"],
    "AMS-SLOTERMEER-NOORDOOST": ["EIGEN-HAARD", "DE-KEY"],
    "AMS-SLOTERMEER-ZUIDWEST": ["YMERE", "STADGENOOT"],
    "AMS-GEUZENVELD": ["EIGEN-HAARD", "DE-ALLIANTIE"],
    "AMS-OSDORP-MIDDEN": ["YMERE", "STADGENOOT"],
    "AMS-SLOTERVAART": ["YMERE", "EIGEN-HAARD", "DE-KEY"],
    "AMS-KOLENKIT": ["ROCHDALE", "STADGENOOT"],
    "AMS-OUD-BOS-EN-LOMMER": ["ROCHDALE", "EIGEN-HAARD"],
    "AMS-BAARSJES": ["STADGENOOT", "DE-KEY"],
    "AMS-INDISCHE-BUURT-WEST": ["EIGEN-HAARD", "YMERE"],
    "AMS-TRANSVAALBUURT": ["DE-ALLIANTIE", "EIGEN-HAARD"],
    "AMS-E-BUURT": ["ROCHDALE", "YMERE"],
    "AMS-G-BUURT": ["YMERE", "ROCHDALE"],
    "AMS-K-BUURT": ["EIGEN-HAARD", "ROCHDALE"],
}
STADSDEEL = {
    "Amsterdam-Noord": "SD-NOORD",
    "Geuzenveld-Slotermeer": "SD-GEUZENVELD-SLOTERMEER",
    "Osdorp": "SD-OSDORP",
    "Slotervaart": "SD-SLOTERVAART",
    "Bos en Lommer": "SD-BOS-EN-LOMMER",
    "De Baarsjes": "SD-DE-BAARSJES",
    "Zeeburg": "SD-ZEEBURG",
    "Oost-Watergraafsmeer": "SD-OOST-WATERGRAAFSMEER",
    "Zuidoost": "SD-ZUIDOOST",
}
WELZIJN = {
    "SD-NOORD": "DORAS",
    "SD-GEUZENVELD-SLOTERMEER": "WELZIJN-NIEUW-WEST",
    "SD-OSDORP": "WELZIJN-NIEUW-WEST",
    "SD-SLOTERVAART": "WELZIJN-NIEUW-WEST",
    "SD-BOS-EN-LOMMER": "COMBIWEL",
    "SD-DE-BAARSJES": "COMBIWEL",
    "SD-ZEEBURG": "WELZIJN-OOST",
    "SD-OOST-WATERGRAAFSMEER": "WELZIJN-OOST",
    "SD-ZUIDOOST": "SWAZOOM",
}
FIXED = {
    "politie_h": "POLITIE-KENNEMERLAND",
    "stadszaken": "HLM-STADSZAKEN",
    "wijkzaken": "HLM-WIJKZAKEN",
    "dienstverlening": "HLM-DIENSTVERLENING",
    "spaarnelanden": "SPAARNELANDEN",
    "heffect": "HAARLEM-EFFECT",
    "ggd_h": "GGD-KENNEMERLAND",
    "nova": "NOVA-COLLEGE",
    "politie": "POLITIE-AA",
    "scw": "STREETCORNERWORK",
    "dmo": "AMS-DMO",
    "dwi": "AMS-DWI",
    "wonen": "AMS-DIENST-WONEN",
    "ggd": "GGGD",
    "hva": "HVA",
    "uva": "UVA",
    "ah": "ALBERT-HEIJN",
    "jcf": "JOHAN-CRUYFF-FOUNDATION",
    "kco": "KUNSTENAARS-CO",
    "cwi": "CWI",
    "roc": "ROC-AMSTERDAM",
    "lnv": "MIN-LNV",
    "vrom": "MIN-VROM-WWI",
    "ocw": "MIN-OCW",
    "huurders": "HUURDERSVERENIGING-AMS",
}


def partner_for(key: str, wijk: str) -> str:
    if key in FIXED:
        return FIXED[key]
    if key == "corp":
        return rng.choice(H_CORPS.get(wijk) or A_CORPS[wijk])
    if key == "wijkraad":
        return rng.choice(H_WIJKRAAD[wijk])
    sd = STADSDEEL[WIJK[wijk]["district"]]
    return sd if key == "stadsdeel" else WELZIJN[sd]  # "welzijn"


# --------------------------------------------------------------------------------------------------
# Contracts and report moments.
CONTRACT = {}
for code, info in WIJK.items():
    slug = code.split("-", 1)[1]
    if info["programme"] == HLM:
        c = "WC-HLM-" + slug
        add(
            "contract",
            code=c,
            wijk_code=code,
            kind="wijkcontract",
            title=f"Wijkcontract {info['name']} 2007-2009",
            signed_date=date(2007, 10, 2),
            start_date=date(2007, 10, 2),
            end_date=date(2009, 10, 1),
        )
        add("report_moment", contract_code=c, report_date=date(2008, 10, 1), title="Voortgangsrapportage oktober 2008")
        add("report_moment", contract_code=c, report_date=date(2009, 10, 1), title="Eindrapportage oktober 2009")
    else:
        c = "BUP-AMS-" + slug
        add(
            "contract",
            code=c,
            wijk_code=code,
            kind="buurtuitvoeringsprogramma",
            title=f"Buurtuitvoeringsprogramma {info['name']} 2008-2011",
            signed_date=rand_date(date(2008, 2, 1), date(2008, 6, 30)),
            start_date=date(2008, 1, 1),
            end_date=date(2011, 12, 31),
        )
        for y in (2008, 2009, 2010, 2011):
            add("report_moment", contract_code=c, report_date=date(y, 12, 1), title=f"Voortgangsrapportage {y}")
        add("report_moment", contract_code=c, report_date=date(2012, 3, 1), title="Eindrapportage 2008-2011")
    CONTRACT[code] = c

# --------------------------------------------------------------------------------------------------
# Project templates: (theme, title, description, lead key, contributor keys). {w} = wijk short name.
H_TEMPLATES = [
    (
        "leefbaarheid",
        "Schoon, heel en veilig {w}",
        "Extra veeg- en opruimrondes en snel herstel van vernielingen, afgesproken met de bewoners.",
        "spaarnelanden",
        ["wijkzaken", "corp"],
    ),
    (
        "leefbaarheid",
        "Vernieuwing speelplekken {w}",
        "Speelplekken worden samen met kinderen en ouders opnieuw ingericht.",
        "stadszaken",
        ["wijkraad", "corp"],
    ),
    (
        "leefbaarheid",
        "Aanpak zwerfvuil en hondenpoep",
        "Gerichte schoonmaakacties, extra afvalbakken en handhaving op hondenpoep.",
        "spaarnelanden",
        ["wijkzaken"],
    ),
    (
        "leefbaarheid",
        "Groen en geveltuinen {w}",
        "Bewoners krijgen hulp bij het aanleggen van geveltuinen en het onderhoud van buurtgroen.",
        "stadszaken",
        ["wijkraad"],
    ),
    (
        "leefbaarheid",
        "Ondergrondse afvalcontainers",
        "Bovengrondse containers worden vervangen door ondergrondse containers op vaste plekken.",
        "spaarnelanden",
        ["stadszaken", "corp"],
    ),
    (
        "leefbaarheid",
        "Wijkschouw met bewoners",
        "Twee keer per jaar lopen bewoners, gemeente en partners een schouw en pakken knelpunten op.",
        "wijkzaken",
        ["wijkraad", "spaarnelanden"],
    ),
    (
        "leefbaarheid",
        "Parkeerregulering {w}",
        "Onderzoek naar de parkeerdruk en invoering van betaald parkeren na draagvlakmeting.",
        "stadszaken",
        ["wijkraad"],
    ),
    (
        "leefbaarheid",
        "Buurtconciërge {w}",
        "Een buurtconciërge is aanspreekpunt voor kleine ergernissen en klusjes in de buurt.",
        "heffect",
        ["corp"],
    ),
    (
        "veiligheid",
        "Buurtpreventieteam {w}",
        "Bewoners lopen met ondersteuning van politie en gemeente preventierondes door de buurt.",
        "politie_h",
        ["wijkraad", "wijkzaken"],
    ),
    (
        "veiligheid",
        "Aanpak overlast hangjongeren",
        "Politie en jongerenwerk pakken overlast op hangplekken gezamenlijk en persoonsgericht aan.",
        "politie_h",
        ["heffect"],
    ),
    (
        "veiligheid",
        "Verlichting en sociale veiligheid brandgangen",
        "Brandgangen en achterpaden krijgen betere verlichting en afsluitbare hekken.",
        "corp",
        ["stadszaken"],
    ),
    (
        "veiligheid",
        "Veilige schoolroutes {w}",
        "Verkeersmaatregelen op de routes naar de basisscholen, met ouders en scholen uitgewerkt.",
        "stadszaken",
        ["wijkraad"],
    ),
    (
        "veiligheid",
        "Woninginbraakpreventie",
        "Voorlichting en kortingsregeling voor hang- en sluitwerk in inbraakgevoelige straten.",
        "politie_h",
        ["corp"],
    ),
    (
        "wonen",
        "Groot onderhoud portiekflats {w}",
        "Groot onderhoud van portiekflats met betere isolatie en opgeknapte entrees.",
        "corp",
        ["stadszaken"],
    ),
    (
        "wonen",
        "Opknappen entrees en bergingen",
        "Entrees en bergingen worden schoon, licht en afsluitbaar gemaakt.",
        "corp",
        ["wijkraad"],
    ),
    (
        "wonen",
        "Buurtbemiddeling bij burenruzies",
        "Getrainde vrijwilligers bemiddelen bij conflicten tussen buren.",
        "heffect",
        ["corp", "politie_h"],
    ),
    (
        "wonen",
        "Woonfraude en onderhuur aanpakken",
        "Gezamenlijke controles op woonfraude en illegale onderhuur.",
        "corp",
        ["dienstverlening"],
    ),
    (
        "wonen",
        "Verkoop huurwoningen aan zittende huurders",
        "Huurders krijgen de kans hun woning met korting te kopen.",
        "corp",
        [],
    ),
    (
        "jeugd",
        "Jongerenwerk in de avonduren",
        "Ambulant jongerenwerk is ook 's avonds en in het weekend op straat aanwezig.",
        "heffect",
        ["politie_h"],
    ),
    (
        "jeugd",
        "Tienerclub en speeltuinwerk",
        "Wekelijkse activiteiten voor kinderen en tieners in het buurthuis en de speeltuin.",
        "heffect",
        ["wijkzaken"],
    ),
    (
        "jeugd",
        "Sport- en spelmiddagen op het schoolplein",
        "Sportbuurtwerk organiseert na schooltijd activiteiten op het schoolplein.",
        "heffect",
        ["wijkzaken"],
    ),
    (
        "jeugd",
        "Jongerenparticipatie {w}",
        "Jongeren bedenken en organiseren zelf activiteiten met een klein budget.",
        "wijkzaken",
        ["heffect"],
    ),
    (
        "zorg",
        "Huisbezoeken 75-plussers",
        "Vrijwilligers bezoeken ouderen thuis en signaleren hulpvragen.",
        "ggd_h",
        ["heffect"],
    ),
    (
        "zorg",
        "Ontmoetingsplek voor ouderen",
        "Wekelijkse inloop met koffie, activiteiten en spreekuur.",
        "heffect",
        ["corp"],
    ),
    (
        "werken",
        "Leerwerkplekken in het wijkonderhoud",
        "Werkzoekenden uit de wijk werken en leren in het onderhoud van de openbare ruimte.",
        "spaarnelanden",
        ["dienstverlening"],
    ),
    (
        "werken",
        "Werkspreekuur in het buurthuis",
        "Wekelijks spreekuur over werk, uitkering en scholing dicht bij huis.",
        "dienstverlening",
        ["heffect"],
    ),
    (
        "integreren",
        "Taalcafé {w}",
        "Laagdrempelige conversatielessen Nederlands door vrijwilligers.",
        "heffect",
        ["nova"],
    ),
    (
        "integreren",
        "Buurtfeest en ontmoetingsdagen",
        "Jaarlijkse ontmoetingsdagen die bewoners met verschillende achtergronden samenbrengen.",
        "wijkraad",
        ["heffect"],
    ),
    (
        "leren",
        "Brede school {w}",
        "Scholen, welzijn en sport bieden een samenhangend naschools aanbod.",
        "wijkzaken",
        ["heffect"],
    ),
    (
        "leren",
        "Huiswerkbegeleiding",
        "Leerlingen krijgen huiswerkbegeleiding door stagiairs en vrijwilligers.",
        "heffect",
        ["nova"],
    ),
]
H_SPECIFIC = {
    "HLM-AMSTERDAMSE-BUURTEN": [
        (
            "leefbaarheid",
            "Herinrichting Amsterdamsevaart",
            "Betere oversteekplekken, bomen en fietspaden langs de Amsterdamsevaart.",
            "stadszaken",
            ["wijkraad"],
        )
    ],
    "HLM-BOERHAAVEWIJK": [
        (
            "wonen",
            "Herstructurering Boerhaavewijk fase 1",
            "Sloop-nieuwbouw van de eerste flats met een mix van huur- en koopwoningen.",
            "corp",
            ["stadszaken", "wijkraad"],
        )
    ],
    "HLM-DELFTWIJK-WATERBUURT": [
        (
            "wonen",
            "Renovatie woningen Delftwijk",
            "Renovatie van vooroorlogse en naoorlogse woningen met behoud van betaalbare huur.",
            "corp",
            ["stadszaken"],
        )
    ],
    "HLM-LEIDSEBUURT": [
        (
            "veiligheid",
            "Verkeersveiligheid Leidsevaart",
            "Aanpassing van kruisingen en oversteken langs de Leidsevaart.",
            "stadszaken",
            ["wijkraad"],
        )
    ],
    "HLM-CENTRUM": [
        (
            "leefbaarheid",
            "Herinrichting Raaks en omgeving",
            "Herinrichting van de openbare ruimte rond de nieuwe bebouwing op de Raaks.",
            "stadszaken",
            ["wijkraad"],
        ),
        (
            "veiligheid",
            "Aanpak horeca- en uitgaansoverlast",
            "Afspraken met horeca, extra toezicht en handhaving op uitgaansavonden.",
            "politie_h",
            ["wijkzaken"],
        ),
    ],
}
A_TEMPLATES = [
    (
        "wonen",
        "Renovatie portiekwoningen {w}",
        "Groot onderhoud en isolatie van portiekwoningen met behoud van betaalbare huur.",
        "corp",
        ["stadsdeel"],
    ),
    (
        "wonen",
        "Sloop-nieuwbouw {w} fase 1",
        "Sloop van verouderde flats en bouw van een gemengd programma huur- en koopwoningen.",
        "corp",
        ["stadsdeel", "wonen"],
    ),
    (
        "wonen",
        "Achter de Voordeur {w}",
        "Huisbezoeken om problemen achter de voordeur vroeg te signaleren en hulp in te schakelen.",
        "stadsdeel",
        ["corp", "ggd"],
    ),
    (
        "wonen",
        "Aanpak woonfraude en illegale onderhuur",
        "Gezamenlijke controles en registratie van woonfraude en illegale onderhuur.",
        "wonen",
        ["corp"],
    ),
    (
        "wonen",
        "Verkoop huurwoningen aan zittende huurders",
        "Huurders krijgen de kans hun woning met korting te kopen.",
        "corp",
        ["huurders"],
    ),
    (
        "wonen",
        "Wooncoaches voor nieuwe bewoners",
        "Wooncoaches begeleiden nieuwe huurders in hun eerste jaar in de buurt.",
        "corp",
        ["welzijn"],
    ),
    (
        "wonen",
        "Herbestemming karakteristiek gebouw",
        "Een karakteristiek gebouw wordt herontwikkeld tot buurtvoorziening.",
        "stadsdeel",
        ["vrom", "corp"],
    ),
    (
        "werken",
        "Werkpunt {w}",
        "Een werkpunt in de buurt begeleidt werkzoekenden naar werk, scholing of vrijwilligerswerk.",
        "dwi",
        ["cwi", "stadsdeel"],
    ),
    (
        "werken",
        "Stages en leerbanen bij Albert Heijn",
        "Jongeren uit de buurt krijgen een stage of leerbaan in supermarkten in de stad.",
        "ah",
        ["cwi", "roc"],
    ),
    (
        "werken",
        "Bedrijfsruimte voor startende ondernemers",
        "Plinten van corporatiewoningen worden tegen lage huur verhuurd aan starters uit de buurt.",
        "corp",
        ["stadsdeel"],
    ),
    (
        "werken",
        "Jongerenloket werk en scholing",
        "Eén loket voor jongeren zonder werk of startkwalificatie.",
        "dwi",
        ["roc", "cwi"],
    ),
    (
        "werken",
        "Taal en werk voor vrouwen",
        "Trajecten die taalles combineren met werkervaring voor vrouwen zonder werk.",
        "dwi",
        ["welzijn"],
    ),
    (
        "werken",
        "Kunstenaars in de wijk",
        "Kunstenaars werken in de buurt aan projecten met bewoners en krijgen zo werkervaring.",
        "kco",
        ["stadsdeel"],
    ),
    (
        "leren",
        "Voor- en vroegschoolse educatie {w}",
        "Meer VVE-plaatsen en scholing van leidsters in peuterspeelzalen en scholen.",
        "dmo",
        ["stadsdeel", "ocw"],
    ),
    (
        "leren",
        "Ouder Kind Centrum {w}",
        "Een Ouder Kind Centrum bundelt consultatiebureau, opvoedsteun en peuteraanbod.",
        "stadsdeel",
        ["ggd", "dmo"],
    ),
    (
        "leren",
        "Brede school {w}",
        "Scholen, welzijn en sport bieden een samenhangend aanbod na schooltijd.",
        "stadsdeel",
        ["dmo", "welzijn"],
    ),
    (
        "leren",
        "Huiswerkbegeleiding en verlengde schooldag",
        "Extra leertijd en huiswerkbegeleiding voor leerlingen van groep 6 tot 8.",
        "dmo",
        ["welzijn"],
    ),
    (
        "leren",
        "BOOT {w}",
        "Een Buurtwinkel voor Onderwijs, Onderzoek en Talentontwikkeling waar studenten bewoners helpen.",
        "hva",
        ["uva", "stadsdeel"],
    ),
    (
        "leren",
        "Aanpak voortijdig schoolverlaten",
        "Verzuim wordt sneller opgepakt en schoolverlaters worden teruggeleid naar school of werk.",
        "roc",
        ["dmo"],
    ),
    (
        "integreren",
        "Bewonersadviseurs {w}",
        "Bewonersadviseurs ondersteunen bewoners bij initiatieven en inspraak.",
        "stadsdeel",
        ["huurders"],
    ),
    (
        "integreren",
        "Pilot hoogopgeleide inburgeraars",
        "Hoogopgeleide inburgeraars combineren inburgering met een werkervaringsplaats.",
        "dmo",
        ["dwi"],
    ),
    (
        "integreren",
        "Taalles voor ouders op school",
        "Ouders volgen taalles op de school van hun kinderen.",
        "welzijn",
        ["dmo"],
    ),
    (
        "integreren",
        "Buurtmoeders",
        "Getrainde buurtmoeders bezoeken geïsoleerde gezinnen en verwijzen door.",
        "welzijn",
        ["ggd"],
    ),
    (
        "integreren",
        "Buurtbudget voor bewonersinitiatieven",
        "Bewoners beslissen zelf over een budget voor activiteiten in de buurt.",
        "stadsdeel",
        ["corp"],
    ),
    (
        "veiligheid",
        "Aanpak overlastgevende jeugdgroepen",
        "Persoonsgerichte aanpak van jeugdgroepen door politie, jongerenwerk en stadsdeel.",
        "politie",
        ["scw", "stadsdeel"],
    ),
    (
        "veiligheid",
        "Buurtregie en extra handhaving",
        "Extra handhavers en een vaste buurtregisseur voor overlast in de openbare ruimte.",
        "stadsdeel",
        ["politie"],
    ),
    (
        "veiligheid",
        "Cameratoezicht {w}",
        "Cameratoezicht op plekken met veel overlast en straatroof.",
        "politie",
        ["stadsdeel"],
    ),
    (
        "veiligheid",
        "Schoon, heel en veilig winkelcentrum",
        "Winkeliers, Albert Heijn en stadsdeel zorgen samen voor een schoon en veilig winkelgebied.",
        "stadsdeel",
        ["ah", "politie"],
    ),
    (
        "veiligheid",
        "Buurtvaders {w}",
        "Vaders uit de buurt lopen 's avonds rondes en spreken jongeren aan.",
        "welzijn",
        ["politie"],
    ),
    (
        "veiligheid",
        "Hang- en sluitwerk portiekwoningen",
        "Inbraakwerend hang- en sluitwerk en afsluitbare portieken.",
        "corp",
        ["politie"],
    ),
    (
        "leefbaarheid",
        "Groen in de buurt {w}",
        "Aanleg en vernieuwing van buurtgroen met extra middelen van LNV.",
        "stadsdeel",
        ["lnv"],
    ),
    (
        "leefbaarheid",
        "Vernieuwing speelplekken",
        "Speelplekken worden samen met kinderen en ouders opnieuw ingericht.",
        "stadsdeel",
        ["corp"],
    ),
    (
        "leefbaarheid",
        "Schoon {w}: extra reiniging",
        "Extra veegrondes en handhaving op bijplaatsingen van afval.",
        "stadsdeel",
        ["corp"],
    ),
    (
        "jeugd",
        "Cruyff Court {w}",
        "Aanleg van een Cruyff Court met een vast programma van sportactiviteiten.",
        "jcf",
        ["stadsdeel"],
    ),
    (
        "jeugd",
        "Jongerencentrum {w}",
        "Een jongerencentrum met inloop, activiteiten en begeleiding naar school en werk.",
        "welzijn",
        ["stadsdeel"],
    ),
    (
        "jeugd",
        "Sport na school",
        "Sportaanbod na schooltijd in samenwerking met verenigingen en scholen.",
        "stadsdeel",
        ["jcf", "welzijn"],
    ),
    (
        "zorg",
        "Gezonde Wijk {w}",
        "Bewegen, gezond eten en voorlichting met huisartsen, scholen en GG&GD.",
        "ggd",
        ["stadsdeel"],
    ),
    (
        "zorg",
        "Schuldhulpverlening dichtbij",
        "Spreekuur en vroegsignalering van schulden in de buurt.",
        "dmo",
        ["welzijn", "corp"],
    ),
]
A_SPECIFIC = {
    "AMS-KOLENKIT": [
        (
            "wonen",
            "Vernieuwing Kolenkitbuurt: sloop-nieuwbouw",
            "Sloop van de oudste blokken en nieuwbouw van huur- en koopwoningen in de Kolenkit.",
            "corp",
            ["stadsdeel"],
        )
    ],
    "AMS-TRANSVAALBUURT": [
        (
            "leefbaarheid",
            "Herinrichting Transvaalplein",
            "Het plein wordt heringericht als ontmoetingsplek voor de buurt.",
            "stadsdeel",
            ["corp"],
        )
    ],
    "AMS-E-BUURT": [
        (
            "wonen",
            "Renovatie hoogbouw E-buurt",
            "Renovatie van de hoogbouw met nieuwe entrees en bergingen op de begane grond.",
            "corp",
            ["stadsdeel"],
        )
    ],
    "AMS-K-BUURT": [
        (
            "wonen",
            "Vernieuwing K-buurt: laagbouw naast de flats",
            "Nieuwbouw van eengezinswoningen naast de gerenoveerde flats.",
            "corp",
            ["stadsdeel"],
        )
    ],
}
H_THEME_WEIGHTS = {
    "leefbaarheid": 3,
    "veiligheid": 2.5,
    "wonen": 2,
    "jeugd": 2,
    "zorg": 0.8,
    "werken": 0.6,
    "integreren": 0.6,
    "leren": 0.6,
}
A_THEME_WEIGHTS = {
    "wonen": 3,
    "werken": 2.5,
    "leren": 2.5,
    "integreren": 2,
    "veiligheid": 2.5,
    "leefbaarheid": 1,
    "jeugd": 1,
    "zorg": 0.7,
}

# Special cases (documented in sample_data/README.md): code -> overrides.
SPECIAL = {
    # no update in the last months before the data end, while the project is still running
    "HLM-LEIDSEBUURT-03": dict(start=date(2008, 1, 15), end=date(2010, 3, 31), silent_after=date(2009, 7, 10)),
    "AMS-DE-BANNE-02": dict(start=date(2009, 3, 1), end=date(2012, 6, 30), silent_after=date(2011, 9, 20)),
    # last status 'vertraagd' at the data end (the Amsterdam one is past its end date as well)
    "HLM-BOERHAAVEWIJK-02": dict(start=date(2007, 11, 1), end=date(2009, 12, 31), late_from=date(2009, 6, 15)),
    "AMS-SLOTERVAART-01": dict(start=date(2008, 6, 1), end=date(2011, 10, 31), late_from=date(2011, 7, 15)),
    # three Kolenkit projects turn 'aandacht' in the same week for one shared cause
    "AMS-KOLENKIT-01": dict(start=date(2008, 9, 1), end=date(2011, 6, 30), shared=date(2010, 3, 8)),
    "AMS-KOLENKIT-02": dict(start=date(2009, 1, 15), end=date(2011, 12, 31), shared=date(2010, 3, 10)),
    "AMS-KOLENKIT-03": dict(start=date(2008, 5, 1), end=date(2010, 12, 31), shared=date(2010, 3, 12)),
    # stopped projects
    "HLM-DELFTWIJK-WATERBUURT-05": dict(
        start=date(2007, 11, 15),
        end=date(2009, 6, 30),
        stop=date(2008, 11, 20),
        stop_text="Project gestopt: te weinig animo bij bewoners; de activiteiten gaan op in het reguliere werk.",
    ),
    "AMS-GEUZENVELD-03": dict(
        start=date(2008, 4, 1),
        end=date(2011, 3, 31),
        stop=date(2009, 9, 14),
        stop_text="Project gestopt: partner heeft de investeringsplanning herzien na de kredietcrisis; middelen gaan naar een ander project.",
    ),
    "AMS-E-BUURT-04": dict(
        start=date(2009, 1, 1),
        end=date(2011, 6, 30),
        stop=date(2010, 5, 17),
        stop_text="Project gestopt op besluit van de stuurgroep; de aanpak wordt opgenomen in het stadsdeelbrede programma.",
    ),
    # not started at the data end (one with a 'niet gestart' update, one without updates)
    "AMS-INDISCHE-BUURT-WEST-04": dict(start=date(2012, 2, 1), end=date(2013, 6, 30), not_started=date(2011, 11, 24)),
    "AMS-OSDORP-MIDDEN-04": dict(start=date(2012, 3, 1), end=date(2013, 12, 31)),
}
SHARED_CAUSE = (
    "Stadsdeel Bos en Lommer heeft de subsidiebeschikkingen voor 2010 pas in maart afgegeven door de bezuinigingsronde.",
    "Activiteiten voor het eerste kwartaal konden niet starten; de planning schuift ongeveer twee maanden op.",
    "Stuurgroep Kolenkit regelt voorfinanciering; de projectleiders stellen samen een ingehaalde planning op.",
)


def project_dates(programme: str) -> tuple[date, date]:
    if programme == HLM:
        r = rng.random()
        if r < 0.1:
            start = rand_date(date(2007, 6, 1), date(2007, 9, 15))  # running project taken into the contract
        elif r < 0.8:
            start = rand_date(date(2007, 10, 2), date(2008, 3, 31))
        else:
            start = rand_date(date(2008, 4, 1), date(2008, 12, 31))
        start = start.replace(day=1 if start.day < 15 else 15)
        months = rng.randint(8, 24)
        end = month_end(start.year, start.month + months - 1)
        if rng.random() < 0.12:
            end = month_end(2009, rng.randint(11, 18))  # a few run past the contract
        elif end > date(2009, 10, 1):
            end = date(2009, 10, 1)
    else:
        start = rand_date(date(2008, 1, 1), date(2008, 12, 31) if rng.random() < 0.55 else date(2010, 10, 31))
        start = start.replace(day=1 if start.day < 15 else 15)
        months = rng.randint(12, 48)
        end = month_end(start.year, start.month + months - 1)
        if rng.random() < 0.15:
            end = month_end(2012, rng.randint(1, 24))
        elif end > date(2011, 12, 31):
            end = date(2011, 12, 31)
    if (end - start).days < 150:
        end = month_end(start.year, start.month + 6)
    return start, end


PROJECTS: list[dict] = []
for wijk, info in WIJK.items():
    h = info["programme"] == HLM
    templates = (H_TEMPLATES if h else A_TEMPLATES)[:]
    weights = H_THEME_WEIGHTS if h else A_THEME_WEIGHTS
    chosen = list((H_SPECIFIC if h else A_SPECIFIC).get(wijk, []))
    n = rng.randint(6, 10) if h else rng.randint(4, 8)
    while len(chosen) < n:
        themes = sorted({t[0] for t in templates})
        theme = rng.choices(themes, [weights[t] for t in themes])[0]
        tpl = rng.choice([t for t in templates if t[0] == theme])
        templates.remove(tpl)
        chosen.append(tpl)
    rng.shuffle(chosen)
    for i, (theme, title, descr, lead_key, contrib_keys) in enumerate(chosen, 1):
        code = f"{wijk}-{i:02d}"
        start, end = project_dates(info["programme"])
        sp = SPECIAL.get(code, {})
        start, end = sp.get("start", start), sp.get("end", end)
        lead = partner_for(lead_key, wijk)
        p = dict(
            code=code,
            wijk=wijk,
            programme=info["programme"],
            theme=theme,
            title=title.format(w=info["short"]),
            description=descr.format(w=info["short"]),
            lead=lead,
            start=start,
            end=end,
            contrib_keys=contrib_keys,
        )
        PROJECTS.append(p)
        add(
            "project",
            code=code,
            contract_code=CONTRACT[wijk],
            title=p["title"],
            theme=theme,
            lead_partner_code=lead,
            start_date=start,
            end_date=end,
            description=p["description"],
        )

# Partner contributions: the lead partner plus 0-3 contributing partners.
for p in PROJECTS:
    h = p["programme"] == HLM
    lo, hi = (2_000, 250_000) if h else (20_000, 3_000_000)
    big = p["theme"] == "wonen" and PARTNER_KIND[p["lead"]] == "corporatie"
    if h:
        lead_amount = rng.uniform(40_000, 250_000) if big else rng.uniform(4_000, 60_000)
    else:
        lead_amount = rng.uniform(500_000, 3_000_000) if big else rng.uniform(40_000, 700_000)
    add("project_partner", project_code=p["code"], partner_code=p["lead"], amount=eur(lead_amount, lo, hi))
    pool = list(dict.fromkeys(partner_for(k, p["wijk"]) for k in p["contrib_keys"]))
    pool = [c for c in pool if c != p["lead"]]
    k = min(len(pool), rng.choice([0, 1, 1, 2, 2, 3]))
    for c in rng.sample(pool, k):
        add(
            "project_partner",
            project_code=p["code"],
            partner_code=c,
            amount=eur(lead_amount * rng.uniform(0.05, 0.5), lo, hi),
        )

# --------------------------------------------------------------------------------------------------
# Status history.
CAUSES = {
    "wonen": [
        (
            "Aanbesteding van de werkzaamheden is uitgelopen doordat de inschrijvingen boven de raming lagen.",
            "Start van de uitvoering schuift enkele maanden op.",
            "Bestek versoberd en opnieuw aanbesteed.",
        ),
        (
            "Herhuisvesting van de laatste bewoners kost meer tijd dan gepland.",
            "Sloop of renovatie van het blok kan nog niet beginnen.",
            "Extra inzet van wooncoaches en voorrang voor urgente woningzoekenden.",
        ),
        (
            "Kredietcrisis: de corporatie heeft haar investeringsplanning herzien.",
            "Koopwoningen worden gefaseerd op de markt gebracht.",
            "Eerste fase omgezet naar huur; verkoop later in de markt gezet.",
        ),
        (
            "Bewoners maken bezwaar tegen het plan.",
            "De draagvlakmeting moet opnieuw worden gehouden.",
            "Extra bewonersavonden en een aangepast plan met keuzemogelijkheden.",
        ),
    ],
    "werken": [
        (
            "De doelgroep wordt slecht bereikt; er zijn minder aanmeldingen dan verwacht.",
            "Het aantal plaatsingen blijft achter bij de doelstelling.",
            "Werving via buurtcentra, scholen en sleutelfiguren geïntensiveerd.",
        ),
        (
            "Door de economische crisis bieden werkgevers minder stage- en werkplekken.",
            "Deelnemers blijven langer in het traject.",
            "Nieuwe werkgevers benaderd en extra leerwerkplekken bij partners.",
        ),
        (
            "Deelnemers vallen uit door schulden en zorgproblemen.",
            "Uitstroom naar werk blijft achter.",
            "Koppeling gemaakt met schuldhulpverlening en maatschappelijk werk.",
        ),
    ],
    "leren": [
        (
            "Er zijn te weinig gekwalificeerde leidsters en docenten beschikbaar.",
            "Niet alle geplande groepen kunnen starten.",
            "Opleidingstraject gestart; tijdelijk invalkrachten ingezet.",
        ),
        (
            "De verbouwing van het schoolgebouw loopt uit.",
            "Activiteiten vinden tijdelijk op een andere locatie plaats.",
            "Tijdelijke huisvesting geregeld; aannemer aangesproken op de planning.",
        ),
        (
            "Scholen hebben door personeelstekort weinig ruimte om mee te doen.",
            "Minder scholen doen mee dan gepland.",
            "Een coördinator ontlast de scholen bij de organisatie.",
        ),
    ],
    "integreren": [
        (
            "Vrijwilligers haken af en de coördinator is langdurig ziek.",
            "Activiteiten gaan in afgeslankte vorm door.",
            "Tijdelijke vervanging geregeld en nieuwe vrijwilligers geworven.",
        ),
        (
            "De financiering voor het komende jaar is onzeker door wijziging van landelijke regelingen.",
            "Nieuwe trajecten kunnen nog niet worden toegezegd.",
            "Overleg met de gemeente over overbruggingsfinanciering.",
        ),
        (
            "Weinig bewoners komen naar de bijeenkomsten.",
            "Participatiedoelen worden niet gehaald.",
            "Bewoners persoonlijk benaderen via sleutelfiguren en huisbezoeken.",
        ),
    ],
    "veiligheid": [
        (
            "Een nieuwe jeugdgroep veroorzaakt overlast in de buurt.",
            "Inzet moet worden verlegd; andere acties lopen achter.",
            "Groepsaanpak met politie, jongerenwerk en gemeente; extra avondinzet.",
        ),
        (
            "De vergunningprocedure duurt langer dan voorzien.",
            "De maatregelen gaan later in dan gepland.",
            "Procedure versneld via de driehoek; tijdelijke oplossing ingezet.",
        ),
        (
            "De politie heeft minder capaciteit door inzet elders in de stad.",
            "Minder toezicht in de buurt dan afgesproken.",
            "Afspraak gemaakt over een minimale vaste inzet in de buurt.",
        ),
    ],
    "leefbaarheid": [
        (
            "Het ontwerp moest na inspraak worden aangepast.",
            "Uitvoering schuift naar het volgende seizoen.",
            "Aangepast ontwerp versneld ter besluitvorming voorgelegd.",
        ),
        (
            "Kabels en leidingen in de grond vragen om een andere inrichting.",
            "Extra kosten en vertraging in de uitvoering.",
            "Meerkosten gedekt door de partners; planning herzien.",
        ),
        (
            "Zwerfvuil en bijplaatsingen nemen weer toe.",
            "Bewoners zijn minder tevreden over de buurt.",
            "Extra veegrondes en handhaving op bijplaatsingen.",
        ),
    ],
    "zorg": [
        (
            "Wachttijden bij zorgaanbieders lopen op.",
            "Doorverwijzingen vanuit huisbezoeken worden laat opgepakt.",
            "Afspraken gemaakt over voorrang bij acute situaties.",
        ),
        (
            "Er zijn vragen over privacy bij het delen van gegevens tussen partners.",
            "Het casusoverleg kan niet volledig plaatsvinden.",
            "Privacyprotocol opgesteld en voorgelegd aan alle partners.",
        ),
    ],
    "jeugd": [
        (
            "De locatie voor de activiteiten is nog niet beschikbaar.",
            "Activiteiten vinden verspreid in de buurt plaats.",
            "Tijdelijke ruimte geregeld in overleg met de gemeente.",
        ),
        (
            "De jongerenwerker is vertrokken en de vacature is moeilijk te vervullen.",
            "Minder openingsuren voor jongeren.",
            "Tijdelijke inzet vanuit een andere buurt; vacature breed uitgezet.",
        ),
    ],
    "algemeen": [
        (
            "Besluitvorming bij een van de partners duurt langer dan gepland.",
            "Start van de volgende fase schuift op.",
            "Onderwerp geagendeerd in de stuurgroep; escalatie als het besluit uitblijft.",
        ),
        (
            "De financiering voor het volgende jaar is nog niet rond.",
            "Activiteiten kunnen niet worden uitgebreid.",
            "Aanvullende middelen aangevraagd; activiteiten geprioriteerd.",
        ),
        (
            "Wisseling van projectleider.",
            "De overdracht kost tijd en enkele acties liggen stil.",
            "Nieuwe projectleider ingewerkt; planning opnieuw bevestigd.",
        ),
    ],
}
OVERDUE = (
    "De werkzaamheden zijn niet afgerond op de geplande einddatum.",
    "Oplevering schuift op; inzet van de partners loopt langer door.",
    "Herziene planning met nieuwe opleverdatum afgesproken in de stuurgroep.",
)
TEXTS = {
    "op schema": [
        "Uitvoering verloopt volgens planning.",
        "Activiteiten lopen op schema; volgende stap in voorbereiding.",
        "Overleg met de partners gehouden; afspraken worden nagekomen.",
        "Bewoners geïnformeerd over de voortgang.",
        "Tussenstand besproken in het projectteam; geen bijzonderheden.",
    ],
    "aandacht": [
        "Planning staat onder druk.",
        "Risico op vertraging gemeld bij het projectteam.",
        "Aandachtspunt ingebracht in de stuurgroep.",
    ],
    "vertraagd": [
        "Project loopt achter op de planning.",
        "Mijlpaal niet gehaald; herziene planning in voorbereiding.",
        "Vertraging ten opzichte van de planning; stuurgroep geïnformeerd.",
    ],
    "afgerond": [
        "Project afgerond en geëvalueerd met bewoners.",
        "Laatste activiteiten uitgevoerd; project afgerond.",
        "Oplevering gereed; evaluatie naar de stuurgroep.",
    ],
}
THEME_TEXTS = {
    "wonen": ["Bewonersavond over de planning gehouden.", "Werkzaamheden aan het eerste blok zijn gestart."],
    "werken": [
        "Nieuwe deelnemers ingestroomd; plaatsingen volgens verwachting.",
        "Gesprekken met werkgevers lopen goed.",
    ],
    "leren": ["Aantal deelnemende kinderen volgens planning.", "Ouderbijeenkomst op school goed bezocht."],
    "integreren": ["Groepen draaien; opkomst stabiel.", "Nieuwe bewonersinitiatieven begeleid."],
    "veiligheid": ["Aantal overlastmeldingen neemt af.", "Gezamenlijke schouw met politie en gemeente uitgevoerd."],
    "leefbaarheid": ["Schouw met bewoners gehouden; knelpunten opgepakt.", "Onderhoudsrondes uitgevoerd volgens plan."],
    "zorg": ["Huisbezoeken volgens planning afgelegd.", "Spreekuur goed bezocht."],
    "jeugd": ["Activiteiten voor jongeren goed bezocht.", "Programma voor de vakantie rond."],
}
NAMES = [
    "A. de Vries",
    "M. Bakker",
    "S. Yilmaz",
    "R. Pinas",
    "F. El Amrani",
    "J. Visser",
    "L. Meijer",
    "K. de Boer",
    "H. Mulder",
    "N. Koster",
    "E. Brouwer",
    "T. Dekker",
    "I. Bouali",
    "P. Smit",
    "D. Vermeulen",
    "W. Hendriks",
    "G. Kok",
    "Y. Aydin",
    "C. Sedney",
    "B. van Dijk",
    "O. Kaya",
    "M. Tahiri",
    "J. Kuipers",
    "R. Zandstra",
]


def round5(x: float) -> int:
    return int(5 * round(x / 5))


def status_history(p: dict) -> tuple[date | None, date | None]:
    """Write the status updates of one project; return (completion date, stop date)."""
    sp = SPECIAL.get(p["code"], {})
    data_end = DATA_END[p["programme"]]
    start, end = p["start"], p["end"]
    author = f"{rng.choice(NAMES)} (projectleider {PARTNER_NAME[p['lead']]})"
    wijk_role = ("wijkmanager " if p["programme"] == HLM else "buurtcoördinator ") + WIJK[p["wijk"]]["name"]
    if start > data_end:
        if "not_started" in sp:
            add(
                "status_update",
                project_code=p["code"],
                update_date=sp["not_started"],
                status="niet gestart",
                progress=0,
                text=f"Voorbereiding loopt; start gepland per {start.isoformat()}.",
                oorzaak=None,
                gevolg=None,
                maatregel=None,
                author=author,
            )
        return None, None
    # Update dates: every 2-6 weeks, cadence varying per project.
    base = rng.randint(14, 30 if "shared" in sp else 42)
    dates, d = [], start + days(rng.randint(0, 10))
    last = min(data_end, sp.get("silent_after", data_end))
    shared = sp.get("shared")
    while d <= last:
        dates.append(d)
        d += days(max(14, min(42, base + rng.randint(-6, 6))))
        if shared and dates[-1] < shared <= d:  # put an update on the shared date
            if (shared - dates[-1]).days < 10:
                dates[-1], d = shared, shared + (d - dates[-1])
            else:
                d = shared
    p_episode = rng.choice([0.0, 0.03, 0.06, 0.06, 0.1])
    span = (end - start).days
    delay, prev_d, progress = 0.0, start, 0
    ep_status, ep_left, ep_cause = None, 0, None
    for i, d in enumerate(dates):
        step = (d - prev_d).days
        prev_d = d
        status, cause = "op schema", None
        # episodes of 'aandacht' / 'vertraagd'
        if ep_left == 0 and i >= 2 and rng.random() < p_episode:
            ep_status = "aandacht" if rng.random() < 0.6 else "vertraagd"
            ep_left = rng.randint(1, 3) if ep_status == "aandacht" else rng.randint(2, 5)
            ep_cause = rng.choice(CAUSES[p["theme"]] + CAUSES["algemeen"])
        if ep_left > 0:
            status, cause = ep_status, ep_cause
            ep_left -= 1
            if ep_left == 0 and ep_status == "aandacht" and rng.random() < 0.3:
                ep_status, ep_left = "vertraagd", rng.randint(1, 3)
        if "shared" in sp and sp["shared"] <= d < sp["shared"] + days(50):
            status, cause = "aandacht", SHARED_CAUSE
        if "late_from" in sp and d >= sp["late_from"]:
            status, cause = "vertraagd", ep_cause or rng.choice(CAUSES[p["theme"]])
            ep_cause = cause
        if "stop" in sp and sp["stop"] - days(70) <= d < sp["stop"]:
            status, cause = "vertraagd", ep_cause or rng.choice(CAUSES[p["theme"]] + CAUSES["algemeen"])
            ep_cause = cause
        if status == "vertraagd":
            delay += step
        elif status == "aandacht":
            delay += step * 0.5
        else:
            delay = max(0.0, delay - step * 0.5)
        raw = (d - start).days - delay
        if "stop" in sp and d >= sp["stop"]:
            add(
                "status_update",
                project_code=p["code"],
                update_date=d,
                status="gestopt",
                progress=progress,
                text=sp["stop_text"],
                oorzaak=None,
                gevolg=None,
                maatregel=None,
                author=author,
            )
            return None, d
        if status == "op schema" and d >= end and raw >= span - 21 and "late_from" not in sp:
            add(
                "status_update",
                project_code=p["code"],
                update_date=d,
                status="afgerond",
                progress=100,
                text=rng.choice(TEXTS["afgerond"]),
                oorzaak=None,
                gevolg=None,
                maatregel=None,
                author=author,
            )
            return d, None
        if status == "op schema" and d > end:
            status, cause = "vertraagd", OVERDUE
        progress = max(progress, min(95, round5(100 * raw / span)))
        if status == "op schema":
            text = rng.choice(TEXTS["op schema"] + THEME_TEXTS[p["theme"]])
        elif cause is SHARED_CAUSE:
            text = "Start activiteiten 2010 uitgesteld door late subsidiebeschikking."
        else:
            text = rng.choice(TEXTS[status])
        who = wijk_role if rng.random() < 0.12 else author
        explained = status in ("aandacht", "vertraagd")
        add(
            "status_update",
            project_code=p["code"],
            update_date=d,
            status=status,
            progress=progress,
            text=text,
            oorzaak=cause[0] if explained else None,
            gevolg=cause[1] if explained else None,
            maatregel=cause[2] if explained else None,
            author=who,
        )
    return None, None


MILESTONES = {
    "wonen": [
        "Projectplan vastgesteld",
        "Draagvlakmeting onder bewoners",
        "Aanbesteding afgerond",
        "Start uitvoering",
        "Oplevering eerste woningen",
        "Eindoplevering",
    ],
    "werken": [
        "Projectplan vastgesteld",
        "Werving deelnemers gestart",
        "Eerste groep deelnemers geplaatst",
        "Tussenevaluatie",
        "Doelaantal plaatsingen bereikt",
        "Eindevaluatie",
    ],
    "leren": [
        "Projectplan vastgesteld",
        "Afspraken met scholen getekend",
        "Start eerste groepen",
        "Tussenevaluatie",
        "Alle groepen draaien",
        "Eindevaluatie",
    ],
    "integreren": [
        "Projectplan vastgesteld",
        "Startbijeenkomst met bewoners",
        "Eerste activiteiten gestart",
        "Tussenevaluatie",
        "Werkwijze geborgd",
        "Eindevaluatie",
    ],
    "veiligheid": [
        "Plan van aanpak vastgesteld",
        "Afspraken met politie en gemeente",
        "Start uitvoering",
        "Tussenevaluatie",
        "Maatregelen volledig ingevoerd",
        "Eindevaluatie",
    ],
    "leefbaarheid": [
        "Plan van aanpak vastgesteld",
        "Ontwerp besproken met bewoners",
        "Start uitvoering",
        "Schouw na uitvoering",
        "Oplevering",
        "Eindevaluatie",
    ],
    "zorg": [
        "Plan van aanpak vastgesteld",
        "Samenwerkingsafspraken getekend",
        "Start uitvoering",
        "Tussenevaluatie",
        "Werkwijze geborgd",
        "Eindevaluatie",
    ],
    "jeugd": [
        "Plan van aanpak vastgesteld",
        "Locatie en begeleiding geregeld",
        "Start activiteiten",
        "Tussenevaluatie",
        "Programma volledig",
        "Eindevaluatie",
    ],
}


def milestones(p: dict, completed: date | None, stopped: date | None) -> None:
    data_end = DATA_END[p["programme"]]
    k = rng.randint(1, 4)
    idx = sorted(rng.sample(range(6), k))
    fracs = sorted(rng.uniform(0.1, 1.0) for _ in range(k))
    if idx[-1] == 5:
        fracs[-1] = 1.0
    span = (p["end"] - p["start"]).days
    for i, f in zip(idx, fracs):
        due = p["start"] + days(int(span * f))
        done = None
        if due <= data_end and not (stopped and due > stopped):
            r = rng.random()
            if r < 0.72:
                done = due - days(rng.randint(0, 20))
            elif r < 0.9 or completed:
                done = due + days(rng.randint(7, 90))
            limit = min(data_end, completed or data_end)
            if done and done > limit:
                done = limit if completed else None
            if done and done < p["start"]:
                done = p["start"]
        add("milestone", project_code=p["code"], title=MILESTONES[p["theme"]][i], due_date=due, done_date=done)


for p in PROJECTS:
    completed, stopped = status_history(p)
    milestones(p, completed, stopped)

# --------------------------------------------------------------------------------------------------
# Indicators, targets and measurements.
INDICATORS = [
    # code, name, theme, unit, direction, source, interval, decimals
    (
        "WERKLOOSHEID",
        "Geregistreerde werkloosheid",
        "werken",
        "% van de beroepsbevolking",
        "lager",
        "O+S Amsterdam, De Staat van de Aandachtswijken",
        12,
        1,
    ),
    (
        "BIJSTAND",
        "Bijstandsuitkeringen (WWB) per 1000 inwoners",
        "werken",
        "per 1000 inwoners",
        "lager",
        "DWI Amsterdam / Gemeente Haarlem (CBS)",
        12,
        0,
    ),
    (
        "MINIMA",
        "Minimahuishoudens (tot 110% van het wettelijk minimum)",
        "werken",
        "% van de huishoudens",
        "lager",
        "O+S Amsterdam, Armoedemonitor",
        24,
        1,
    ),
    (
        "VSV",
        "Voortijdig schoolverlaters (nieuwe vsv, jonger dan 23 jaar)",
        "leren",
        "% van de leerlingen",
        "lager",
        "DMO Amsterdam / RMC",
        12,
        1,
    ),
    (
        "CORPORATIEWONINGEN",
        "Corporatiewoningen (sociale huur)",
        "wonen",
        "% van de woningvoorraad",
        "lager",
        "Wonen in Amsterdam (Dienst Wonen, O+S)",
        24,
        1,
    ),
    (
        "WOZ_WAARDE",
        "WOZ-waarde van woningen (mediaan)",
        "wonen",
        "EUR",
        "hoger",
        "O+S Amsterdam (WOZ-registratie)",
        12,
        -2,
    ),
    (
        "RAPPORTCIJFER_BUURT",
        "Rapportcijfer van bewoners voor hun buurt",
        "leefbaarheid",
        "rapportcijfer 1-10",
        "hoger",
        "Wonen in Amsterdam (O+S) / Omnibusonderzoek Haarlem",
        24,
        1,
    ),
    (
        "VEILIGHEIDSINDEX",
        "Veiligheidsindex (objectief)",
        "veiligheid",
        "index (2003 = 100)",
        "lager",
        "O+S Amsterdam, Veiligheidsindex",
        12,
        0,
    ),
    (
        "LEEFSITUATIE_INDEX",
        "Leefsituatie-index (participatie)",
        "integreren",
        "index (2004 = 100)",
        "hoger",
        "O+S Amsterdam, De Staat van de Stad",
        24,
        1,
    ),
]
IND = {i[0]: dict(theme=i[2], direction=i[4], interval=i[6], nd=i[7]) for i in INDICATORS}
for code, name, theme, unit, direction, source, interval, _ in INDICATORS:
    add(
        "indicator",
        code=code,
        name=name,
        theme=theme,
        unit=unit,
        direction=direction,
        source=source,
        interval_months=interval,
    )

YEARS = {
    "WERKLOOSHEID": range(2006, 2012),
    "BIJSTAND": range(2006, 2012),
    "VSV": range(2006, 2012),
    "WOZ_WAARDE": range(2006, 2012),
    "VEILIGHEIDSINDEX": range(2006, 2012),
    "CORPORATIEWONINGEN": (2007, 2009, 2011),
    "RAPPORTCIJFER_BUURT": (2007, 2009, 2011),
    "MINIMA": (2007, 2009, 2011),
    "LEEFSITUATIE_INDEX": (2006, 2008, 2010),
}
CITY = {  # Amsterdam averages, from the reference where available
    "WERKLOOSHEID": [8.4, 7.3, 6.7, 7.6, 7.9, 7.7],
    "BIJSTAND": [62, 58, 54, 53, 54, 55],
    "VSV": [7.8, 7.0, 6.4, 5.9, 5.3, 4.8],
    "WOZ_WAARDE": [188000, 199000, 209000, 214500, 212800, 209700],
    "VEILIGHEIDSINDEX": [93, 90, 86, 84, 81, 79],
    "CORPORATIEWONINGEN": [51.0, 49.4, 47.6],
    "RAPPORTCIJFER_BUURT": [7.2, 7.3, 7.4],
    "MINIMA": [17.2, 16.5, 17.0],
    "LEEFSITUATIE_INDEX": [100.8, 102.3, 103.1],
}
NOISE = {
    "WERKLOOSHEID": 0.35,
    "BIJSTAND": 2.0,
    "VSV": 0.4,
    "CORPORATIEWONINGEN": 0.6,
    "WOZ_WAARDE": 2500,
    "RAPPORTCIJFER_BUURT": 0.08,
    "VEILIGHEIDSINDEX": 3.0,
    "LEEFSITUATIE_INDEX": 0.8,
    "MINIMA": 0.7,
}
# indicator -> (baseline year, target year, improvement); the improvement is in the 'better' direction
TARGET_RULE = {
    "WERKLOOSHEID": (2007, 2011, 2.0),
    "BIJSTAND": (2007, 2011, 12),
    "VSV": (2006, 2011, 3.0),
    "CORPORATIEWONINGEN": (2007, 2014, 6.0),
    "RAPPORTCIJFER_BUURT": (2007, 2011, 0.5),
    "VEILIGHEIDSINDEX": (2007, 2011, 20),
    "LEEFSITUATIE_INDEX": (2006, 2012, 4.0),
}
CRISIS = {"WERKLOOSHEID": {2009: 0.6, 2010: 0.9, 2011: 0.5}, "BIJSTAND": {2010: 2, 2011: 3}}
# Untidy facts (documented in the README)
WRONG_WAY = ("AMS-KOLENKIT", "WERKLOOSHEID")
EARLY = ("AMS-TRANSVAALBUURT", "RAPPORTCIJFER_BUURT")
GAP = ("AMS-OSDORP-MIDDEN", "BIJSTAND", 2008)
STALE = ("AMS-IJPLEIN", "VSV", 2009)  # no VSV figures after 2009


def rnd(v: float, nd: int) -> float:
    return float(round(v, nd))


def base_value(ind: str, d: float) -> float:
    """Baseline in an Amsterdam aandachtswijk; d = 0..1, relative disadvantage."""
    return {
        "WERKLOOSHEID": 9.8 + 2.6 * d,
        "BIJSTAND": 66 + 30 * d,
        "VSV": 7.0 + 3.0 * d,
        "CORPORATIEWONINGEN": 70 + 14 * d,
        "WOZ_WAARDE": 176000 - 26000 * d,
        "RAPPORTCIJFER_BUURT": 6.7 - 0.6 * d,
        "VEILIGHEIDSINDEX": 112 + 36 * d,
        "LEEFSITUATIE_INDEX": 96 - 6 * d,
        "MINIMA": 25 + 10 * d,
    }[ind]


def measure(ind: str, city: str, wijk: str | None, year: int, value: float) -> None:
    add("measurement", indicator_code=ind, city=city, wijk_code=wijk, year=year, value=rnd(value, IND[ind]["nd"]))


for ind, values in CITY.items():
    for y, v in zip(YEARS[ind], values):
        measure(ind, "Amsterdam", None, y, v)

for wijk, info in WIJK.items():
    if info["programme"] != AMS:
        continue
    d = (info["nw"] - 39) / 30
    if wijk in ("AMS-OUD-BOS-EN-LOMMER", "AMS-KOLENKIT", "AMS-GEUZENVELD", "AMS-SLOTERVAART"):
        d_rap = d + 0.35  # lowest buurt scores
    else:
        d_rap = d
    for ind in (i[0] for i in INDICATORS):
        sign = -1 if IND[ind]["direction"] == "lager" else 1
        noise = NOISE[ind]
        if ind == "WERKLOOSHEID" and wijk == "AMS-KOLENKIT":
            base = 12.6
        else:
            base = base_value(ind, d_rap if ind == "RAPPORTCIJFER_BUURT" else d) + rng.gauss(0, noise)
        if ind in TARGET_RULE:
            by, ty, gain = TARGET_RULE[ind]
            gain *= rng.uniform(0.8, 1.2)
            base = rnd(base, IND[ind]["nd"])
            target = rnd(base + sign * gain, IND[ind]["nd"])
            if (wijk, ind) == EARLY:
                target = rnd(base + sign * 0.4, 1)
            add(
                "target",
                wijk_code=wijk,
                indicator_code=ind,
                baseline_year=by,
                baseline_value=base,
                target_year=ty,
                target_value=target,
            )
            speed = rng.uniform(0.35, 0.85)
            if (wijk, ind) == WRONG_WAY:
                speed = -0.7
            if (wijk, ind) == EARLY:
                speed = 1.6
            for y in YEARS[ind]:
                if (wijk, ind, y) == GAP or ((wijk, ind) == STALE[:2] and y > STALE[2]):
                    continue
                frac = (y - by) / (ty - by)
                v = base + (target - base) * frac * speed
                if y != by:
                    v += rng.gauss(0, noise * 0.6) + CRISIS.get(ind, {}).get(y, 0)
                if (wijk, ind) == EARLY and y > by:
                    v = max(v, target + 0.1)
                if ind == "WERKLOOSHEID" and wijk != "AMS-KOLENKIT":
                    v = min(v, 13.6)  # Kolenkit has the highest unemployment
                measure(ind, "Amsterdam", wijk, y, v)
        else:
            city = dict(zip(YEARS[ind], CITY[ind]))
            first = min(YEARS[ind])
            for y in YEARS[ind]:
                v = base * city[y] / city[first] + (rng.gauss(0, noise * 0.5) if y != first else 0)
                if ind == "MINIMA" and y > first:
                    v -= rng.uniform(0, 1.2)
                measure(ind, "Amsterdam", wijk, y, v)

# Haarlem: bijstand (yearly 2006-2009) and rapportcijfer (2007, 2009), targets 2007 -> 2009.
H_VALUES = {
    "HLM-AMSTERDAMSE-BUURTEN": (34, 6.9),
    "HLM-BOERHAAVEWIJK": (68, 6.3),
    "HLM-DELFTWIJK-WATERBUURT": (31, 6.8),
    "HLM-LEIDSEBUURT": (12, 7.6),
    "HLM-CENTRUM": (21, 7.3),
}
for y, v in zip(range(2006, 2010), (28, 26, 24, 25)):
    measure("BIJSTAND", "Haarlem", None, y, v)
for y, v in ((2007, 7.4), (2009, 7.5)):
    measure("RAPPORTCIJFER_BUURT", "Haarlem", None, y, v)
for wijk, (bij, rap) in H_VALUES.items():
    bij_target = float(bij - max(2, round(bij * rng.uniform(0.06, 0.1))))
    rap_target = rnd(rap + rng.choice([0.2, 0.3]), 1)
    add(
        "target",
        wijk_code=wijk,
        indicator_code="BIJSTAND",
        baseline_year=2007,
        baseline_value=float(bij),
        target_year=2009,
        target_value=bij_target,
    )
    add(
        "target",
        wijk_code=wijk,
        indicator_code="RAPPORTCIJFER_BUURT",
        baseline_year=2007,
        baseline_value=rap,
        target_year=2009,
        target_value=rap_target,
    )
    for y, delta in (
        (2006, rng.uniform(0.5, 3)),
        (2007, 0),
        (2008, -rng.uniform(0, 1.2)),
        (2009, -rng.uniform(0.5, 3.5)),
    ):
        measure("BIJSTAND", "Haarlem", wijk, y, bij + delta)
    measure("RAPPORTCIJFER_BUURT", "Haarlem", wijk, 2007, rap)
    measure("RAPPORTCIJFER_BUURT", "Haarlem", wijk, 2009, rap + rng.choice([0.0, 0.1, 0.1, 0.2, 0.3]))

# Project -> indicator (a contribution, not a proven cause).
THEME_INDICATORS = {
    "wonen": ["CORPORATIEWONINGEN", "WOZ_WAARDE", "RAPPORTCIJFER_BUURT"],
    "werken": ["WERKLOOSHEID", "BIJSTAND", "MINIMA"],
    "leren": ["VSV"],
    "integreren": ["LEEFSITUATIE_INDEX"],
    "veiligheid": ["VEILIGHEIDSINDEX", "RAPPORTCIJFER_BUURT"],
    "leefbaarheid": ["RAPPORTCIJFER_BUURT"],
    "jeugd": ["VSV", "VEILIGHEIDSINDEX"],
    "zorg": ["LEEFSITUATIE_INDEX", "MINIMA"],
}
H_THEME_INDICATORS = {
    "leefbaarheid": ["RAPPORTCIJFER_BUURT"],
    "veiligheid": ["RAPPORTCIJFER_BUURT"],
    "wonen": ["RAPPORTCIJFER_BUURT"],
    "werken": ["BIJSTAND"],
}
for p in PROJECTS:
    options = H_THEME_INDICATORS.get(p["theme"], []) if p["programme"] == HLM else THEME_INDICATORS[p["theme"]]
    if options:
        for ind in rng.sample(options, min(len(options), rng.choice([1, 1, 2]))):
            add("project_indicator", project_code=p["code"], indicator_code=ind)

# --------------------------------------------------------------------------------------------------
# Haarlem central budget: general costs and resident initiatives.
GENERAL = [
    ("Projectorganisatie en procesbegeleiding wijkcontracten", 70000, 61850_00, date(2007, 9, 18)),
    ("Persbericht en perstoelichting bij de ondertekening", 1500, 1245_50, date(2007, 9, 18)),
    ("Folder huis aan huis in de vijf pilotwijken", 14000, 13560_00, date(2007, 9, 18)),
    ("Drukken en verzenden wijkcontracten aan betrokken organisaties", 3500, 3212_40, date(2007, 9, 18)),
    ("Ondertekeningsbijeenkomst 2 oktober 2007", 4500, 4480_00, date(2007, 9, 18)),
    ("Bewonersbijeenkomsten en wijkschouwen bij de introductie", 12000, 9875_00, date(2007, 9, 18)),
    ("Voortgangsrapportage oktober 2008 en tussenevaluatie", 8000, 7400_00, date(2008, 6, 10)),
]
for i, (title, amount, spent, decided) in enumerate(GENERAL, 1):
    add(
        "budget_allocation",
        code=f"HLM-ALG-{i:02d}",
        programme_code=HLM,
        wijk_code=None,
        category="algemene kosten",
        title=title,
        requested=Cents(amount * 100),
        approved=Cents(amount * 100),
        spent=Cents(spent),
        priority=None,
        decision_date=decided,
    )
INITIATIVES = [
    "Buurtmoestuin {w}",
    "Geveltuinen in de straat",
    "Buurtfeest {w}",
    "Jeu-de-boulesbaan bij het buurthuis",
    "Kerstmarkt {w}",
    "Buurtkrant (vier edities)",
    "Bankjes en bloembakken op het plein",
    "Huiswerkklas in het buurthuis",
    "Voetbaltoernooi voor jongeren",
    "Opknappen speelplek door bewoners",
    "Burendag {w}",
    "Seniorenuitjes",
    "Kunstproject met kinderen",
    "Buurtpreventie: hesjes en zaklampen",
    "Rommelmarkt en ruilbeurs",
    "Kookclub voor buurtbewoners",
    "Fietsenstalling bij de flat",
]
for wijk, info in WIJK.items():
    if info["programme"] != HLM:
        continue
    titles = rng.sample(INITIATIVES, rng.randint(4, 6))
    for prio, title in enumerate(titles, 1):
        requested = rng.randint(10, 90) * 100 if rng.random() < 0.85 else rng.randint(90, 200) * 100
        decided = rand_date(date(2007, 11, 15), date(2009, 8, 31))
        r = rng.random()
        if prio == len(titles) and wijk != "HLM-LEIDSEBUURT":  # latest requests still pending
            approved, decided = 0, None
        elif r < 0.12:
            approved = 0  # rejected
        elif r < 0.3:
            approved = int(requested * rng.uniform(0.5, 0.9) / 100) * 100
        else:
            approved = requested
        if not approved:
            spent = 0
        elif decided < date(2009, 3, 1):
            spent = approved * 100 if rng.random() < 0.6 else int(approved * 100 * rng.uniform(0.7, 1.0))
        else:
            spent = int(approved * 100 * rng.uniform(0.0, 0.6))
        add(
            "budget_allocation",
            code=f"{wijk}-BI-{prio:02d}",
            programme_code=HLM,
            wijk_code=wijk,
            category="bewonersinitiatief",
            title=title.format(w=info["short"]),
            requested=Cents(requested * 100),
            approved=Cents(approved * 100),
            spent=Cents(spent),
            priority=prio,
            decision_date=decided,
        )

# --------------------------------------------------------------------------------------------------
# Amsterdam charter: agreements between the city and the national government.
SD_ALL = list(STADSDEEL.values())
CHARTER = [
    # theme, party, text, partner codes ("SD" = a stadsdeel), fixed status or None
    (
        "algemeen",
        "gemeente",
        "Amsterdam concretiseert per aandachtswijk de doelstellingen en te bereiken resultaten van de wijkenaanpak.",
        ["AMS-PROGRAMMABUREAU"],
        "afgerond",
    ),
    (
        "algemeen",
        "gemeente",
        "De gemeente publiceert tweejaarlijks De Staat van de Aandachtswijken met een beperkt aantal indicatoren.",
        ["AMS-OS"],
        "afgerond",
    ),
    (
        "algemeen",
        "gemeente",
        "De voortgang van de wijkenaanpak wordt openbaar gemaakt via de uitvoeringsmonitor.",
        ["AMS-PROGRAMMABUREAU", "AMS-OS"],
        "afgerond",
    ),
    (
        "algemeen",
        "beide",
        "Rijk en gemeente houden jaarlijks themabijeenkomsten over de stand van de charteruitvoering.",
        ["AMS-PROGRAMMABUREAU", "MIN-VROM-WWI"],
        None,
    ),
    (
        "algemeen",
        "rijk",
        "Het Rijk beperkt de verantwoordingslast tot één verantwoordingsmoment per jaar voor de wijkenaanpak.",
        ["MIN-VROM-WWI", "MIN-BZK"],
        None,
    ),
    (
        "algemeen",
        "beide",
        "Amsterdam neemt deel aan de experimenten Samenhang in de Wijk, Achter de Voordeur, Gezonde Wijk en Bewonersparticipatie.",
        ["MIN-VROM-WWI", "AMS-PROGRAMMABUREAU"],
        None,
    ),
    (
        "algemeen",
        "gemeente",
        "Gemeente en corporaties leggen de investeringen per buurt vast in de buurtuitvoeringsprogramma's.",
        ["AMS-PROGRAMMABUREAU", "AFWC"],
        None,
    ),
    (
        "algemeen",
        "beide",
        "Gezonde Wijk: de GG&GD en de stadsdelen zetten extra in op bewegen en gezonde leefstijl in de aandachtswijken.",
        ["GGGD", "SD"],
        None,
    ),
    (
        "wonen",
        "rijk",
        "Het Rijk stelt extra middelen beschikbaar voor de herontwikkeling van karakteristieke gebouwen in de aandachtswijken.",
        ["MIN-VROM-WWI", "MIN-OCW"],
        None,
    ),
    (
        "wonen",
        "gemeente",
        "Gemeente en corporaties maken de woningvoorraad gevarieerder door verkoop en nieuwbouw van middeldure woningen.",
        ["AMS-DIENST-WONEN", "AFWC"],
        None,
    ),
    (
        "wonen",
        "gemeente",
        "Woonfraude en illegale onderhuur in de aandachtswijken worden versneld aangepakt.",
        ["AMS-DIENST-WONEN"],
        None,
    ),
    (
        "wonen",
        "rijk",
        "Het Rijk maakt experimenten met huurbeleid in de aandachtswijken mogelijk.",
        ["MIN-VROM-WWI"],
        None,
    ),
    (
        "wonen",
        "rijk",
        "Tijdelijke verhuur bij sloop-nieuwbouw wordt eenvoudiger door ontheffing op grond van de Leegstandwet.",
        ["MIN-VROM-WWI"],
        None,
    ),
    (
        "wonen",
        "gemeente",
        "De corporaties investeren in tien jaar circa EUR 2,4 miljard in de aandachtswijken.",
        ["AFWC"],
        None,
    ),
    (
        "wonen",
        "gemeente",
        "De openbare ruimte rond herstructureringsgebieden wordt tegelijk met de woningen verbeterd.",
        ["SD", "AMS-DIENST-WONEN"],
        None,
    ),
    (
        "wonen",
        "beide",
        "Gemeente en Rijk onderzoeken de mogelijkheden van selectieve woningtoewijzing op grond van de Huisvestingswet.",
        ["AMS-DIENST-WONEN", "MIN-VROM-WWI"],
        None,
    ),
    (
        "wonen",
        "rijk",
        "LNV geeft extra middelen voor groen in de buurt: aanleg en vernieuwing van buurtparken en speelgroen.",
        ["MIN-LNV", "SD"],
        None,
    ),
    (
        "wonen",
        "gemeente",
        "Bewonersparticipatie bij herstructurering wordt per buurt vastgelegd in een participatieprotocol.",
        ["HUURDERSVERENIGING-AMS", "SD"],
        None,
    ),
    (
        "werken",
        "beide",
        "CWI en DWI openen een gezamenlijk werkplein in elk stadsdeel met aandachtswijken.",
        ["CWI", "AMS-DWI"],
        None,
    ),
    (
        "werken",
        "beide",
        "Albert Heijn biedt stageplekken en leerbanen aan jongeren uit de aandachtswijken.",
        ["ALBERT-HEIJN", "CWI"],
        None,
    ),
    (
        "werken",
        "beide",
        "Kunstenaars&CO begeleidt kunstenaars naar werk in projecten in de wijken.",
        ["KUNSTENAARS-CO", "AMS-DWI"],
        None,
    ),
    (
        "werken",
        "rijk",
        "Het Rijk verruimt de inzet van re-integratiemiddelen voor buurtgerichte trajecten.",
        ["MIN-SZW"],
        None,
    ),
    (
        "werken",
        "gemeente",
        "Jongeren zonder startkwalificatie krijgen extra trajecten richting werk of school.",
        ["AMS-DWI", "ROC-AMSTERDAM"],
        None,
    ),
    (
        "werken",
        "gemeente",
        "Plinten van corporatiewoningen worden beschikbaar gesteld aan startende ondernemers.",
        ["AFWC", "SD"],
        None,
    ),
    (
        "werken",
        "gemeente",
        "Vrouwen zonder werk worden wijkgericht bereikt met taal- en participatietrajecten.",
        ["AMS-DWI", "AMS-DMO"],
        None,
    ),
    (
        "werken",
        "beide",
        "Ondernemerschap in de wijk wordt gestimuleerd met microkredieten en begeleiding.",
        ["MIN-SZW", "AMS-DWI"],
        None,
    ),
    (
        "werken",
        "gemeente",
        "Bij herstructurering nemen aannemers werkzoekenden uit de buurt in dienst (social return).",
        ["AFWC", "AMS-DWI"],
        None,
    ),
    (
        "leren",
        "beide",
        "Met de schoolbesturen wordt een convenant gesloten om de kwaliteit van het onderwijs in de aandachtswijken te verbeteren.",
        ["AMS-DMO", "MIN-OCW"],
        None,
    ),
    (
        "leren",
        "gemeente",
        "In alle stadsdelen met aandachtswijken worden Ouder Kind Centra opgezet.",
        ["AMS-DMO", "GGGD", "SD"],
        None,
    ),
    (
        "leren",
        "rijk",
        "Het Rijk stelt extra middelen beschikbaar voor voor- en vroegschoolse educatie (VVE).",
        ["MIN-OCW", "MIN-VROM-WWI"],
        None,
    ),
    (
        "leren",
        "gemeente",
        "Het aantal brede scholen met een verlengde schooldag wordt uitgebreid.",
        ["AMS-DMO", "SD"],
        None,
    ),
    (
        "leren",
        "beide",
        "HvA en UvA ontwikkelen BOOT's (Buurtwinkels voor Onderwijs, Onderzoek en Talentontwikkeling) in de wijken.",
        ["HVA", "UVA"],
        None,
    ),
    (
        "leren",
        "beide",
        "HvA en UvA onderzoeken best practices in de wijkenaanpak.",
        ["HVA", "UVA", "AMS-PROGRAMMABUREAU"],
        None,
    ),
    (
        "leren",
        "gemeente",
        "Voortijdig schoolverlaten wordt aangepakt met een sluitende registratie en terugleiding naar school.",
        ["AMS-DMO", "ROC-AMSTERDAM"],
        None,
    ),
    ("leren", "rijk", "Het Rijk verruimt de regels voor schakelklassen.", ["MIN-OCW"], None),
    (
        "leren",
        "beide",
        "Schoolgebouwen worden heringericht als multifunctionele accommodaties in de buurt.",
        ["MIN-OCW", "AMS-DMO"],
        None,
    ),
    (
        "leren",
        "gemeente",
        "Alle basisscholen in de aandachtswijken krijgen schoolmaatschappelijk werk.",
        ["AMS-DMO", "GGGD"],
        None,
    ),
    (
        "integreren",
        "gemeente",
        "De stadsdelen met aandachtswijken zetten bewonersadviseurs in.",
        ["SD", "AMS-DMO"],
        None,
    ),
    (
        "integreren",
        "beide",
        "Een pilot rond hoogopgeleide inburgeraars combineert inburgering met werkervaringsplaatsen.",
        ["AMS-DMO", "MIN-VROM-WWI"],
        None,
    ),
    (
        "integreren",
        "beide",
        "Inburgeringstrajecten worden gecombineerd met taal en ouderbetrokkenheid op school.",
        ["AMS-DMO", "MIN-VROM-WWI"],
        None,
    ),
    (
        "integreren",
        "gemeente",
        "Zelforganisaties en ontmoetingsplekken in de buurt worden ondersteund.",
        ["AMS-DMO", "SD"],
        None,
    ),
    (
        "integreren",
        "beide",
        "De Johan Cruyff Foundation legt Cruyff Courts aan en ondersteunt sportverenigingen in de wijken.",
        ["JOHAN-CRUYFF-FOUNDATION", "SD"],
        None,
    ),
    (
        "integreren",
        "gemeente",
        "Polarisatie en radicalisering worden wijkgericht aangepakt via netwerken van sleutelfiguren.",
        ["AMS-DMO", "POLITIE-AA"],
        None,
    ),
    ("integreren", "gemeente", "Bewoners krijgen buurtbudgetten om zelf initiatieven uit te voeren.", ["SD"], None),
    (
        "integreren",
        "beide",
        "Maatschappelijke stages worden gekoppeld aan buurtprojecten.",
        ["AMS-DMO", "MIN-OCW"],
        None,
    ),
    (
        "veiligheid",
        "rijk",
        "Het Rijk financiert extra buurtregisseurs voor de aandachtswijken.",
        ["MIN-BZK", "POLITIE-AA"],
        None,
    ),
    (
        "veiligheid",
        "gemeente",
        "Overlastgevende jeugdgroepen worden persoonsgericht aangepakt.",
        ["POLITIE-AA", "STREETCORNERWORK"],
        None,
    ),
    ("veiligheid", "gemeente", "Op hotspots in de aandachtswijken komt cameratoezicht.", ["POLITIE-AA", "SD"], None),
    (
        "veiligheid",
        "beide",
        "Albert Heijn en de stadsdelen werken samen aan Schoon, heel en veilig rond winkelcentra.",
        ["ALBERT-HEIJN", "SD"],
        None,
    ),
    (
        "veiligheid",
        "gemeente",
        "De aanpak van huiselijk geweld wordt versterkt via het Steunpunt Huiselijk Geweld.",
        ["GGGD", "POLITIE-AA"],
        None,
    ),
    (
        "veiligheid",
        "gemeente",
        "Buurtvaders en straatcoaches worden in alle aandachtswijken ingezet.",
        ["SD", "STREETCORNERWORK"],
        None,
    ),
    (
        "veiligheid",
        "gemeente",
        "Politie, stadsdeel en corporaties sluiten per buurt een veiligheidsarrangement.",
        ["POLITIE-AA", "AFWC", "SD"],
        None,
    ),
]
for n, (theme, party, text, partners, fixed) in enumerate(CHARTER, 1):
    due = None if n in (7, 41) else month_end(rng.randint(2008, 2012), rng.choice([3, 6, 9, 12]))
    if fixed:
        status, due = fixed, month_end(2009, 3 * n)
    elif due is None:
        status = "in uitvoering"
    elif due < DATA_END[AMS]:
        status = rng.choices(["afgerond", "in uitvoering", "vertraagd", "niet gestart"], [55, 20, 20, 5])[0]
    else:
        status = rng.choices(["afgerond", "in uitvoering", "vertraagd", "niet gestart"], [15, 55, 15, 15])[0]
    add(
        "charter_agreement",
        programme_code=AMS,
        number=n,
        theme=theme,
        text=text,
        party=party,
        status=status,
        due_date=due,
    )
    codes = []
    for c in partners:
        c = rng.choice(SD_ALL) if c == "SD" else c
        if c not in codes:
            codes.append(c)
    for c in codes:
        add("charter_partner", programme_code=AMS, number=n, partner_code=c)

# --------------------------------------------------------------------------------------------------
# Users (fictitious people, example.org addresses).
for email, name, role, partner in [
    ("beheer@example.org", "Sanne Visser", "beheerder", None),
    ("k.elidrissi@example.org", "Karim El Idrissi", "redacteur", None),
    ("m.smit@example.org", "Marieke Smit", "redacteur", None),
    ("j.dewit@example.org", "Joost de Wit", "partner-redacteur", "YMERE"),
    ("l.jansen@example.org", "Lotte Jansen", "kijker", None),
]:
    add("app_user", email=email, name=name, role=role, partner_code=partner)

# --------------------------------------------------------------------------------------------------
OUT.mkdir(exist_ok=True)
for table, columns in COLUMNS.items():
    with open(OUT / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in TABLES[table]:
            writer.writerow([fmt(row[c]) for c in columns])
for table in COLUMNS:
    print(f"{table + '.csv':<24}{len(TABLES[table]):>6}")
