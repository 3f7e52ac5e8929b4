"""Named settings (table `setting`, value as JSON text), e.g. the thresholds of the target rule.

Only known keys can be saved, each with its type and range, so a stored value never breaks a page. A
beheerder saves them (capability MANAGE); every page reads them through the cached `settings` read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Engine, insert, select, update

from domain.targets import SETTING_FIELDS, TrajectorySettings, settings_problems

from .access import MANAGE, write_function
from .audit import write_transaction
from .models import Setting

_DEFAULTS = TrajectorySettings()
# Known keys with their default; validation of the target-rule thresholds lives in domain.targets.
DEFAULTS: dict[str, object] = {key: getattr(_DEFAULTS, field) for key, field in SETTING_FIELDS.items()}


class SettingError(ValueError):
    """A value that cannot be saved; the message is Dutch and meant for the user."""


def settings_frame(engine: Engine) -> pd.DataFrame:
    """All stored settings: key, value (the JSON text)."""
    with engine.connect() as conn:
        rows = conn.execute(select(Setting.key, Setting.value).order_by(Setting.key)).all()
    return pd.DataFrame(rows, columns=["key", "value"])


def values_from_frame(frame: pd.DataFrame) -> dict[str, object]:
    """Decoded values by key; text that is not JSON is left out (the default applies)."""
    out: dict[str, object] = {}
    for key, text in zip(frame["key"], frame["value"], strict=True):
        try:
            out[key] = json.loads(text)
        except (TypeError, ValueError):
            continue
    return out


def read_settings(engine: Engine) -> dict[str, object]:
    """The known settings with their stored value, or the default when none is stored."""
    return {**DEFAULTS, **{k: v for k, v in values_from_frame(settings_frame(engine)).items() if k in DEFAULTS}}


def _check(values: Mapping[str, object]) -> None:
    unknown = sorted(set(values) - set(DEFAULTS))
    if unknown:
        raise SettingError(f"Onbekende instelling: {', '.join(unknown)}.")
    merged = {**DEFAULTS, **values}
    problems = settings_problems(merged["target_risk_tolerance"], merged["target_grace_years"])
    if problems:
        raise SettingError(" ".join(problems))


@write_function(MANAGE)
def save_settings(engine: Engine, actor, values: Mapping[str, object]) -> None:
    """Save several settings in one transaction, with an audit row per changed key."""
    _check(values)
    with write_transaction(engine, actor) as w:
        for key, value in values.items():
            text = json.dumps(value)
            old = w.conn.execute(select(Setting.value, Setting.version).where(Setting.key == key)).one_or_none()
            if old is None:
                w.conn.execute(insert(Setting).values(key=key, value=text, version=1))
                w.log("insert", "setting", key, None, {"key": key, "value": text})
            elif old.value != text:
                w.conn.execute(
                    update(Setting).where(Setting.key == key).values(value=text, version=Setting.version + 1)
                )
                w.log("update", "setting", key, {"key": key, "value": old.value}, {"key": key, "value": text})


@write_function(MANAGE)
def save_setting(engine: Engine, actor, key: str, value: object) -> None:
    """Save one setting (see `save_settings`)."""
    save_settings(engine, actor, {key: value})
