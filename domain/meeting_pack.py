"""The steering-group pack: headline figures, changes since the previous meeting and the agenda.

One `MeetingPack` feeds the page, the PDF, the Excel workbook and the CSV files, and is stored with the
meeting (JSON, `to_json`) so an earlier meeting can be reopened as it was. Its `fingerprint` covers the
figures, changes and agenda points computed from the data; the decisions and actions are not part of it
(they have their own table and history), so a reopened meeting can tell whether the data changed since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import pandas as pd

from .agenda import Agenda, build_agenda
from .changes import Changes, ProgrammeFrames, by_partner, by_wijk, changes_since
from .milestones import milestone_state
from .project_status import STATUSES, project_status, status_counts
from .targets import TARGET_STATUSES, TrajectorySettings, assess_targets, target_status_counts

FORMAT = 1
DEFAULT_INTERVAL_DAYS = 7
# Depend on the decision/action log, not on the programme data: left out of the fingerprint.
ITEM_DEPENDENT = ("open_actions",)

# Tables of the pack in their order: the agenda first, then the changes, then the summaries.
AGENDA_TABLES = ("red_orange", "overdue_milestones", "stale", "targets_off_course", "overdue_charter")
CHANGE_TABLES = (
    "status",
    "explanations",
    "milestones_completed",
    "milestones_missed",
    "measurements",
    "targets",
    "budget",
    "charter",
)
SUMMARY_TABLES = ("by_wijk", "by_partner", "project_status_counts", "target_status_counts")


def default_previous_date(meeting_dates: list[dt.date], meeting: dt.date) -> dt.date:
    """The last recorded meeting before `meeting`, or one week earlier when there is none."""
    earlier = [d for d in meeting_dates if d < meeting]
    return max(earlier) if earlier else meeting - dt.timedelta(days=DEFAULT_INTERVAL_DAYS)


@dataclass
class MeetingPack:
    programme_code: str
    programme_name: str
    city: str
    meeting_date: dt.date
    previous_date: dt.date
    headline: dict[str, float] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    stored_fingerprint: str | None = None  # the fingerprint when it was stored (from_json)

    # ------------------------------------------------------------ storage

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "programme_code": self.programme_code,
                "programme_name": self.programme_name,
                "city": self.city,
                "meeting_date": self.meeting_date.isoformat(),
                "previous_date": self.previous_date.isoformat(),
                "headline": self.headline,
                "tables": {name: _frame_to_json(frame) for name, frame in self.tables.items()},
                "fingerprint": self.fingerprint(),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> MeetingPack:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"onbekend formaat van het vastgelegde beeld: {data.get('format')!r}")
        return cls(
            programme_code=data["programme_code"],
            programme_name=data["programme_name"],
            city=data["city"],
            meeting_date=dt.date.fromisoformat(data["meeting_date"]),
            previous_date=dt.date.fromisoformat(data["previous_date"]),
            headline=data["headline"],
            tables={name: _frame_from_json(spec) for name, spec in data["tables"].items()},
            stored_fingerprint=data["fingerprint"],
        )

    def fingerprint(self) -> str:
        content = {
            "headline": {k: v for k, v in self.headline.items() if k not in ITEM_DEPENDENT},
            "tables": {n: _frame_to_json(f) for n, f in sorted(self.tables.items()) if n not in ITEM_DEPENDENT},
            "dates": [self.meeting_date.isoformat(), self.previous_date.isoformat()],
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    # ------------------------------------------------------------ access

    def table(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def changes(self) -> Changes:
        return Changes(**{name: self.tables[name] for name in CHANGE_TABLES})


def _cell(value):
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and pd.isna(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _frame_to_json(frame: pd.DataFrame) -> dict:
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    return {
        "columns": [str(c) for c in frame.columns],
        "dates": dates,
        "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }


def _frame_from_json(spec: dict) -> pd.DataFrame:
    frame = pd.DataFrame(spec["rows"], columns=spec["columns"], dtype=object)
    for column in spec["columns"]:
        if column in spec["dates"]:
            frame[column] = pd.to_datetime(frame[column])
        else:
            frame[column] = frame[column].infer_objects()
    return frame


def headline_figures(
    frames: ProgrammeFrames,
    meeting: dt.date,
    central_budget: float,
    changes: Changes,
    agenda: Agenda,
    settings: TrajectorySettings,
) -> tuple[dict[str, float], pd.Series, pd.Series]:
    """Headline numbers on the meeting date, plus project and target counts per status."""
    state = project_status(frames.projects, frames.updates, meeting)
    counts = status_counts(state["status"])
    if frames.targets.empty:
        target_counts = target_status_counts(pd.Series(dtype=object))
    else:
        assessed = assess_targets(frames.targets, frames.indicators, frames.measurements, meeting, settings)
        target_counts = target_status_counts(assessed["status"])
    decided = frames.allocations[frames.allocations["decision_date"] <= pd.Timestamp(meeting)]
    approved = float(decided["approved"].sum())
    ms = milestone_state(frames.milestones[frames.milestones["project_code"].isin(frames.projects["code"])], meeting)
    headline = {
        "projects": len(state),
        "running": int(state["status"].isin(["op schema", "aandacht", "vertraagd"]).sum()),
        "red": int(counts["vertraagd"]),
        "orange": int(counts["aandacht"]),
        "green": int(counts["op schema"]),
        "stale": int(state["stale"].sum()),
        "overdue_milestones": int(ms["overdue"].sum()),
        "targets": int(target_counts.sum()),
        "targets_off_course": int(target_counts["niet op koers"]),
        "central_budget": float(central_budget),
        "approved": approved,
        "available": float(central_budget) - approved,
        "net_status_changes": changes.net_status_changes,
        "status_changes_listed": len(changes.status),
        "milestones_completed": len(changes.milestones_completed),
        "milestones_missed": len(changes.milestones_missed),
        "open_actions": int((agenda.open_actions["status"] == "open").sum()) if not agenda.open_actions.empty else 0,
    }
    return headline, counts, target_counts


def build_pack(
    frames: ProgrammeFrames,
    items: pd.DataFrame,
    programme: dict,
    previous: dt.date,
    meeting: dt.date,
    settings: TrajectorySettings = TrajectorySettings(),  # noqa: B008
) -> MeetingPack:
    """`programme` has code, name, city, central_budget; `items` the programme's meeting items."""
    changes = changes_since(frames, previous, meeting, settings)
    agenda = build_agenda(frames, items, meeting, settings)
    headline, counts, target_counts = headline_figures(
        frames, meeting, programme["central_budget"], changes, agenda, settings
    )
    tables: dict[str, pd.DataFrame] = {name: getattr(agenda, name) for name in AGENDA_TABLES}
    tables["open_actions"] = agenda.open_actions
    tables.update({name: getattr(changes, name) for name in CHANGE_TABLES})
    tables["by_wijk"] = by_wijk(changes, frames.wijken)
    tables["by_partner"] = by_partner(changes, frames.project_partners, frames.projects)
    tables["project_status_counts"] = pd.DataFrame(
        {"status": list(STATUSES), "count": [int(counts[s]) for s in STATUSES]}
    )
    tables["target_status_counts"] = pd.DataFrame(
        {"status": list(TARGET_STATUSES), "count": [int(target_counts[s]) for s in TARGET_STATUSES]}
    )
    return MeetingPack(
        programme_code=programme["code"],
        programme_name=programme["name"],
        city=programme["city"],
        meeting_date=meeting,
        previous_date=previous,
        headline=headline,
        tables=tables,
    )
