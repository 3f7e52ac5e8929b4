"""What changed between two steering-group meetings ("wat is er veranderd").

The window is (previous, meeting]: something that happened on the previous meeting's date was already
known then; something on the meeting date itself counts as new. Rules (one place):

- Status: a project's status on a date is that of its latest update on or before it (else "niet
  gestart", see domain.project_status). Every update in the window whose status differs from the status
  before it is a step. A project is listed once, with its path (e.g. op schema -> aandacht -> op schema),
  the status at the previous meeting (`from_status`), at this meeting (`to_status`) and `net_change`
  (from != to). A change that was undone within the window is therefore listed, marked as no net change,
  so the group sees it happened, while the headline count of status changes counts net changes only.
- Oorzaak/gevolg/maatregel: an orange or red update in the window whose explanation is new (the
  project's previous update had none) or differs from the previous update's.
- Milestones: completed = done on or before the meeting but not on the previous date; missed = overdue
  on the meeting date (due before it, not done by then) but not yet overdue on the previous date.
- Measurements: a measurement of year Y is known from 1 January of Y (domain.targets), so the new ones
  are those of the years after the previous date's year up to the meeting's year. Target status changes
  compare domain.targets' assessment on both dates.
- Central budget: decisions dated in the window, plus audited edits of allocations (audit_log updates
  of budget_allocation) made in the window.
- Charter: the charter keeps no status history, so status changes are the audited edits of
  charter_agreement (audit_log updates whose old and new values carry a different status) in the window.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import pandas as pd

from .milestones import milestone_state
from .project_status import project_status
from .targets import TrajectorySettings, assess_targets

RED_ORANGE = ("aandacht", "vertraagd")
EXPLANATION = ("oorzaak", "gevolg", "maatregel")


@dataclass(frozen=True)
class ProgrammeFrames:
    """The frames of one programme, as data_access reads them (restricted to the programme)."""

    projects: pd.DataFrame  # queries.projects
    updates: pd.DataFrame  # queries.status_updates (of these projects)
    milestones: pd.DataFrame  # queries.milestones (of these projects)
    project_partners: pd.DataFrame  # queries.project_partners (of these projects)
    wijken: pd.DataFrame  # queries.wijken
    targets: pd.DataFrame  # queries.targets
    indicators: pd.DataFrame  # queries.indicators (all)
    measurements: pd.DataFrame  # queries.measurements (of the programme's city)
    allocations: pd.DataFrame  # queries.budget_allocations
    charter: pd.DataFrame  # queries.charter_agreements
    charter_partners: pd.DataFrame  # queries.charter_partners
    audit: pd.DataFrame = field(  # audit rows: at, table_name, action, row_key, old_values, new_values
        default_factory=lambda: pd.DataFrame(
            columns=["at", "actor", "action", "table_name", "row_key", "old_values", "new_values"]
        )
    )


READS = (
    "projects",
    "status_updates",
    "milestones",
    "project_partners",
    "wijken",
    "targets",
    "indicators",
    "measurements",
    "budget_allocations",
    "charter_agreements",
    "charter_partners",
    "audit_changes",
)


def programme_frames(read, programme_code: str, city: str) -> ProgrammeFrames:
    """The frames of one programme; `read(name)` returns the whole frame of a read in READS."""
    projects = read("projects")
    projects = projects[projects["programme_code"] == programme_code].reset_index(drop=True)
    codes = set(projects["code"])

    def of_projects(name: str) -> pd.DataFrame:
        frame = read(name)
        return frame[frame["project_code"].isin(codes)].reset_index(drop=True)

    def of_programme(name: str) -> pd.DataFrame:
        frame = read(name)
        return frame[frame["programme_code"] == programme_code].reset_index(drop=True)

    measurements = read("measurements")
    return ProgrammeFrames(
        projects=projects,
        updates=of_projects("status_updates"),
        milestones=of_projects("milestones"),
        project_partners=of_projects("project_partners"),
        wijken=of_programme("wijken"),
        targets=of_programme("targets"),
        indicators=read("indicators"),
        measurements=measurements[measurements["city"] == city].reset_index(drop=True),
        allocations=of_programme("budget_allocations"),
        charter=of_programme("charter_agreements"),
        charter_partners=of_programme("charter_partners"),
        audit=read("audit_changes"),
    )


def in_window(dates: pd.Series, previous: dt.date, meeting: dt.date) -> pd.Series:
    """True for dates after `previous` and on or before `meeting`."""
    return (dates > pd.Timestamp(previous)) & (dates <= pd.Timestamp(meeting))


def _wijk_names(wijken: pd.DataFrame) -> pd.DataFrame:
    return wijken[["code", "name"]].rename(columns={"code": "wijk_code", "name": "wijk_name"})


def _project_context(projects: pd.DataFrame) -> pd.DataFrame:
    return projects[["code", "title", "wijk_code", "wijk_name", "lead_partner_code", "lead_partner_name"]].rename(
        columns={"code": "project_code", "title": "project_title"}
    )


STATUS_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_code",
    "lead_partner_name",
    "from_status",
    "to_status",
    "path",
    "steps",
    "net_change",
    "changed_on",
]


def status_changes(projects: pd.DataFrame, updates: pd.DataFrame, previous: dt.date, meeting: dt.date) -> pd.DataFrame:
    """One row per project whose status changed at least once in the window (see the module rules)."""
    before = project_status(projects, updates, previous).set_index("code")["status"]
    window = updates[in_window(updates["update_date"], previous, meeting)].sort_values(["project_code", "update_date"])
    rows = []
    for code, group in window.groupby("project_code", sort=True):
        if code not in before.index:
            continue
        path = [before[code]]
        last_change = None
        for u in group.itertuples(index=False):
            if u.status != path[-1]:
                path.append(u.status)
                last_change = u.update_date
        if len(path) > 1:
            rows.append(
                {
                    "project_code": code,
                    "from_status": path[0],
                    "to_status": path[-1],
                    "path": " → ".join(path),
                    "steps": len(path) - 1,
                    "net_change": path[0] != path[-1],
                    "changed_on": last_change,
                }
            )
    if not rows:
        return pd.DataFrame(columns=STATUS_COLUMNS)
    out = pd.DataFrame(rows).merge(_project_context(projects), on="project_code", how="left")
    out["changed_on"] = pd.to_datetime(out["changed_on"])
    return out[STATUS_COLUMNS].sort_values(["wijk_name", "project_code"]).reset_index(drop=True)


EXPLANATION_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_code",
    "lead_partner_name",
    "update_date",
    "status",
    "kind",
    "oorzaak",
    "gevolg",
    "maatregel",
]


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def explanation_changes(
    projects: pd.DataFrame, updates: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> pd.DataFrame:
    """Orange/red updates in the window with a new ('nieuw') or different ('gewijzigd') explanation."""
    touched = set(updates.loc[in_window(updates["update_date"], previous, meeting), "project_code"])
    ordered = updates[updates["project_code"].isin(touched & set(projects["code"]))]
    ordered = ordered[ordered["update_date"] <= pd.Timestamp(meeting)].sort_values(["project_code", "update_date"])
    rows = []
    for code, group in ordered.groupby("project_code", sort=True):
        prior: tuple[str, str, str] = ("", "", "")
        for u in group.itertuples(index=False):
            texts = tuple(_text(getattr(u, f)) for f in EXPLANATION)
            current = texts if u.status in RED_ORANGE else ("", "", "")
            within = pd.Timestamp(previous) < u.update_date <= pd.Timestamp(meeting)
            if within and u.status in RED_ORANGE and any(texts) and current != prior:
                kind = "nieuw" if not any(prior) else "gewijzigd"
                rows.append(
                    {"project_code": code, "update_date": u.update_date, "status": u.status, "kind": kind}
                    | dict(zip(EXPLANATION, texts, strict=True))
                )
            prior = current
    if not rows:
        return pd.DataFrame(columns=EXPLANATION_COLUMNS)
    out = pd.DataFrame(rows).merge(_project_context(projects), on="project_code", how="left")
    return out[EXPLANATION_COLUMNS].sort_values(["wijk_name", "project_code", "update_date"]).reset_index(drop=True)


MILESTONE_COLUMNS = [
    "project_code",
    "project_title",
    "wijk_code",
    "wijk_name",
    "lead_partner_code",
    "lead_partner_name",
    "milestone",
    "due_date",
    "done_date",
    "late",
]


def milestone_changes(
    projects: pd.DataFrame, milestones: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(completed, missed) in the window; `late` marks a completion after the due date."""
    ms = milestones[milestones["project_code"].isin(projects["code"])]
    then = milestone_state(ms, previous)
    now = milestone_state(ms, meeting)
    completed = ms[now["done"] & ~then["done"]]
    missed = ms[now["overdue"] & ~then["overdue"]]

    def shape(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.rename(columns={"title": "milestone"}).merge(
            _project_context(projects), on="project_code", how="left"
        )
        out["late"] = out["done_date"].isna() | (out["done_date"] > out["due_date"])
        return out.reindex(columns=MILESTONE_COLUMNS).sort_values(["wijk_name", "due_date"]).reset_index(drop=True)

    # A completion after the meeting was not known at it.
    missed = missed.assign(done_date=missed["done_date"].where(missed["done_date"] <= pd.Timestamp(meeting)))
    return shape(completed), shape(missed)


MEASUREMENT_COLUMNS = ["wijk_code", "wijk_name", "indicator_code", "indicator_name", "unit", "year", "value"]
TARGET_CHANGE_COLUMNS = [
    "wijk_code",
    "wijk_name",
    "indicator_code",
    "indicator_name",
    "status_before",
    "status_after",
    "latest_year",
    "latest_value",
    "target_year",
    "target_value",
]


def new_measurements(
    wijken: pd.DataFrame, indicators: pd.DataFrame, measurements: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> pd.DataFrame:
    """Wijk measurements that became known in the window (years after previous.year up to meeting.year)."""
    rows = measurements[
        measurements["wijk_code"].isin(wijken["code"])
        & (measurements["year"] > previous.year)
        & (measurements["year"] <= meeting.year)
    ]
    out = rows.merge(_wijk_names(wijken), on="wijk_code")
    out = out.merge(
        indicators[["code", "name", "unit"]].rename(columns={"code": "indicator_code", "name": "indicator_name"}),
        on="indicator_code",
        how="left",
    )
    return (
        out.reindex(columns=MEASUREMENT_COLUMNS)
        .sort_values(["wijk_name", "indicator_name", "year"])
        .reset_index(drop=True)
    )


def target_changes(
    wijken: pd.DataFrame,
    targets: pd.DataFrame,
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    previous: dt.date,
    meeting: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> pd.DataFrame:
    """Targets whose status on the meeting date differs from the status on the previous date."""
    if targets.empty:
        return pd.DataFrame(columns=TARGET_CHANGE_COLUMNS)
    then = assess_targets(targets, indicators, measurements, previous, settings)
    now = assess_targets(targets, indicators, measurements, meeting, settings)
    out = now.assign(status_before=then["status"].to_numpy(), status_after=now["status"])
    out = out[out["status_before"] != out["status_after"]]
    out = out.merge(_wijk_names(wijken), on="wijk_code")
    out = out.merge(
        indicators[["code", "name"]].rename(columns={"code": "indicator_code", "name": "indicator_name"}),
        on="indicator_code",
        how="left",
    )
    return (
        out.reindex(columns=TARGET_CHANGE_COLUMNS).sort_values(["wijk_name", "indicator_name"]).reset_index(drop=True)
    )


BUDGET_COLUMNS = ["code", "wijk_code", "wijk_name", "category", "title", "requested", "approved", "date", "change"]


def _outcome(requested: float, approved: float) -> str:
    if approved <= 0:
        return "afgewezen"
    if approved < requested:
        return "deels toegekend"
    return "toegekend"


def _values(text) -> dict:
    if text is None or (isinstance(text, float) and pd.isna(text)) or text == "":
        return {}
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def audited_updates(audit: pd.DataFrame, table: str, previous: dt.date, meeting: dt.date) -> pd.DataFrame:
    """Audit rows that changed an existing row of `table` in the window (an edit, or an import that updated
    it; both log the old values), with parsed `old` and `new` dicts."""
    if audit.empty:
        return audit.assign(old=[], new=[])
    at = pd.to_datetime(audit["at"]).dt.normalize()
    rows = audit[
        (audit["table_name"] == table)
        & audit["action"].isin(("update", "import"))
        & audit["old_values"].notna()
        & in_window(at, previous, meeting)
    ]
    rows = rows.assign(
        at=pd.to_datetime(rows["at"]),
        old=[_values(v) for v in rows["old_values"]],
        new=[_values(v) for v in rows["new_values"]],
    )
    return rows.sort_values("at")


def _describe(old: dict, new: dict) -> str:
    parts = []
    for key in sorted(set(old) | set(new)):
        if key == "version" or old.get(key) == new.get(key):
            continue
        parts.append(f"{key}: {old.get(key, '–')} → {new.get(key, '–')}")
    return "; ".join(parts)


def budget_changes(
    allocations: pd.DataFrame, wijken: pd.DataFrame, audit: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> pd.DataFrame:
    """Decisions dated in the window ('toegekend', 'deels toegekend', 'afgewezen') and audited edits."""
    names = wijken.set_index("code")["name"].to_dict()
    rows = []
    decided = allocations[in_window(allocations["decision_date"], previous, meeting)]
    for a in decided.itertuples(index=False):
        rows.append(
            {
                "code": a.code,
                "wijk_code": a.wijk_code,
                "category": a.category,
                "title": a.title,
                "requested": float(a.requested),
                "approved": float(a.approved),
                "date": a.decision_date,
                "change": "besluit: " + _outcome(float(a.requested), float(a.approved)),
            }
        )
    current = allocations.set_index("code")
    for r in audited_updates(audit, "budget_allocation", previous, meeting).itertuples(index=False):
        code = r.new.get("code") or r.old.get("code") or r.row_key
        if code not in current.index:
            continue  # another programme's allocation, or one removed since
        a = current.loc[code]
        rows.append(
            {
                "code": code,
                "wijk_code": a["wijk_code"],
                "category": a["category"],
                "title": a["title"],
                "requested": float(a["requested"]),
                "approved": float(a["approved"]),
                "date": r.at.normalize(),
                "change": "gewijzigd: " + _describe(r.old, r.new),
            }
        )
    if not rows:
        return pd.DataFrame(columns=BUDGET_COLUMNS)
    out = pd.DataFrame(rows)
    out["wijk_name"] = [names.get(w, "") if isinstance(w, str) else "" for w in out["wijk_code"]]
    out["date"] = pd.to_datetime(out["date"])
    return out[BUDGET_COLUMNS].sort_values(["date", "code"]).reset_index(drop=True)


CHARTER_COLUMNS = ["number", "theme", "text", "party", "status_before", "status_after", "date", "partner_names"]


def _charter_number(row_key: str, old: dict, new: dict) -> int | None:
    for values in (new, old):
        if values.get("number") is not None:
            try:
                return int(values["number"])
            except (TypeError, ValueError):
                pass
    found = re.findall(r"\d+", str(row_key))
    return int(found[-1]) if found else None


def charter_changes(
    charter: pd.DataFrame, charter_partners: pd.DataFrame, audit: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> pd.DataFrame:
    """Status changes of the programme's charter agreements, from the audit log (see module rules)."""
    if charter.empty:
        return pd.DataFrame(columns=CHARTER_COLUMNS)
    programme = charter["programme_code"].iloc[0]
    current = charter.set_index("number")
    partners = charter_partners[charter_partners["programme_code"] == programme].groupby("number")["partner_name"]
    names = partners.agg(lambda s: ", ".join(sorted(s))).to_dict()
    rows = []
    for r in audited_updates(audit, "charter_agreement", previous, meeting).itertuples(index=False):
        if "status" not in r.old or "status" not in r.new or r.old["status"] == r.new["status"]:
            continue
        # The programme comes from the logged values, else from the row key (e.g. "AMSTERDAM-WA/12").
        owner = r.new.get("programme_code") or r.old.get("programme_code")
        in_programme = owner == programme if owner else programme in str(r.row_key)
        number = _charter_number(r.row_key, r.old, r.new)
        if not in_programme or number is None or number not in current.index:
            continue
        a = current.loc[number]
        rows.append(
            {
                "number": number,
                "theme": a["theme"],
                "text": a["text"],
                "party": a["party"],
                "status_before": r.old["status"],
                "status_after": r.new["status"],
                "date": r.at.normalize(),
                "partner_names": names.get(number, ""),
            }
        )
    if not rows:
        return pd.DataFrame(columns=CHARTER_COLUMNS)
    return pd.DataFrame(rows)[CHARTER_COLUMNS].sort_values(["date", "number"]).reset_index(drop=True)


@dataclass(frozen=True)
class Changes:
    status: pd.DataFrame
    explanations: pd.DataFrame
    milestones_completed: pd.DataFrame
    milestones_missed: pd.DataFrame
    measurements: pd.DataFrame
    targets: pd.DataFrame
    budget: pd.DataFrame
    charter: pd.DataFrame

    @property
    def net_status_changes(self) -> int:
        return int(self.status["net_change"].sum()) if not self.status.empty else 0


def changes_since(
    frames: ProgrammeFrames,
    previous: dt.date,
    meeting: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> Changes:
    if previous >= meeting:
        raise ValueError("de vorige vergadering moet voor de vergaderdatum liggen")
    f = frames
    completed, missed = milestone_changes(f.projects, f.milestones, previous, meeting)
    return Changes(
        status=status_changes(f.projects, f.updates, previous, meeting),
        explanations=explanation_changes(f.projects, f.updates, previous, meeting),
        milestones_completed=completed,
        milestones_missed=missed,
        measurements=new_measurements(f.wijken, f.indicators, f.measurements, previous, meeting),
        targets=target_changes(f.wijken, f.targets, f.indicators, f.measurements, previous, meeting, settings),
        budget=budget_changes(f.allocations, f.wijken, f.audit, previous, meeting),
        charter=charter_changes(f.charter, f.charter_partners, f.audit, previous, meeting),
    )


SUMMARY_KINDS = {
    "status": "Statuswijzigingen",
    "explanations": "Oorzaak/gevolg/maatregel",
    "milestones_completed": "Mijlpalen gehaald",
    "milestones_missed": "Mijlpalen gemist",
    "targets": "Doelstatus gewijzigd",
    "budget": "Budgetwijzigingen",
}


def by_wijk(changes: Changes, wijken: pd.DataFrame) -> pd.DataFrame:
    """Per wijk (every wijk of the programme, in name order): the number of changes of each kind."""
    out = _wijk_names(wijken).set_index("wijk_code")
    for attr in SUMMARY_KINDS:
        frame = getattr(changes, attr)
        out[attr] = frame.groupby("wijk_code").size() if not frame.empty else 0
    counts = list(SUMMARY_KINDS)
    out[counts] = out[counts].fillna(0).astype(int)
    out["total"] = out[counts].sum(axis=1)
    return out.sort_values("wijk_name").reset_index()


PARTNER_KINDS = ("status", "explanations", "milestones_completed", "milestones_missed")


def by_partner(changes: Changes, project_partners: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """Per partner involved (lead or contributor) in a changed project: counts per kind, charter included.

    Only partners with at least one change are listed, most changes first.
    """
    links = pd.concat(
        [
            project_partners[["project_code", "partner_code", "partner_name"]],
            projects[["code", "lead_partner_code", "lead_partner_name"]].set_axis(
                ["project_code", "partner_code", "partner_name"], axis=1
            ),
        ]
    ).drop_duplicates(["project_code", "partner_code"])
    counts = {}
    for attr in PARTNER_KINDS:
        frame = getattr(changes, attr)
        if frame.empty:
            continue
        joined = frame[["project_code"]].merge(links, on="project_code")
        counts[attr] = joined.groupby(["partner_code", "partner_name"]).size()
    columns = ["partner_code", "partner_name", *PARTNER_KINDS, "total"]
    if not counts:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(counts).reindex(columns=list(PARTNER_KINDS)).fillna(0).astype(int)
    out["total"] = out.sum(axis=1)
    out = out.reset_index().sort_values(["total", "partner_name"], ascending=[False, True])
    return out[columns].reset_index(drop=True)
