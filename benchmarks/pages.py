"""The dashboard's pages, read from the PAGES list in dashboard.py, so pages added later are included."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from urllib.parse import urlencode

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


@dataclass(frozen=True)
class Variant:
    """A state of a page to measure: `label` follows the page title in reports, `params` go in the URL."""

    label: str
    params: dict


def measured_variants(engine, page: PageRef) -> list[Variant]:
    """The states of `page` worth timing. A page opened on the default selection can show only a prompt
    ("kies een wijk") or a notice ("geen charter"); timing that alone would flatter it, so such pages are
    also (Wijkprofiel, Doelen) or only (Charter) measured with their content."""
    from sqlalchemy import text

    def first(sql: str) -> str:
        with engine.connect() as conn:
            value = conn.execute(text(sql)).scalar()
        if value is None:
            raise RuntimeError(f"{page.title} meten kan niet: de gegevens missen wat de pagina toont ({sql})")
        return value

    if page.path in ("pages/wijkprofiel.py", "pages/doelen.py"):
        wijk = first("SELECT min(wijk_code) FROM target")
        return [Variant(" (alle wijken)", {}), Variant(" (één wijk)", {"wijk": wijk})]
    if page.path == "pages/charter.py":
        return [Variant(" (met charter)", {"programma": first("SELECT min(programme_code) FROM charter_agreement")})]
    return [Variant("", {})]


def session_links(engine, sessions: int, instances: int = 1) -> list[str]:
    """The URL query each load-test session opens the app with. Half open it as it is (the first programme,
    all wijken); the others follow a link to a wijk with targets in a programme with a charter, each session
    another wijk where there are enough, so the wijk pages show their content and not all caches are shared.
    Session n runs on instance n mod `instances`; each instance gets both kinds in turn."""
    from sqlalchemy import text

    with engine.connect() as conn:
        wijken = list(
            conn.execute(
                text(
                    "SELECT DISTINCT t.wijk_code FROM target t JOIN wijk w ON w.code = t.wijk_code "
                    "WHERE w.programme_code = (SELECT min(programme_code) FROM charter_agreement) ORDER BY 1"
                )
            ).scalars()
        )
    if not wijken:
        raise RuntimeError("de gegevens hebben geen programma met charter en doelen per wijk")
    links = []
    for n in range(sessions):
        turn = n // instances  # the how-manieth session of its instance
        wijk = wijken[sum(1 for link in links if link) % len(wijken)]
        links.append("" if turn % 2 == 0 else urlencode({"wijk": wijk}))
    return links
