"""Compare two loaded cases field by field (everything but where they were read from)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from optimize.case import Case


def assert_same_case(left: Case, right: Case) -> None:
    for field in dataclasses.fields(Case):
        if field.name == "folder":
            continue
        a, b = getattr(left, field.name), getattr(right, field.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, obj=field.name)
        elif field.name == "criteria":
            pd.testing.assert_frame_equal(a.table, b.table, obj="criteria")
        elif field.name == "scores":
            pd.testing.assert_frame_equal(a.values, b.values, obj="scores")
            pd.testing.assert_frame_equal(a.provenance, b.provenance, obj="provenance")
            pd.testing.assert_series_equal(a.directions, b.directions, obj="directions")
        elif field.name == "values":
            pd.testing.assert_frame_equal(a.cells, b.cells, obj="values")
            pd.testing.assert_series_equal(a.directions, b.directions, obj="value directions")
        elif field.name == "judgments":
            assert list(a) == list(b)
            for node in a:
                assert list(a[node]) == list(b[node]), f"experts of {node}"
                for expert in a[node]:
                    pd.testing.assert_frame_equal(
                        a[node][expert], b[node][expert], obj=f"judgments {node} / {expert}"
                    )
        else:
            assert a == b, field.name
