"""Accessibility checks in the browser: axe-core with the WCAG 2.1 A/AA rules, and colour contrast maths."""

from __future__ import annotations

from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@dataclass(frozen=True)
class KnownStreamlitViolation:
    """A violation caused by Streamlit itself that the app cannot work around; listed in the README."""

    rule: str
    selector: str  # a substring of the node's CSS target
    issue: str  # the Streamlit issue


# Exactly these rule + selector pairs are excluded. Empty while axe finds nothing in Streamlit's own markup on
# our pages; the workaround for streamlit/streamlit#15726 (<html lang="en">) lives in ui/a11y.py.
KNOWN_STREAMLIT_VIOLATIONS: tuple[KnownStreamlitViolation, ...] = ()

_AXE = Axe()


def _known(rule: str, target: str) -> bool:
    return any(k.rule == rule and k.selector in target for k in KNOWN_STREAMLIT_VIOLATIONS)


def axe_violations(page) -> list[str]:
    """Readable WCAG 2.1 A/AA violations on the page as it is now (known Streamlit ones left out)."""
    page.evaluate(_AXE.axe_script)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if _known(violation["id"], target):
                continue
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    element: {target}\n    html: {node['html'][:200]}\n    {summary[:400]}"
            )
    return found


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour like '#1a1a1a'."""
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def blend(foreground: str, background: str, opacity: float) -> str:
    """The colour seen when `foreground` is drawn with `opacity` over `background`."""
    f, b = foreground.lstrip("#"), background.lstrip("#")
    mixed = [round(int(f[i : i + 2], 16) * opacity + int(b[i : i + 2], 16) * (1 - opacity)) for i in (0, 2, 4)]
    return "#" + "".join(f"{c:02x}" for c in mixed)
