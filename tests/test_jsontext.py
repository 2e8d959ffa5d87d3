"""The reports' JSON writer: the very text `json.dumps(..., ensure_ascii=False, indent=1, sort_keys=True)` makes."""
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from align.report.jsontext import json_text


def _standard(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


_leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_values = st.recursive(_leaves, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_same_text_as_the_standard_library(value):
    assert json_text(value) == _standard(value)


def test_empty_containers_nesting_and_non_ascii():
    record = {"z": [], "a": {}, "m": [{"é": "“quoted” \n\t\\"}, [1, -2.5e-07, True, None]]}
    assert json_text(record) == _standard(record)
    assert json_text(record).endswith("}\n") and "“quoted”" in json_text(record)


def test_values_it_does_not_know_go_to_the_standard_library():
    for value in ({1: "int key", 2: "b"}, {"x": math.nan, "y": -math.inf}, {"a": (1, 2)}, [True, 1, 1.0]):
        assert json_text(value) == _standard(value)

    class Label(str):
        pass

    assert json_text({"k": Label("v")}) == _standard({"k": Label("v")})


def test_unserialisable_values_fail_as_the_standard_library_does():
    for value in ({"s": {1, 2}}, {1: "a", "b": 2}):
        try:
            _standard(value)
        except TypeError as expected:
            try:
                json_text(value)
            except TypeError as got:
                assert type(got) is type(expected)
            else:
                raise AssertionError("json_text accepted what json.dumps refuses")
