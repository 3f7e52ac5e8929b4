"""Garbage-collector settings for the server process, where every session's script runs under one GIL.

A full collection walks every object the collector tracks; with pandas, Altair (and its schema) and
SQLAlchemy loaded that took 0.3 to 0.7 s, during which no session's page could run. What exists when the
first page runs (modules, classes, the loaded libraries) lives as long as the process, so it is frozen out
of the collector, and the youngest generation is collected less often. Measured with 20 sessions
(benchmarks/load_test.py): a quarter more page runs per second, less than half the time in collections.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # Python's default is 700 allocations

_tuned = False


def tune_once() -> None:
    """On the first call in a process: one full collection, freeze what is left, raise the threshold."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
