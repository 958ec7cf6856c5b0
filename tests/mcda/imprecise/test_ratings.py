"""Expert ratings by AHP absolute measurement: scales, ratings files and rated cells."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mcda.errors import CellError, JudgmentError
from mcda.imprecise import (
    Cell,
    ImpreciseMatrix,
    rated_cells,
    read_ratings,
    read_scales,
    scale_from_intensities,
    scale_from_judgments,
)
from tests.mcda.published import write

LEVELS = ["excellent", "good", "fair", "poor"]

# Ratings example of the Prize package (Dargahi, Bioconductor; R/rating.R, which cites Saaty,
# "Rank from comparisons and from ratings in the analytic hierarchy/network processes", EJOR
# 168 (2006) 557-570): judgments on four rating levels, and the idealised priorities its unit
# test inst/unitTests/test_rating.R publishes. Prize derives priorities by the row geometric
# mean, then divides by the largest, as Saaty's ratings do.
PRIZE_MATRIX = pd.DataFrame(
    [[1, 2, 4, 6], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 2], [1 / 6, 1 / 4, 1 / 2, 1]],
    index=LEVELS,
    columns=LEVELS,
)
PRIZE_IDEALISED = {
    "excellent": 1.0,
    "good": 0.537284965911771,
    "fair": 0.268642482955885,
    "poor": 0.144337567297406,
}
PRIZE_CSV = (
    "criterion,row,col,value\n"
    "skill,excellent,good,2\n"
    "skill,excellent,fair,4\n"
    "skill,excellent,poor,6\n"
    "skill,good,fair,2\n"
    "skill,good,poor,4\n"
    "skill,fair,poor,2\n"
)


def test_the_published_ratings_example_is_reproduced() -> None:
    scale = scale_from_judgments("skill", PRIZE_MATRIX, "geometric_mean")
    assert scale.intensities.to_dict() == pytest.approx(PRIZE_IDEALISED, rel=1e-12)
    assert scale.levels == LEVELS
    assert scale.judgments is not None and scale.judgments.method == "geometric_mean"


def test_the_eigenvector_scale_is_ideal_and_exact_on_a_consistent_matrix() -> None:
    # A consistent matrix a_ij = w_i / w_j has the eigenvector w exactly: the idealised
    # intensities are w / max(w), whatever the normalisation of w.
    w = np.array([8.0, 4.0, 2.0, 1.0])
    scale = scale_from_judgments("x", pd.DataFrame(np.outer(w, 1 / w), LEVELS, LEVELS))
    assert scale.intensities.to_numpy() == pytest.approx([1.0, 0.5, 0.25, 0.125], rel=1e-12)
    # Saaty's eigenvector on the Prize judgments differs from the geometric mean in the third
    # decimal: the method is a stated choice.
    eigen = scale_from_judgments("skill", PRIZE_MATRIX).intensities
    assert eigen.iloc[0] == 1.0
    assert eigen["good"] == pytest.approx(0.5360044, abs=1e-6)
    assert abs(eigen["good"] - PRIZE_IDEALISED["good"]) > 1e-3


def test_scales_are_read_in_pairwise_and_stated_forms(tmp_path: Path) -> None:
    judged = read_scales(write(tmp_path, "scales.csv", PRIZE_CSV), method="geometric_mean")
    assert judged["skill"].intensities.to_dict() == pytest.approx(PRIZE_IDEALISED, rel=1e-12)
    stated = read_scales(
        write(
            tmp_path,
            "stated.csv",
            "criterion,level,intensity\nskill,high,1\nskill,low,0.25\nreach,wide,1\n",
        )
    )
    assert list(stated) == ["skill", "reach"]
    assert stated["skill"].intensities.to_dict() == {"high": 1.0, "low": 0.25}
    assert stated["skill"].judgments is None


@pytest.mark.parametrize(
    ("text", "row", "field", "words"),
    [
        (
            "skill,high,0.9\nskill,low,0.5\n",
            2,
            "intensity",
            "top level of 'skill' has intensity 0.9",
        ),
        ("skill,high,1\nskill,low,0\n", 3, "intensity", r"intensities are in \(0, 1\]"),
        ("skill,high,1\nskill,high,0.5\n", 3, "level", "given twice"),
        ("skill,high,1\nskill,low,x\n", 3, "intensity", "'x' is not a number"),
        ("skill,high,1\n,low,1\n", 3, "criterion", "criterion is empty"),
    ],
)
def test_a_bad_stated_scale_is_located(
    tmp_path: Path, text: str, row: int, field: str, words: str
) -> None:
    path = write(tmp_path, "scales.csv", "criterion,level,intensity\n" + text)
    with pytest.raises(CellError, match=words) as caught:
        read_scales(path)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("scales.csv", row, field)


def test_bad_pairwise_scales_are_refused(tmp_path: Path) -> None:
    two = PRIZE_CSV.replace("criterion,row,col,value", "criterion,row,col,value,expert")
    two = "\n".join(f"{line},ann" if k else line for k, line in enumerate(two.splitlines()))
    two += "\nskill,excellent,good,3,bob\n"
    with pytest.raises(JudgmentError, match="judged by experts ann, bob"):
        read_scales(write(tmp_path, "two.csv", two))
    with pytest.raises(JudgmentError, match=r"scales\.csv, row 2, field 'value'"):
        read_scales(write(tmp_path, "scales.csv", "criterion,row,col,value\nskill,a,b,-2\n"))
    with pytest.raises(CellError, match="needs columns"):
        read_scales(write(tmp_path, "odd.csv", "criterion,level\nskill,a\n"))
    with pytest.raises(CellError, match="has no level"):
        scale_from_intensities("skill", {})


RATINGS = (
    "expert,alternative,criterion,level\n"
    "ann,chengdu,skill,excellent\n"
    "bob,chengdu,skill,fair\n"
    "cai,chengdu,skill,fair\n"
    "ann,qingdao,skill,good\n"
)


def scales(tmp_path: Path) -> dict:
    return read_scales(write(tmp_path, "scales.csv", PRIZE_CSV), method="geometric_mean")


def test_several_experts_make_a_spread_never_an_average(tmp_path: Path) -> None:
    ratings = read_ratings(write(tmp_path, "ratings.csv", RATINGS), scales(tmp_path))
    assert ratings["intensity"].tolist() == pytest.approx(
        [1.0, PRIZE_IDEALISED["fair"], PRIZE_IDEALISED["fair"], PRIZE_IDEALISED["good"]]
    )
    assert ratings["row"].tolist() == [2, 3, 4, 5]
    empirical = rated_cells(ratings, "empirical")
    chengdu = empirical["chengdu", "skill"]
    assert chengdu.support == pytest.approx((1.0, 0.268642482955885, 0.268642482955885))
    assert (chengdu.low, chengdu.high) == (pytest.approx(0.268642482955885), 1.0)
    assert chengdu.provenance == "ratings by ann, bob, cai"
    spanned = rated_cells(ratings, "interval")["chengdu", "skill"]
    assert spanned.support == () and spanned.high == 1.0
    single = empirical["qingdao", "skill"]
    assert single.low == single.high == pytest.approx(PRIZE_IDEALISED["good"])
    matrix = ImpreciseMatrix.build(
        {("chengdu", "skill"): Cell.unknown(), ("qingdao", "skill"): Cell.unknown()},
        {"skill": "benefit"},
    ).with_cells(empirical)
    drawn = matrix.sample(30000, 11).values[:, 0, 0]
    # Each expert equally likely: excellent with probability 1/3.
    assert (drawn == 1.0).mean() == pytest.approx(1 / 3, abs=0.01)
    assert matrix.status_counts()["rated"] == 2


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("dan,chengdu,skill,superb", "level", "'superb' is not a level of the 'skill' scale"),
        ("dan,chengdu,reach,good", "criterion", "'reach' has no rating scale"),
        ("ann,chengdu,skill,good", "expert", r"already rated 'chengdu' on 'skill' \(row 2\)"),
        ("dan,,skill,good", "alternative", "alternative is empty"),
    ],
)
def test_a_bad_rating_is_located(tmp_path: Path, row: str, field: str, words: str) -> None:
    path = write(tmp_path, "ratings.csv", RATINGS + row + "\n")
    with pytest.raises(CellError, match=words) as caught:
        read_ratings(path, scales(tmp_path))
    assert (caught.value.file, caught.value.row, caught.value.field) == ("ratings.csv", 6, field)
