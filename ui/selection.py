"""The shared selection (programme, wijk, peildatum): sidebar widgets backed by the URL.

The URL query parameters (?programma=...&wijk=...&peildatum=JJJJ-MM-DD) are the source on arrival, so a
link in a meeting agenda opens the same view; the entry script writes them back on every run, so they
survive page switches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from domain.reference_date import default_reference_date

from . import format as fmt
from .data import Snapshot

P_PROGRAMME, P_WIJK, P_DATE = "programma", "wijk", "peildatum"
# The selection lives in plain session-state keys (S_*), which survive page switches; the widgets (K_*)
# are loaded from them on every run and write back through their callbacks.
S_PROGRAMME, S_WIJK, S_DATE = "programme", "wijk", "reference_date"
K_PROGRAMME, K_WIJK, K_DATE = "w_programme", "w_wijk", "w_reference_date"
ALL_WIJKEN = ""
EARLIEST_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Selection:
    programme: pd.Series  # a row of programmes()
    wijk_code: str | None
    reference_date: dt.date

    @property
    def programme_code(self) -> str:
        return self.programme["code"]


def today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class _Choices:
    """What the sidebar offers, as plain lookups: built once per data version and shared by every session,
    because pandas lookups on the small frames cost ~25 ms per run on every page."""

    programmes: dict[str, pd.Series]  # code -> row of programmes(), in the read's order
    wijk_names: dict[str, dict[str, str]]  # programme code -> {wijk code: name}, in the read's order
    wijk_programme: dict[str, str]  # wijk code -> programme code


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared_choices(url: str, version: int) -> _Choices:
    snap = Snapshot.of_version(url, version)
    programmes = snap.frame("programmes")
    wijken = snap.frame("wijken")
    names: dict[str, dict[str, str]] = {code: {} for code in programmes["code"]}
    for code, name, programme in zip(wijken["code"], wijken["name"], wijken["programme_code"], strict=True):
        names.setdefault(programme, {})[code] = name
    return _Choices(
        programmes={row["code"]: row.rename(row["code"]) for _, row in programmes.iterrows()},
        wijk_names=names,
        wijk_programme=dict(zip(wijken["code"], wijken["programme_code"], strict=True)),
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared_default_date(url: str, version: int, programme_code: str, day: dt.date) -> dt.date:
    last = Snapshot.of_version(url, version).frame("last_data_dates", programme_code)
    last = last[last["programme_code"] == programme_code]["last"]
    last_date = last.iloc[0].date() if not last.empty and not pd.isna(last.iloc[0]) else None
    return default_reference_date(last_date, day)


def _default_date(snap: Snapshot, programme_code: str) -> dt.date:
    return _shared_default_date(snap.url, snap.version, programme_code, today())


def _parse_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _init_from_url(snap: Snapshot, choices: _Choices) -> None:
    """First run of a session: take the selection from the URL, reporting what cannot be used."""
    params = st.query_params
    codes = list(choices.programmes)
    programme = params.get(P_PROGRAMME)
    wijk = params.get(P_WIJK) or ALL_WIJKEN
    notes = []
    if wijk and wijk not in choices.wijk_programme:
        notes.append(f"De wijk '{wijk}' uit de link bestaat niet in de gegevens; alle wijken worden getoond.")
        wijk = ALL_WIJKEN
    if wijk:
        # A wijk determines its programme; a link with only ?wijk=... works too.
        programme = choices.wijk_programme[wijk]
    if programme and programme not in codes:
        notes.append(f"Het programma '{programme}' uit de link bestaat niet; het eerste programma wordt getoond.")
        programme = None
    programme = programme or codes[0]
    date_text = params.get(P_DATE)
    date = _parse_date(date_text)
    if date_text and date is None:
        notes.append(f"De peildatum '{date_text}' uit de link is geen datum (JJJJ-MM-DD); de standaard wordt gebruikt.")
    if date is not None and not (EARLIEST_DATE <= date <= today()):
        notes.append(f"De peildatum {fmt.date_long(date)} valt buiten het bereik; de standaard wordt gebruikt.")
        date = None
    st.session_state[S_PROGRAMME] = programme
    st.session_state[S_WIJK] = wijk
    st.session_state[S_DATE] = date or _default_date(snap, programme)
    st.session_state["sel_notes"] = notes


def choose_wijk(code: str) -> None:
    """Callback for elements outside the sidebar that select a wijk."""
    st.session_state[S_WIJK] = code


def _on_programme_change(snap: Snapshot) -> None:
    st.session_state[S_PROGRAMME] = st.session_state[K_PROGRAMME]
    st.session_state[S_WIJK] = ALL_WIJKEN
    st.session_state[S_DATE] = _default_date(snap, st.session_state[S_PROGRAMME])


def _copy(widget_key: str, store_key: str) -> None:
    if st.session_state[widget_key] is not None:  # a cleared date field keeps the last date
        st.session_state[store_key] = st.session_state[widget_key]


def _copy_value(value, store_key: str) -> None:
    st.session_state[store_key] = value


def sidebar(snap: Snapshot) -> Selection | None:
    """Render the selection widgets in the sidebar; None when the database holds no programme."""
    choices = _shared_choices(snap.url, snap.version)
    if not choices.programmes:
        return None
    if st.session_state.get(S_PROGRAMME) not in choices.programmes:
        _init_from_url(snap, choices)
    for note in st.session_state.pop("sel_notes", []):
        st.warning(note)
    programme_code = st.session_state[S_PROGRAMME]
    wijk_names = choices.wijk_names[programme_code]
    if st.session_state.get(S_WIJK) not in wijk_names and st.session_state.get(S_WIJK) != ALL_WIJKEN:
        st.session_state[S_WIJK] = ALL_WIJKEN
    default = _default_date(snap, programme_code)
    for widget_key, store_key in ((K_PROGRAMME, S_PROGRAMME), (K_WIJK, S_WIJK), (K_DATE, S_DATE)):
        st.session_state[widget_key] = st.session_state[store_key]

    programmes = choices.programmes
    st.sidebar.selectbox(
        "Programma",
        list(programmes),
        format_func=lambda c: programmes[c]["name"],
        key=K_PROGRAMME,
        on_change=_on_programme_change,
        args=(snap,),
    )
    st.sidebar.selectbox(
        "Wijk",
        [ALL_WIJKEN, *wijk_names],
        format_func=lambda c: "Alle wijken" if c == ALL_WIJKEN else wijk_names[c],
        key=K_WIJK,
        on_change=_copy,
        args=(K_WIJK, S_WIJK),
    )
    st.sidebar.date_input(
        "Peildatum",
        key=K_DATE,
        on_change=_copy,
        args=(K_DATE, S_DATE),
        min_value=EARLIEST_DATE,
        max_value=today(),
        format="DD-MM-YYYY",
        help="Alles wat van tijd afhangt (status, verouderd, over tijd) wordt op deze datum bepaald. "
        "Standaard: vandaag, of de laatste datum in de gegevens als die eerder ligt.",
    )
    reference_date = st.session_state[S_DATE]
    if reference_date != default:
        st.sidebar.caption(f"Standaard zou {fmt.date_long(default)} zijn.")
        st.sidebar.button("Terug naar standaard-peildatum", on_click=_copy_value, args=(default, S_DATE))
    else:
        st.sidebar.caption("Standaard: laatste datum in de gegevens of vandaag.")

    wijk_code = st.session_state[S_WIJK] or None
    # Only our own keys: pages add their own (widget-bound) filter parameters to the same URL.
    params = {P_PROGRAMME: programme_code, P_DATE: reference_date.isoformat(), P_WIJK: wijk_code}
    for key, value in params.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value
    return Selection(programmes[programme_code].copy(), wijk_code, reference_date)
