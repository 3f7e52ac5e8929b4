"""What-if scenarios: the central budget and the partner contributions as they would be, never as they are.

A `Scenario` is a set of changes against the real figures (the baseline):

- central budget: a change (in cents, plus or minus) of the budget of a wijk x category
  ("algemene kosten" has no wijk); `move` takes money from one to another, so the total stays the same;
- partner contributions: a percentage change per partner, applied to each contribution of that partner
  and rounded per contribution to the cent (half up); totals are sums of the rounded parts;
- dropped projects (all their contributions fall away) and delayed projects (start and end N months later).

Money is integer cents throughout, so no cent is lost in a total. `evaluate(baseline, scenario)` computes
everything the what-if view shows; it never changes the baseline.

Which resident initiatives are funded: per wijk x category, first the allocations that already have a
decision (their approved amount), then the open requests (their requested amount), each in order of
priority; they are funded as long as the running total fits in the budget of that wijk x category.
What no longer fits is not funded, and neither is anything after it. A rejected request (a decision with
EUR 0) stays rejected. With no changes this gives exactly the real approvals.

Projects *contribute* to targets; when a contributing project loses funding, is dropped or delayed, the
target's "bijdrage" is at risk ("bijdrage in gevaar"); that is not a predicted effect on the indicator.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

PAYLOAD_VERSION = 1
GENERAL = "algemene kosten"
INITIATIVE = "bewonersinitiatief"
CATEGORIES = (GENERAL, INITIATIVE)
MIN_PERCENT = Decimal(-100)
MAX_PERCENT = Decimal(1000)
MAX_DELAY_MONTHS = 120
MAX_BUDGET_CHANGE = Decimal(10**9)  # euros a budget line may change by in a scenario, either way
NO_WIJK = ""  # the wijk part of the key for general costs

# Funding state of an allocation in a scenario (Dutch, shown on screen).
FUNDED, NOT_FUNDED, REJECTED = "gefinancierd", "niet gefinancierd", "afgewezen (besluit)"


class ScenarioError(ValueError):
    """A scenario payload that cannot be read; the message is Dutch."""


def budget_key(wijk_code: str | None, category: str) -> str:
    return f"{wijk_code or NO_WIJK}|{category}"


def split_key(key: str) -> tuple[str | None, str]:
    wijk, _, category = key.partition("|")
    return (wijk or None), category


def to_cents(euros) -> np.ndarray:
    """Euro amounts (floats with at most two decimals, as read from the database) to integer cents."""
    return np.rint(np.asarray(euros, dtype=float) * 100).astype(np.int64)


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(int(cents)).scaleb(-2)


@dataclass(frozen=True)
class Scenario:
    budget_deltas: Mapping[str, int] = field(default_factory=dict)  # budget_key -> cents
    partner_percent: Mapping[str, Decimal] = field(default_factory=dict)  # partner_code -> percent change
    dropped: frozenset[str] = frozenset()  # project codes
    delays: Mapping[str, int] = field(default_factory=dict)  # project_code -> months later

    def normalised(self) -> Scenario:
        """Without no-op entries (zero changes), so equal scenarios compare and serialise equal."""
        return Scenario(
            {k: int(v) for k, v in sorted(self.budget_deltas.items()) if int(v) != 0},
            {k: Decimal(v) for k, v in sorted(self.partner_percent.items()) if Decimal(v) != 0},
            frozenset(self.dropped),
            {k: int(v) for k, v in sorted(self.delays.items()) if int(v) != 0},
        )

    @property
    def is_empty(self) -> bool:
        n = self.normalised()
        return not (n.budget_deltas or n.partner_percent or n.dropped or n.delays)

    def move(self, from_key: str | None, to_key: str | None, cents: int) -> Scenario:
        """Move money between two budgets; None is the unallocated rest of the central budget."""
        deltas = dict(self.budget_deltas)
        if from_key is not None:
            deltas[from_key] = deltas.get(from_key, 0) - int(cents)
        if to_key is not None:
            deltas[to_key] = deltas.get(to_key, 0) + int(cents)
        return Scenario(deltas, dict(self.partner_percent), self.dropped, dict(self.delays))

    def to_payload(self) -> dict:
        n = self.normalised()
        return {
            "versie": PAYLOAD_VERSION,
            "centraal_budget": {k: str(cents_to_decimal(v)) for k, v in n.budget_deltas.items()},
            "partners_procent": {k: str(v) for k, v in n.partner_percent.items()},
            "projecten_vervallen": sorted(n.dropped),
            "projecten_later_maanden": dict(n.delays),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_payload(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_payload(cls, payload: Mapping) -> Scenario:
        if not isinstance(payload, Mapping):
            raise ScenarioError("Het scenario is geen JSON-object.")
        if not payload:
            return cls()
        version = payload.get("versie")
        if version != PAYLOAD_VERSION:
            raise ScenarioError(f"Onbekende versie van het scenario: {version!r} (verwacht {PAYLOAD_VERSION}).")
        try:
            deltas = {}
            for key, amount in dict(payload.get("centraal_budget", {})).items():
                wijk, category = split_key(key)
                if category not in CATEGORIES:
                    raise ScenarioError(f"Onbekende budgetcategorie in het scenario: '{category}'.")
                euros = Decimal(str(amount))
                if euros != euros.quantize(Decimal("0.01")):
                    raise ScenarioError(f"Bedrag met meer dan twee decimalen in het scenario: {amount}.")
                if abs(euros) > MAX_BUDGET_CHANGE:
                    limit = f"{int(MAX_BUDGET_CHANGE):,}".replace(",", ".")
                    raise ScenarioError(
                        f"Verandering van budgetregel {key} buiten het bereik van € {limit} eraf tot € {limit} "
                        f"erbij: {amount}."
                    )
                deltas[budget_key(wijk, category)] = int(euros * 100)
            percents = {}
            for partner, pct in dict(payload.get("partners_procent", {})).items():
                value = Decimal(str(pct))
                if not MIN_PERCENT <= value <= MAX_PERCENT:
                    raise ScenarioError(
                        f"Percentage voor {partner} buiten het bereik {MIN_PERCENT}% tot +{MAX_PERCENT}%: {pct}."
                    )
                percents[str(partner)] = value
            dropped = frozenset(str(c) for c in payload.get("projecten_vervallen", []))
            delays = {}
            for code, months in dict(payload.get("projecten_later_maanden", {})).items():
                if int(months) != months or not -MAX_DELAY_MONTHS <= int(months) <= MAX_DELAY_MONTHS:
                    raise ScenarioError(f"Verschuiving van {code} moet een heel aantal maanden zijn: {months}.")
                delays[str(code)] = int(months)
        except (InvalidOperation, TypeError, ValueError) as exc:
            if isinstance(exc, ScenarioError):
                raise
            raise ScenarioError(f"Het scenario bevat een ongeldige waarde: {exc}.") from exc
        return cls(deltas, percents, dropped, delays).normalised()

    @classmethod
    def from_json(cls, text: str) -> Scenario:
        try:
            payload = json.loads(text or "{}")
        except json.JSONDecodeError as exc:
            raise ScenarioError(f"Het scenario is geen geldige JSON: {exc.msg} (positie {exc.pos}).") from exc
        return cls.from_payload(payload)


def scale_cents(cents: np.ndarray, percent: np.ndarray) -> np.ndarray:
    """cents x (100 + percent) / 100, rounded half up per element, in exact integer arithmetic.

    `percent` may have two decimals: it is taken in basis points (hundredths of a percent).
    """
    bp = np.rint(np.asarray(percent, dtype=float) * 100).astype(np.int64)
    num = np.asarray(cents, dtype=np.int64) * (10_000 + bp)
    # Half up for non-negative amounts: floor((2 * num + 10_000) / 20_000).
    return (2 * num + 10_000) // 20_000


@dataclass(frozen=True)
class Baseline:
    """The real figures of one programme, prepared once for fast recomputation."""

    programme_code: str
    total_cents: int  # the programme's central budget
    allocations: pd.DataFrame  # code, wijk_code, wijk_name, category, title, priority, requested, approved, decided
    budgets: pd.DataFrame  # key, wijk_code, wijk_name, category, baseline (cents of approved)
    projects: pd.DataFrame  # code, title, wijk_code, wijk_name, theme, lead, start_date, end_date, status, budget
    contributions: pd.DataFrame  # project_code, partner_code, partner_name, amount (cents)
    targets: pd.DataFrame  # wijk_code, wijk_name, indicator_code, indicator_name, theme
    links: pd.DataFrame  # project_code, indicator_code (within this programme)
    ix: Prepared  # integer positions and arrays for evaluate()

    @property
    def has_central_budget(self) -> bool:
        return self.total_cents > 0 or not self.allocations.empty

    @classmethod
    def from_frames(
        cls,
        programme_code: str,
        central_budget: float,
        wijken: pd.DataFrame,
        allocations: pd.DataFrame,
        projects: pd.DataFrame,
        project_partners: pd.DataFrame,
        project_indicators: pd.DataFrame,
        targets: pd.DataFrame,
        indicators: pd.DataFrame,
    ) -> Baseline:
        """Frames as data_access returns them (money in float euros); only this programme's rows are kept."""
        wijken = wijken[wijken["programme_code"] == programme_code]
        names = dict(zip(wijken["code"], wijken["name"], strict=True))
        alloc = allocations[allocations["programme_code"] == programme_code]
        alloc = pd.DataFrame(
            {
                "code": alloc["code"].to_numpy(),
                "wijk_code": alloc["wijk_code"].fillna(NO_WIJK).astype(str).to_numpy(),
                "category": alloc["category"].to_numpy(),
                "title": alloc["title"].to_numpy(),
                "priority": alloc["priority"].to_numpy(),
                "requested": to_cents(alloc["requested"]),
                "approved": to_cents(alloc["approved"]),
                "decided": alloc["decision_date"].notna().to_numpy(),
            }
        )
        alloc["key"] = [budget_key(w, c) for w, c in zip(alloc["wijk_code"], alloc["category"], strict=True)]
        alloc["wijk_name"] = alloc["wijk_code"].map(names).fillna("Programma (algemeen)")
        # Every wijk gets a resident-initiative budget line, also without initiatives; general costs one line.
        lines = [(NO_WIJK, GENERAL)] + [(w, INITIATIVE) for w in wijken.sort_values("name")["code"]]
        lines += [
            (w, c) for w, c in zip(alloc["wijk_code"], alloc["category"], strict=True) if (w, c) not in set(lines)
        ]
        lines = list(dict.fromkeys(lines))
        budgets = pd.DataFrame({"wijk_code": [w for w, _ in lines], "category": [c for _, c in lines]})
        budgets["key"] = [budget_key(w, c) for w, c in lines]
        budgets["wijk_name"] = budgets["wijk_code"].map(names).fillna("Programma (algemeen)")
        approved = alloc.groupby("key")["approved"].sum()
        budgets["baseline"] = budgets["key"].map(approved).fillna(0).astype(np.int64)
        if not has_budget(central_budget, alloc):
            budgets = budgets.iloc[0:0]

        own = projects[projects["programme_code"] == programme_code]
        proj = pd.DataFrame(
            {
                "code": own["code"].to_numpy(),
                "title": own["title"].to_numpy(),
                "wijk_code": own["wijk_code"].to_numpy(),
                "wijk_name": own["wijk_name"].to_numpy(),
                "theme": own["theme"].to_numpy(),
                "lead_partner_code": own["lead_partner_code"].to_numpy(),
                "lead_partner_name": own["lead_partner_name"].to_numpy(),
                "start_date": pd.to_datetime(own["start_date"]).to_numpy(),
                "end_date": pd.to_datetime(own["end_date"]).to_numpy(),
                "status": own["status"].to_numpy() if "status" in own else "niet gestart",
                "progress": own["progress"].to_numpy() if "progress" in own else 0,
            }
        )
        pp = project_partners[project_partners["project_code"].isin(set(proj["code"]))]
        contrib = pd.DataFrame(
            {
                "project_code": pp["project_code"].to_numpy(),
                "partner_code": pp["partner_code"].to_numpy(),
                "partner_name": pp["partner_name"].to_numpy(),
                "amount": to_cents(pp["amount"]),
            }
        )
        proj["budget"] = proj["code"].map(contrib.groupby("project_code")["amount"].sum()).fillna(0).astype(np.int64)

        links = project_indicators[project_indicators["project_code"].isin(set(proj["code"]))][
            ["project_code", "indicator_code"]
        ].reset_index(drop=True)
        ind = indicators.rename(columns={"code": "indicator_code", "name": "indicator_name"})
        tg = targets[targets["wijk_code"].isin(set(wijken["code"]))][["wijk_code", "indicator_code"]]
        tg = tg.merge(ind[["indicator_code", "indicator_name", "theme"]], on="indicator_code", how="left")
        tg["wijk_name"] = tg["wijk_code"].map(names)
        alloc, budgets, tg = alloc.reset_index(drop=True), budgets.reset_index(drop=True), tg.reset_index(drop=True)
        return cls(
            programme_code=programme_code,
            total_cents=int(to_cents([central_budget])[0]),
            allocations=alloc,
            budgets=budgets,
            projects=proj,
            contributions=contrib,
            targets=tg,
            links=links,
            ix=_prepare(alloc, budgets, proj, contrib, tg, links),
        )


def has_budget(central_budget: float, allocations: pd.DataFrame) -> bool:
    return float(central_budget) > 0 or not allocations.empty


@dataclass(frozen=True)
class Evaluation:
    total_cents: int
    budgets: pd.DataFrame  # per wijk x category: baseline, scenario, delta (cents)
    allocations: pd.DataFrame  # per allocation: claim, funded_baseline/scenario, state_baseline/scenario
    projects: pd.DataFrame  # per project: budget, scenario_budget, gap, dropped, delay, new dates, affected
    contributions: pd.DataFrame  # per contribution: amount, scenario (cents)
    targets_at_risk: pd.DataFrame  # wijk x indicator with the projects and the reason
    by_wijk: pd.DataFrame  # name, baseline, scenario, delta (partner contributions + central budget, cents)
    by_theme: pd.DataFrame
    by_partner: pd.DataFrame

    @property
    def allocated_baseline(self) -> int:
        return int(self.budgets["baseline"].sum())

    @property
    def allocated_scenario(self) -> int:
        return int(self.budgets["scenario"].sum())

    @property
    def remaining_baseline(self) -> int:
        return self.total_cents - self.allocated_baseline

    @property
    def remaining_scenario(self) -> int:
        return self.total_cents - self.allocated_scenario

    @property
    def over_allocated(self) -> bool:
        return self.remaining_scenario < 0

    @property
    def affected_projects(self) -> pd.DataFrame:
        return self.projects[self.projects["affected"]]

    @property
    def affected_wijken(self) -> list[str]:
        return sorted(self.affected_projects["wijk_name"].unique())

    @property
    def affected_themes(self) -> list[str]:
        return sorted(self.affected_projects["theme"].unique())


@dataclass(frozen=True)
class Prepared:
    """Everything evaluate() needs as numpy arrays of positions, computed once per baseline."""

    line_of: dict[str, int]  # budget key -> row in budgets
    line_baseline: np.ndarray  # cents per budget line
    line_wijk: np.ndarray  # wijk position per budget line
    claim: np.ndarray  # per allocation: approved (decided) or requested (open), cents
    decided: np.ndarray
    alloc_line: np.ndarray  # budget line per allocation
    fund_order: np.ndarray  # allocations in funding order (line, decided first, priority, code)
    fund_group_start: np.ndarray  # per position in fund_order: position where its line starts
    funded_baseline: np.ndarray
    project_of: dict[str, int]
    project_budget: np.ndarray
    project_wijk: np.ndarray
    project_theme: np.ndarray
    project_lead: np.ndarray  # partner position of the lead
    start: np.ndarray  # datetime64[D]
    end: np.ndarray
    partner_of: dict[str, int]
    contrib_project: np.ndarray
    contrib_partner: np.ndarray
    amount: np.ndarray
    contributing: np.ndarray  # per partner: has a contribution row
    link_project: np.ndarray  # per (project, target) pair of a contribution link
    link_target: np.ndarray
    wijk_codes: np.ndarray
    wijk_names: np.ndarray
    themes: np.ndarray
    partner_codes: np.ndarray
    partner_names: np.ndarray


def _positions(values, universe: dict[str, int]) -> np.ndarray:
    return np.fromiter((universe[v] for v in values), dtype=np.int64, count=len(values))


def _prepare(
    alloc: pd.DataFrame,
    budgets: pd.DataFrame,
    proj: pd.DataFrame,
    contrib: pd.DataFrame,
    targets: pd.DataFrame,
    links: pd.DataFrame,
) -> Prepared:
    line_of = {k: i for i, k in enumerate(budgets["key"])}
    wijk_names = dict(zip(proj["wijk_code"], proj["wijk_name"], strict=True))
    wijk_names |= dict(zip(budgets["wijk_code"], budgets["wijk_name"], strict=True))
    wijk_of = {w: i for i, w in enumerate(wijk_names)}
    themes = list(dict.fromkeys(proj["theme"]))
    theme_of = {t: i for i, t in enumerate(themes)}
    partner_names = dict(zip(contrib["partner_code"], contrib["partner_name"], strict=True))
    for code, name in zip(proj["lead_partner_code"], proj["lead_partner_name"], strict=True):
        partner_names.setdefault(code, name)
    partner_of = {p: i for i, p in enumerate(partner_names)}
    project_of = {c: i for i, c in enumerate(proj["code"])}

    claim = np.where(alloc["decided"].to_numpy(bool), alloc["approved"].to_numpy(), alloc["requested"].to_numpy())
    claim = claim.astype(np.int64)
    if len(alloc) and len(budgets):
        alloc_line = _positions(alloc["key"], line_of)
        order = np.lexsort(
            (
                alloc["code"].to_numpy(object),
                alloc["priority"].astype(float).fillna(np.inf).to_numpy(),
                ~alloc["decided"].to_numpy(bool),
                alloc_line,
            )
        )
    else:
        alloc_line = np.zeros(len(alloc), dtype=np.int64)
        order = np.arange(len(alloc))
    sorted_lines = alloc_line[order]
    new_group = np.r_[True, sorted_lines[1:] != sorted_lines[:-1]] if len(order) else np.zeros(0, bool)
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0)) if len(order) else order
    line_baseline = budgets["baseline"].to_numpy(np.int64)

    contrib_project = _positions(contrib["project_code"], project_of)
    contributing = np.zeros(len(partner_of), dtype=bool)
    contrib_partner = _positions(contrib["partner_code"], partner_of)
    contributing[contrib_partner] = True

    target_of = {
        (w, i): n for n, (w, i) in enumerate(zip(targets["wijk_code"], targets["indicator_code"], strict=True))
    }
    project_wijk_code = dict(zip(proj["code"], proj["wijk_code"], strict=True))
    pairs = [
        (project_of[p], target_of[(project_wijk_code[p], i)])
        for p, i in zip(links["project_code"], links["indicator_code"], strict=True)
        if (project_wijk_code[p], i) in target_of
    ]
    link_project = np.array([p for p, _ in pairs], dtype=np.int64)
    link_target = np.array([t for _, t in pairs], dtype=np.int64)

    prepared = Prepared(
        line_of=line_of,
        line_baseline=line_baseline,
        line_wijk=_positions(budgets["wijk_code"], wijk_of),
        claim=claim,
        decided=alloc["decided"].to_numpy(bool),
        alloc_line=alloc_line,
        fund_order=order,
        fund_group_start=group_start,
        funded_baseline=np.zeros(0, dtype=bool),
        project_of=project_of,
        project_budget=proj["budget"].to_numpy(np.int64),
        project_wijk=_positions(proj["wijk_code"], wijk_of),
        project_theme=_positions(proj["theme"], theme_of),
        project_lead=_positions(proj["lead_partner_code"], partner_of),
        start=proj["start_date"].to_numpy("datetime64[D]"),
        end=proj["end_date"].to_numpy("datetime64[D]"),
        partner_of=partner_of,
        contrib_project=contrib_project,
        contrib_partner=contrib_partner,
        amount=contrib["amount"].to_numpy(np.int64),
        contributing=contributing,
        link_project=link_project,
        link_target=link_target,
        wijk_codes=np.array(list(wijk_names), dtype=object),
        wijk_names=np.array(list(wijk_names.values()), dtype=object),
        themes=np.array(themes, dtype=object),
        partner_codes=np.array(list(partner_names), dtype=object),
        partner_names=np.array(list(partner_names.values()), dtype=object),
    )
    object.__setattr__(prepared, "funded_baseline", _fund(prepared, line_baseline))
    return prepared


def _fund(ix: Prepared, line_budget: np.ndarray) -> np.ndarray:
    """Funded flags: per line, decided first then open requests, by priority, while the running sum fits."""
    funded = np.zeros(len(ix.claim), dtype=bool)
    if not len(ix.claim):
        return funded
    claims = ix.claim[ix.fund_order]
    total = np.cumsum(claims)
    before = np.where(ix.fund_group_start > 0, total[ix.fund_group_start - 1], 0)
    running = total - before
    funded[ix.fund_order] = (running <= line_budget[ix.alloc_line[ix.fund_order]]) & (claims > 0)
    return funded


def _states(ix: Prepared, funded: np.ndarray) -> np.ndarray:
    rejected = ix.decided & (ix.claim == 0)
    return np.where(rejected, REJECTED, np.where(funded, FUNDED, NOT_FUNDED)).astype(object)


def shift_months(dates: np.ndarray, months: np.ndarray) -> np.ndarray:
    """Dates (datetime64[D]) moved by whole months; a day past the new month's end becomes its last day."""
    month = dates.astype("datetime64[M]")
    day = (dates - month.astype("datetime64[D]")).astype(np.int64)
    target = month + months.astype("timedelta64[M]")
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return target.astype("datetime64[D]") + np.minimum(day, length - 1).astype("timedelta64[D]")


def _sum_by(positions: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Exact integer sums per position (cents stay far below 2**53, so float64 adds them exactly)."""
    return np.rint(np.bincount(positions, weights=values, minlength=size)).astype(np.int64)


def _totals(codes: np.ndarray, names: np.ndarray, baseline: np.ndarray, scenario: np.ndarray) -> pd.DataFrame:
    order = np.lexsort((codes.astype(str), names.astype(str))) if len(codes) else np.arange(0)
    return pd.DataFrame(
        {
            "code": codes[order],
            "name": names[order],
            "baseline": baseline[order],
            "scenario": scenario[order],
            "delta": (scenario - baseline)[order],
        }
    )


REASONS = np.array(["", "vervalt", "minder financiering", "begint later"], dtype=object)
RISK_COLUMNS = ["wijk_code", "wijk_name", "indicator_code", "indicator_name", "theme", "projects", "reasons"]


def evaluate(baseline: Baseline, scenario: Scenario) -> Evaluation:
    s = scenario.normalised()
    ix = baseline.ix

    # Central budget per wijk x category, and which allocations it funds.
    delta = np.zeros(len(ix.line_baseline), dtype=np.int64)
    for key, cents in s.budget_deltas.items():
        if key in ix.line_of:
            delta[ix.line_of[key]] += cents
    line_scenario = ix.line_baseline + delta
    funded = _fund(ix, line_scenario)
    budgets = baseline.budgets.assign(delta=delta, scenario=line_scenario)
    alloc = baseline.allocations.assign(
        claim=ix.claim,
        funded_baseline=ix.funded_baseline,
        funded_scenario=funded,
        state_baseline=_states(ix, ix.funded_baseline),
        state_scenario=_states(ix, funded),
        amount_scenario=np.where(funded, ix.claim, 0).astype(np.int64),
    )

    # Partner contributions: a percentage per partner, rounded per contribution; dropped projects get nothing.
    n_projects, n_partners = len(ix.project_budget), len(ix.partner_codes)
    percent = np.zeros(n_partners)
    changed = np.zeros(n_partners, dtype=bool)
    for code, pct in s.partner_percent.items():
        if code in ix.partner_of:
            percent[ix.partner_of[code]] = float(pct)
            changed[ix.partner_of[code]] = True
    dropped = np.zeros(n_projects, dtype=bool)
    for code in s.dropped:
        if code in ix.project_of:
            dropped[ix.project_of[code]] = True
    months = np.zeros(n_projects, dtype=np.int64)
    for code, m in s.delays.items():
        if code in ix.project_of:
            months[ix.project_of[code]] = m
    scaled = scale_cents(ix.amount, percent[ix.contrib_partner]) if len(ix.amount) else ix.amount
    contrib_scenario = np.where(dropped[ix.contrib_project], 0, scaled).astype(np.int64)
    project_scenario = _sum_by(ix.contrib_project, contrib_scenario, n_projects)
    gap = ix.project_budget - project_scenario
    partner_changed = changed[ix.project_lead] if n_projects else np.zeros(0, bool)
    partner_changed = partner_changed | (
        np.bincount(ix.contrib_project, weights=changed[ix.contrib_partner], minlength=n_projects) > 0
    )
    shifted = months != 0
    new_start, new_end = ix.start.copy(), ix.end.copy()
    if shifted.any():
        new_start[shifted] = shift_months(ix.start[shifted], months[shifted])
        new_end[shifted] = shift_months(ix.end[shifted], months[shifted])
    affected = (gap != 0) | dropped | partner_changed | shifted
    projects = baseline.projects.assign(
        scenario_budget=project_scenario,
        gap=gap,
        dropped=dropped,
        partner_changed=partner_changed,
        delay_months=months,
        new_start=new_start.astype("datetime64[ns]"),
        new_end=new_end.astype("datetime64[ns]"),
        affected=affected,
    )
    contributions = baseline.contributions.assign(scenario=contrib_scenario)

    # Targets whose contributing projects lose funding, fall away or start later: "bijdrage in gevaar".
    reason = np.where(dropped, 1, np.where(gap > 0, 2, np.where(months > 0, 3, 0)))
    hit = reason[ix.link_project] > 0 if len(ix.link_project) else np.zeros(0, bool)
    if hit.any():
        titles = baseline.projects["title"].to_numpy(object)
        found: dict[int, tuple[set, set]] = {}
        for p, t in zip(ix.link_project[hit], ix.link_target[hit], strict=True):
            entry = found.setdefault(int(t), (set(), set()))
            entry[0].add(titles[p])
            entry[1].add(REASONS[reason[p]])
        rows = baseline.targets.iloc[list(found)].assign(
            projects=[", ".join(sorted(v[0])) for v in found.values()],
            reasons=[", ".join(sorted(v[1])) for v in found.values()],
        )
        at_risk = rows[RISK_COLUMNS].sort_values(["wijk_name", "indicator_name"]).reset_index(drop=True)
    else:
        at_risk = pd.DataFrame(columns=RISK_COLUMNS)

    # Totals: per wijk the partner contributions plus its central budget, per theme and per partner.
    n_wijken = len(ix.wijk_codes)
    wijk_base = _sum_by(ix.project_wijk, ix.project_budget, n_wijken) + _sum_by(
        ix.line_wijk, ix.line_baseline, n_wijken
    )
    wijk_scen = _sum_by(ix.project_wijk, project_scenario, n_wijken) + _sum_by(ix.line_wijk, line_scenario, n_wijken)
    n_themes = len(ix.themes)
    partner_base = _sum_by(ix.contrib_partner, ix.amount, n_partners)
    partner_scen = _sum_by(ix.contrib_partner, contrib_scenario, n_partners)
    c = ix.contributing
    return Evaluation(
        total_cents=baseline.total_cents,
        budgets=budgets,
        allocations=alloc,
        projects=projects,
        contributions=contributions,
        targets_at_risk=at_risk,
        by_wijk=_totals(ix.wijk_codes, ix.wijk_names, wijk_base, wijk_scen),
        by_theme=_totals(
            ix.themes,
            ix.themes,
            _sum_by(ix.project_theme, ix.project_budget, n_themes),
            _sum_by(ix.project_theme, project_scenario, n_themes),
        ),
        by_partner=_totals(ix.partner_codes[c], ix.partner_names[c], partner_base[c], partner_scen[c]),
    )


COMPARISONS = {"wijk": "by_wijk", "thema": "by_theme", "partner": "by_partner"}


def compare(baseline: Baseline, scenarios: Mapping[str, Scenario], dimension: str) -> pd.DataFrame:
    """Totals per wijk, theme or partner side by side: the baseline ('Nu') and one column per scenario.

    Cents; rows in name order, a last row 'Totaal' with the column sums.
    """
    attribute = COMPARISONS[dimension]
    base = getattr(evaluate(baseline, Scenario()), attribute)
    out = base[["code", "name"]].copy()
    out["Nu"] = base["baseline"].to_numpy()
    for name, scen in scenarios.items():
        frame = getattr(evaluate(baseline, scen), attribute).set_index("code")["scenario"]
        out[name] = out["code"].map(frame).fillna(0).astype(np.int64)
    totals = {"code": "", "name": "Totaal", **{c: int(out[c].sum()) for c in out.columns[2:]}}
    return pd.concat([out, pd.DataFrame([totals])], ignore_index=True)


def budget_comparison(baseline: Baseline, scenarios: Mapping[str, Scenario]) -> pd.DataFrame:
    """The central budget per wijk x category: 'Nu' and one column per scenario, plus 'Niet toegekend'."""
    out = baseline.budgets[["key", "wijk_name", "category"]].copy()
    out["Nu"] = baseline.budgets["baseline"].to_numpy()
    for name, scen in scenarios.items():
        out[name] = evaluate(baseline, scen).budgets["scenario"].to_numpy()
    cols = out.columns[3:]
    rest = {"key": "", "wijk_name": "Niet toegekend", "category": ""}
    rest |= {c: baseline.total_cents - int(out[c].sum()) for c in cols}
    total = {"key": "", "wijk_name": "Totaal centraal budget", "category": ""}
    total |= {c: baseline.total_cents for c in cols}
    return pd.concat([out, pd.DataFrame([rest, total])], ignore_index=True)


def planning_milestones(milestones: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """Milestones of `projects` (rows of Evaluation.projects) for the before/after planning.

    Each milestone appears twice: under the project code as planned now, and under `code + '|scenario'`
    with its due date moved by the project's shift. A milestone already done keeps its dates.
    """
    own = milestones[milestones["project_code"].isin(set(projects["code"]))]
    shift = own["project_code"].map(projects.set_index("code")["delay_months"]).fillna(0).astype(np.int64)
    open_ = own["done_date"].isna().to_numpy()
    due = own["due_date"].to_numpy("datetime64[D]")
    moved = np.where(open_, shift_months(due, shift.to_numpy()), due).astype("datetime64[ns]")
    after = own.assign(project_code=own["project_code"] + SCENARIO_SUFFIX, due_date=moved)
    dropped = set(projects.loc[projects["dropped"], "code"] + SCENARIO_SUFFIX)
    after = after[~after["project_code"].isin(dropped)]
    return pd.concat([own, after], ignore_index=True)


SCENARIO_SUFFIX = "|scenario"
