"""The peildatum: the date from which everything time-dependent is judged."""

from __future__ import annotations

import datetime as dt


def default_reference_date(last_data_date: dt.date | None, today: dt.date) -> dt.date:
    """Today, or the last date in the data when the data ends earlier (as historical data does)."""
    if last_data_date is None:
        return today
    return min(today, last_data_date)
