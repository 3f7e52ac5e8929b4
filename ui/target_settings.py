"""Which thresholds of the target rule apply: the defaults a beheerder saved, or a user's own trial.

A trial lives in the session only (st.session_state) and applies to every page of that session, so the
figures on Overzicht, Wijkprofiel and Doelen & indicatoren always agree with each other.
"""

from __future__ import annotations

import streamlit as st

from data_access.settings import settings_frame, values_from_frame
from domain.targets import TrajectorySettings, settings_from_values

from .data import Snapshot, register_read

register_read("settings", settings_frame)

S_TRIAL = "target_settings_trial"


def saved_settings(snap: Snapshot) -> TrajectorySettings:
    """The saved defaults (or the built-in ones when none are saved)."""
    return settings_from_values(values_from_frame(snap.frame("settings")))


def trial_settings() -> TrajectorySettings | None:
    trial = st.session_state.get(S_TRIAL)
    return trial if isinstance(trial, TrajectorySettings) else None


def effective_settings(snap: Snapshot) -> TrajectorySettings:
    return trial_settings() or saved_settings(snap)


def set_trial(settings: TrajectorySettings | None) -> None:
    if settings is None:
        st.session_state.pop(S_TRIAL, None)
    else:
        st.session_state[S_TRIAL] = settings


K_RISK, K_GRACE = "w_target_risk_pct", "w_target_grace_years"


def _apply_trial() -> None:
    set_trial(TrajectorySettings(st.session_state[K_RISK] / 100, int(st.session_state[K_GRACE])))
    st.session_state["target_settings_note"] = ("info", "Uw drempels gelden nu voor u, in deze sessie.")


def _reset(snap: Snapshot) -> None:
    set_trial(None)
    saved = saved_settings(snap)
    st.session_state[K_RISK] = round(saved.risk_tolerance * 100)
    st.session_state[K_GRACE] = saved.grace_years
    st.session_state["target_settings_note"] = ("info", "De standaarddrempels gelden weer.")


def _save_default(snap: Snapshot) -> None:
    from data_access.access import PermissionDenied
    from data_access.settings import SettingError, save_settings

    from . import auth
    from .data import engine

    values = {
        "target_risk_tolerance": st.session_state[K_RISK] / 100,
        "target_grace_years": int(st.session_state[K_GRACE]),
    }
    try:
        save_settings(engine(), auth.current_actor(), values)
    except (SettingError, PermissionDenied) as exc:
        st.session_state["target_settings_note"] = ("error", f"Niet opgeslagen: {exc}")
        return
    set_trial(None)
    st.session_state["target_settings_note"] = ("success", "Opgeslagen: deze drempels gelden nu voor iedereen.")


def settings_panel(snap: Snapshot, may_save: bool) -> TrajectorySettings:
    """Show and edit the thresholds; returns the settings in effect for this user."""
    saved = saved_settings(snap)
    current = effective_settings(snap)
    if K_RISK not in st.session_state:
        st.session_state[K_RISK] = round(current.risk_tolerance * 100)
        st.session_state[K_GRACE] = current.grace_years
    with st.form("target_settings"):
        c = st.columns(2)
        c[0].number_input(
            "Risicomarge (% van de beoogde verandering)",
            min_value=0,
            max_value=100,
            value=st.session_state[K_RISK],  # what the browser falls back to; Streamlit's own default is 0
            step=5,
            key=K_RISK,
            help="Hoe ver een meting achter de lijn mag liggen om nog 'risico' te heten; verder is 'niet op koers'.",
        )
        c[1].number_input(
            "Extra jaren voor een late meting",
            min_value=0,
            max_value=5,
            value=st.session_state[K_GRACE],
            step=1,
            key=K_GRACE,
            help="Een meting is verouderd als de volgende meting (na het meetinterval) te laat is; "
            "dit aantal jaar extra wordt gedoogd.",
        )
        b = st.columns(3)
        b[0].form_submit_button("Alleen voor mij toepassen", on_click=_apply_trial)
        b[1].form_submit_button("Terug naar de standaard", on_click=_reset, args=(snap,))
        if may_save:
            b[2].form_submit_button("Opslaan als standaard voor iedereen", on_click=_save_default, args=(snap,))
    note = st.session_state.pop("target_settings_note", None)
    if note:
        getattr(st, note[0])(note[1])
    st.caption(
        f"Standaard (opgeslagen door een beheerder): risicomarge {round(saved.risk_tolerance * 100)}%, "
        f"{saved.grace_years} extra jaar voor een late meting."
        + ("" if may_save else " Alleen een beheerder kan de standaard wijzigen.")
    )
    return current
