"""One cell of an imprecise decision matrix: what is known of one score, and where it is from.

A cell is one of

- ``point``: one number, ``value``;
- ``interval``: any number in [``low``, ``high``], drawn uniformly;
- ``list``: an interval read from a national list (the strict reading gives ``low``, the broad
  one ``high``); it is sampled as an interval and counted apart in reports;
- ``triangular``: a triangular distribution on [``low``, ``high``] peaking at ``mode``;
- ``rated``: experts' ratings on an AHP rating scale (:mod:`mcda.imprecise.ratings`): their
  level intensities as an empirical distribution (``support``), or the interval
  [``low``, ``high``] they span;
- ``unknown``: nothing is known; the analysis says what to do with it
  (:func:`mcda.imprecise.sampling.sample`).

Interval-like cells may also carry a ``value`` (a best estimate) inside [``low``, ``high``].
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mcda.errors import CellError

Status = Literal["point", "interval", "list", "triangular", "rated", "unknown"]

#: Every status, in the order reports count them.
STATUSES: tuple[Status, ...] = ("point", "interval", "list", "triangular", "rated", "unknown")

#: How several experts' ratings of one cell become its spread.
Spread = Literal["empirical", "interval"]

#: The numeric fields of a cell, in table order.
NUMBERS = ("value", "low", "high", "mode")

#: Numeric fields each status needs; the others it may hold are in :data:`_OPTIONAL`.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "point": ("value",),
    "interval": ("low", "high"),
    "list": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "rated": ("low", "high"),
    "unknown": (),
}
_OPTIONAL: dict[str, tuple[str, ...]] = {
    "interval": ("value",),
    "list": ("value",),
    "triangular": ("value",),
    "rated": ("value",),
}


@dataclass(frozen=True)
class Cell:
    """What is known of one alternative's score on one criterion.

    Attributes
    ----------
    status : {"point", "interval", "list", "triangular", "rated", "unknown"}
        Kind of knowledge (see the module notes).
    value : float or None
        The point value, or a best estimate inside [low, high] [criterion unit].
    low, high : float or None
        Bounds of an interval-like cell [criterion unit].
    mode : float or None
        Peak of a triangular cell [criterion unit].
    support : tuple of float
        Experts' level intensities of a rated cell sampled as an empirical distribution,
        one per expert (repeats kept: two experts on one level make it twice as likely);
        empty otherwise [-].
    provenance : str
        Where the knowledge comes from.

    Raises
    ------
    CellError
        When the fields do not fit the status (naming the field): a needed number missing,
        a number the status cannot hold, a non-finite number, low > high, a mode or value
        outside [low, high], or a support whose extremes are not [low, high].
    """

    status: Status
    value: float | None = None
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    support: tuple[float, ...] = ()
    provenance: str = "unspecified"

    def __post_init__(self) -> None:
        _check(self)

    @classmethod
    def point(cls, value: float, provenance: str = "unspecified") -> Cell:
        """A known number [criterion unit]."""
        return cls("point", value=value, provenance=provenance)

    @classmethod
    def interval(
        cls,
        low: float,
        high: float,
        provenance: str = "unspecified",
        *,
        value: float | None = None,
        status: Literal["interval", "list"] = "interval",
    ) -> Cell:
        """Any number in [low, high]; ``status="list"`` when read from a national list."""
        return cls(status, value=value, low=low, high=high, provenance=provenance)

    @classmethod
    def triangular(
        cls,
        low: float,
        mode: float,
        high: float,
        provenance: str = "unspecified",
        *,
        value: float | None = None,
    ) -> Cell:
        """A triangular distribution on [low, high] peaking at mode [criterion unit]."""
        return cls("triangular", value=value, low=low, high=high, mode=mode, provenance=provenance)

    @classmethod
    def rated(
        cls, intensities: Sequence[float], spread: Spread, provenance: str = "unspecified"
    ) -> Cell:
        """Experts' level intensities of one cell as its spread, never their average.

        Parameters
        ----------
        intensities : sequence of float
            One level intensity per expert [-].
        spread : {"empirical", "interval"}
            Sample the experts' intensities as an empirical distribution (each expert
            equally likely), or uniformly over [min, max] of them.
        provenance : str
            Where the ratings come from.

        Returns
        -------
        Cell
        """
        if not intensities:
            raise CellError("a rated cell needs at least one rating", key="cell.no_rating")
        if spread not in ("empirical", "interval"):
            raise CellError(
                f"unknown spread {spread!r} (use 'empirical' or 'interval')",
                key="cell.unknown_spread",
                fields={"spread": spread},
            )
        values = tuple(float(x) for x in intensities)
        support = values if spread == "empirical" else ()
        return cls(
            "rated", low=min(values), high=max(values), support=support, provenance=provenance
        )

    @classmethod
    def unknown(cls, provenance: str = "unspecified") -> Cell:
        """Nothing is known of this score."""
        return cls("unknown", provenance=provenance)

    def number(self, name: str) -> float | None:
        """The numeric field `name` (``"value"``, ``"low"``, ``"high"`` or ``"mode"``)."""
        value: float | None = getattr(self, name)
        return value


def _check(cell: Cell) -> None:
    """Refuse a cell whose fields do not fit its status (see :class:`Cell`)."""
    if cell.status not in _REQUIRED:
        raise CellError(
            f"unknown status {cell.status!r} (use one of {', '.join(STATUSES)})",
            field="status",
            key="cell.unknown_status",
            fields={"status": cell.status, "known": ", ".join(STATUSES)},
        )
    for name in NUMBERS:
        number = cell.number(name)
        if number is not None and not math.isfinite(number):
            raise CellError(
                f"{name} is {number}, not a finite number",
                field=name,
                key="cell.not_finite",
                fields={"name": name, "number": number},
            )
    needed = _REQUIRED[cell.status]
    allowed = needed + _OPTIONAL.get(cell.status, ())
    for name in NUMBERS:
        given = cell.number(name) is not None
        if name in needed and not given:
            raise CellError(
                f"a {cell.status} cell needs {' and '.join(needed)}; {name} is empty",
                field=name,
                key="cell.needs",
                fields={"status": cell.status, "needed": ", ".join(needed), "name": name},
            )
        if name not in allowed and given:
            holds = ", ".join(allowed) if allowed else "no number"
            raise CellError(
                f"a {cell.status} cell holds {holds}; {name} must be empty (or change the status)",
                field=name,
                key="cell.holds" if allowed else "cell.holds_nothing",
                fields={"status": cell.status, "holds": holds, "name": name},
            )
    low, high = cell.low, cell.high
    if low is None or high is None:
        if cell.support:
            raise CellError("only a rated cell has a support", field="status", key="cell.support")
        return
    if low > high:
        raise CellError(
            f"low {low:g} is above high {high:g}",
            field="low",
            key="cell.low_above_high",
            fields={"low": f"{low:g}", "high": f"{high:g}"},
        )
    for name in ("mode", "value"):
        number = cell.number(name)
        if number is not None and not low <= number <= high:
            raise CellError(
                f"{name} {number:g} is outside [{low:g}, {high:g}]",
                field=name,
                key="cell.outside",
                fields={
                    "name": name,
                    "number": f"{number:g}",
                    "low": f"{low:g}",
                    "high": f"{high:g}",
                },
            )
    if cell.support:
        if cell.status != "rated":
            raise CellError("only a rated cell has a support", field="status", key="cell.support")
        if (min(cell.support), max(cell.support)) != (low, high):
            raise CellError(
                "the support of a rated cell must span [low, high]",
                field="low",
                key="cell.support_span",
            )
