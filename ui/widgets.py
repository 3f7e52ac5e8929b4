"""Small shared page elements."""

from __future__ import annotations

import streamlit as st

from domain.targets import TrajectorySettings

from . import format as fmt


def target_rule_caption(settings: TrajectorySettings = TrajectorySettings()) -> None:  # noqa: B008
    st.caption(
        "Regel: de laatste meting wordt vergeleken met de rechte lijn van nulmeting naar doel in het jaar van "
        "die meting (richting telt mee: bij 'lager is beter' is een lagere waarde beter). "
        "**Gehaald**: doelwaarde bereikt. **Op koers**: op of voor de lijn. "
        f"**Risico**: achter de lijn, maar hoogstens {fmt.percent(settings.risk_tolerance, 0)} van de beoogde "
        "verandering. **Niet op koers**: verder achter, of doeljaar voorbij zonder het doel. "
        "**Geen recente meting**: geen meting na de nulmeting, of de laatste is ouder dan het meetinterval."
    )
