"""Reading the audit log (writing it is `audit.Writer.log`, inside every write transaction)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from .models import AuditLog

COLUMNS = ("id", "at", "actor", "action", "table_name", "row_key", "old_values", "new_values")


def audit_frame(engine: Engine) -> pd.DataFrame:
    """Every audit entry, newest first; `at` is UTC."""
    columns = [getattr(AuditLog, c) for c in COLUMNS]
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(AuditLog.id.desc())).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=list(COLUMNS))
    frame["at"] = pd.to_datetime(frame["at"])
    return frame
