"""The dashboard's pages, read from the PAGES list in dashboard.py, so pages added later are included."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from data_access.config import PROJECT_ROOT


@dataclass(frozen=True)
class PageRef:
    path: str  # e.g. "pages/overzicht.py"
    title: str


def dashboard_pages() -> list[PageRef]:
    """Every `st.Page("pages/x.py", title=...)` in dashboard.py, in source (navigation) order."""
    tree = ast.parse((PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                title = next(
                    (k.value.value for k in node.keywords if k.arg == "title" and isinstance(k.value, ast.Constant)),
                    first.value,
                )
                found.append((node.lineno, node.col_offset, PageRef(first.value, title)))
    return [ref for *_, ref in sorted(found, key=lambda t: (t[0], t[1]))]
