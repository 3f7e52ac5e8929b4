import datetime as dt

import pandas as pd
import pytest

from domain.spreadsheet_safety import safe_cell, safe_frame


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", "+31 6 1234", "-2+3", "@cmd", "\t=1", "\r=1"])
def test_formula_starts_are_neutralised(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Boerhaavewijk", "", "a=b", 12, -5, 3.5, None, dt.date(2008, 1, 1), True])
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_frame_keeps_numbers_and_cleans_text_and_headers():
    frame = pd.DataFrame({"=naam": ["=1+1", "Ymere"], "bedrag": [-100.0, 2.5]})
    out = safe_frame(frame)
    assert list(out.columns) == ["'=naam", "bedrag"]
    assert list(out["'=naam"]) == ["'=1+1", "Ymere"]
    assert list(out["bedrag"]) == [-100.0, 2.5]
    assert list(frame["=naam"]) == ["=1+1", "Ymere"]  # the input is not changed
