"""The report's prose states the thresholds the library applies, never its own copies."""

import sys

import pytest

from mcda.ahp import COMPATIBILITY_THRESHOLD, saaty_threshold
from optimize import appraise, load_case, solve
from optimize.report import report_content

# The module whose prose is checked: patched below to show the prose follows the constants.
content = sys.modules["optimize.report.content"]


@pytest.fixture(scope="module")
def tiny_run(tiny_path):
    case = load_case(tiny_path)
    appraisal = appraise(case)
    return case, appraisal, solve(case, appraisal)


def notes(run) -> dict[str, str]:
    return {section.key: section.note for section in report_content(*run).sections}


def test_the_notes_state_saatys_thresholds_per_matrix_size(tiny_run):
    expected = (
        f"CR <= {saaty_threshold(3):.2f} for 3 items, {saaty_threshold(4):.2f} for 4, "
        f"{saaty_threshold(5):.2f} for 5 or more"
    )
    assert expected == "CR <= 0.05 for 3 items, 0.08 for 4, 0.10 for 5 or more"
    texts = notes(tiny_run)
    assert expected in texts["consistency"] and expected in texts["criteria"]
    assert "CR >= 0.1" not in texts["criteria"]  # wrong for 3 and 4 items


def test_the_notes_follow_the_library_constants(tiny_run, monkeypatch):
    monkeypatch.setattr(content, "saaty_threshold", lambda n: {3: 0.04, 4: 0.07}.get(n, 0.2))
    monkeypatch.setattr(content, "COMPATIBILITY_THRESHOLD", 1.25)
    texts = notes(tiny_run)
    assert "CR <= 0.04 for 3 items, 0.07 for 4, 0.20 for 5 or more" in texts["consistency"]
    assert "above 1.25 = incompatible" in content._compatibility_rule()
    assert f"above {COMPATIBILITY_THRESHOLD:g} = incompatible" not in content._compatibility_rule()
