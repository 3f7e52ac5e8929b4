"""The Dutch reporting convention: an orange or red status says oorzaak, gevolg and maatregel."""

from __future__ import annotations

EXPLAINED_STATUSES = ("aandacht", "vertraagd")
EXPLANATION_FIELDS = ("oorzaak", "gevolg", "maatregel")


def missing_explanation(status: str, fields: dict[str, str | None]) -> list[str]:
    """The explanation fields an update with this status still lacks (empty when none are needed)."""
    if status not in EXPLAINED_STATUSES:
        return []
    return [name for name in EXPLANATION_FIELDS if not (fields.get(name) or "").strip()]
