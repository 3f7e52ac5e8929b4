"""Time the recomputation of a what-if scenario (what happens when a slider moves on the Wat als page).

    python -m benchmarks.whatif                      # the sample data, target < 50 ms
    python -m benchmarks.whatif --data DIR           # a folder in the sample_data format, target < 200 ms
    python -m benchmarks.generate --scale 100 --out /tmp/scale100 && python -m benchmarks.whatif --data /tmp/scale100

Per data set it times `evaluate(baseline, scenario)` for the largest programme and for the one with the
most central-budget allocations (as the page does: one programme at a time) and, as a stress case, for
all programmes taken together as one. The scenario moves central budget between two budget lines, cuts
the biggest partner by 15%, drops two projects and delays three by six months. Reports the median and
the slowest of the timed runs; exit code 1 if a per-programme median misses the target.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

import pandas as pd

from data_access.config import SAMPLE_DATA_DIR
from domain.whatif import Baseline, Scenario, evaluate

SAMPLE_TARGET_MS, LARGE_TARGET_MS = 50.0, 200.0
ALL = "__ALLE__"


def _csv(folder: Path, name: str) -> pd.DataFrame:
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return pd.DataFrame(list(reader), columns=reader.fieldnames)


def load_frames(folder: Path) -> dict[str, pd.DataFrame]:
    """The frames data_access would return (money as float euros), straight from the CSV files."""
    programmes = _csv(folder, "programme")
    programmes["central_budget"] = programmes["central_budget"].astype(float)
    wijken = _csv(folder, "wijk")
    partners = dict(zip(*_csv(folder, "partner")[["code", "name"]].T.to_numpy(), strict=True))
    contracts = _csv(folder, "contract").set_index("code")["wijk_code"]
    projects = _csv(folder, "project")
    projects["wijk_code"] = projects["contract_code"].map(contracts)
    projects["wijk_name"] = projects["wijk_code"].map(wijken.set_index("code")["name"])
    projects["programme_code"] = projects["wijk_code"].map(wijken.set_index("code")["programme_code"])
    projects["lead_partner_name"] = projects["lead_partner_code"].map(partners)
    projects["start_date"] = pd.to_datetime(projects["start_date"])
    projects["end_date"] = pd.to_datetime(projects["end_date"])
    pp = _csv(folder, "project_partner")
    pp["partner_name"] = pp["partner_code"].map(partners)
    pp["amount"] = pp["amount"].astype(float)
    alloc = _csv(folder, "budget_allocation")
    for column in ("requested", "approved", "spent"):
        alloc[column] = alloc[column].astype(float)
    alloc["wijk_code"] = alloc["wijk_code"].replace("", None)
    alloc["priority"] = pd.to_numeric(alloc["priority"].replace("", None))
    alloc["decision_date"] = pd.to_datetime(alloc["decision_date"].replace("", None))
    return {
        "programmes": programmes,
        "wijken": wijken,
        "allocations": alloc,
        "projects": projects,
        "project_partners": pp,
        "project_indicators": _csv(folder, "project_indicator"),
        "targets": _csv(folder, "target"),
        "indicators": _csv(folder, "indicator"),
    }


def baseline_of(frames: dict[str, pd.DataFrame], programme: str) -> Baseline:
    programmes = frames["programmes"].set_index("code")["central_budget"]
    return Baseline.from_frames(
        programme,
        float(programmes.sum() if programme == ALL else programmes[programme]),
        frames["wijken"],
        frames["allocations"],
        frames["projects"],
        frames["project_partners"],
        frames["project_indicators"],
        frames["targets"],
        frames["indicators"],
    )


def as_one_programme(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    out = dict(frames)
    for name in ("wijken", "allocations", "projects"):
        out[name] = frames[name].assign(programme_code=ALL)
    return out


def typical_scenario(baseline: Baseline) -> Scenario:
    scenario = Scenario()
    keys = list(baseline.budgets["key"])
    if len(keys) >= 2:
        scenario = scenario.move(keys[0], keys[-1], 1_000_000).move(None, keys[1 % len(keys)], 3_000_000)
    biggest = baseline.contributions.groupby("partner_code")["amount"].sum().idxmax()
    codes = list(baseline.projects["code"])
    return Scenario(
        scenario.budget_deltas,
        {biggest: Decimal(-15)},
        frozenset(codes[:2]),
        dict.fromkeys(codes[2:5], 6),
    )


def time_ms(baseline: Baseline, scenario: Scenario, runs: int) -> tuple[float, float]:
    evaluate(baseline, scenario)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        evaluate(baseline, scenario)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.whatif", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder in the sample_data format (default: the sample)")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    folder = args.data or SAMPLE_DATA_DIR
    target = LARGE_TARGET_MS if args.data else SAMPLE_TARGET_MS
    frames = load_frames(folder)
    projects_per = frames["projects"].groupby("programme_code").size()
    largest = str(projects_per.idxmax())
    print(f"Gegevens: {folder} ({len(frames['projects'])} projecten in {len(projects_per)} programma's)")

    allocations_per = frames["allocations"].groupby("programme_code").size()
    chosen = [largest]
    if not allocations_per.empty and str(allocations_per.idxmax()) != largest:
        chosen.append(str(allocations_per.idxmax()))  # the one with the most central-budget allocations
    ok = True
    for programme in chosen:
        base = baseline_of(frames, programme)
        median, slowest = time_ms(base, typical_scenario(base), args.runs)
        ok &= median < target
        print(
            f"Programma {programme} ({len(base.projects)} projecten, {len(base.contributions)} bijdragen, "
            f"{len(base.allocations)} budgetposten): mediaan {median:.1f} ms, traagste {slowest:.1f} ms "
            f"(doel < {target:.0f} ms) {'OK' if median < target else 'TE TRAAG'}"
        )
    if len(projects_per) > 1:
        everything = baseline_of(as_one_programme(frames), ALL)
        median_all, slowest_all = time_ms(everything, typical_scenario(everything), max(5, args.runs // 3))
        print(
            f"Alle programma's als één ({len(everything.projects)} projecten, {len(everything.contributions)} "
            f"bijdragen): mediaan {median_all:.1f} ms, traagste {slowest_all:.1f} ms (ter informatie)"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
