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
        return cls(
            programme_code=programme_code,
            total_cents=int(to_cents([central_budget])[0]),
            allocations=alloc.reset_index(drop=True),
            budgets=budgets.reset_index(drop=True),
            projects=proj,
            contributions=contrib,
            targets=tg.reset_index(drop=True),
            links=links,
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


def _fund(allocations: pd.DataFrame, budget: pd.Series) -> np.ndarray:
    """Funded flags: per key, decided first then open requests, by priority, while the running sum fits."""
    if allocations.empty:
        return np.zeros(0, dtype=bool)
    order = allocations.assign(_open=~allocations["decided"], _prio=allocations["priority"].fillna(np.inf)).sort_values(
        ["key", "_open", "_prio", "code"]
    )
    running = order.groupby("key", sort=False)["claim"].cumsum()
    limit = order["key"].map(budget).fillna(0).astype(np.int64)
    fits = (running <= limit) & (order["claim"] > 0)
    return fits.reindex(allocations.index).to_numpy()


def _with_state(allocations: pd.DataFrame, funded: np.ndarray) -> pd.Series:
    rejected = allocations["decided"].to_numpy() & (allocations["claim"].to_numpy() == 0)
    return pd.Series(np.where(rejected, REJECTED, np.where(funded, FUNDED, NOT_FUNDED)), index=allocations.index)


def _totals(names: pd.Series, baseline: pd.Series, scenario: pd.Series) -> pd.DataFrame:
    out = pd.DataFrame({"baseline": baseline, "scenario": scenario}).fillna(0).astype(np.int64)
    out["delta"] = out["scenario"] - out["baseline"]
    out.insert(0, "name", out.index.map(names))
    out.index.name = "code"
    return out.reset_index().sort_values(["name", "code"]).reset_index(drop=True)


def evaluate(baseline: Baseline, scenario: Scenario) -> Evaluation:
    s = scenario.normalised()

    # Central budget per wijk x category.
    budgets = baseline.budgets.copy()
    budgets["delta"] = budgets["key"].map(s.budget_deltas).fillna(0).astype(np.int64)
    budgets["scenario"] = budgets["baseline"] + budgets["delta"]
    alloc = baseline.allocations.copy()
    alloc["claim"] = np.where(alloc["decided"], alloc["approved"], alloc["requested"])
    limit_base = budgets.set_index("key")["baseline"]
    limit_scen = budgets.set_index("key")["scenario"]
    alloc["funded_baseline"] = _fund(alloc, limit_base)
    alloc["funded_scenario"] = _fund(alloc, limit_scen)
    alloc["state_baseline"] = _with_state(alloc, alloc["funded_baseline"].to_numpy())
    alloc["state_scenario"] = _with_state(alloc, alloc["funded_scenario"].to_numpy())
    alloc["amount_scenario"] = np.where(alloc["funded_scenario"], alloc["claim"], 0).astype(np.int64)

    # Partner contributions.
    contrib = baseline.contributions.copy()
    pct = contrib["partner_code"].map({k: float(v) for k, v in s.partner_percent.items()}).fillna(0.0)
    scaled = scale_cents(contrib["amount"].to_numpy(), pct.to_numpy())
    dropped = contrib["project_code"].isin(s.dropped).to_numpy()
    contrib["scenario"] = np.where(dropped, 0, scaled).astype(np.int64)
    changed_partner = contrib["partner_code"].isin(set(s.partner_percent)).to_numpy()

    proj = baseline.projects.copy()
    proj["scenario_budget"] = (
        proj["code"].map(contrib.groupby("project_code")["scenario"].sum()).fillna(0).astype(np.int64)
    )
    proj["gap"] = proj["budget"] - proj["scenario_budget"]
    proj["dropped"] = proj["code"].isin(s.dropped)
    partner_projects = set(contrib.loc[changed_partner, "project_code"]) | set(
        proj.loc[proj["lead_partner_code"].isin(set(s.partner_percent)), "code"]
    )
    proj["partner_changed"] = proj["code"].isin(partner_projects)
    proj["delay_months"] = proj["code"].map(s.delays).fillna(0).astype(int)
    proj["new_start"] = proj["start_date"]
    proj["new_end"] = proj["end_date"]
    for months, idx in proj[proj["delay_months"] != 0].groupby("delay_months").groups.items():
        offset = pd.DateOffset(months=int(months))
        proj.loc[idx, "new_start"] = proj.loc[idx, "start_date"] + offset
        proj.loc[idx, "new_end"] = proj.loc[idx, "end_date"] + offset
    proj["affected"] = (proj["gap"] != 0) | proj["dropped"] | proj["partner_changed"] | (proj["delay_months"] != 0)

    # Targets whose contributing projects lose funding, fall away or start later.
    losing = proj[(proj["gap"] > 0) | proj["dropped"] | (proj["delay_months"] > 0)]
    reason = np.where(losing["dropped"], "vervalt", np.where(losing["gap"] > 0, "minder financiering", "begint later"))
    hit = baseline.links.merge(
        losing[["code", "title", "wijk_code"]].assign(reason=reason), left_on="project_code", right_on="code"
    )
    at_risk = baseline.targets.merge(hit, on=["wijk_code", "indicator_code"])
    if at_risk.empty:
        at_risk = pd.DataFrame(
            columns=["wijk_code", "wijk_name", "indicator_code", "indicator_name", "theme", "projects", "reasons"]
        )
    else:
        at_risk = (
            at_risk.groupby(["wijk_code", "wijk_name", "indicator_code", "indicator_name", "theme"], dropna=False)
            .agg(
                projects=("title", lambda t: ", ".join(sorted(t))),
                reasons=("reason", lambda r: ", ".join(sorted(set(r)))),
            )
            .reset_index()
            .sort_values(["wijk_name", "indicator_name"])
            .reset_index(drop=True)
        )

    # Totals: per wijk the partner contributions plus the central budget, per theme and per partner.
    names = dict(zip(proj["wijk_code"], proj["wijk_name"], strict=True))
    names |= {w: n for w, n in zip(budgets["wijk_code"], budgets["wijk_name"], strict=True)}
    wijk_names = pd.Series(names, dtype=object)
    budget_wijk = budgets.groupby("wijk_code")
    by_wijk = _totals(
        wijk_names,
        proj.groupby("wijk_code")["budget"].sum().add(budget_wijk["baseline"].sum(), fill_value=0),
        proj.groupby("wijk_code")["scenario_budget"].sum().add(budget_wijk["scenario"].sum(), fill_value=0),
    )
    themes = pd.Series(proj["theme"].unique(), index=proj["theme"].unique())
    by_theme = _totals(themes, proj.groupby("theme")["budget"].sum(), proj.groupby("theme")["scenario_budget"].sum())
    partner_names = contrib.drop_duplicates("partner_code").set_index("partner_code")["partner_name"]
    by_partner = _totals(
        partner_names,
        contrib.groupby("partner_code")["amount"].sum(),
        contrib.groupby("partner_code")["scenario"].sum(),
    )
    return Evaluation(
        total_cents=baseline.total_cents,
        budgets=budgets,
        allocations=alloc,
        projects=proj,
        contributions=contrib,
        targets_at_risk=at_risk,
        by_wijk=by_wijk,
        by_theme=by_theme,
        by_partner=by_partner,
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
