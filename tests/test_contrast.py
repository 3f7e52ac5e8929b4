"""The theme's colours meet the WCAG 2.1 AA contrast minimums (1.4.3 text 4.5:1, 1.4.11 controls 3:1)."""

from __future__ import annotations

import tomllib

import pytest

from data_access.config import PROJECT_ROOT
from tests.a11y import blend, contrast_ratio
from ui import style

THEME = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
# Streamlit draws captions, help texts and placeholders in the text colour at 60% opacity.
CAPTION_OPACITY = 0.6


def test_contrast_maths_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert blend("#000000", "#ffffff", 0.5) == "#808080"


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_text_and_captions_are_readable(background):
    bg = THEME[background]
    assert contrast_ratio(THEME["textColor"], bg) >= 7.0  # AAA even, for body text
    caption = blend(THEME["textColor"], bg, CAPTION_OPACITY)
    assert contrast_ratio(caption, bg) >= 4.5, (caption, bg)


def test_primary_colour_works_as_text_and_as_button():
    assert contrast_ratio(THEME["primaryColor"], THEME["backgroundColor"]) >= 4.5  # links, active nav item
    assert contrast_ratio(THEME["primaryColor"], THEME["secondaryBackgroundColor"]) >= 4.5
    assert contrast_ratio("#ffffff", THEME["primaryColor"]) >= 4.5  # white text on a primary button


def test_status_never_by_colour_alone():
    # Every status colour has a text label (and a symbol in tables) naming the status.
    for status in style.PROJECT_STATUS_COLOURS:
        assert status in style.PROJECT_STATUS_LABELS[status]
        assert style.project_status_display(status).endswith(style.PROJECT_STATUS_LABELS[status])
    assert len(set(style.PROJECT_STATUS_SYMBOLS.values())) == len(style.PROJECT_STATUS_SYMBOLS)
    for status in style.CHARTER_STATUS_COLOURS:
        assert status in style.charter_status_display(status)


def test_links_in_static_tables_use_the_checked_primary_colour():
    from ui.html_table import CSS, LINK_COLOUR

    assert THEME["primaryColor"] == LINK_COLOUR and f".wd-table a {{color: {LINK_COLOUR};}}" in CSS
