"""Options of how sure a ranking is, shared by ``rank``, ``run`` and ``sweep joint``.

``--values`` and ``--unknown`` say which imprecise scores are sampled and what happens to
unknown cells; ``--samples``, ``--seed``, ``--weight-model``, ``--concentration`` and
``--confidence`` set the SMAA-2 run (:mod:`optimize.appraisal.uncertainty`). Each value is
checked here, before any work, and refused with one line naming the option.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from optimize.cli.lang import help_text
from optimize.cli.option_checks import check_count, check_finite
from optimize.errors import InputError, msg

if TYPE_CHECKING:
    from optimize.appraisal import UncertaintySettings, UnknownPolicy

ValuesOption = Annotated[Path | None, typer.Option("--values", help=help_text("values"))]
UnknownOption = Annotated[str | None, typer.Option("--unknown", help=help_text("unknown"))]
# Defaults (None here) are UncertaintySettings' own, so that importing the command line
# loads no stage; --help names them.
SamplesOption = Annotated[int | None, typer.Option("--samples", help=help_text("samples"))]
SeedOption = Annotated[int | None, typer.Option("--seed", help=help_text("seed"))]
WeightModelOption = Annotated[
    str | None, typer.Option("--weight-model", help=help_text("weight_model"))
]
ConcentrationOption = Annotated[
    float | None, typer.Option("--concentration", help=help_text("concentration"))
]
ConfidenceOption = Annotated[
    float | None, typer.Option("--confidence", help=help_text("confidence"))
]


def check_unknown(unknown: str | None) -> UnknownPolicy | None:
    """The ``--unknown`` policy, refused unless ``draw`` or ``drop`` (None: no policy)."""
    from optimize.appraisal import UNKNOWN_POLICIES

    policy = next((known for known in UNKNOWN_POLICIES if known == unknown), None)
    if unknown is not None and policy is None:
        raise InputError(
            "--unknown", msg("errors.option.one_of", value=unknown, known=list(UNKNOWN_POLICIES))
        )
    return policy


def uncertainty_settings(
    samples: int | None = None,
    seed: int | None = None,
    weight_model: str | None = None,
    concentration: float | None = None,
    unknown: str | None = None,
    confidence: float | None = None,
) -> UncertaintySettings:
    """The checked SMAA-2 settings of a command (None: the default of that setting).

    Raises
    ------
    InputError
        Naming the first option whose value is refused.
    """
    from optimize.appraisal import WEIGHT_MODELS, UncertaintySettings

    default = UncertaintySettings()
    check_finite("--samples", samples, 1.0)
    check_count("--samples", samples, "samples", msg("errors.noun.joint_samples"))
    check_finite("--seed", seed, 0.0)
    model = next((known for known in WEIGHT_MODELS if known == weight_model), None)
    if weight_model is not None and model is None:
        raise InputError(
            "--weight-model",
            msg("errors.option.one_of", value=weight_model, known=list(WEIGHT_MODELS)),
        )
    check_finite("--concentration", concentration, positive=True)
    check_finite("--confidence", confidence, 0.0, 1.0)
    if confidence is not None and not confidence > 0.5:
        raise InputError("--confidence", msg("errors.option.confidence", value=f"{confidence:g}"))
    return UncertaintySettings(
        default.samples if samples is None else samples,
        default.seed if seed is None else seed,
        model or default.weight_model,
        default.concentration if concentration is None else concentration,
        check_unknown(unknown),
        default.confidence if confidence is None else confidence,
    )
