"""Generate a synthetic programme data set of a given scale, in the sample_data CSV format.

    python -m benchmarks.generate --scale 100 --out /tmp/scale100 [--seed 1]

The folder passes `python -m data_access check DIR` and loads with `python -m data_access seed DIR`.
Deterministic: the same scale and seed always write byte-identical files.

Counts per scale N (documented in README, "Prestaties en schaal"):
- cities (one programme each): max(2, round(N)); odd ones have pilotwijken, a wijkcontract and a central
  budget, even ones aandachtswijken, a buurtuitvoeringsprogramma and a charter
- wijken: max(2, round(17 * N)), spread evenly over the cities (17 per city)
- projects: 12 per wijk; 1 to 3 partners each; 2 or 3 milestones each
- status updates: about 10 per project (every 6 to 12 weeks from the start until done or the end of the data)
- indicators: 12; measurements: every wijk and every city average, every indicator, every year 2000-2024
  (25 years, so 300 per wijk); targets: 6 per wijk
So scale 1 is about the sample's size and scale 100 is ~1,700 wijken in 100 cities, ~20,000 projects,
~540,000 measurements and ~200,000 status updates.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from data_access.csv_spec import TABLES

WIJKEN_PER_CITY = 17
PROJECTS_PER_WIJK = 12
FIRST_YEAR, LAST_YEAR = 2000, 2024
PROGRAMME_START, PROGRAMME_END = date(2019, 1, 1), date(2026, 12, 31)
DATA_END = date(2024, 6, 28)  # the last date in the data: the default peildatum

# Columns per table: the model's columns in model order, without `id` and `version` (as in sample_data/).
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

CITY_PREFIXES = (
    "Zuider", "Noorder", "Ooster", "Wester", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein",
    "Berg", "Dijk", "Vliet", "Veen", "Holt", "Brink", "Made", "Rijn", "Maas", "Eem",
)  # fmt: skip
CITY_SUFFIXES = ("dam", "stad", "woude", "haven", "broek", "horst", "dorp", "rade", "zande", "wolde")
WIJK_WORDS = (
    "Centrum", "Oostpoort", "Westerpark", "Zuiderhof", "Noorderkwartier", "Schildersbuurt", "Bloemenbuurt",
    "Vogelwijk", "Rivierenbuurt", "Spoorzone", "Havenkwartier", "Molenwijk", "Kerkbuurt", "Stationsbuurt",
    "Parkwijk", "Bomenbuurt", "Dichterswijk", "Indische Buurt", "Staatsliedenbuurt", "Componistenbuurt",
)  # fmt: skip
THEMES = ("wonen", "werken", "leren", "integreren", "veiligheid", "leefbaarheid", "zorg", "jeugd")
PROJECT_KINDS = {
    "wonen": ("Groot onderhoud portiekflats", "Herstructurering", "Woningtoewijzing starters"),
    "werken": ("Werkcorner", "Ondernemershuis", "Taal en werk"),
    "leren": ("Brede school", "Schoolmaatschappelijk werk", "Voorschool"),
    "integreren": ("Buurtmoeders", "Taalcafé", "Ontmoetingscentrum"),
    "veiligheid": ("Buurtpreventie", "Cameratoezicht", "Aanpak overlast"),
    "leefbaarheid": ("Opknappen speelplekken", "Schoon en heel", "Groene binnenterreinen"),
    "zorg": ("Zorgnetwerk", "Huiskamerproject ouderen", "Achter de voordeur"),
    "jeugd": ("Tienerclub", "Jongerenwerk op straat", "Sport in de wijk"),
}
# Indicator code, name, theme, unit, direction, typical level, yearly drift towards better, decimals.
INDICATORS = (
    ("WERKLOOSHEID", "Geregistreerde werkloosheid", "werken", "% van de beroepsbevolking", "lager", 9.0, 0.15, 1),
    ("BIJSTAND", "Bijstandsuitkeringen per 1000 inwoners", "werken", "per 1000 inwoners", "lager", 60, 0.8, 0),
    ("MINIMA", "Minimahuishoudens", "werken", "% van de huishoudens", "lager", 22.0, 0.2, 1),
    ("VSV", "Voortijdig schoolverlaters", "leren", "% van de leerlingen", "lager", 6.0, 0.1, 1),
    ("CORPORATIEWONINGEN", "Aandeel corporatiewoningen", "wonen", "% van de woningvoorraad", "lager", 60.0, 0.4, 1),
    ("WOZ_WAARDE", "WOZ-waarde (mediaan)", "wonen", "EUR", "hoger", 180000, 3000, -2),
    ("RAPPORTCIJFER_BUURT", "Rapportcijfer voor de buurt", "leefbaarheid", "rapportcijfer 1-10", "hoger", 6.4, 0.03, 1),
    ("VEILIGHEIDSINDEX", "Veiligheidsindex", "veiligheid", "index (2003 = 100)", "lager", 130, 1.5, 0),
    ("LEEFSITUATIE_INDEX", "Leefsituatie-index", "integreren", "index (2004 = 100)", "hoger", 95, 0.4, 0),
    ("TAALACHTERSTAND", "Volwassenen met taalachterstand", "integreren", "% van de volwassenen", "lager", 18.0, 0.2, 1),
    ("JEUGDWERKLOOSHEID", "Jeugdwerkloosheid", "jeugd", "% van de jongeren", "lager", 14.0, 0.2, 1),
    ("GEZONDHEID", "Ervaren gezondheid goed", "zorg", "% van de volwassenen", "hoger", 68.0, 0.2, 1),
)  # fmt: skip
TARGET_INDICATORS = ("WERKLOOSHEID", "BIJSTAND", "VSV", "RAPPORTCIJFER_BUURT", "VEILIGHEIDSINDEX", "GEZONDHEID")
CITY_PARTNERS = (
    ("GEM", "Gemeente {city}", "gemeente"),
    ("SD1", "Stadsdeel {city}-Noord", "stadsdeel"),
    ("SD2", "Stadsdeel {city}-Zuid", "stadsdeel"),
    ("WOON1", "Woonstichting {city}", "corporatie"),
    ("WOON2", "Woningcorporatie {city} Thuis", "corporatie"),
    ("POL", "Politie {city}", "politie"),
    ("WELZ", "Welzijn {city}", "welzijn"),
    ("JEUGD", "Jongerenwerk {city}", "welzijn"),
    ("ROC", "ROC {city}", "onderwijs"),
    ("GGD", "GGD {city}", "zorg"),
    ("BEW", "Bewonersraad {city}", "bewoners"),
)
NATIONAL_PARTNERS = (
    ("MIN-BZK", "Ministerie van BZK", "rijk"),
    ("MIN-SZW", "Ministerie van SZW", "rijk"),
    ("MIN-OCW", "Ministerie van OCW", "rijk"),
    ("UWV", "UWV", "rijk"),
    ("KENNISCENTRUM", "Kenniscentrum Wijkaanpak", "kennisinstelling"),
)
MILESTONES = ("Projectplan vastgesteld", "Start uitvoering", "Tussenevaluatie", "Oplevering")
CAUSES = (
    ("Vertraging in de aanbesteding.", "Start uitvoering schuift op.", "Extra overleg met de aannemer ingepland."),
    ("Onvoldoende vrijwilligers.", "Minder activiteiten dan gepland.", "Werving via het buurthuis gestart."),
    ("Vergunning nog niet verleend.", "Oplevering komt in gevaar.", "Gesprek met de vergunningverlener gepland."),
    ("Financiering van een partner onzeker.", "Tweede fase kan niet starten.", "Stuurgroep besluit over dekking."),
)


def counts(scale: float) -> dict[str, int]:
    """The documented sizes for a scale (the exact project and update counts follow from the data)."""
    cities = max(2, round(scale))
    wijken = max(2, round(WIJKEN_PER_CITY * scale))
    return {
        "cities": cities,
        "wijken": wijken,
        "projects": wijken * PROJECTS_PER_WIJK,
        "measurements": (wijken + cities) * len(INDICATORS) * (LAST_YEAR - FIRST_YEAR + 1),
        "targets": wijken * len(TARGET_INDICATORS),
    }


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _city_name(i: int) -> str:
    return (
        CITY_PREFIXES[i % len(CITY_PREFIXES)]
        + CITY_SUFFIXES[(i // len(CITY_PREFIXES)) % len(CITY_SUFFIXES)]
        + (
            f" {i // (len(CITY_PREFIXES) * len(CITY_SUFFIXES)) + 1}"
            if i >= len(CITY_PREFIXES) * len(CITY_SUFFIXES)
            else ""
        )
    )


def _wijk_name(j: int) -> str:
    base = WIJK_WORDS[j % len(WIJK_WORDS)]
    return base if j < len(WIJK_WORDS) else f"{base} {j // len(WIJK_WORDS) + 1}"


class _Writers:
    """One csv.writer per table, rows streamed to disk."""

    def __init__(self, out: Path):
        out.mkdir(parents=True, exist_ok=True)
        self.files = {}
        self.writers = {}
        self.counts = dict.fromkeys(COLUMNS, 0)
        for table, columns in COLUMNS.items():
            f = (out / f"{table}.csv").open("w", newline="", encoding="utf-8")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns.split())
            self.files[table], self.writers[table] = f, w
        # Exchanged tables this generator does not fill (e.g. meetings) get a header-only file.
        for spec in TABLES:
            if spec.table not in COLUMNS:
                (out / spec.filename).write_text(",".join(spec.column_names) + "\n", encoding="utf-8")

    def row(self, table: str, *values) -> None:
        self.writers[table].writerow([_fmt(v) for v in values])
        self.counts[table] += 1

    def close(self) -> None:
        for f in self.files.values():
            f.close()


def _status_history(rng: random.Random, w: _Writers, code: str, start: date, end: date, author: str) -> date | None:
    """Updates from the start until done, stopped or the end of the data; returns the stop date if stopped."""
    if start > DATA_END:
        if rng.random() < 0.5:
            w.row("status_update", code, DATA_END - timedelta(days=rng.randint(7, 60)), "niet gestart", 0,
                  "Voorbereiding; start volgens planning.", None, None, None, author)  # fmt: skip
        return None
    duration = max(1, (end - start).days)
    day = start + timedelta(days=rng.randint(5, 25))
    progress = 0
    trouble = rng.random()  # projects differ in how often they run into trouble
    status = "op schema"
    while day <= DATA_END:
        expected = min(100, round(100 * (day - start).days / duration / 5) * 5)
        r = rng.random()
        if status in ("aandacht", "vertraagd") and r < 0.5:
            pass  # a problem usually lasts more than one update
        elif r < trouble * 0.35:
            status = "vertraagd" if rng.random() < 0.4 else "aandacht"
        else:
            status = "op schema"
        if rng.random() < 0.004:
            w.row("status_update", code, day, "gestopt", progress, "Project gestopt na besluit van de stuurgroep.",
                  None, None, None, author)  # fmt: skip
            return day
        step = expected if status == "op schema" else max(progress, expected - 15)
        progress = max(progress, min(step, 95 if day < end else 100))
        if day >= end and progress >= 95 and status == "op schema":
            w.row("status_update", code, day, "afgerond", 100, "Project afgerond en geëvalueerd.",
                  None, None, None, author)  # fmt: skip
            return None
        if status in ("aandacht", "vertraagd"):
            oorzaak, gevolg, maatregel = CAUSES[rng.randrange(len(CAUSES))]
            text = "Afwijking gemeld; zie oorzaak, gevolg en maatregel."
        else:
            oorzaak = gevolg = maatregel = None
            text = "Uitvoering verloopt volgens planning."
        w.row("status_update", code, day, status, progress, text, oorzaak, gevolg, maatregel, author)
        day += timedelta(days=rng.randint(42, 84))
    return None


def generate(scale: float, out: str | Path, seed: int = 1) -> dict[str, int]:
    """Write the data set; returns the row count per file."""
    if not (scale > 0 and math.isfinite(scale)):
        raise ValueError("scale must be a positive number")
    rng = random.Random(seed)
    size = counts(scale)
    w = _Writers(Path(out))
    try:
        _generate(rng, size, w)
    finally:
        w.close()
    return w.counts


def _generate(rng: random.Random, size: dict[str, int], w: _Writers) -> None:
    for code, name, theme, unit, direction, *_ in INDICATORS:
        w.row("indicator", code, name, theme, unit, direction, "Synthetische benchmarkdata", 12)
    for code, name, kind in NATIONAL_PARTNERS:
        w.row("partner", code, name, kind)
    w.row("app_user", "beheer@example.org", "Beheerder Benchmark", "beheerder", None)
    w.row("app_user", "redactie@example.org", "Redacteur Benchmark", "redacteur", None)
    w.row("app_user", "kijker@example.org", "Kijker Benchmark", "kijker", None)

    cities = size["cities"]
    per_city = [size["wijken"] // cities + (1 if i < size["wijken"] % cities else 0) for i in range(cities)]
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    for ci in range(cities):
        city = _city_name(ci)
        prefix = f"C{ci + 1:03d}"
        programme = f"{prefix}-WA"
        pilot = ci % 2 == 1
        wijk_kind, contract_kind = (
            ("pilotwijk", "wijkcontract") if pilot else ("aandachtswijk", "buurtuitvoeringsprogramma")
        )
        central = rng.randrange(100, 1000) * 100_000 if pilot else 0  # cents
        w.row("programme", programme, f"Wijkaanpak {city}", city, PROGRAMME_START, PROGRAMME_END, _money(central),
              f"Synthetische benchmarkdata: wijkaanpak van {city}.")  # fmt: skip
        partners = [f"{prefix}-{suffix}" for suffix, _, _ in CITY_PARTNERS]
        for (_suffix, name, kind), code in zip(CITY_PARTNERS, partners, strict=True):
            w.row("partner", code, name.format(city=city), kind)
        w.row("app_user", f"partner{ci + 1}@example.org", f"Projectleider {city}", "partner-redacteur", partners[3])
        lon0, lat0 = 4.0 + 3.0 * rng.random(), 51.0 + 2.3 * rng.random()
        # City averages: the level every wijk deviates from.
        levels = {}
        for ind in INDICATORS:
            code, *_, direction, level, drift, decimals = ind
            levels[code] = level * (0.85 + 0.3 * rng.random())
            for year in years:
                sign = -1 if direction == "lager" else 1
                value = levels[code] + sign * drift * 0.6 * (year - FIRST_YEAR)
                w.row("measurement", code, city, None, year, round(max(value, 0.0), decimals))
        wijk_codes = []
        for wi in range(per_city[ci]):
            wijk = f"{prefix}-W{wi + 1:03d}"
            wijk_codes.append(wijk)
            w.row("wijk", wijk, programme, _wijk_name(wi), city, f"Stadsdeel {'Noord' if wi % 2 else 'Zuid'}",
                  wijk_kind, f"BU{ci + 1:04d}{wi + 1:04d}", rng.randint(3000, 25000),
                  round(lon0 + 0.1 * rng.random(), 5), round(lat0 + 0.06 * rng.random(), 5))  # fmt: skip
            _wijk(rng, w, city, programme, wijk, contract_kind, partners, levels, years)
        # Central budget (pilot programmes) and charter (aandachtswijk programmes).
        if pilot:
            for k in range(8):
                requested = rng.randrange(10, 300) * 10_000
                approved = requested if rng.random() < 0.8 else requested // 2
                spent = approved * rng.randint(50, 100) // 100
                wijk = wijk_codes[k % len(wijk_codes)] if k >= 2 else None
                category = "bewonersinitiatief" if wijk else "algemene kosten"
                w.row("budget_allocation", f"{prefix}-B{k + 1:02d}", programme, wijk, category,
                      f"{'Bewonersinitiatief' if wijk else 'Algemene kosten'} {k + 1}", _money(requested),
                      _money(approved), _money(spent), k - 1 if wijk else None,
                      date(2019 + k % 5, 1 + k, 15))  # fmt: skip
        else:
            for n in range(1, 11):
                theme = THEMES[n % len(THEMES)]
                status = ("afgerond", "in uitvoering", "vertraagd", "niet gestart")[rng.randrange(4)]
                w.row("charter_agreement", programme, n, theme, f"Afspraak {n} over {theme} tussen Rijk en {city}.",
                      ("gemeente", "rijk", "beide")[n % 3], status, date(2020 + n % 6, 6, 30))  # fmt: skip
                w.row("charter_partner", programme, n, partners[0])
                if n % 2:
                    w.row("charter_partner", programme, n, NATIONAL_PARTNERS[n % len(NATIONAL_PARTNERS)][0])


def _wijk(rng, w, city, programme, wijk, contract_kind, partners, levels, years) -> None:
    contract = f"CT-{wijk}"
    w.row("contract", contract, wijk, contract_kind, f"Wijkprogramma {wijk}", date(2019, 3, 1), date(2019, 3, 1),
          date(2025, 12, 31))  # fmt: skip
    for year in range(2019, 2026):
        w.row("report_moment", contract, date(year, 12, 1), f"Voortgangsrapportage {year}")
    # Measurements and targets: the wijk starts worse than the city and moves towards its target.
    values = {}
    for code, *_, direction, _level, drift, decimals in INDICATORS:
        sign = -1 if direction == "lager" else 1
        start = levels[code] * (1 - sign * (0.05 + 0.25 * rng.random()))
        speed = drift * (0.3 + 1.4 * rng.random())
        series = {}
        for year in years:
            value = start + sign * speed * (year - FIRST_YEAR) + rng.gauss(0, drift * 0.8)
            series[year] = round(max(value, 0.0), decimals)
            w.row("measurement", code, city, wijk, year, series[year])
        values[code] = (series, sign, speed, decimals)
    for code in TARGET_INDICATORS:
        series, sign, speed, decimals = values[code]
        baseline = series[2019]
        target = round(baseline + sign * max(speed, abs(baseline) * 0.01) * 6, decimals)
        if target == baseline:
            target = round(baseline + sign * 10 ** (-max(decimals, 0)), max(decimals, 0))
        w.row("target", wijk, code, 2019, baseline, 2025, target)
    for p in range(1, PROJECTS_PER_WIJK + 1):
        code = f"{wijk}-P{p:02d}"
        theme = THEMES[rng.randrange(len(THEMES))]
        kind = PROJECT_KINDS[theme][rng.randrange(3)]
        start = PROGRAMME_START + timedelta(days=rng.randint(30, 1900))
        end = start + timedelta(days=rng.randint(300, 1100))
        lead = partners[rng.randrange(len(partners))]
        w.row("project", code, contract, f"{kind} ({p})", theme, lead, start, end,
              f"{kind} in wijk {wijk}: synthetische benchmarkdata.")  # fmt: skip
        w.row("project_partner", code, lead, _money(rng.randrange(20, 2000) * 100_000))
        for other in rng.sample([x for x in partners if x != lead], rng.randint(0, 2)):
            w.row("project_partner", code, other, _money(rng.randrange(5, 500) * 100_000 + rng.randrange(100)))
        stopped = _status_history(rng, w, code, start, end, f"projectleider {lead}")
        n = rng.randint(2, 3)
        span = (end - start).days
        for k in range(n):
            due = start + timedelta(days=span * (k + 1) // (n + 1))
            done = None
            if due <= DATA_END and (stopped is None or due < stopped):
                r = rng.random()
                if r < 0.75:
                    done = due - timedelta(days=rng.randint(0, 20))
                elif r < 0.9:
                    done = min(DATA_END, due + timedelta(days=rng.randint(5, 60)))
            w.row("milestone", code, MILESTONES[k if k < n - 1 else 3], due, done)
        matching = [ind[0] for ind in INDICATORS if ind[2] == theme] or [TARGET_INDICATORS[0]]
        for ind in matching[:2]:
            w.row("project_indicator", code, ind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True, help="1 = about the sample; 100 = national")
    parser.add_argument("--out", required=True, help="output folder (created; files are overwritten)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = generate(args.scale, args.out, args.seed)
    total = sum(written.values())
    print(f"{total} rijen geschreven naar {args.out} in {time.perf_counter() - started:.1f} s")
    for table, n in written.items():
        print(f"  {table:<20} {n:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
