"""Status colours (Okabe-Ito palette, distinguishable with colour blindness) and Dutch labels.

Colour is never the only carrier: every chart and table also shows the status as text.
"""

from __future__ import annotations

PROJECT_STATUS_COLOURS = {
    "niet gestart": "#BBBBBB",
    "op schema": "#009E73",
    "aandacht": "#E69F00",
    "vertraagd": "#D55E00",
    "afgerond": "#0072B2",
    "gestopt": "#555555",
}
PROJECT_STATUS_LABELS = {
    "niet gestart": "niet gestart",
    "op schema": "op schema (groen)",
    "aandacht": "aandacht (oranje)",
    "vertraagd": "vertraagd (rood)",
    "afgerond": "afgerond",
    "gestopt": "gestopt",
}
TARGET_STATUS_COLOURS = {
    "gehaald": "#0072B2",
    "op koers": "#009E73",
    "risico": "#E69F00",
    "niet op koers": "#D55E00",
    "geen recente meting": "#BBBBBB",
}
# Text symbols for tables, so status reads without colour.
PROJECT_STATUS_SYMBOLS = {
    "niet gestart": "○",
    "op schema": "●",
    "aandacht": "▲",
    "vertraagd": "■",
    "afgerond": "✔",
    "gestopt": "✖",
}


def project_status_display(status: str) -> str:
    return f"{PROJECT_STATUS_SYMBOLS[status]} {PROJECT_STATUS_LABELS[status]}"


# Charter agreements: same palette, own statuses.
CHARTER_STATUS_COLOURS = {
    "niet gestart": "#BBBBBB",
    "in uitvoering": "#009E73",
    "vertraagd": "#D55E00",
    "afgerond": "#0072B2",
}
CHARTER_STATUS_SYMBOLS = {"niet gestart": "○", "in uitvoering": "●", "vertraagd": "■", "afgerond": "✔"}
CHARTER_PARTY_LABELS = {"gemeente": "gemeente", "rijk": "Rijk", "beide": "gemeente en Rijk"}


def charter_status_display(status: str) -> str:
    return f"{CHARTER_STATUS_SYMBOLS.get(status, '·')} {status}"
