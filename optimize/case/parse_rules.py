"""Parse the ``[rules]`` and ``[periods]`` tables of ``case.toml`` into :class:`Rules`."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from optimize.case.limits import check_limit
from optimize.case.rules import (
    RULE_NAMES,
    AmountBounds,
    BasicConcentration,
    NoDuplication,
    Periods,
    ResearchThreshold,
    Rules,
    ShareBounds,
)
from optimize.case.settings import CASE_FILE, check_number, flag, number, section, string_list
from optimize.errors import InputError, Message, msg

#: Rule names accepted under ``[rules]`` (period budgets live under ``[periods]``).
TOML_RULES = set(RULE_NAMES) - {"budget", "period_budget"}


def _parse_rules(
    doc: Mapping[str, Any],
    periods_doc: Mapping[str, Any],
    provenance: dict[str, str],
    clusters: pd.DataFrame,
    projects: pd.DataFrame,
    leaves: list[str],
    groups: tuple[list[str], list[str]],
    stock: pd.DataFrame | None = None,
) -> Rules:
    """Validated rules; records each rule's provenance text in `provenance`.

    `groups` holds the case's cluster type ids and instrument ids; a rule naming another
    is refused with the allowed ids.

    Raises
    ------
    InputError
        Naming the ``case.toml`` field of an unknown cluster, region, project or
        instrument, inconsistent bounds, a dependency cycle or a project that is both
        must-fund and must-not-fund. Unknown rule names are refused before, with the other
        unknown keys, by :func:`optimize.case.setting_keys.check_keys`.
    """
    for name in doc:
        text = section(doc, name).get("provenance")
        if text is not None:
            provenance[name] = str(text)
    ids = list(projects.index)
    types, instruments = groups
    rules = Rules(
        type_share=_share_bounds(section(doc, "type_share"), "type_share", types),
        instrument_share=_share_bounds(
            section(doc, "instrument_share"), "instrument_share", instruments
        ),
        cluster_limits=_cluster_limits(section(doc, "cluster_limits"), list(clusters.index)),
        region_floor=_region_floor(section(doc, "region_floor"), sorted(set(clusters["region"]))),
        no_duplicated_construction=_no_duplication(doc, instruments, stock),
        basic_concentration=_basic_concentration(doc, types),
        frontier_platform_research=_research_threshold(doc, leaves, groups),
        dependencies=_dependencies(section(doc, "dependencies"), projects),
        in_cluster=_in_cluster(section(doc, "dependencies"), instruments),
        exclusions=_project_pairs(section(doc, "exclusions"), "exclusions", ids),
        must_fund=_project_list(section(doc, "must_fund"), "must_fund", ids),
        must_not_fund=_project_list(section(doc, "must_not_fund"), "must_not_fund", ids),
        min_leverage=_leverage(doc),
        periods=_parse_periods(periods_doc, projects, instruments) if periods_doc else None,
    )
    both = sorted(set(rules.must_fund) & set(rules.must_not_fund))
    if both:
        raise InputError(
            CASE_FILE,
            msg("errors.rules.must_and_must_not", project=both[0]),
            field="rules.must_fund",
        )
    return rules


def _share_bounds(
    table: Mapping[str, Any], rule: str, allowed: list[str]
) -> dict[str, ShareBounds]:
    """``{group = {min = .., max = ..}}`` shares of the budget per type or instrument."""
    bounds = {}
    for group, key, value in _entries(table, rule, msg("errors.noun.group"), allowed):
        if not isinstance(value, dict):
            raise InputError(CASE_FILE, msg("errors.rules.min_max_table"), field=key)
        bounds[group] = ShareBounds(*_low_high(value, key, ("min", "max"), maximum=1.0))
    return bounds


def _cluster_limits(table: Mapping[str, Any], clusters: list[str]) -> dict[str, AmountBounds]:
    """Per-cluster floors and caps [1e8 CNY]; ``default`` applies to every cluster."""
    limits = {}
    default = table.get("default", {})
    for cluster in table:
        if cluster in ("provenance", "default"):
            continue
        if cluster not in clusters:
            raise InputError(
                CASE_FILE,
                msg("errors.rules.unknown_cluster"),
                field=f"rules.cluster_limits.{cluster}",
            )
    for cluster in clusters:
        value = {**default, **table.get(cluster, {})}
        if not value:
            continue
        key = f"rules.cluster_limits.{cluster if cluster in table else 'default'}"
        limits[cluster] = AmountBounds(*_low_high(value, key, ("floor", "cap")))
    return limits


def _low_high(
    table: Mapping[str, Any], key: str, names: tuple[str, str], maximum: float | None = None
) -> tuple[float, float]:
    """A ``{low = .., high = ..}`` pair under `key`, named by `names`, low not above high.

    Absent, the low end is 0 and the high end is `maximum` (unbounded without one).
    """
    low_name, high_name = names
    low = number(table, f"{key}.{low_name}", 0.0, default=0.0, maximum=maximum)
    if high_name in table:
        high = number(table, f"{key}.{high_name}", 0.0, maximum=maximum)
    else:
        high = math.inf if maximum is None else maximum
    if low > high:
        raise InputError(
            CASE_FILE, msg("errors.rules.low_above_high", low=low_name, high=high_name), field=key
        )
    return low, high


def _region_floor(table: Mapping[str, Any], regions: list[str]) -> dict[str, float]:
    """Minimum share of the budget per region [-]."""
    return {
        region: check_number(value, key, 0.0, maximum=1.0)
        for region, key, value in _entries(
            table, "region_floor", msg("errors.noun.region"), regions
        )
    }


def _entries(
    table: Mapping[str, Any], rule: str, noun: Message, allowed: list[str]
) -> Iterator[tuple[str, str, Any]]:
    """``(name, dotted key, value)`` per entry of a rule table but its provenance.

    Lazy, so that each entry is refused (unknown name) before the next is read, as the
    caller's own checks of the value are.
    """
    for name, value in table.items():
        if name == "provenance":
            continue
        key = f"rules.{rule}.{name}"
        if name not in allowed:
            raise InputError(
                CASE_FILE,
                msg("errors.rules.unknown_entry", noun=noun, use=", ".join(allowed)),
                field=key,
            )
        yield name, key, value


def _no_duplication(
    doc: Mapping[str, Any], instruments: list[str], stock: pd.DataFrame | None
) -> NoDuplication | None:
    """At most n funded projects per technology domain and instrument; the stock's kinds."""
    if "no_duplicated_construction" not in doc:
        return None
    rule = section(doc, "no_duplicated_construction")
    key = "rules.no_duplicated_construction"
    covered = _ids(rule, f"{key}.instruments", msg("errors.noun.instrument"), instruments)
    limit = _whole(rule, f"{key}.max_per_domain", default=1)
    kinds = string_list(rule.get("stock_kinds", []), f"{key}.stock_kinds", msg("errors.noun.kinds"))
    known = set() if stock is None else set(stock["kind"])
    unknown = [kind for kind in kinds if kind not in known]
    if unknown:
        raise InputError(
            CASE_FILE,
            msg("errors.rules.kind_not_in_stock", kind=unknown[0]),
            field=f"{key}.stock_kinds",
        )
    return NoDuplication(covered, limit, tuple(dict.fromkeys(kinds)))


def _basic_concentration(doc: Mapping[str, Any], types: list[str]) -> BasicConcentration | None:
    """Few, large grants per cluster of the given types."""
    if "basic_concentration" not in doc:
        return None
    rule = section(doc, "basic_concentration")
    key = "rules.basic_concentration"
    return BasicConcentration(
        types=_ids(rule, f"{key}.types", msg("errors.noun.type"), types),
        max_projects=_whole(rule, f"{key}.max_projects", default=1),
        min_grant=number(rule, f"{key}.min_grant", 0.0, default=0.0),
    )


def _research_threshold(
    doc: Mapping[str, Any], leaves: list[str], groups: tuple[list[str], list[str]]
) -> ResearchThreshold | None:
    """Projects of the given instruments and types only where research institutions are dense."""
    if "frontier_platform_research" not in doc:
        return None
    rule = section(doc, "frontier_platform_research")
    key = "rules.frontier_platform_research"
    types = _ids(rule, f"{key}.types", msg("errors.noun.type"), groups[0])
    instruments = _ids(rule, f"{key}.instruments", msg("errors.noun.instrument"), groups[1])
    criterion = str(rule.get("criterion", ""))
    if criterion not in leaves:
        raise InputError(
            CASE_FILE,
            msg("errors.rules.unknown_leaf", criterion=criterion),
            field=f"{key}.criterion",
        )
    return ResearchThreshold(
        types, instruments, criterion, number(rule, f"{key}.min_score", -math.inf)
    )


def _ids(table: Mapping[str, Any], key: str, noun: Message, allowed: list[str]) -> tuple[str, ...]:
    """The required list of ids under `key`, each one of `allowed` (the case's own)."""
    name = key.rpartition(".")[2]
    if name not in table:
        raise InputError(CASE_FILE, msg("errors.rules.ids_missing", noun=noun), field=key)
    ids = string_list(table[name], key, name)
    unknown = [i for i in ids if i not in allowed]
    if unknown:
        raise InputError(
            CASE_FILE,
            msg("errors.rules.unknown_id", noun=noun, id=unknown[0], use=", ".join(allowed)),
            field=key,
        )
    return tuple(dict.fromkeys(ids))


def _dependencies(table: Mapping[str, Any], projects: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """``(project, needed)`` pairs, without a cycle."""
    pairs = list(_project_pairs(table, "dependencies", list(projects.index)))
    _check_acyclic(pairs)
    return tuple(dict.fromkeys(pairs))


def _in_cluster(table: Mapping[str, Any], instruments: list[str]) -> tuple[tuple[str, str], ...]:
    """``(instrument, needed instrument)`` pairs: the first needs a funded second in its cluster."""
    key = "rules.dependencies.in_cluster"
    pairs = table.get("in_cluster", [])
    if not isinstance(pairs, list):
        raise InputError(CASE_FILE, msg("errors.rules.instrument_pairs"), field=key)
    checked = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] != pair[1]):
            raise InputError(
                CASE_FILE, msg("errors.rules.not_instrument_pair", pair=pair), field=key
            )
        for instrument in pair:
            if instrument not in instruments:
                raise InputError(
                    CASE_FILE,
                    msg(
                        "errors.rules.unknown_id",
                        noun=msg("errors.noun.instrument"),
                        id=instrument,
                        use=", ".join(instruments),
                    ),
                    field=key,
                )
        checked.append((str(pair[0]), str(pair[1])))
    return tuple(dict.fromkeys(checked))


def _check_acyclic(pairs: list[tuple[str, str]]) -> None:
    """Refuse dependencies that loop (a needs b needs ... needs a)."""
    needs: dict[str, list[str]] = {}
    for project, needed in pairs:
        needs.setdefault(project, []).append(needed)
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        if state.get(node) == 1:
            loop = " -> ".join([*trail[trail.index(node) :], node])
            raise InputError(
                CASE_FILE,
                msg("errors.rules.dependency_cycle", loop=loop),
                field="rules.dependencies",
            )
        if state.get(node) == 2:
            return
        state[node] = 1
        for nxt in needs.get(node, []):
            visit(nxt, [*trail, node])
        state[node] = 2

    for node in list(needs):
        visit(node, [])


def _project_pairs(
    table: Mapping[str, Any], rule: str, ids: list[str]
) -> tuple[tuple[str, str], ...]:
    """``pairs = [["a", "b"], ...]`` of known, distinct projects."""
    pairs = table.get("pairs", [])
    key = f"rules.{rule}.pairs"
    if not isinstance(pairs, list):
        raise InputError(CASE_FILE, msg("errors.rules.project_pairs"), field=key)
    checked = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] != pair[1]):
            raise InputError(CASE_FILE, msg("errors.rules.not_project_pair", pair=pair), field=key)
        for project in pair:
            if project not in ids:
                raise InputError(
                    CASE_FILE, msg("errors.rules.unknown_project", project=project), field=key
                )
        checked.append((str(pair[0]), str(pair[1])))
    return tuple(checked)


def _project_list(table: Mapping[str, Any], rule: str, ids: list[str]) -> tuple[str, ...]:
    """``projects = [...]`` of known projects."""
    projects = table.get("projects", [])
    key = f"rules.{rule}.projects"
    if not isinstance(projects, list):
        raise InputError(CASE_FILE, msg("errors.rules.project_list"), field=key)
    for project in projects:
        if project not in ids:
            raise InputError(
                CASE_FILE, msg("errors.rules.unknown_project", project=project), field=key
            )
    return tuple(str(p) for p in projects)


def _leverage(doc: Mapping[str, Any]) -> float | None:
    """Minimum leverage (total over central funding) [-]."""
    if "cofunding" not in doc:
        return None
    return number(section(doc, "cofunding"), "rules.cofunding.min_leverage", 1.0)


def _whole(table: Mapping[str, Any], key: str, default: int) -> int:
    """A non-negative whole-number setting."""
    return int(number(table, key, 0.0, default=float(default), whole=True))


def _parse_periods(
    doc: Mapping[str, Any], projects: pd.DataFrame, instruments: list[str]
) -> Periods:
    """Plan years with budgets, carry-over and spend profiles per instrument."""
    years = doc.get("years")
    budgets = doc.get("budgets")
    if not (isinstance(years, list) and years and all(_is_year(y) for y in years)):
        raise InputError(
            CASE_FILE,
            msg("errors.periods.years", first=_YEARS[0], last=_YEARS[1]),
            field="periods.years",
        )
    check_limit(
        "periods", len(years), msg("errors.noun.plan_years"), CASE_FILE, field="periods.years"
    )
    if years != sorted(set(years)):
        raise InputError(CASE_FILE, msg("errors.periods.increase"), field="periods.years")
    if not (isinstance(budgets, list) and len(budgets) == len(years)):
        raise InputError(CASE_FILE, msg("errors.periods.budgets"), field="periods.budgets")
    values = tuple(check_number(b, "periods.budgets", 0.0) for b in budgets)
    profiles_doc = section(doc, "periods.profiles")
    unknown = sorted(set(profiles_doc) - set(instruments))
    if unknown:
        raise InputError(
            CASE_FILE,
            msg(
                "errors.rules.unknown_entry",
                noun=msg("errors.noun.instrument"),
                use=", ".join(instruments),
            ),
            field=f"periods.profiles.{unknown[0]}",
        )
    profiles = {}
    for instrument in instruments:
        key = f"periods.profiles.{instrument}"
        profile = profiles_doc.get(instrument, [1.0])
        if not isinstance(profile, list):
            raise InputError(CASE_FILE, msg("errors.periods.shares"), field=key)
        shares = tuple(check_number(s, key, 0.0, maximum=1.0) for s in profile)
        if abs(sum(shares) - 1.0) > 1e-6 or len(shares) > len(years):
            raise InputError(CASE_FILE, msg("errors.periods.shares_sum"), field=key)
        profiles[instrument] = shares
    late = projects.index[projects["start"] > years[-1]] if "start" in projects else []
    if len(late):
        raise InputError(
            CASE_FILE, msg("errors.periods.late_start", project=late[0]), field="periods"
        )
    carry = flag(doc, "periods.carry_over", False)
    return Periods(tuple(years), values, carry, profiles)


#: Plan years accepted [year]: whole years of the common era with four digits.
_YEARS = (1000, 9999)


def _is_year(value: Any) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and _YEARS[0] <= value <= _YEARS[1]
    )
