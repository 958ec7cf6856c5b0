"""The ``[uncertainty]`` settings of a case: what to do with cells that are not points.

Modelling choices, stated in the case rather than made silently:

- ``unknown``: an unknown cell is drawn uniformly over its criterion's plausible range
  (``draw``, with ``ranges``), or its criterion is dropped from the analysis and the weights
  renormalised over the criteria kept (``drop``); required when any cell is unknown;
- ``point``: the number the point-valued pipeline (appraisal, allocation) uses for a cell that
  is not a point: ``estimate`` = the cell's stated ``value``, else its mode, else the midpoint
  of [low, high]; ``midpoint`` = always the midpoint. A drawn unknown cell takes the midpoint
  of its plausible range;
- ``rating_spread``: several experts' ratings of one cell are sampled as an ``empirical``
  distribution (each expert equally likely) or uniformly over the ``interval`` they span.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from mcda import Range, Spread, UnknownPolicy
from optimize.case.schema import DEFAULTS
from optimize.case.settings import CASE_FILE, check_number, section
from optimize.errors import InputError, msg

#: How a non-point cell becomes one number on the point path.
PointRule = Literal["estimate", "midpoint"]

UNKNOWN_POLICIES: tuple[UnknownPolicy, ...] = ("draw", "drop")
POINT_RULES: tuple[PointRule, ...] = ("estimate", "midpoint")
RATING_SPREADS: tuple[Spread, ...] = ("empirical", "interval")
#: The range a case may state instead of numbers: the span of the criterion's known cells.
OBSERVED: Literal["observed"] = "observed"


@dataclass(frozen=True)
class Uncertainty:
    """How a case's imprecise cells are read (see the module notes).

    Attributes
    ----------
    unknown : {"draw", "drop"} or None
        Policy for unknown cells; None when the case states none (then it may have none).
    ranges : mapping of str to (float, float) or "observed"
        Plausible range of each criterion whose unknown cells are drawn [criterion unit].
    point : {"estimate", "midpoint"}
        The point value of a non-point cell on the point path.
    rating_spread : {"empirical", "interval"}
        How several experts' ratings of one cell are spread.
    provenance : str
        Why the ranges and the policy are what they are.
    """

    unknown: UnknownPolicy | None = None
    ranges: Mapping[str, Range] = field(default_factory=dict)
    point: PointRule = "estimate"
    rating_spread: Spread = "empirical"
    provenance: str = ""


def parse_uncertainty(doc: Mapping[str, Any], leaves: list[str]) -> Uncertainty:
    """The ``[uncertainty]`` section of the settings, checked.

    Parameters
    ----------
    doc : mapping
        The parsed settings.
    leaves : list of str
        Leaf criteria (the only keys of ``ranges``).

    Raises
    ------
    InputError
        Naming the ``case.toml`` key of an unknown choice, a range on a criterion that is
        not a leaf, or a range that is not two numbers low <= high (or ``"observed"``).
    """
    table = section(doc, "uncertainty")
    unknown = table.get("unknown")
    if unknown is not None:
        _choice(unknown, UNKNOWN_POLICIES, "uncertainty.unknown")
    ranges = {
        str(criterion): _range(value, leaves, str(criterion))
        for criterion, value in section(table, "uncertainty.ranges").items()
    }
    return Uncertainty(
        unknown=cast(UnknownPolicy | None, unknown),
        ranges=ranges,
        point=cast(PointRule, _setting(table, "uncertainty.point", POINT_RULES)),
        rating_spread=cast(Spread, _setting(table, "uncertainty.rating_spread", RATING_SPREADS)),
        provenance=str(table.get("provenance", "")),
    )


def _setting(table: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    """A choice setting, its schema default when absent."""
    return _choice(table.get(key.rpartition(".")[2], DEFAULTS[key]), allowed, key)


def _choice(value: object, allowed: tuple[str, ...], key: str) -> str:
    if value not in allowed:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.not_one_of", value=value, allowed=", ".join(allowed)),
            field=key,
        )
    return str(value)


def _range(value: object, leaves: list[str], criterion: str) -> Range:
    """One plausible range: ``[low, high]`` or ``"observed"`` (ids may hold dots: ``C1.1``)."""
    key = f"uncertainty.ranges.{criterion}"
    if criterion not in leaves:
        raise InputError(CASE_FILE, msg("errors.setting.no_such_leaf"), field=key)
    if value == OBSERVED:
        return OBSERVED
    if not isinstance(value, list) or len(value) != 2:
        raise InputError(CASE_FILE, msg("errors.setting.range_form"), field=key)
    low, high = (check_number(v, key, 0.0) for v in value)
    if low > high:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.low_above_high", low=f"{low:g}", high=f"{high:g}"),
            field=key,
        )
    return (low, high)
