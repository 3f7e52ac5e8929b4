"""Status roll-up from projects to a wijk, a partner or a programme.

Rule ("slechtste telt", worst counts): the roll-up is the worst status among the running projects, in
the order vertraagd (rood) > aandacht (oranje) > op schema (groen). With no running project it is
"afgerond" when every project is finished or stopped (at least one finished), "niet gestart" when none
has started, and "geen projecten" for an empty set. The share of red and orange projects is reported
beside it, so one late project among fifty is visible as such.
"""

from __future__ import annotations

import pandas as pd

SEVERITY = ("op schema", "aandacht", "vertraagd")  # increasing
NO_PROJECTS = "geen projecten"


def rollup_status(statuses: pd.Series) -> str:
    statuses = pd.Series(statuses, dtype=object)
    if statuses.empty:
        return NO_PROJECTS
    running = [s for s in statuses if s in SEVERITY]
    if running:
        return max(running, key=SEVERITY.index)
    if (statuses == "niet gestart").all():
        return "niet gestart"
    if statuses.isin(["afgerond", "gestopt"]).all():
        return "afgerond" if (statuses == "afgerond").any() else "gestopt"
    return "niet gestart"  # a mix of not started and finished: nothing is running now


def rollup(projects: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per value of `by`: rolled-up status, projects, running, red/orange share, stale, overdue.

    `projects` carries the project_status() columns (status, stale, overdue).
    """
    rows = []
    for key, group in projects.groupby(by, sort=True):
        running = group["status"].isin(SEVERITY)
        red_orange = group["status"].isin(["aandacht", "vertraagd"])
        rows.append(
            {
                by: key,
                "status": rollup_status(group["status"]),
                "projects": len(group),
                "running": int(running.sum()),
                "red_orange_share": float(red_orange.sum() / running.sum()) if running.any() else 0.0,
                "stale": int(group["stale"].sum()),
                "overdue": int(group["overdue"].sum()),
            }
        )
    columns = [by, "status", "projects", "running", "red_orange_share", "stale", "overdue"]
    return pd.DataFrame(rows, columns=columns)
