"""The workspace's re-solves (a compiled model whose parameters move) against fresh solves."""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimize.appraisal import appraise
from optimize.case import assemble
from optimize.errors import InputError
from optimize.model import solve
from optimize.workspace import Session, Settings, Solver, answer, load, variant, with_bounds

EXPERT = "expert"


@pytest.fixture(scope="module")
def loaded():
    from tests.optimize.workspace.conftest import TINY

    return load(TINY)


@pytest.fixture(scope="module")
def tiny(loaded):
    return loaded.case


def fresh_objective(loaded, settings_):
    base = assemble(with_bounds(loaded.raw, settings_.bounds), loaded.case.folder)
    changed = variant(base, settings_)
    return solve(changed, appraise(changed)).objective


changes = st.one_of(
    st.tuples(st.just("budget"), st.floats(0.0, 12.0)),
    st.tuples(st.just("priority"), st.sampled_from(["merit", "need", "blend"])),
    st.tuples(st.just("rule"), st.sampled_from(["type_share", "no_duplicated_construction"])),
    st.tuples(st.just("judgment"), st.sampled_from([1 / 9, 1 / 3, 1.0, 3.0, 9.0])),
    st.tuples(st.just("bound"), st.sampled_from([0.15, 0.3, 0.5, 0.9])),
)


def changed(current: Settings, change) -> Settings:
    kind, value = change
    if kind == "budget":
        return dataclasses.replace(current, budget=value)
    if kind == "priority":
        return dataclasses.replace(current, priority_rule=value)
    if kind == "rule":
        return dataclasses.replace(current, dropped=current.dropped ^ {value})
    if kind == "bound":
        return dataclasses.replace(current, bounds={("type_share", "basic.max"): value})
    return dataclasses.replace(current, judgments={("goal", EXPERT, "G1", "G2"): value})


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(changes, min_size=1, max_size=5))
def test_every_change_answers_as_a_fresh_solve(loaded, sequence):
    """Whatever the order of changes, the kept compiled models give the fresh solve's optimum
    (the tiny case's cluster d has closeness 0: merit -> need must recompile, not rescale)."""
    session = Session(loaded, "en")
    current = session.settings
    for change in sequence:
        current = changed(current, change)
        previous = session.change(current)
        expected = fresh_objective(loaded, current)
        if previous.allocation.status.has_solution:
            assert previous.allocation.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)
        else:
            assert expected != expected  # both without a solution (NaN)
        assert previous.allocation.budget == current.budget


def test_kept_parts_are_reused_only_when_their_inputs_are_unchanged(tiny):
    solver = Solver()
    first = answer(tiny, Settings.of(tiny), solver)
    budget = answer(tiny, dataclasses.replace(first.settings, budget=3.0), solver, first)
    assert budget.appraisal is first.appraisal and budget.uncertainty is first.uncertainty
    need = answer(tiny, dataclasses.replace(first.settings, priority_rule="need"), solver, first)
    assert need.appraisal is not first.appraisal and need.uncertainty is first.uncertainty
    assert need.appraisal.priority["d"] == pytest.approx(1.0)  # closeness 0 -> top need
    judged = dataclasses.replace(first.settings, judgments={("goal", EXPERT, "G1", "G2"): 1 / 3})
    edited = answer(tiny, judged, solver, first)
    assert edited.uncertainty is not first.uncertainty
    assert edited.appraisal.local["goal"].weights["G2"] == pytest.approx(0.75)


def test_infeasible_settings_come_with_the_smallest_relaxation(tiny):
    # type_share asks at least 10 % of the budget for basic clusters: a budget of 1000 asks
    # 100 of the basic cluster, far above its projects' maximum grants.
    result = answer(tiny, dataclasses.replace(Settings.of(tiny), budget=1000.0), Solver())
    assert not result.allocation.status.has_solution
    assert result.relaxations is not None and not result.relaxations.empty
    assert set(result.relaxations["rule"]) <= {"type_share"}


def test_rule_numbers_are_bounds_of_the_case(loaded):
    from optimize.workspace import rule_bounds

    stated = rule_bounds(loaded.raw)
    assert stated[("type_share", "basic.min")] == 0.1
    assert stated[("no_duplicated_construction", "max_per_domain")] == 1
    assert all(isinstance(v, float) for v in stated.values())
    session = Session(loaded, "en")
    tighter = session.set_bound(("type_share", "basic.max"), 0.15)
    basic = tighter.allocation.projects.groupby("cluster_type")["amount"].sum()["basic"]
    assert basic <= 0.15 * tighter.allocation.budget + 1e-7
    with pytest.raises(InputError, match=r"rules\.type_share\.basic\.max"):
        session.set_bound(("type_share", "basic.max"), 2.0)
    assert session.settings.bounds == {("type_share", "basic.max"): 0.15}  # kept
    with pytest.raises(InputError, match="not a number of the case's rules"):
        session.set_bound(("type_share", "provenance"), 1.0)
