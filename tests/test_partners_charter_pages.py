"""Partners and Charter pages with AppTest: what is on screen is what the sample CSVs imply.

The expected figures are computed here with the csv module, independent of the app's domain code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from tests.apptest_helpers import (
    html_tables,
    metric_help,
    metrics,
    no_exceptions,
    static_chart,
    static_charts,
    table_links,
    whole_numbers,
)
from tests.sample_facts import programme_facts, project_rows, rows, statuses_on
from ui import format as fmt
from ui.style import PROJECT_STATUS_LABELS

HAARLEM, AMSTERDAM = "HAARLEM-WC", "AMSTERDAM-WA"
RUNNING = ("op schema", "aandacht", "vertraagd")
RHYTHM_DAYS = 28
PARTNER_WIDGET = "w_filter_single_partner"


def open_page(app, page: str, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(page).run()
    no_exceptions(app)
    return app


def table_with(app, column: str):
    """The first table on screen that has `column`, as the text a reader sees."""
    assert not app.dataframe, "lists are plain tables unless the grid is asked for"
    return next(t for t in html_tables(app).values() if column in t.columns)


def bars(app, title: str, category: str) -> dict[tuple[str, str], int]:
    """The bars of a stacked status chart as drawn: (category, status label) -> count."""
    marks = static_chart(app, title).marks("bar")
    return {(r[category], r["Status"]): int(r["Aantal"]) for r in marks.to_dict("records")}


def partner_names() -> dict[str, str]:
    return {p["code"]: p["name"] for p in rows("partner")}


def partner_facts(programme: str, wijk: str | None = None) -> dict:
    """Per partner in the programme (or wijk): roles, amounts, statuses, overdue milestones, stale projects."""
    peildatum = programme_facts(programme)["peildatum"]
    wijk_of_contract = {c["code"]: c["wijk_code"] for c in rows("contract")}
    projects = {
        code: p
        for code, p in project_rows(programme).items()
        if wijk is None or wijk_of_contract[p["contract_code"]] == wijk
    }
    status = statuses_on(programme, peildatum)
    last_update: dict[str, str] = {}
    for u in rows("status_update"):
        if u["project_code"] in projects and u["update_date"] <= peildatum.isoformat():
            last_update[u["project_code"]] = max(u["update_date"], last_update.get(u["project_code"], ""))

    def stale(code: str) -> bool:
        p = projects[code]
        reporting = status[code] in RUNNING or (
            status[code] == "niet gestart" and p["start_date"] <= peildatum.isoformat()
        )
        since = dt.date.fromisoformat(last_update.get(code) or p["start_date"])
        return reporting and (peildatum - since).days > RHYTHM_DAYS

    late = Counter(
        m["project_code"]
        for m in rows("milestone")
        if m["project_code"] in projects
        and m["due_date"] < peildatum.isoformat()
        and not (m["done_date"] and m["done_date"] <= peildatum.isoformat())
    )
    involved: dict[str, dict[str, bool]] = defaultdict(dict)  # partner -> project -> leads it
    budget: dict[str, Decimal] = defaultdict(Decimal)
    for pp in rows("project_partner"):
        if pp["project_code"] in projects:
            involved[pp["partner_code"]][pp["project_code"]] = False
            budget[pp["partner_code"]] += Decimal(pp["amount"])
    for code, p in projects.items():
        involved[p["lead_partner_code"]][code] = True
    out = {}
    for partner, own in involved.items():
        out[partner] = {
            "projecten": len(own),
            "trekker": sum(own.values()),
            "bijdrager": len(own) - sum(own.values()),
            "budget": budget[partner],
            "statuses": Counter(status[c] for c in own),
            "mijlpalen_te_laat": sum(late[c] for c in own),
            "verouderd": sum(stale(c) for c in own),
        }
    return {
        "peildatum": peildatum,
        "partners": out,
        "projects": len(projects),
        "late_milestones": sum(late.values()),
        "stale": sum(stale(c) for c in projects),
    }


@pytest.mark.parametrize("programme", [HAARLEM, AMSTERDAM])
def test_partner_ranking_chart_and_metrics_match_the_csvs(app, programme):
    open_page(app, "pages/partners.py", programma=programme)
    facts = partner_facts(programme)
    names = partner_names()
    shown = metrics(app)
    total = sum(f["budget"] for f in facts["partners"].values())
    assert shown["Partners actief"] == fmt.number(len(facts["partners"]))
    assert shown["Projecten"] == fmt.number(facts["projects"])
    assert shown["Toegezegd budget"] == fmt.euro_compact(total)
    assert fmt.euro(total) in metric_help(app, "Toegezegd budget")
    assert shown["Mijlpalen te laat"] == fmt.number(facts["late_milestones"])
    assert shown["Verouderde projecten"] == fmt.number(facts["stale"])

    ranking = table_with(app, "Slechtste status").set_index("Partner")
    assert sorted(ranking.index) == sorted(names[c] for c in facts["partners"])
    # Largest budget first.
    budgets = sorted((f["budget"] for f in facts["partners"].values()), reverse=True)
    assert list(ranking["Toegezegd budget"]) == [fmt.euro(b) for b in budgets]
    n = fmt.number
    for code, f in facts["partners"].items():
        row = ranking.loc[names[code]]
        assert (row["Projecten"], row["Trekker"], row["Bijdrager"]) == (
            n(f["projecten"]),
            n(f["trekker"]),
            n(f["bijdrager"]),
        )
        assert row["Toegezegd budget"] == fmt.euro(f["budget"]), code
        assert row["Mijlpalen te laat"] == n(f["mijlpalen_te_laat"]), code
        assert row["Verouderd"] == n(f["verouderd"]), code
        assert row["Vertraagd"] == n(f["statuses"]["vertraagd"]) and row["Afgerond"] == n(f["statuses"]["afgerond"])
        assert row["Op schema"] == n(f["statuses"]["op schema"]) and row["Aandacht"] == n(f["statuses"]["aandacht"])

    # The stacked bars hold exactly the counts per partner and status (zeros left out).
    on_chart = bars(app, "Projecten per partner naar status", "Partner")
    expected = {
        (names[code], PROJECT_STATUS_LABELS[status]): n
        for code, f in facts["partners"].items()
        for status, n in f["statuses"].items()
        if n
    }
    assert on_chart == expected
    assert static_chart(app, "Projecten per partner naar status").alt.startswith("Gestapeld staafdiagram: per partner")


def test_partner_ranking_as_interactive_grid_on_request(app):
    open_page(app, "pages/partners.py", programma=AMSTERDAM)
    plain = table_with(app, "Slechtste status")
    app.toggle(key="partnerraster").set_value(True).run()
    no_exceptions(app)
    grid = app.dataframe[0].value
    assert list(grid["Partner"]) == list(plain["Partner"]) and len(grid) > 1
    assert list(grid["Projecten"].map(fmt.number)) == list(plain["Projecten"])
    assert "Status per partner" not in html_tables(app)
    assert any("in de tabel hierboven" in i.value for i in app.info)
    # The choice holds for the session: back on the page after another one, the grid is there again.
    app.switch_page("pages/charter.py").run()
    app.switch_page("pages/partners.py").run()
    no_exceptions(app)
    assert app.toggle(key="partnerraster").value and len(app.dataframe) == 1


def test_partners_respect_the_wijk(app):
    wijk = next(w for w in rows("wijk") if w["programme_code"] == HAARLEM)
    open_page(app, "pages/partners.py", wijk=wijk["code"])
    facts = partner_facts(HAARLEM, wijk["code"])
    assert metrics(app)["Partners actief"] == fmt.number(len(facts["partners"]))
    assert metrics(app)["Projecten"] == fmt.number(facts["projects"])
    ranking = table_with(app, "Slechtste status")
    assert sorted(ranking["Partner"]) == sorted(partner_names()[c] for c in facts["partners"])


def expected_partner_projects(partner: str) -> dict[str, tuple[str, str, str]]:
    """Project title -> (role, amount, share) over all programmes, formatted as on screen."""
    projects = {p["code"]: p for p in rows("project")}
    totals: dict[str, Decimal] = defaultdict(Decimal)
    own: dict[str, Decimal] = {}
    for pp in rows("project_partner"):
        totals[pp["project_code"]] += Decimal(pp["amount"])
        if pp["partner_code"] == partner:
            own[pp["project_code"]] = Decimal(pp["amount"])
    for code, p in projects.items():
        if p["lead_partner_code"] == partner:
            own.setdefault(code, Decimal(0))
    return {
        projects[code]["title"]: (
            "trekker" if projects[code]["lead_partner_code"] == partner else "bijdrager",
            fmt.euro(amount),
            fmt.percent(amount / totals[code]) if totals[code] else fmt.MISSING,
        )
        for code, amount in own.items()
    }


def test_choosing_a_partner_shows_its_projects_in_all_programmes(app):
    open_page(app, "pages/partners.py", programma=HAARLEM)
    assert any("Kies een partner" in i.value for i in app.info)
    app.selectbox(key=PARTNER_WIDGET).set_value("YMERE").run()
    no_exceptions(app)
    assert app.query_params["partner"] in ("YMERE", ["YMERE"])
    detail = table_with(app, "Aandeel")
    expected = expected_partner_projects("YMERE")
    assert {r.Project: (r.Rol, r.Bijdrage, r.Aandeel) for r in detail.itertuples()} == expected
    # Ymere works in both programmes; the detail is not limited to the sidebar's programme.
    programmes = {p["name"] for p in rows("programme")}
    assert set(detail["Programma"]) == programmes
    assert metrics(app)["Projecten"] == fmt.number(len(expected))


def test_partner_link_shows_its_charter_agreements(app):
    partner = "AMS-OS"  # only in the charter, no projects
    open_page(app, "pages/partners.py", programma=AMSTERDAM, partner=partner)
    numbers = sorted(int(c["number"]) for c in rows("charter_partner") if c["partner_code"] == partner)
    agreements = table_with(app, "Afspraak")
    assert sorted(whole_numbers(agreements["Nr"])) == numbers and numbers
    assert metrics(app)["Charterafspraken"] == fmt.number(len(numbers))
    assert any("geen projecten" in m.value for m in app.markdown)


def test_unknown_partner_in_link_is_reported(app):
    open_page(app, "pages/partners.py", partner="BESTAAT-NIET")
    assert any("BESTAAT-NIET" in w.value for w in app.warning)
    assert any("Kies een partner" in i.value for i in app.info)


def test_wijk_partner_matrix_and_heatmap(app):
    open_page(app, "pages/partners.py", programma=HAARLEM)
    wijk_names = {w["code"]: w["name"] for w in rows("wijk")}
    wijk_of_contract = {c["code"]: c["wijk_code"] for c in rows("contract")}
    projects = project_rows(HAARLEM)
    amounts: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for pp in rows("project_partner"):
        if pp["project_code"] in projects:
            wijk = wijk_of_contract[projects[pp["project_code"]]["contract_code"]]
            amounts[(pp["partner_code"], wijk)] += Decimal(pp["amount"])
    for p in projects.values():
        amounts[(p["lead_partner_code"], wijk_of_contract[p["contract_code"]])] += 0
    names = partner_names()
    matrix = table_with(app, "Totaal").set_index("Partner")
    assert sorted(matrix.index) == sorted({names[p] for p, _ in amounts})
    for (partner, wijk), amount in amounts.items():
        assert matrix.loc[names[partner], wijk_names[wijk]] == fmt.euro(amount), (partner, wijk)
    cells = {(p, w) for p, w in amounts}
    for partner_name, row in matrix.iterrows():
        code = next(c for c, n in names.items() if n == partner_name)
        for wijk_code, wijk_name in wijk_names.items():
            if wijk_name in row.index and (code, wijk_code) not in cells:
                assert row[wijk_name] == "", (partner_name, wijk_name)
    heat = static_chart(app, "Bijdragen per partner en wijk").marks("rect mark")
    on_chart = {(r["Partner"], r["Wijk"]): r["Bedrag"] for r in heat.to_dict("records")}  # whole euros drawn
    assert on_chart == {(names[p], wijk_names[w]): fmt.euro(round(a)) for (p, w), a in amounts.items()}


# ---------------------------------------------------------------- Charter


def charter_rows(programme: str = AMSTERDAM) -> list[dict]:
    return [a for a in rows("charter_agreement") if a["programme_code"] == programme]


def overdue(a: dict, peildatum: dt.date) -> bool:
    return bool(a["due_date"]) and a["due_date"] < peildatum.isoformat() and a["status"] != "afgerond"


def test_charter_register_counts_and_order(app):
    open_page(app, "pages/charter.py", programma=AMSTERDAM)
    peildatum = programme_facts(AMSTERDAM)["peildatum"]
    agreements = charter_rows()
    shown = metrics(app)
    assert shown["Afspraken"] == fmt.number(len(agreements))
    assert shown["Afgerond"] == fmt.number(sum(a["status"] == "afgerond" for a in agreements))
    assert shown["Vertraagd"] == fmt.number(sum(a["status"] == "vertraagd" for a in agreements))
    late = [a for a in agreements if overdue(a, peildatum)]
    assert shown["Over tijd"] == fmt.number(len(late)) and late

    register = table_with(app, "Afspraak")
    register["Nr"] = whole_numbers(register["Nr"])
    assert len(register) == len(agreements)
    # Overdue ones first, the longest overdue first; the rest by due date, standing agreements last.
    first = [int(a["number"]) for a in sorted(late, key=lambda a: (a["due_date"], int(a["number"])))]
    assert list(register["Nr"][: len(first)]) == first
    assert all(register["Over tijd"][: len(first)] != "") and all(register["Over tijd"][len(first) :] == "")
    no_date = {int(a["number"]) for a in agreements if not a["due_date"]}
    assert set(register["Nr"][-len(no_date) :]) == no_date
    assert set(register["Uiterste datum"][-len(no_date) :]) == {"doorlopend"}
    # Partners per agreement by name.
    names = partner_names()
    linked = defaultdict(list)
    for c in rows("charter_partner"):
        linked[int(c["number"])].append(names[c["partner_code"]])
    for r in register.itertuples():
        assert r.Partners == ", ".join(sorted(linked[r.Nr])), r.Nr

    counts = table_with(app, "Niet gestart").set_index("Thema")
    expected = Counter((a["theme"], a["status"]) for a in agreements)
    for (theme, status), n in expected.items():
        assert counts.loc[theme, status.capitalize()] == fmt.number(n)
    assert sum(whole_numbers(counts["Totaal"])) == len(agreements)
    assert sum(whole_numbers(counts["Over tijd"])) == len(late)
    assert bars(app, "Charterafspraken naar thema en status", "Thema") == dict(expected)

    parties = table_with(app, "Aan zet").set_index("Aan zet")
    assert parties.loc["Rijk", "Afspraken"] == fmt.number(sum(a["party"] == "rijk" for a in agreements))
    assert parties.loc["gemeente en Rijk", "Afspraken"] == fmt.number(sum(a["party"] == "beide" for a in agreements))


def test_charter_register_as_interactive_grid_on_request(app):
    open_page(app, "pages/charter.py", programma=AMSTERDAM)
    plain = table_with(app, "Afspraak")
    app.toggle(key="charterraster").set_value(True).run()
    no_exceptions(app)
    grid = next(d.value for d in app.dataframe if "Afspraak" in d.value.columns)
    assert list(grid["Nr"]) == whole_numbers(plain["Nr"])
    assert list(grid["Over tijd"]) == list(plain["Over tijd"]) and list(grid["Afspraak"]) == list(plain["Afspraak"])
    assert "Register van charterafspraken" not in html_tables(app)
    # A chosen row shows its agreement; after a narrower filter the choice is gone, not another agreement.
    last = len(grid) - 1
    app.session_state["charterregister"] = {"selection": {"rows": [last], "columns": [], "cells": []}}
    app.run()
    no_exceptions(app)
    assert any(f"**Afspraak {grid['Nr'].iloc[last]}**" in m.value for m in app.markdown)
    app.multiselect(key="w_filter_multi_thema").set_value(["wonen"]).run()
    no_exceptions(app)
    assert not any(m.value.startswith("**Afspraak ") for m in app.markdown)


def test_charter_theme_filter_changes_table_chart_and_url(app):
    open_page(app, "pages/charter.py", programma=AMSTERDAM)
    app.multiselect(key="w_filter_multi_thema").set_value(["wonen"]).run()
    no_exceptions(app)
    wonen = [a for a in charter_rows() if a["theme"] == "wonen"]
    register = table_with(app, "Afspraak")
    assert sorted(whole_numbers(register["Nr"])) == sorted(int(a["number"]) for a in wonen)
    assert bars(app, "Charterafspraken naar thema en status", "Thema") == {
        ("wonen", status): n for status, n in Counter(a["status"] for a in wonen).items()
    }
    assert metrics(app)["Afspraken"] == fmt.number(len(wonen))
    assert app.query_params["thema"] in ("wonen", ["wonen"])


def test_charter_filters_from_link(app):
    open_page(app, "pages/charter.py", programma=AMSTERDAM, thema="wonen", status="vertraagd", partij="gemeente")
    expected = sorted(
        int(a["number"])
        for a in charter_rows()
        if (a["theme"], a["status"], a["party"]) == ("wonen", "vertraagd", "gemeente")
    )
    assert sorted(whole_numbers(table_with(app, "Afspraak")["Nr"])) == expected and expected
    assert set(table_with(app, "Partnerpagina")["Partnerpagina"]) == {"Partner openen"}
    links = table_links(app, "Betrokken partners")
    assert all(link.startswith("partners?programma=AMSTERDAM-WA&") and "&partner=" in link for link in links)
    named = {c["partner_code"] for c in rows("charter_partner") if int(c["number"]) in expected}
    assert sorted(link.rsplit("partner=", 1)[1] for link in links) == sorted(named)


def test_unknown_theme_in_link_is_reported(app):
    open_page(app, "pages/charter.py", programma=AMSTERDAM, thema="ruimtevaart")
    assert any("ruimtevaart" in w.value for w in app.warning)
    assert len(table_with(app, "Afspraak")) == len(charter_rows())


def test_programme_without_charter(app):
    open_page(app, "pages/charter.py", programma=HAARLEM)
    assert any("geen charterafspraken" in i.value for i in app.info)
    assert not app.get("vega_lite_chart") and not static_charts(app)
