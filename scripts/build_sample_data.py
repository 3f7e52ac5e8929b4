"""Build the illustrative sample data set in sample_data/ (one CSV per table).

Facts (names, CBS codes, dates, populations, centroids, partner names) come from public sources; all
figures (amounts, statuses, indicator values) are invented but plausible. Deterministic: the same
script always writes byte-identical files. Standard library only.

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
DATA_END = {HLM: date(2009, 10, 1), AMS: date(2011, 12, 16)}  # last date in the data per programme

# Columns per table: the model's columns in model order, without `id` and `version`.
COLUMNS = {
    "programme": "code name city start_date end_date central_budget description",
    "wijk": "code programme_code name city district kind cbs_code population centroid_lon centroid_lat",
    "partner": "code name kind",
    "contract": "code wijk_code kind title signed_date start_date end_date",
    "report_moment": "contract_code report_date title",
    "project": "code contract_code title theme lead_partner_code start_date end_date description",
    "project_partner": "project_code partner_code amount",
    "milestone": "project_code title due_date done_date",
    "status_update": "project_code update_date status progress text oorzaak gevolg maatregel author",
    "indicator": "code name theme unit direction source interval_months",
    "target": "wijk_code indicator_code baseline_year baseline_value target_year target_value",
    "measurement": "indicator_code city wijk_code year value",
    "budget_allocation": "code programme_code wijk_code category title requested approved spent priority decision_date",
    "charter_agreement": "programme_code number theme text party status due_date",
    "charter_partner": "programme_code number partner_code",
    "project_indicator": "project_code indicator_code",
    "app_user": "email name role partner_code",
    "scenario": "programme_code name author created_at payload",
    "audit_log": "at actor action table_name row_key old_values new_values",
}
TABLES: dict[str, list[dict]] = {name: [] for name in COLUMNS}


def add(table: str, **row) -> None:
    TABLES[table].append(row)


class Cents(int):
    """A money amount in whole cents, written with exactly two decimals."""


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Cents):
        return f"{value // 100}.{value % 100:02d}"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def records(block: str) -> list[list[str]]:
    """Parse a text table: fields split by '|'; indented lines add fields to the record above."""
    out: list[list[str]] = []
    for line in block.strip("\n").splitlines():
        fields = [f.strip() for f in line.split("|")]
        if line.startswith(" "):
            out[-1].extend(fields)
        elif line.strip():
            out.append(fields)
    return out


def days(n: int) -> timedelta:
    return timedelta(days=n)


def month_end(y: int, m: int) -> date:
    """Last day of month m of year y (m may exceed 12)."""
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return date(y + m // 12, m % 12 + 1, 1) - days(1)


def rand_date(a: date, b: date) -> date:
    return a + days(rng.randint(0, (b - a).days))


def eur(amount: float, lo: int, hi: int) -> Cents:
    """Whole hundreds of euros mostly, a few amounts with cents."""
    hundreds = max(lo, min(hi, round(amount / 100) * 100))
    if rng.random() < 0.06:
        return Cents(max(lo * 100, hundreds * 100 - rng.randint(1, 9999)))
    return Cents(hundreds * 100)


# ---------------------------------------------------------------------------------------------------------------
# Programmes and wijken (facts from the reference lists).
add(
    "programme",
    code=HLM,
    name="Wijkcontracten Haarlem",
    city="Haarlem",
    start_date=date(2007, 10, 2),
    end_date=date(2009, 10, 1),
    central_budget=Cents(25_000_000),
    description="Voorbeelddata. "
    "Wijkcontracten in vijf pilotwijken, getekend op 2 oktober 2007. De projecten worden betaald uit "
    "de reguliere begrotingen van de partners; het centrale budget is voor algemene kosten en nieuwe "
    "bewonersinitiatieven.",
)
add(
    "programme",
    code=AMS,
    name="Wijkenaanpak Amsterdam",
    city="Amsterdam",
    start_date=date(2007, 7, 1),
    end_date=date(2017, 12, 31),
    central_budget=Cents(0),
    description="Voorbeelddata. "
    "Wijkenaanpak in de aandachtswijken die slechter scoren op wonen, werken, leren, integreren en "
    "veiligheid; per buurt een buurtuitvoeringsprogramma met meetbare doelen, en een charter met afspraken "
    "tussen gemeente en Rijk.",
)

# CBS buurt code | lon | lat (approximate centroids, CBS Wijk- en Buurtkaart 2015)
CENTROIDS = {
    r[0]: (float(r[1]), float(r[2]))
    for r in records("""
BU03920100 | 4.63451 | 52.38059
BU03920201 | 4.62273 | 52.38066
BU03920300 | 4.64713 | 52.37864
BU03920301 | 4.65234 | 52.37933
BU03920302 | 4.65674 | 52.37829
BU03920702 | 4.6461 | 52.41609
BU03920901 | 4.66104 | 52.36555
BU03630237 | 4.85455 | 52.38069
BU03630239 | 4.84153 | 52.37779
BU03630241 | 4.84937 | 52.37147
BU03630242 | 4.85361 | 52.36716
BU03630376 | 4.82983 | 52.38138
BU03630377 | 4.81816 | 52.37321
BU03630378 | 4.80191 | 52.37903
BU03630382 | 4.79512 | 52.35599
BU03630385 | 4.82621 | 52.35823
BU03630386 | 4.84126 | 52.36463
BU03630530 | 4.9209 | 52.35406
BU03630531 | 4.93605 | 52.36255
BU03630660 | 4.91313 | 52.3925
BU03630661 | 4.92096 | 52.38679
BU03630668 | 4.95666 | 52.39473
BU03630670 | 4.91761 | 52.40725
BU03630794 | 4.97729 | 52.32027
""")
}
# code | name | short name | district | CBS codes | population | % non-western (drives the invented values)
# E-, G- and K-buurt share CBS buurt Bijlmer-Oost (26755 inhabitants): population split in three.
WIJKEN = records("""
HLM-AMSTERDAMSE-BUURTEN | Amsterdamse buurten | Amsterdamse buurten | Haarlem-Oost
    BU03920300;BU03920301;BU03920302 | 7765 | 13
HLM-BOERHAAVEWIJK | Boerhaavewijk | Boerhaavewijk | Schalkwijk | BU03920901 | 6610 | 45
HLM-DELFTWIJK-WATERBUURT | Delftwijk/Waterbuurt | Delftwijk | Haarlem-Noord | BU03920702 | 5015 | 16
HLM-LEIDSEBUURT | Leidsebuurt | Leidsebuurt | Haarlem-Zuidwest | BU03920201 | 4855 | 7
HLM-CENTRUM | Centrum (Vijfhoek/Raaks/Doelen en Heiliglanden/De Kamp) | Vijfhoek | Centrum | BU03920100 | 9295 | 9
AMS-OUD-NOORD | Oud-Noord | Oud-Noord | Amsterdam-Noord | BU03630660 | 9670 | 39
AMS-IJPLEIN | IJplein | IJplein | Amsterdam-Noord | BU03630661 | 8215 | 47
AMS-NIEUWENDAM-NOORD | Nieuwendam Noord | Nieuwendam Noord | Amsterdam-Noord | BU03630668 | 13050 | 59
AMS-DE-BANNE | De Banne | De Banne | Amsterdam-Noord | BU03630670 | 13840 | 50
AMS-SLOTERMEER-NOORDOOST | Slotermeer Noord-Oost | Slotermeer Noord-Oost | Geuzenveld-Slotermeer | BU03630376
    9455 | 64
AMS-SLOTERMEER-ZUIDWEST | Slotermeer Zuid-West | Slotermeer Zuid-West | Geuzenveld-Slotermeer | BU03630377
    17000 | 62
AMS-GEUZENVELD | Geuzenveld | Geuzenveld | Geuzenveld-Slotermeer | BU03630378 | 15030 | 64
AMS-OSDORP-MIDDEN | Osdorp Midden | Osdorp Midden | Osdorp | BU03630382 | 15735 | 63
AMS-SLOTERVAART | Slotervaart | Slotervaart | Slotervaart | BU03630385;BU03630386 | 29255 | 53
AMS-KOLENKIT | Kolenkit | Kolenkit | Bos en Lommer | BU03630239 | 9215 | 64
AMS-OUD-BOS-EN-LOMMER | Oud Bos en Lommer | Oud Bos en Lommer | Bos en Lommer | BU03630237 | 18735 | 46
AMS-BAARSJES | Baarsjes | Baarsjes | De Baarsjes | BU03630241;BU03630242 | 17155 | 42
AMS-INDISCHE-BUURT-WEST | Indische Buurt West | Indische Buurt West | Zeeburg | BU03630531 | 12655 | 47
AMS-TRANSVAALBUURT | Transvaalbuurt | Transvaalbuurt | Oost-Watergraafsmeer | BU03630530 | 9105 | 46
AMS-E-BUURT | E-buurt | E-buurt | Zuidoost | BU03630794 | 8918 | 69
AMS-G-BUURT | G-buurt | G-buurt | Zuidoost | BU03630794 | 8918 | 69
AMS-K-BUURT | K-buurt | K-buurt | Zuidoost | BU03630794 | 8919 | 69
""")
OFFSETS = {"AMS-E-BUURT": (-0.002, 0.004), "AMS-G-BUURT": (-0.004, -0.002), "AMS-K-BUURT": (0.004, -0.004)}
WIJK: dict[str, dict] = {}
for code, name, short, district, cbs, pop, nw in WIJKEN:
    programme, city = (HLM, "Haarlem") if code.startswith("HLM") else (AMS, "Amsterdam")
    points = [CENTROIDS[c] for c in cbs.split(";")]
    dlon, dlat = OFFSETS.get(code, (0.0, 0.0))
    lon = round(sum(p[0] for p in points) / len(points) + dlon, 5)
    lat = round(sum(p[1] for p in points) / len(points) + dlat, 5)
    add(
        "wijk",
        code=code,
        programme_code=programme,
        name=name,
        city=city,
        district=district,
        kind="pilotwijk" if programme == HLM else "aandachtswijk",
        cbs_code=cbs,
        population=int(pop),
        centroid_lon=lon,
        centroid_lat=lat,
    )
    WIJK[code] = dict(programme=programme, city=city, name=name, short=short, district=district, nw=int(nw))

# ---------------------------------------------------------------------------------------------------------------
# Partners (code | kind | name). Ymere works in both cities and is one partner.
PARTNERS = records("""
YMERE | corporatie | Ymere
ELAN-WONEN | corporatie | Elan Wonen
PRE-WONEN | corporatie | Pre Wonen
HAARLEM-EFFECT | welzijn | Haarlem Effect
SPAARNELANDEN | bedrijf | Spaarnelanden
POLITIE-KENNEMERLAND | politie | Politie Kennemerland
GGD-KENNEMERLAND | zorg | GGD Kennemerland
NOVA-COLLEGE | onderwijs | Nova College
HLM-STADSZAKEN | gemeente | Gemeente Haarlem - Stadszaken
HLM-WIJKZAKEN | gemeente | Gemeente Haarlem - Wijkzaken
HLM-DIENSTVERLENING | gemeente | Gemeente Haarlem - Dienstverlening
WR-AMSTERDAMSE-BUURTEN | bewoners | Wijkraad Amsterdamse Buurten
WR-BOERHAAVEWIJK | bewoners | Wijkraad Boerhaavewijk
WR-DELFTWIJK-WATERBUURT | bewoners | Wijkraad Delftwijk Waterbuurt
WR-LEIDSEBUURT | bewoners | Wijkraad Leidsebuurt
WR-VIJFHOEK | bewoners | Wijkraad Vijfhoek, Raaks en Doelen
WR-HEILIGLANDEN | bewoners | Wijkraad Heiliglanden/De Kamp
EIGEN-HAARD | corporatie | Eigen Haard
STADGENOOT | corporatie | Stadgenoot
ROCHDALE | corporatie | Rochdale
DE-ALLIANTIE | corporatie | De Alliantie
DE-KEY | corporatie | De Key
AFWC | corporatie | Amsterdamse Federatie van Woningcorporaties (AFWC)
AMS-DIENST-WONEN | gemeente | Gemeente Amsterdam - Dienst Wonen
AMS-DMO | gemeente | Gemeente Amsterdam - Dienst Maatschappelijke Ontwikkeling (DMO)
AMS-DWI | gemeente | Gemeente Amsterdam - Dienst Werk en Inkomen (DWI)
AMS-OS | gemeente | Gemeente Amsterdam - Onderzoek en Statistiek (O+S)
AMS-PROGRAMMABUREAU | gemeente | Gemeente Amsterdam - Programmabureau Wijkenaanpak
GGGD | zorg | GG&GD Amsterdam
SD-NOORD | stadsdeel | Stadsdeel Amsterdam-Noord
SD-GEUZENVELD-SLOTERMEER | stadsdeel | Stadsdeel Geuzenveld-Slotermeer
SD-OSDORP | stadsdeel | Stadsdeel Osdorp
SD-SLOTERVAART | stadsdeel | Stadsdeel Slotervaart
SD-BOS-EN-LOMMER | stadsdeel | Stadsdeel Bos en Lommer
SD-DE-BAARSJES | stadsdeel | Stadsdeel De Baarsjes
SD-ZEEBURG | stadsdeel | Stadsdeel Zeeburg
SD-OOST-WATERGRAAFSMEER | stadsdeel | Stadsdeel Oost-Watergraafsmeer
SD-ZUIDOOST | stadsdeel | Stadsdeel Zuidoost
POLITIE-AA | politie | Politie Amsterdam-Amstelland
STREETCORNERWORK | welzijn | Streetcornerwork
DORAS | welzijn | Doras
COMBIWEL | welzijn | Combiwel
SWAZOOM | welzijn | Swazoom
WELZIJN-NIEUW-WEST | welzijn | Welzijnsorganisatie Nieuw-West
WELZIJN-OOST | welzijn | Welzijnsorganisatie Oost
ROC-AMSTERDAM | onderwijs | ROC van Amsterdam
HUURDERSVERENIGING-AMS | bewoners | Huurdersvereniging Amsterdam
MIN-LNV | rijk | Ministerie van Landbouw, Natuur en Voedselkwaliteit (LNV)
MIN-VROM-WWI | rijk | Ministerie van VROM / Wonen, Wijken en Integratie (WWI)
MIN-OCW | rijk | Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)
MIN-SZW | rijk | Ministerie van Sociale Zaken en Werkgelegenheid (SZW)
MIN-BZK | rijk | Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)
CWI | rijk | Centrum voor Werk en Inkomen (CWI)
HVA | kennisinstelling | Hogeschool van Amsterdam (HvA)
UVA | kennisinstelling | Universiteit van Amsterdam (UvA)
ALBERT-HEIJN | bedrijf | Albert Heijn
KUNSTENAARS-CO | bedrijf | Kunstenaars&CO
JOHAN-CRUYFF-FOUNDATION | welzijn | Johan Cruyff Foundation
""")
PARTNER_NAME = {code: name for code, _, name in PARTNERS}
PARTNER_KIND = {code: kind for code, kind, _ in PARTNERS}
for code, kind, name in PARTNERS:
    add("partner", code=code, name=name, kind=kind)

# Local partners per wijk (illustrative): corporations, wijkraden, stadsdeel and welfare organisation.
CORPS = {
    "HLM-AMSTERDAMSE-BUURTEN": "PRE-WONEN ELAN-WONEN",
    "HLM-BOERHAAVEWIJK": "PRE-WONEN YMERE ELAN-WONEN",
    "HLM-DELFTWIJK-WATERBUURT": "ELAN-WONEN",
    "HLM-LEIDSEBUURT": "PRE-WONEN",
    "HLM-CENTRUM": "YMERE ELAN-WONEN",
    "AMS-OUD-NOORD": "YMERE EIGEN-HAARD",
    "AMS-IJPLEIN": "EIGEN-HAARD YMERE",
    "AMS-NIEUWENDAM-NOORD": "YMERE ROCHDALE",
    "AMS-DE-BANNE": "ROCHDALE YMERE",
    "AMS-SLOTERMEER-NOORDOOST": "EIGEN-HAARD DE-KEY",
    "AMS-SLOTERMEER-ZUIDWEST": "YMERE STADGENOOT",
    "AMS-GEUZENVELD": "EIGEN-HAARD DE-ALLIANTIE",
    "AMS-OSDORP-MIDDEN": "YMERE STADGENOOT",
    "AMS-SLOTERVAART": "YMERE EIGEN-HAARD DE-KEY",
    "AMS-KOLENKIT": "ROCHDALE STADGENOOT",
    "AMS-OUD-BOS-EN-LOMMER": "ROCHDALE EIGEN-HAARD",
    "AMS-BAARSJES": "STADGENOOT DE-KEY",
    "AMS-INDISCHE-BUURT-WEST": "EIGEN-HAARD YMERE",
    "AMS-TRANSVAALBUURT": "DE-ALLIANTIE EIGEN-HAARD",
    "AMS-E-BUURT": "ROCHDALE YMERE",
    "AMS-G-BUURT": "YMERE ROCHDALE",
    "AMS-K-BUURT": "EIGEN-HAARD ROCHDALE",
}
WIJKRAAD = {
    "HLM-AMSTERDAMSE-BUURTEN": "WR-AMSTERDAMSE-BUURTEN",
    "HLM-BOERHAAVEWIJK": "WR-BOERHAAVEWIJK",
    "HLM-DELFTWIJK-WATERBUURT": "WR-DELFTWIJK-WATERBUURT",
    "HLM-LEIDSEBUURT": "WR-LEIDSEBUURT",
    "HLM-CENTRUM": "WR-VIJFHOEK WR-HEILIGLANDEN",
}
# stadsdeel 2007 -> (stadsdeel partner, welfare organisation)
STADSDEEL = {
    "Amsterdam-Noord": ("SD-NOORD", "DORAS"),
    "Geuzenveld-Slotermeer": ("SD-GEUZENVELD-SLOTERMEER", "WELZIJN-NIEUW-WEST"),
    "Osdorp": ("SD-OSDORP", "WELZIJN-NIEUW-WEST"),
    "Slotervaart": ("SD-SLOTERVAART", "WELZIJN-NIEUW-WEST"),
    "Bos en Lommer": ("SD-BOS-EN-LOMMER", "COMBIWEL"),
    "De Baarsjes": ("SD-DE-BAARSJES", "COMBIWEL"),
    "Zeeburg": ("SD-ZEEBURG", "WELZIJN-OOST"),
    "Oost-Watergraafsmeer": ("SD-OOST-WATERGRAAFSMEER", "WELZIJN-OOST"),
    "Zuidoost": ("SD-ZUIDOOST", "SWAZOOM"),
}
FIXED = dict(
    ymere="YMERE",
    politie_h="POLITIE-KENNEMERLAND",
    stadszaken="HLM-STADSZAKEN",
    wijkzaken="HLM-WIJKZAKEN",
    dienstverlening="HLM-DIENSTVERLENING",
    spaarnelanden="SPAARNELANDEN",
    heffect="HAARLEM-EFFECT",
    ggd_h="GGD-KENNEMERLAND",
    nova="NOVA-COLLEGE",
    politie="POLITIE-AA",
    scw="STREETCORNERWORK",
    dmo="AMS-DMO",
    dwi="AMS-DWI",
    wonen="AMS-DIENST-WONEN",
    ggd="GGGD",
    hva="HVA",
    uva="UVA",
    ah="ALBERT-HEIJN",
    jcf="JOHAN-CRUYFF-FOUNDATION",
    kco="KUNSTENAARS-CO",
    cwi="CWI",
    roc="ROC-AMSTERDAM",
    lnv="MIN-LNV",
    vrom="MIN-VROM-WWI",
    ocw="MIN-OCW",
    huurders="HUURDERSVERENIGING-AMS",
)


def partner_for(key: str, wijk: str) -> str:
    if key in FIXED:
        return FIXED[key]
    if key == "corp":
        return rng.choice(CORPS[wijk].split())
    if key == "wijkraad":
        return rng.choice(WIJKRAAD[wijk].split())
    stadsdeel, welzijn = STADSDEEL[WIJK[wijk]["district"]]
    return stadsdeel if key == "stadsdeel" else welzijn


# ---------------------------------------------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------------------------------------------
# Project templates: theme | lead key | contributor keys | title, then the description. {w} = wijk short name.
# A template with a wijk code in front belongs to that wijk only.
H_TEMPLATES = records("""
leefbaarheid | spaarnelanden | wijkzaken corp | Schoon, heel en veilig {w}
    Extra veeg- en opruimrondes en snel herstel van vernielingen, afgesproken met de bewoners.
leefbaarheid | stadszaken | wijkraad corp | Vernieuwing speelplekken {w}
    Speelplekken worden samen met kinderen en ouders opnieuw ingericht.
leefbaarheid | spaarnelanden | wijkzaken | Aanpak zwerfvuil en hondenpoep
    Gerichte schoonmaakacties, extra afvalbakken en handhaving op hondenpoep.
leefbaarheid | stadszaken | wijkraad | Groen en geveltuinen {w}
    Bewoners krijgen hulp bij het aanleggen van geveltuinen en het onderhoud van buurtgroen.
leefbaarheid | spaarnelanden | stadszaken corp | Ondergrondse afvalcontainers
    Bovengrondse containers worden vervangen door ondergrondse containers op vaste plekken.
leefbaarheid | wijkzaken | wijkraad spaarnelanden | Wijkschouw met bewoners
    Twee keer per jaar lopen bewoners, gemeente en partners een schouw en pakken ze knelpunten op.
leefbaarheid | stadszaken | wijkraad | Parkeerregulering {w}
    Onderzoek naar de parkeerdruk en invoering van betaald parkeren na een draagvlakmeting.
leefbaarheid | heffect | corp | Buurtconciërge {w}
    Een buurtconciërge is aanspreekpunt voor kleine ergernissen en klusjes in de buurt.
veiligheid | politie_h | wijkraad wijkzaken | Buurtpreventieteam {w}
    Bewoners lopen met steun van politie en gemeente preventierondes door de buurt.
veiligheid | politie_h | heffect | Aanpak overlast hangjongeren
    Politie en jongerenwerk pakken overlast op hangplekken samen en persoonsgericht aan.
veiligheid | corp | stadszaken | Verlichting en sociale veiligheid brandgangen
    Brandgangen en achterpaden krijgen betere verlichting en afsluitbare hekken.
veiligheid | stadszaken | wijkraad | Veilige schoolroutes {w}
    Verkeersmaatregelen op de routes naar de basisscholen, uitgewerkt met ouders en scholen.
veiligheid | politie_h | corp | Woninginbraakpreventie
    Voorlichting en een kortingsregeling voor hang- en sluitwerk in inbraakgevoelige straten.
wonen | corp | stadszaken | Groot onderhoud portiekflats {w}
    Groot onderhoud van portiekflats met betere isolatie en opgeknapte entrees.
wonen | corp | wijkraad | Opknappen entrees en bergingen
    Entrees en bergingen worden schoon, licht en afsluitbaar gemaakt.
wonen | heffect | corp politie_h | Buurtbemiddeling bij burenruzies
    Getrainde vrijwilligers bemiddelen bij conflicten tussen buren.
wonen | corp | dienstverlening | Aanpak woonfraude en onderhuur
    Gezamenlijke controles op woonfraude en illegale onderhuur.
wonen | corp |  | Verkoop huurwoningen aan zittende huurders
    Huurders krijgen de kans hun woning met korting te kopen.
jeugd | heffect | politie_h | Jongerenwerk in de avonduren
    Ambulant jongerenwerk is ook 's avonds en in het weekend op straat aanwezig.
jeugd | heffect | wijkzaken | Tienerclub en speeltuinwerk
    Wekelijkse activiteiten voor kinderen en tieners in het buurthuis en de speeltuin.
jeugd | heffect | wijkzaken | Sport- en spelmiddagen op het schoolplein
    Sportbuurtwerk organiseert na schooltijd activiteiten op het schoolplein.
jeugd | wijkzaken | heffect | Jongerenparticipatie {w}
    Jongeren bedenken en organiseren zelf activiteiten met een klein budget.
zorg | ggd_h | heffect | Huisbezoeken 75-plussers
    Vrijwilligers bezoeken ouderen thuis en signaleren hulpvragen.
zorg | heffect | corp | Ontmoetingsplek voor ouderen
    Een wekelijkse inloop met koffie, activiteiten en spreekuur.
werken | spaarnelanden | dienstverlening | Leerwerkplekken in het wijkonderhoud
    Werkzoekenden uit de wijk werken en leren in het onderhoud van de openbare ruimte.
werken | dienstverlening | heffect | Werkspreekuur in het buurthuis
    Wekelijks spreekuur over werk, uitkering en scholing dicht bij huis.
integreren | heffect | nova | Taalcafé {w}
    Laagdrempelige conversatielessen Nederlands door vrijwilligers.
integreren | wijkraad | heffect | Buurtfeest en ontmoetingsdagen
    Jaarlijkse ontmoetingsdagen die bewoners met verschillende achtergronden samenbrengen.
leren | wijkzaken | heffect | Brede school {w}
    Scholen, welzijn en sport bieden een samenhangend aanbod na schooltijd.
leren | heffect | nova | Huiswerkbegeleiding
    Leerlingen krijgen huiswerkbegeleiding door stagiairs en vrijwilligers.
HLM-AMSTERDAMSE-BUURTEN:leefbaarheid | stadszaken | wijkraad | Herinrichting Amsterdamsevaart
    Betere oversteekplekken, bomen en fietspaden langs de Amsterdamsevaart.
HLM-BOERHAAVEWIJK:wonen | ymere | stadszaken wijkraad | Herstructurering Boerhaavewijk fase 1
    Sloop-nieuwbouw van de eerste flats met een mix van huur- en koopwoningen.
HLM-DELFTWIJK-WATERBUURT:wonen | corp | stadszaken | Renovatie woningen Delftwijk
    Renovatie van naoorlogse woningen met behoud van betaalbare huur.
HLM-LEIDSEBUURT:veiligheid | stadszaken | wijkraad | Verkeersveiligheid Leidsevaart
    Aanpassing van kruisingen en oversteken langs de Leidsevaart.
HLM-CENTRUM:leefbaarheid | stadszaken | wijkraad | Herinrichting Raaks en omgeving
    Herinrichting van de openbare ruimte rond de nieuwe bebouwing op de Raaks.
HLM-CENTRUM:veiligheid | politie_h | wijkzaken | Aanpak horeca- en uitgaansoverlast
    Afspraken met horeca, extra toezicht en handhaving op uitgaansavonden.
""")
A_TEMPLATES = records("""
wonen | corp | stadsdeel | Renovatie portiekwoningen {w}
    Groot onderhoud en isolatie van portiekwoningen met behoud van betaalbare huur.
wonen | corp | stadsdeel wonen | Sloop-nieuwbouw {w} fase 1
    Sloop van verouderde flats en bouw van een gemengd programma huur- en koopwoningen.
wonen | stadsdeel | corp ggd | Achter de Voordeur {w}
    Huisbezoeken om problemen achter de voordeur vroeg te signaleren en hulp in te schakelen.
wonen | wonen | corp | Aanpak woonfraude en illegale onderhuur
    Gezamenlijke controles en registratie van woonfraude en illegale onderhuur.
wonen | corp | huurders | Verkoop huurwoningen aan zittende huurders
    Huurders krijgen de kans hun woning met korting te kopen.
wonen | corp | welzijn | Wooncoaches voor nieuwe bewoners
    Wooncoaches begeleiden nieuwe huurders in hun eerste jaar in de buurt.
wonen | stadsdeel | vrom corp | Herbestemming karakteristiek gebouw
    Een karakteristiek gebouw wordt herontwikkeld tot buurtvoorziening.
werken | dwi | cwi stadsdeel | Werkpunt {w}
    Een werkpunt in de buurt begeleidt werkzoekenden naar werk, scholing of vrijwilligerswerk.
werken | ah | cwi roc | Stages en leerbanen bij Albert Heijn
    Jongeren uit de buurt krijgen een stage of leerbaan in supermarkten in de stad.
werken | corp | stadsdeel | Bedrijfsruimte voor startende ondernemers
    Plinten van corporatiewoningen worden tegen lage huur verhuurd aan starters uit de buurt.
werken | dwi | roc cwi | Jongerenloket werk en scholing
    Eén loket voor jongeren zonder werk of startkwalificatie.
werken | dwi | welzijn | Taal en werk voor vrouwen
    Trajecten die taalles combineren met werkervaring voor vrouwen zonder werk.
werken | kco | stadsdeel | Kunstenaars in de wijk
    Kunstenaars werken in de buurt aan projecten met bewoners en doen zo werkervaring op.
leren | dmo | stadsdeel ocw | Voor- en vroegschoolse educatie {w}
    Meer VVE-plaatsen en scholing van leidsters in peuterspeelzalen en scholen.
leren | stadsdeel | ggd dmo | Ouder Kind Centrum {w}
    Een Ouder Kind Centrum bundelt consultatiebureau, opvoedsteun en peuteraanbod.
leren | stadsdeel | dmo welzijn | Brede school {w}
    Scholen, welzijn en sport bieden een samenhangend aanbod na schooltijd.
leren | dmo | welzijn | Huiswerkbegeleiding en verlengde schooldag
    Extra leertijd en huiswerkbegeleiding voor leerlingen van groep 6 tot en met 8.
leren | hva | uva stadsdeel | BOOT {w}
    Een Buurtwinkel voor Onderwijs, Onderzoek en Talentontwikkeling waar studenten bewoners helpen.
leren | roc | dmo | Aanpak voortijdig schoolverlaten
    Verzuim wordt sneller opgepakt en schoolverlaters worden teruggeleid naar school of werk.
integreren | stadsdeel | huurders | Bewonersadviseurs {w}
    Bewonersadviseurs ondersteunen bewoners bij initiatieven en inspraak.
integreren | dmo | dwi | Pilot hoogopgeleide inburgeraars
    Hoogopgeleide inburgeraars combineren inburgering met een werkervaringsplaats.
integreren | welzijn | dmo | Taalles voor ouders op school
    Ouders volgen taalles op de school van hun kinderen.
integreren | welzijn | ggd | Buurtmoeders
    Getrainde buurtmoeders bezoeken geïsoleerde gezinnen en verwijzen door.
integreren | stadsdeel | corp | Buurtbudget voor bewonersinitiatieven
    Bewoners beslissen zelf over een budget voor activiteiten in de buurt.
veiligheid | politie | scw stadsdeel | Aanpak overlastgevende jeugdgroepen
    Persoonsgerichte aanpak van jeugdgroepen door politie, jongerenwerk en stadsdeel.
veiligheid | stadsdeel | politie | Buurtregie en extra handhaving
    Extra handhavers en een vaste buurtregisseur voor overlast in de openbare ruimte.
veiligheid | politie | stadsdeel | Cameratoezicht {w}
    Cameratoezicht op plekken met veel overlast en straatroof.
veiligheid | stadsdeel | ah politie | Schoon, heel en veilig winkelcentrum
    Winkeliers, Albert Heijn en stadsdeel zorgen samen voor een schoon en veilig winkelgebied.
veiligheid | welzijn | politie | Buurtvaders {w}
    Vaders uit de buurt lopen 's avonds rondes en spreken jongeren aan.
veiligheid | corp | politie | Hang- en sluitwerk portiekwoningen
    Inbraakwerend hang- en sluitwerk en afsluitbare portieken.
leefbaarheid | stadsdeel | lnv | Groen in de buurt {w}
    Aanleg en vernieuwing van buurtgroen met extra middelen van LNV.
leefbaarheid | stadsdeel | corp | Vernieuwing speelplekken
    Speelplekken worden samen met kinderen en ouders opnieuw ingericht.
leefbaarheid | stadsdeel | corp | Schoon {w}: extra reiniging
    Extra veegrondes en handhaving op bijplaatsingen van afval.
jeugd | jcf | stadsdeel | Cruyff Court {w}
    Aanleg van een Cruyff Court met een vast programma van sportactiviteiten.
jeugd | welzijn | stadsdeel | Jongerencentrum {w}
    Een jongerencentrum met inloop, activiteiten en begeleiding naar school en werk.
jeugd | stadsdeel | jcf welzijn | Sport na school
    Sportaanbod na schooltijd in samenwerking met verenigingen en scholen.
zorg | ggd | stadsdeel | Gezonde Wijk {w}
    Bewegen, gezond eten en voorlichting samen met huisartsen, scholen en GG&GD.
zorg | dmo | welzijn corp | Schuldhulpverlening dichtbij
    Spreekuur en vroegsignalering van schulden in de buurt.
AMS-KOLENKIT:wonen | corp | stadsdeel | Vernieuwing Kolenkitbuurt: sloop-nieuwbouw
    Sloop van de oudste blokken en nieuwbouw van huur- en koopwoningen in de Kolenkit.
AMS-TRANSVAALBUURT:leefbaarheid | stadsdeel | corp | Herinrichting Transvaalplein
    Het plein wordt heringericht als ontmoetingsplek voor de buurt.
AMS-E-BUURT:wonen | corp | stadsdeel | Renovatie hoogbouw E-buurt
    Renovatie van de hoogbouw met nieuwe entrees en bergingen op de begane grond.
AMS-K-BUURT:wonen | corp | stadsdeel | Vernieuwing K-buurt: laagbouw naast de flats
    Nieuwbouw van eengezinswoningen naast de gerenoveerde flats.
""")
THEME_WEIGHTS = {
    HLM: dict(leefbaarheid=3, veiligheid=2.5, wonen=2, jeugd=2, zorg=0.8, werken=0.6, integreren=0.6, leren=0.6),
    AMS: dict(wonen=3, werken=2.5, leren=2.5, integreren=2, veiligheid=2.5, leefbaarheid=1, jeugd=1, zorg=0.7),
}

# Special cases, documented in sample_data/README.md: project code -> overrides.
SPECIAL = {
    # still running, but no update in the last months before the data end
    "HLM-LEIDSEBUURT-03": dict(start=date(2008, 1, 15), end=date(2010, 3, 31), silent_after=date(2009, 7, 10)),
    "AMS-DE-BANNE-02": dict(start=date(2009, 3, 1), end=date(2012, 6, 30), silent_after=date(2011, 9, 20)),
    # 'vertraagd' at the data end (the Amsterdam one is past its end date as well)
    "HLM-BOERHAAVEWIJK-02": dict(start=date(2007, 11, 1), end=date(2009, 12, 31), late_from=date(2009, 6, 15)),
    "AMS-SLOTERVAART-01": dict(start=date(2008, 6, 1), end=date(2011, 10, 31), late_from=date(2011, 7, 15)),
    # three Kolenkit projects turn 'aandacht' in the same week, for one shared cause
    "AMS-KOLENKIT-01": dict(start=date(2008, 9, 1), end=date(2011, 6, 30), shared=date(2010, 3, 8)),
    "AMS-KOLENKIT-02": dict(start=date(2009, 1, 15), end=date(2011, 12, 31), shared=date(2010, 3, 10)),
    "AMS-KOLENKIT-03": dict(start=date(2008, 5, 1), end=date(2010, 12, 31), shared=date(2010, 3, 12)),
    # stopped projects
    "HLM-DELFTWIJK-WATERBUURT-05": dict(
        start=date(2007, 11, 15),
        end=date(2009, 6, 30),
        stop=date(2008, 11, 20),
        cause=("integreren", 2),
        stop_text="Project gestopt: te weinig animo bij bewoners; de activiteiten gaan op in het reguliere werk.",
    ),
    "AMS-GEUZENVELD-03": dict(
        start=date(2008, 4, 1),
        end=date(2011, 3, 31),
        stop=date(2009, 9, 14),
        cause=("algemeen", 1),
        stop_text="Project gestopt: de financiering voor het vervolg is niet rond gekomen; "
        "de middelen gaan naar een ander project.",
    ),
    "AMS-E-BUURT-04": dict(
        start=date(2009, 1, 1),
        end=date(2011, 6, 30),
        stop=date(2010, 5, 17),
        cause=("algemeen", 0),
        stop_text="Project gestopt op besluit van de stuurgroep; de aanpak gaat op in het stadsdeelbrede programma.",
    ),
    # not started at the data end: one with a 'niet gestart' update, one without any update
    "AMS-INDISCHE-BUURT-WEST-04": dict(start=date(2012, 2, 1), end=date(2013, 6, 30), not_started=date(2011, 11, 24)),
    "AMS-OSDORP-MIDDEN-04": dict(start=date(2012, 3, 1), end=date(2013, 12, 31)),
}


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
        end = month_end(start.year, start.month + rng.randint(8, 24) - 1)
        if rng.random() < 0.06:
            end = month_end(2009, rng.randint(11, 18))  # a few run past the contract
        elif end > date(2009, 10, 1):
            end = date(2009, 10, 1)
    else:
        start = rand_date(date(2008, 1, 1), date(2008, 12, 31) if rng.random() < 0.55 else date(2010, 10, 31))
        start = start.replace(day=1 if start.day < 15 else 15)
        end = month_end(start.year, start.month + rng.randint(12, 48) - 1)
        if rng.random() < 0.15:
            end = month_end(2012, rng.randint(1, 24))  # runs past the programme period
        elif end > date(2011, 12, 31):
            end = date(2011, 12, 31)
    if (end - start).days < 150:
        end = month_end(start.year, start.month + 6)
    return start, end


PROJECTS: list[dict] = []
for wijk, info in WIJK.items():
    programme = info["programme"]
    pool = []
    chosen = []
    for head, *rest in H_TEMPLATES if programme == HLM else A_TEMPLATES:
        owner, _, theme = head.rpartition(":")
        if owner == wijk:
            chosen.append([theme, *rest])
        elif not owner:
            pool.append([theme, *rest])
    n = rng.randint(6, 10) if programme == HLM else rng.randint(4, 8)
    weights = THEME_WEIGHTS[programme]
    while len(chosen) < n:
        themes = sorted({t[0] for t in pool})
        theme = rng.choices(themes, [weights[t] for t in themes])[0]
        template = rng.choice([t for t in pool if t[0] == theme])
        pool.remove(template)
        chosen.append(template)
    rng.shuffle(chosen)
    for i, (theme, lead_key, contrib_keys, title, descr) in enumerate(chosen, 1):
        code = f"{wijk}-{i:02d}"
        start, end = project_dates(programme)
        special = SPECIAL.get(code, {})
        start, end = special.get("start", start), special.get("end", end)
        lead = partner_for(lead_key, wijk)
        p = dict(
            code=code,
            wijk=wijk,
            programme=programme,
            theme=theme,
            lead=lead,
            start=start,
            end=end,
            contrib_keys=contrib_keys.split(),
            title=title.format(w=info["short"]),
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
            description=descr.format(w=info["short"]),
        )

# Partner contributions: the lead partner plus 0-3 contributing partners.
for p in PROJECTS:
    lo, hi = (2_000, 250_000) if p["programme"] == HLM else (20_000, 3_000_000)
    big = p["theme"] == "wonen" and PARTNER_KIND[p["lead"]] == "corporatie"
    if p["programme"] == HLM:
        lead_amount = rng.uniform(40_000, 250_000) if big else rng.uniform(4_000, 60_000)
    else:
        lead_amount = rng.uniform(500_000, 3_000_000) if big else rng.uniform(40_000, 700_000)
    add("project_partner", project_code=p["code"], partner_code=p["lead"], amount=eur(lead_amount, lo, hi))
    others = [c for c in dict.fromkeys(partner_for(k, p["wijk"]) for k in p["contrib_keys"]) if c != p["lead"]]
    for c in rng.sample(others, min(len(others), rng.choice([0, 1, 1, 2, 2, 3]))):
        amount = eur(lead_amount * rng.uniform(0.05, 0.5), lo, hi)
        add("project_partner", project_code=p["code"], partner_code=c, amount=amount)

# ---------------------------------------------------------------------------------------------------------------
# Status history. Causes: theme | oorzaak, then gevolg and maatregel.
CAUSES: dict[str, list[tuple[str, str, str]]] = {}
for theme, *explanation in records("""
wonen | De aanbesteding is uitgelopen doordat de inschrijvingen boven de raming lagen.
    De start van de uitvoering schuift enkele maanden op.
    Bestek versoberd en opnieuw aanbesteed.
wonen | Herhuisvesting van de laatste bewoners kost meer tijd dan gepland.
    Sloop of renovatie van het blok kan nog niet beginnen.
    Extra inzet van wooncoaches en voorrang voor urgente woningzoekenden.
wonen | Kredietcrisis: de corporatie heeft haar investeringsplanning herzien.
    Koopwoningen worden gefaseerd op de markt gebracht.
    Eerste fase omgezet naar huur; verkoop later in de markt gezet.
wonen | Bewoners maken bezwaar tegen het plan.
    De draagvlakmeting moet opnieuw worden gehouden.
    Extra bewonersavonden en een aangepast plan met keuzemogelijkheden.
werken | De doelgroep wordt slecht bereikt; er zijn minder aanmeldingen dan verwacht.
    Het aantal plaatsingen blijft achter bij de doelstelling.
    Werving via buurtcentra, scholen en sleutelfiguren geïntensiveerd.
werken | Door de economische crisis bieden werkgevers minder stage- en werkplekken.
    Deelnemers blijven langer in het traject.
    Nieuwe werkgevers benaderd en extra leerwerkplekken bij de partners.
werken | Deelnemers vallen uit door schulden en zorgproblemen.
    De uitstroom naar werk blijft achter.
    Koppeling gemaakt met schuldhulpverlening en maatschappelijk werk.
leren | Er zijn te weinig gekwalificeerde leidsters en docenten beschikbaar.
    Niet alle geplande groepen kunnen starten.
    Opleidingstraject gestart; tijdelijk invalkrachten ingezet.
leren | De verbouwing van het schoolgebouw loopt uit.
    Activiteiten vinden tijdelijk op een andere locatie plaats.
    Tijdelijke huisvesting geregeld; aannemer aangesproken op de planning.
leren | Scholen hebben door personeelstekort weinig ruimte om mee te doen.
    Minder scholen doen mee dan gepland.
    Een coördinator ontlast de scholen bij de organisatie.
integreren | Vrijwilligers haken af en de coördinator is langdurig ziek.
    Activiteiten gaan in afgeslankte vorm door.
    Tijdelijke vervanging geregeld en nieuwe vrijwilligers geworven.
integreren | De financiering voor het komende jaar is onzeker door wijziging van landelijke regelingen.
    Nieuwe trajecten kunnen nog niet worden toegezegd.
    Overleg met de gemeente over overbruggingsfinanciering.
integreren | Weinig bewoners komen naar de bijeenkomsten.
    De participatiedoelen worden niet gehaald.
    Bewoners persoonlijk benaderen via sleutelfiguren en huisbezoeken.
veiligheid | Een nieuwe jeugdgroep veroorzaakt overlast in de buurt.
    De inzet moet worden verlegd; andere acties lopen achter.
    Groepsaanpak met politie, jongerenwerk en gemeente; extra inzet in de avond.
veiligheid | De vergunningprocedure duurt langer dan voorzien.
    De maatregelen gaan later in dan gepland.
    Procedure versneld via de driehoek; tijdelijke oplossing ingezet.
veiligheid | De politie heeft minder capaciteit door inzet elders in de stad.
    Er is minder toezicht in de buurt dan afgesproken.
    Afspraak gemaakt over een minimale vaste inzet in de buurt.
leefbaarheid | Het ontwerp moest na inspraak worden aangepast.
    De uitvoering schuift naar het volgende seizoen.
    Aangepast ontwerp versneld ter besluitvorming voorgelegd.
leefbaarheid | Kabels en leidingen in de grond vragen om een andere inrichting.
    Extra kosten en vertraging in de uitvoering.
    Meerkosten gedekt door de partners; planning herzien.
leefbaarheid | Zwerfvuil en bijplaatsingen nemen weer toe.
    Bewoners zijn minder tevreden over de buurt.
    Extra veegrondes en handhaving op bijplaatsingen.
zorg | De wachttijden bij zorgaanbieders lopen op.
    Doorverwijzingen vanuit de huisbezoeken worden laat opgepakt.
    Afspraken gemaakt over voorrang bij acute situaties.
zorg | Er zijn vragen over privacy bij het delen van gegevens tussen partners.
    Het casusoverleg kan niet volledig plaatsvinden.
    Privacyprotocol opgesteld en voorgelegd aan alle partners.
jeugd | De locatie voor de activiteiten is nog niet beschikbaar.
    Activiteiten vinden verspreid in de buurt plaats.
    Tijdelijke ruimte geregeld in overleg met de gemeente.
jeugd | De jongerenwerker is vertrokken en de vacature is moeilijk te vervullen.
    Er zijn minder openingsuren voor jongeren.
    Tijdelijke inzet vanuit een andere buurt; vacature breed uitgezet.
algemeen | Besluitvorming bij een van de partners duurt langer dan gepland.
    De start van de volgende fase schuift op.
    Onderwerp geagendeerd in de stuurgroep; escalatie als het besluit uitblijft.
algemeen | De financiering voor het volgende jaar is nog niet rond.
    Activiteiten kunnen niet worden uitgebreid.
    Aanvullende middelen aangevraagd; activiteiten geprioriteerd.
algemeen | Wisseling van projectleider.
    De overdracht kost tijd en enkele acties liggen stil.
    Nieuwe projectleider ingewerkt; planning opnieuw bevestigd.
overdue | De werkzaamheden zijn niet afgerond op de geplande einddatum.
    De oplevering schuift op; de inzet van de partners loopt langer door.
    Herziene planning met nieuwe opleverdatum afgesproken in de stuurgroep.
shared | Stadsdeel Bos en Lommer heeft door de bezuinigingsronde de cofinanciering 2010 pas in maart vastgesteld.
    Activiteiten voor het eerste kwartaal zijn uitgesteld; de planning schuift ongeveer twee maanden op.
    Stuurgroep Kolenkit regelt voorfinanciering; de projectleiders stellen samen een ingehaalde planning op.
"""):
    CAUSES.setdefault(theme, []).append(tuple(explanation))
OVERDUE, SHARED_CAUSE = CAUSES.pop("overdue")[0], CAUSES.pop("shared")[0]
# status or theme | texts for 'op schema' and other statuses
TEXTS = {
    k: v.split(" / ")
    for k, v in records(
        """
op schema | Uitvoering verloopt volgens planning. / Activiteiten lopen op schema; volgende stap in voorbereiding.
    Overleg met de partners gehouden; afspraken worden nagekomen. / Bewoners geïnformeerd over de voortgang.
aandacht | Planning staat onder druk. / Risico op vertraging gemeld bij het projectteam.
    Aandachtspunt ingebracht in de stuurgroep.
vertraagd | Project loopt achter op de planning. / Mijlpaal niet gehaald; herziene planning in voorbereiding.
    Vertraging ten opzichte van de planning; stuurgroep geïnformeerd.
afgerond | Project afgerond en geëvalueerd met bewoners. / Laatste activiteiten uitgevoerd; project afgerond.
    Oplevering gereed; evaluatie naar de stuurgroep.
wonen | Bewonersavond over de planning gehouden. / Werkzaamheden aan het eerste blok zijn gestart.
werken | Nieuwe deelnemers ingestroomd; plaatsingen volgens verwachting. / Gesprekken met werkgevers lopen goed.
leren | Aantal deelnemende kinderen volgens planning. / Ouderbijeenkomst op school goed bezocht.
integreren | Groepen draaien; opkomst stabiel. / Nieuwe bewonersinitiatieven begeleid.
veiligheid | Aantal overlastmeldingen neemt af. / Gezamenlijke schouw met politie en gemeente uitgevoerd.
leefbaarheid | Schouw met bewoners gehouden; knelpunten opgepakt. / Onderhoudsrondes uitgevoerd volgens plan.
zorg | Huisbezoeken volgens planning afgelegd. / Spreekuur goed bezocht.
jeugd | Activiteiten voor jongeren goed bezocht. / Programma voor de vakantie rond.
""".replace("\n    ", " / ")
    )
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


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def update_dates(p: dict, special: dict) -> list[date]:
    """Every 2-6 weeks from the start; running projects report shortly before the data end."""
    data_end = DATA_END[p["programme"]]
    last = special.get("silent_after", data_end)
    shared = special.get("shared")
    base = rng.randint(14, 30 if shared else 42)
    dates, d = [], p["start"] + days(rng.randint(0, 10))
    while d <= last:
        dates.append(d)
        d += days(max(14, min(42, base + rng.randint(-6, 6))))
        if shared and dates[-1] < shared <= d:  # put an update on the shared date
            if (shared - dates[-1]).days < 10:
                dates[-1], d = shared, shared + (d - dates[-1])
            else:
                d = shared
    if "silent_after" not in special and dates and (data_end - dates[-1]).days > 21:
        dates.append(data_end - days(rng.choice([0, 0, 1, 2, 3, 6, 7, 8, 9, 13, 14])))
    return dates


def status_history(p: dict) -> tuple[date | None, date | None]:
    """Write the status updates of one project; return (completion date, stop date)."""
    special = SPECIAL.get(p["code"], {})
    start, end = p["start"], p["end"]
    author = f"{rng.choice(NAMES)} (projectleider {PARTNER_NAME[p['lead']]})"
    wijk_role = ("wijkmanager " if p["programme"] == HLM else "buurtcoördinator ") + WIJK[p["wijk"]]["name"]

    def write(d, status, progress, text, cause=None, who=author):
        o, g, m = cause if status in ("aandacht", "vertraagd") else (None, None, None)
        add(
            "status_update",
            project_code=p["code"],
            update_date=d,
            status=status,
            progress=progress,
            text=text,
            oorzaak=o,
            gevolg=g,
            maatregel=m,
            author=who,
        )

    if start > DATA_END[p["programme"]]:
        if "not_started" in special:
            month = MONTHS[start.month - 1]
            write(
                special["not_started"],
                "niet gestart",
                0,
                f"Voorbereiding loopt; start gepland in {month} {start.year}.",
            )
        return None, None
    p_episode = rng.choice([0.0, 0.0, 0.03, 0.05, 0.08])
    span = (end - start).days
    delay, prev, progress = 0.0, start, 0
    ep_status, ep_left, ep_cause = None, 0, None
    theme, n = special.get("cause", (p["theme"], rng.randrange(len(CAUSES[p["theme"]]))))
    forced_cause = CAUSES[theme][n]  # for the forced 'vertraagd' periods of the special cases
    for i, d in enumerate(update_dates(p, special)):
        step, prev = (d - prev).days, d
        status, cause = "op schema", None
        forced = ("late_from" in special and d >= special["late_from"]) or (
            "stop" in special and special["stop"] - days(70) <= d < special["stop"]
        )
        quiet = "shared" in special and special["shared"] - days(60) <= d < special["shared"]
        if quiet:
            ep_left = 0  # on schedule until the shared setback
        if (
            not (forced or quiet) and ep_left == 0 and i >= 2 and rng.random() < p_episode
        ):  # 'aandacht'/'vertraagd' episode
            ep_status = "aandacht" if rng.random() < 0.6 else "vertraagd"
            ep_left = rng.randint(1, 3) if ep_status == "aandacht" else rng.randint(2, 5)
            ep_cause = rng.choice(CAUSES[p["theme"]] + CAUSES["algemeen"])
        if ep_left > 0:
            status, cause = ep_status, ep_cause
            ep_left -= 1
            if ep_left == 0 and ep_status == "aandacht" and rng.random() < 0.3:
                ep_status, ep_left = "vertraagd", rng.randint(1, 3)
        if "shared" in special and special["shared"] <= d < special["shared"] + days(50):
            status, cause = "aandacht", SHARED_CAUSE
        if forced:
            status, cause, ep_left = "vertraagd", forced_cause, 0
        delay = {"vertraagd": delay + step, "aandacht": delay + step / 2}.get(status, max(0.0, delay - step / 2))
        done = (d - start).days - delay
        if "stop" in special and d >= special["stop"]:
            write(d, "gestopt", progress, special["stop_text"])
            return None, d
        if status == "op schema" and d >= end and done >= span - 21 and "late_from" not in special:
            write(d, "afgerond", 100, rng.choice(TEXTS["afgerond"]))
            return d, None
        if status == "op schema" and d > end:
            status, cause = "vertraagd", OVERDUE
        progress = max(progress, min(95, 5 * round(20 * done / span)))
        if status == "op schema":
            text = rng.choice(TEXTS["op schema"] + TEXTS[p["theme"]])
        elif cause is SHARED_CAUSE:
            text = "Activiteiten 2010 uitgesteld: cofinanciering stadsdeel laat vastgesteld."
        else:
            text = rng.choice(TEXTS[status])
        write(d, status, progress, text, cause, wijk_role if rng.random() < 0.12 else author)
    return None, None


MILESTONES = {
    k: v.split(" / ")
    for k, v in records(
        """
wonen | Projectplan vastgesteld / Draagvlakmeting onder bewoners / Aanbesteding afgerond / Start uitvoering
    Oplevering eerste woningen / Eindoplevering
werken | Projectplan vastgesteld / Werving deelnemers gestart / Eerste groep deelnemers geplaatst / Tussenevaluatie
    Doelaantal plaatsingen bereikt / Eindevaluatie
leren | Projectplan vastgesteld / Afspraken met scholen getekend / Start eerste groepen / Tussenevaluatie
    Alle groepen draaien / Eindevaluatie
integreren | Projectplan vastgesteld / Startbijeenkomst met bewoners / Eerste activiteiten gestart / Tussenevaluatie
    Werkwijze geborgd / Eindevaluatie
veiligheid | Plan van aanpak vastgesteld / Afspraken met politie en gemeente / Start uitvoering / Tussenevaluatie
    Maatregelen volledig ingevoerd / Eindevaluatie
leefbaarheid | Plan van aanpak vastgesteld / Ontwerp besproken met bewoners / Start uitvoering
    Schouw na uitvoering / Oplevering / Eindevaluatie
zorg | Plan van aanpak vastgesteld / Samenwerkingsafspraken getekend / Start uitvoering / Tussenevaluatie
    Werkwijze geborgd / Eindevaluatie
jeugd | Plan van aanpak vastgesteld / Locatie en begeleiding geregeld / Start activiteiten / Tussenevaluatie
    Programma volledig / Eindevaluatie
""".replace("\n    ", " / ")
    )
}


def milestones(p: dict, completed: date | None, stopped: date | None) -> None:
    """1-4 milestones in the project period: most done on time, some late, some missed."""
    data_end = DATA_END[p["programme"]]
    k = rng.randint(1, 4)
    steps = sorted(rng.sample(range(6), k))
    fractions = sorted(rng.uniform(0.1, 1.0) for _ in range(k))
    if steps[-1] == 5:
        fractions[-1] = 1.0
    span = (p["end"] - p["start"]).days
    for step, fraction in zip(steps, fractions, strict=True):
        due = p["start"] + days(int(span * fraction))
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
        add("milestone", project_code=p["code"], title=MILESTONES[p["theme"]][step], due_date=due, done_date=done)


for p in PROJECTS:
    completed, stopped = status_history(p)
    milestones(p, completed, stopped)

# ---------------------------------------------------------------------------------------------------------------
# Indicators: code | name | theme | unit | direction | interval (months) | decimals, then the source.
INDICATORS = records("""
WERKLOOSHEID | Geregistreerde werkloosheid | werken | % van de beroepsbevolking | lager | 12 | 1
    O+S Amsterdam, De Staat van de Aandachtswijken
BIJSTAND | Bijstandsuitkeringen (WWB) per 1000 inwoners | werken | per 1000 inwoners | lager | 12 | 0
    DWI Amsterdam; Gemeente Haarlem
MINIMA | Minimahuishoudens (tot 110% van het wettelijk minimum) | werken | % van de huishoudens | lager | 24 | 1
    O+S Amsterdam, Armoedemonitor
VSV | Voortijdig schoolverlaters (nieuwe vsv, jonger dan 23 jaar) | leren | % van de leerlingen | lager | 12 | 1
    DMO Amsterdam / RMC
CORPORATIEWONINGEN | Corporatiewoningen (sociale huur) | wonen | % van de woningvoorraad | lager | 24 | 1
    Wonen in Amsterdam (Dienst Wonen, O+S)
WOZ_WAARDE | WOZ-waarde van woningen (mediaan) | wonen | EUR | hoger | 12 | -2
    O+S Amsterdam (WOZ-registratie)
RAPPORTCIJFER_BUURT | Rapportcijfer van bewoners voor hun buurt | leefbaarheid | rapportcijfer 1-10 | hoger | 24 | 1
    Wonen in Amsterdam (O+S); Omnibusonderzoek Haarlem
VEILIGHEIDSINDEX | Veiligheidsindex (objectief) | veiligheid | index (2003 = 100) | lager | 12 | 0
    O+S Amsterdam, Veiligheidsindex
LEEFSITUATIE_INDEX | Leefsituatie-index (participatie) | integreren | index (2004 = 100) | hoger | 24 | 1
    O+S Amsterdam, De Staat van de Stad
""")
IND = {}
for code, name, theme, unit, direction, interval, decimals, source in INDICATORS:
    add(
        "indicator",
        code=code,
        name=name,
        theme=theme,
        unit=unit,
        direction=direction,
        source=source,
        interval_months=int(interval),
    )
    IND[code] = dict(better=-1 if direction == "lager" else 1, nd=int(decimals))

YEARLY, ODD, EVEN = range(2006, 2012), (2007, 2009, 2011), (2006, 2008, 2010)
# indicator: measurement years, Amsterdam average per year (reference values where known), noise
SERIES = {
    "WERKLOOSHEID": (YEARLY, [8.4, 7.3, 6.7, 7.6, 7.9, 7.7], 0.35),
    "BIJSTAND": (YEARLY, [62, 58, 54, 53, 54, 55], 2.0),
    "MINIMA": (ODD, [17.2, 16.5, 17.0], 0.7),
    "VSV": (YEARLY, [7.8, 7.0, 6.4, 5.9, 5.3, 4.8], 0.4),
    "CORPORATIEWONINGEN": (ODD, [51.0, 49.4, 47.6], 0.6),
    "WOZ_WAARDE": (YEARLY, [188000, 199000, 209000, 214500, 212800, 209700], 2500),
    "RAPPORTCIJFER_BUURT": (ODD, [7.2, 7.3, 7.4], 0.08),
    "VEILIGHEIDSINDEX": (YEARLY, [93, 90, 86, 84, 81, 79], 3.0),
    "LEEFSITUATIE_INDEX": (EVEN, [100.8, 102.3, 103.1], 0.8),
}
# Amsterdam targets: indicator -> (baseline year, target year, planned improvement)
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
# Untidy facts, documented in the README.
WRONG_WAY = ("AMS-KOLENKIT", "WERKLOOSHEID")
EARLY = ("AMS-TRANSVAALBUURT", "RAPPORTCIJFER_BUURT")
GAP = ("AMS-OSDORP-MIDDEN", "BIJSTAND", 2008)
STALE = ("AMS-IJPLEIN", "VSV", 2009)  # no figures after 2009
LOWEST_SCORES = ("AMS-OUD-BOS-EN-LOMMER", "AMS-KOLENKIT", "AMS-GEUZENVELD", "AMS-SLOTERVAART")


def rounded(value: float, nd: int) -> float:
    return float(round(value, nd))


def measure(ind: str, city: str, wijk: str | None, year: int, value: float) -> None:
    add("measurement", indicator_code=ind, city=city, wijk_code=wijk, year=year, value=rounded(value, IND[ind]["nd"]))


def wijk_baseline(ind: str, d: float) -> float:
    """A typical aandachtswijk value; d = 0..1 is the relative disadvantage of the buurt."""
    return dict(
        WERKLOOSHEID=9.8 + 2.6 * d,
        BIJSTAND=66 + 30 * d,
        VSV=7.0 + 3.0 * d,
        CORPORATIEWONINGEN=70 + 14 * d,
        WOZ_WAARDE=176000 - 26000 * d,
        RAPPORTCIJFER_BUURT=6.7 - 0.6 * d,
        VEILIGHEIDSINDEX=112 + 36 * d,
        LEEFSITUATIE_INDEX=96 - 6 * d,
        MINIMA=25 + 10 * d,
    )[ind]


for ind, (years, values, _) in SERIES.items():
    for y, v in zip(years, values, strict=True):
        measure(ind, "Amsterdam", None, y, v)

for wijk, info in WIJK.items():
    if info["programme"] != AMS:
        continue
    d = (info["nw"] - 39) / 30
    for ind, (years, city_values, noise) in SERIES.items():
        nd, better = IND[ind]["nd"], IND[ind]["better"]
        extra = 0.35 if ind == "RAPPORTCIJFER_BUURT" and wijk in LOWEST_SCORES else 0
        base = wijk_baseline(ind, d + extra) + rng.gauss(0, noise)
        if (wijk, ind) == WRONG_WAY:
            base = 12.6
        if ind not in TARGET_RULE:  # context indicators follow the city trend
            for y, city_value in zip(years, city_values, strict=True):
                v = base * city_value / city_values[0]
                if y != years[0]:
                    v += rng.gauss(0, noise / 2) - (rng.uniform(0, 1.2) if ind == "MINIMA" else 0)
                measure(ind, "Amsterdam", wijk, y, v)
            continue
        by, ty, gain = TARGET_RULE[ind]
        base = rounded(base, nd)
        target = rounded(base + better * gain * rng.uniform(0.8, 1.2), nd)
        speed = rng.uniform(0.35, 0.85)  # share of the planned improvement actually realised
        if (wijk, ind) == EARLY:
            target, speed = rounded(base + 0.4, nd), 1.6
        if (wijk, ind) == WRONG_WAY:
            speed = -0.7
        add(
            "target",
            wijk_code=wijk,
            indicator_code=ind,
            baseline_year=by,
            baseline_value=base,
            target_year=ty,
            target_value=target,
        )
        for y in years:
            if (wijk, ind, y) == GAP or ((wijk, ind) == STALE[:2] and y > STALE[2]):
                continue
            v = base + (target - base) * speed * (y - by) / (ty - by)
            if y != by:
                v += rng.gauss(0, noise * 0.6) + CRISIS.get(ind, {}).get(y, 0)
            if (wijk, ind) == EARLY and y > by:
                v = max(v, target + 0.1)
            if ind == "WERKLOOSHEID" and (wijk, ind) != WRONG_WAY:
                v = min(v, 13.6)  # Kolenkit has the highest unemployment
            measure(ind, "Amsterdam", wijk, y, v)

# Haarlem: bijstand (yearly 2006-2009) and rapportcijfer (2007, 2009); targets 2007 -> 2009.
H_BASE = {
    "HLM-AMSTERDAMSE-BUURTEN": (34, 6.9),
    "HLM-BOERHAAVEWIJK": (68, 6.3),
    "HLM-DELFTWIJK-WATERBUURT": (31, 6.8),
    "HLM-LEIDSEBUURT": (12, 7.6),
    "HLM-CENTRUM": (21, 7.3),
}
for y, v in zip(range(2006, 2010), (28, 26, 24, 25), strict=True):
    measure("BIJSTAND", "Haarlem", None, y, v)
for y, v in ((2007, 7.4), (2009, 7.5)):
    measure("RAPPORTCIJFER_BUURT", "Haarlem", None, y, v)
for wijk, (bij, rap) in H_BASE.items():
    add(
        "target",
        wijk_code=wijk,
        indicator_code="BIJSTAND",
        baseline_year=2007,
        baseline_value=float(bij),
        target_year=2009,
        target_value=float(bij - max(2, round(bij * rng.uniform(0.06, 0.1)))),
    )
    add(
        "target",
        wijk_code=wijk,
        indicator_code="RAPPORTCIJFER_BUURT",
        baseline_year=2007,
        baseline_value=rap,
        target_year=2009,
        target_value=rounded(rap + rng.choice([0.2, 0.3]), 1),
    )
    deltas = (rng.uniform(0.5, 3), 0, -rng.uniform(0, 1.2), -rng.uniform(0.5, 3.5))
    for y, delta in zip(range(2006, 2010), deltas, strict=True):
        measure("BIJSTAND", "Haarlem", wijk, y, bij + delta)
    measure("RAPPORTCIJFER_BUURT", "Haarlem", wijk, 2007, rap)
    measure("RAPPORTCIJFER_BUURT", "Haarlem", wijk, 2009, rap + rng.choice([0.0, 0.1, 0.1, 0.2, 0.3]))

# Project -> indicator (a contribution, not a proven cause).
THEME_INDICATORS = {
    AMS: dict(
        wonen="CORPORATIEWONINGEN WOZ_WAARDE RAPPORTCIJFER_BUURT",
        werken="WERKLOOSHEID BIJSTAND MINIMA",
        leren="VSV",
        integreren="LEEFSITUATIE_INDEX",
        veiligheid="VEILIGHEIDSINDEX RAPPORTCIJFER_BUURT",
        leefbaarheid="RAPPORTCIJFER_BUURT",
        jeugd="VSV VEILIGHEIDSINDEX",
        zorg="LEEFSITUATIE_INDEX MINIMA",
    ),
    HLM: dict(
        leefbaarheid="RAPPORTCIJFER_BUURT",
        veiligheid="RAPPORTCIJFER_BUURT",
        wonen="RAPPORTCIJFER_BUURT",
        werken="BIJSTAND",
    ),
}
for p in PROJECTS:
    options = THEME_INDICATORS[p["programme"]].get(p["theme"], "").split()
    for ind in rng.sample(options, min(len(options), rng.choice([1, 1, 2]))):
        add("project_indicator", project_code=p["code"], indicator_code=ind)

# ---------------------------------------------------------------------------------------------------------------
# Haarlem central budget (EUR 250,000): general costs, then resident initiatives, keeping a reserve.
BUDGET, RESERVE = 250_000, 20_000
GENERAL = records("""
Projectorganisatie en procesbegeleiding wijkcontracten | 55000 | 51850.00 | 2007-09-18
Persbericht en perstoelichting bij de ondertekening | 1500 | 1245.50 | 2007-09-18
Folder huis aan huis in de vijf pilotwijken | 14000 | 13560.00 | 2007-09-18
Drukken en verzenden wijkcontracten aan betrokken organisaties | 3500 | 3212.40 | 2007-09-18
Ondertekeningsbijeenkomst 2 oktober 2007 | 4500 | 4480.00 | 2007-09-18
Bewonersbijeenkomsten en wijkschouwen bij de introductie | 12000 | 9875.00 | 2007-09-18
Voortgangsrapportage oktober 2008 en tussenevaluatie | 8000 | 7400.00 | 2008-06-10
""")
committed = 0
for i, (title, amount, spent, decided) in enumerate(GENERAL, 1):
    committed += int(amount)
    add(
        "budget_allocation",
        code=f"HLM-ALG-{i:02d}",
        programme_code=HLM,
        wijk_code=None,
        category="algemene kosten",
        title=title,
        requested=Cents(int(amount) * 100),
        approved=Cents(int(amount) * 100),
        spent=Cents(round(float(spent) * 100)),
        priority=None,
        decision_date=date.fromisoformat(decided),
    )
# resident initiative | typical amount (EUR)
INITIATIVES = records("""
Buurtmoestuin {w} | 6000
Geveltuinen in de straat | 3500
Buurtfeest {w} | 2500
Jeu-de-boulesbaan bij het buurthuis | 8000
Kerstmarkt {w} | 3000
Buurtkrant (vier edities) | 4500
Bankjes en bloembakken op het plein | 7500
Huiswerkklas in het buurthuis | 9000
Voetbaltoernooi voor jongeren | 2000
Opknappen speelplek door bewoners | 15000
Burendag {w} | 1500
Seniorenuitjes | 3000
Kunstproject met kinderen | 5000
Buurtpreventie: hesjes en zaklampen | 2500
Rommelmarkt en ruilbeurs | 1000
Kookclub voor buurtbewoners | 3500
Fietsenstalling bij de flat | 12000
Kinderspeeldag | 2000
Muurschildering in de onderdoorgang | 9500
Buurtbibliotheek in het wijkcentrum | 6500
Jongerenstudio in het buurthuis | 14000
Schoonmaakdag met bewoners | 1200
Cursus EHBO voor buurtbewoners | 2800
Zomeravondconcerten op het plein | 7000
""")
requests = []
for wijk, info in WIJK.items():
    if info["programme"] != HLM:
        continue
    chosen = rng.sample(INITIATIVES, rng.randint(6, 8))
    decided = sorted(rand_date(date(2007, 11, 15), date(2009, 8, 31)) for _ in chosen)
    for priority, (title, typical) in enumerate(chosen, 1):
        r = rng.random()
        requests.append(
            dict(
                wijk=wijk,
                priority=priority,
                title=title.format(w=info["short"]),
                requested=max(500, int(round(int(typical) * rng.uniform(0.5, 1.1), -2))),
                decided=None if priority == len(chosen) and wijk != "HLM-LEIDSEBUURT" else decided[priority - 1],
                share=0 if r < 0.1 else rng.uniform(0.5, 0.9) if r < 0.25 else 1,  # rejected / partly / fully
            )
        )
# Decisions in date order; a request that no longer fits above the reserve is turned down.
for req in sorted((r for r in requests if r["decided"]), key=lambda r: r["decided"]):
    approved = int(req["requested"] * req["share"] / 100) * 100
    approved = approved if committed + approved <= BUDGET - RESERVE else 0
    committed += approved
    req["approved"] = approved
for req in requests:
    approved = req.get("approved", 0)
    if not approved:
        spent = 0
    elif req["decided"] < date(2009, 3, 1):
        spent = approved * 100 if rng.random() < 0.6 else int(approved * 100 * rng.uniform(0.7, 1.0))
    else:
        spent = int(approved * 100 * rng.uniform(0.0, 0.6))
    add(
        "budget_allocation",
        code=f"{req['wijk']}-BI-{req['priority']:02d}",
        programme_code=HLM,
        wijk_code=req["wijk"],
        category="bewonersinitiatief",
        title=req["title"],
        requested=Cents(req["requested"] * 100),
        approved=Cents(approved * 100),
        spent=Cents(spent),
        priority=req["priority"],
        decision_date=req["decided"],
    )

# ---------------------------------------------------------------------------------------------------------------
# Amsterdam charter with the national government: theme | party | partners (SD = a stadsdeel) | fixed status,
# then the text.
CHARTER = records("""
algemeen | gemeente | AMS-PROGRAMMABUREAU | afgerond
    Amsterdam concretiseert per aandachtswijk de doelstellingen en te bereiken resultaten van de wijkenaanpak.
algemeen | gemeente | AMS-OS | afgerond
    De gemeente publiceert tweejaarlijks De Staat van de Aandachtswijken met een beperkt aantal indicatoren.
algemeen | gemeente | AMS-PROGRAMMABUREAU AMS-OS | afgerond
    De voortgang van de wijkenaanpak wordt openbaar gemaakt via de uitvoeringsmonitor.
algemeen | beide | AMS-PROGRAMMABUREAU MIN-VROM-WWI |
    Rijk en gemeente houden jaarlijks themabijeenkomsten over de stand van de charteruitvoering.
algemeen | rijk | MIN-VROM-WWI MIN-BZK |
    Het Rijk beperkt de verantwoordingslast tot één verantwoordingsmoment per jaar voor de wijkenaanpak.
algemeen | beide | MIN-VROM-WWI AMS-PROGRAMMABUREAU |
    Amsterdam neemt deel aan de experimenten Samenhang in de Wijk, Achter de Voordeur, Gezonde Wijk en
    Bewonersparticipatie.
algemeen | gemeente | AMS-PROGRAMMABUREAU AFWC |
    Gemeente en corporaties leggen de investeringen per buurt vast in de buurtuitvoeringsprogramma's.
algemeen | beide | GGGD SD |
    Gezonde Wijk: de GG&GD en de stadsdelen zetten extra in op bewegen en een gezonde leefstijl.
wonen | rijk | MIN-VROM-WWI MIN-OCW |
    Het Rijk stelt extra middelen beschikbaar voor de herontwikkeling van karakteristieke gebouwen.
wonen | gemeente | AMS-DIENST-WONEN AFWC |
    Gemeente en corporaties maken de woningvoorraad gevarieerder door verkoop en nieuwbouw van middeldure
    woningen.
wonen | gemeente | AMS-DIENST-WONEN |
    Woonfraude en illegale onderhuur in de aandachtswijken worden versneld aangepakt.
wonen | rijk | MIN-VROM-WWI |
    Het Rijk maakt experimenten met huurbeleid in de aandachtswijken mogelijk.
wonen | rijk | MIN-VROM-WWI |
    Tijdelijke verhuur bij sloop-nieuwbouw wordt eenvoudiger door ontheffing op grond van de Leegstandwet.
wonen | gemeente | AFWC |
    De corporaties investeren in tien jaar circa EUR 2,4 miljard in de aandachtswijken.
wonen | gemeente | SD AMS-DIENST-WONEN |
    De openbare ruimte rond herstructureringsgebieden wordt tegelijk met de woningen verbeterd.
wonen | beide | AMS-DIENST-WONEN MIN-VROM-WWI |
    Gemeente en Rijk onderzoeken selectieve woningtoewijzing op grond van de Huisvestingswet.
wonen | rijk | MIN-LNV SD |
    LNV geeft extra middelen voor groen in de buurt: aanleg en vernieuwing van buurtparken en speelgroen.
wonen | gemeente | HUURDERSVERENIGING-AMS SD |
    Bewonersparticipatie bij herstructurering wordt per buurt vastgelegd in een participatieprotocol.
werken | beide | CWI AMS-DWI |
    CWI en DWI openen een gezamenlijk werkplein in elk stadsdeel met aandachtswijken.
werken | beide | ALBERT-HEIJN CWI |
    Albert Heijn biedt stageplekken en leerbanen aan jongeren uit de aandachtswijken.
werken | beide | KUNSTENAARS-CO AMS-DWI |
    Kunstenaars&CO begeleidt kunstenaars naar werk in projecten in de wijken.
werken | rijk | MIN-SZW |
    Het Rijk verruimt de inzet van re-integratiemiddelen voor buurtgerichte trajecten.
werken | gemeente | AMS-DWI ROC-AMSTERDAM |
    Jongeren zonder startkwalificatie krijgen extra trajecten richting werk of school.
werken | gemeente | AFWC SD |
    Plinten van corporatiewoningen worden beschikbaar gesteld aan startende ondernemers.
werken | gemeente | AMS-DWI AMS-DMO |
    Vrouwen zonder werk worden wijkgericht bereikt met taal- en participatietrajecten.
werken | beide | MIN-SZW AMS-DWI |
    Ondernemerschap in de wijk wordt gestimuleerd met microkredieten en begeleiding.
werken | gemeente | AFWC AMS-DWI |
    Bij herstructurering nemen aannemers werkzoekenden uit de buurt in dienst (social return).
leren | beide | AMS-DMO MIN-OCW |
    Met de schoolbesturen wordt een convenant gesloten om de kwaliteit van het onderwijs te verbeteren.
leren | gemeente | AMS-DMO GGGD SD |
    In alle stadsdelen met aandachtswijken worden Ouder Kind Centra opgezet.
leren | rijk | MIN-OCW MIN-VROM-WWI |
    Het Rijk stelt extra middelen beschikbaar voor voor- en vroegschoolse educatie (VVE).
leren | gemeente | AMS-DMO SD |
    Het aantal brede scholen met een verlengde schooldag wordt uitgebreid.
leren | beide | HVA UVA |
    HvA en UvA ontwikkelen BOOT's (Buurtwinkels voor Onderwijs, Onderzoek en Talentontwikkeling) in de wijken.
leren | beide | HVA UVA AMS-PROGRAMMABUREAU |
    HvA en UvA onderzoeken best practices in de wijkenaanpak.
leren | gemeente | AMS-DMO ROC-AMSTERDAM |
    Voortijdig schoolverlaten wordt aangepakt met een sluitende registratie en terugleiding naar school.
leren | rijk | MIN-OCW |
    Het Rijk verruimt de regels voor schakelklassen.
leren | beide | MIN-OCW AMS-DMO |
    Schoolgebouwen worden heringericht als multifunctionele accommodaties in de buurt.
leren | gemeente | AMS-DMO GGGD |
    Alle basisscholen in de aandachtswijken krijgen schoolmaatschappelijk werk.
integreren | gemeente | SD AMS-DMO |
    De stadsdelen met aandachtswijken zetten bewonersadviseurs in.
integreren | beide | AMS-DMO MIN-VROM-WWI |
    Een pilot rond hoogopgeleide inburgeraars combineert inburgering met werkervaringsplaatsen.
integreren | beide | AMS-DMO MIN-VROM-WWI |
    Inburgeringstrajecten worden gecombineerd met taal en ouderbetrokkenheid op school.
integreren | gemeente | AMS-DMO SD |
    Zelforganisaties en ontmoetingsplekken in de buurt worden ondersteund.
integreren | beide | JOHAN-CRUYFF-FOUNDATION SD |
    De Johan Cruyff Foundation legt Cruyff Courts aan en ondersteunt sportverenigingen in de wijken.
integreren | gemeente | AMS-DMO POLITIE-AA |
    Polarisatie en radicalisering worden wijkgericht aangepakt via netwerken van sleutelfiguren.
integreren | gemeente | SD |
    Bewoners krijgen buurtbudgetten om zelf initiatieven uit te voeren.
integreren | beide | AMS-DMO MIN-OCW |
    Maatschappelijke stages worden gekoppeld aan buurtprojecten.
veiligheid | rijk | MIN-BZK POLITIE-AA |
    Het Rijk financiert extra buurtregisseurs voor de aandachtswijken.
veiligheid | gemeente | POLITIE-AA STREETCORNERWORK |
    Overlastgevende jeugdgroepen worden persoonsgericht aangepakt.
veiligheid | gemeente | POLITIE-AA SD |
    Op hotspots in de aandachtswijken komt cameratoezicht.
veiligheid | beide | ALBERT-HEIJN SD |
    Albert Heijn en de stadsdelen werken samen aan Schoon, heel en veilig rond winkelcentra.
veiligheid | gemeente | GGGD POLITIE-AA |
    De aanpak van huiselijk geweld wordt versterkt via het Steunpunt Huiselijk Geweld.
veiligheid | gemeente | SD STREETCORNERWORK |
    Buurtvaders en straatcoaches worden in alle aandachtswijken ingezet.
veiligheid | gemeente | POLITIE-AA AFWC SD |
    Politie, stadsdeel en corporaties sluiten per buurt een veiligheidsarrangement.
""")
STADSDELEN = [sd for sd, _ in STADSDEEL.values()]
OPEN_ENDED = (7, 41)  # agreements without a due date
for n, (theme, party, partners, fixed, *text) in enumerate(CHARTER, 1):
    due = None if n in OPEN_ENDED else month_end(rng.randint(2008, 2012), rng.choice([3, 6, 9, 12]))
    weights = [65, 15, 15, 5] if due and due < DATA_END[AMS] else [15, 55, 15, 15]
    status = rng.choices(["afgerond", "in uitvoering", "vertraagd", "niet gestart"], weights)[0]
    if fixed:
        status, due = fixed, month_end(2009, 3 * n)
    elif due is None:
        status = "in uitvoering"
    add(
        "charter_agreement",
        programme_code=AMS,
        number=n,
        theme=theme,
        text=" ".join(text),
        party=party,
        status=status,
        due_date=due,
    )
    codes = [rng.choice(STADSDELEN) if c == "SD" else c for c in partners.split()]
    for c in dict.fromkeys(codes):
        add("charter_partner", programme_code=AMS, number=n, partner_code=c)

# ---------------------------------------------------------------------------------------------------------------
# Users: fictitious people, example.org addresses, one per role (two editors).
for email, name, role, partner in records("""
beheer@example.org | Sanne Visser | beheerder |
k.elidrissi@example.org | Karim El Idrissi | redacteur |
m.smit@example.org | Marieke Smit | redacteur |
j.dewit@example.org | Joost de Wit | partner-redacteur | YMERE
l.jansen@example.org | Lotte Jansen | kijker |
"""):
    add("app_user", email=email, name=name, role=role, partner_code=partner or None)

# ---------------------------------------------------------------------------------------------------------------
OUT.mkdir(exist_ok=True)
for table, columns in COLUMNS.items():
    with open(OUT / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns.split())
        for row in TABLES[table]:
            writer.writerow([fmt(row[c]) for c in columns.split()])
    print(f"{table + '.csv':<24}{len(TABLES[table]):>6}")
