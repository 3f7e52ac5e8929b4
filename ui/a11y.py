"""Accessibility fixes the app applies on every page."""

from __future__ import annotations

import streamlit as st

from .html_table import CSS as HTML_TABLE_CSS
from .static_chart import CSS as CHART_CSS
from .wijk_targets import CARD_CSS

# A wide static table (ui/html_table.py) scrolls sideways in its own box, which keyboard users
# can only scroll when it can take focus (WCAG 2.1.1, axe: scrollable-region-focusable); the box has no
# tabindex, so the page adds one, with a name, to the boxes that overflow.
_SCROLLABLE_TABLES = """<script>
(() => {
  if (window.__tableBoxesWatched) return;  // the element runs again on every rerun
  window.__tableBoxesWatched = true;
  let queued = false;
  const mark = () => {
    queued = false;
    for (const box of document.querySelectorAll(".wd-table-box, .wd-scroll")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        const what = box.classList.contains('wd-scroll') ? 'Grafiek' : 'Tabel';
        box.setAttribute('aria-label', what + ', horizontaal te schuiven');
      } else if (!scrolls && box.getAttribute('role') === 'region') {
        box.removeAttribute('tabindex'); box.removeAttribute('role'); box.removeAttribute('aria-label');
      }
    }
  };
  const queue = () => { if (!queued) { queued = true; requestAnimationFrame(mark); } };
  new MutationObserver(queue).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('resize', queue);
  queue();
})();
</script>"""

# Streamlit hard-codes <html lang="en"> (streamlit/streamlit#15726, open), so screen readers would read the Dutch
# pages with English pronunciation (WCAG 3.1.1). The script sets the document language; the style hides the
# otherwise empty element it lives in (no other st.html in the app runs a script). The same style element
# carries the styles of the static tables and charts.
_DOCUMENT_LANGUAGE = (
    "<script>document.documentElement.lang = 'nl';</script>"
    + _SCROLLABLE_TABLES
    + "<style>[data-testid='stElementContainer']:has(> [data-testid='stHtml'] > script)"
    "{display: none;}"
    f"{CHART_CSS}{HTML_TABLE_CSS}{CARD_CSS}</style>"
)


def document_language() -> None:
    """Declare the page language as Dutch (nl)."""
    st.html(_DOCUMENT_LANGUAGE, unsafe_allow_javascript=True)
