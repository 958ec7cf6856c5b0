"""Objective and combined weights against published examples, and where pymcdm is guarded."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm import weights as pymcdm_weights

from mcda import MatrixError, combine_weights, objective_weights


def frame(rows: list[list[float]]) -> pd.DataFrame:
    values = np.asarray(rows, dtype=float)
    return pd.DataFrame(values, columns=[f"c{j + 1}" for j in range(values.shape[1])])


def benefit(matrix: pd.DataFrame) -> dict[str, str]:
    return dict.fromkeys(matrix.columns, "benefit")


def test_entropy_reproduces_elsayed_2017() -> None:
    # Elsayed, E. A., Dawood, A. S. & Karthikeyan, R. (2017). Evaluating alternatives through
    # the application of TOPSIS method with entropy weight. Int. J. Eng. Trends Technol.
    # 46(2), 60-66. Published weights 0.104991, 0.069124, 0.071373, 0.449937, 0.304575.
    matrix = frame(
        [
            [7, 312, 1891, 6613, 163],
            [72, 88, 728, 941804, 1078],
            [10, 252, 2594, 3466, 117471],
            [10, 145, 980, 2371, 86329],
            [65, 54, 350, 501, 29897],
            [29, 48, 380, 912, 34051],
            [7, 476, 3300, 78470, 2212],
            [70, 87, 650, 733, 819000],
            [4, 86, 591, 3015, 103],
            [12, 79, 579, 3240, 96098],
            [21, 45, 261, 1253, 453],
            [1, 72, 530, 4333, 0.104800],
        ]
    )
    weights = objective_weights(matrix, benefit(matrix), "entropy")
    np.testing.assert_allclose(
        weights, [0.104991, 0.069124, 0.071373, 0.449937, 0.304575], atol=1e-3
    )
    assert "Hwang & Yoon" in weights.attrs["source"]


def test_entropy_counts_a_zero_share_as_zero_information_not_a_zero_entropy() -> None:
    # Column c1 has one zero. With 0 * ln 0 = 0, its entropy over shares (0, 1/3, 2/3) is
    # -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3 = 0.5794, so 1 - e = 0.4206; column c2 (1, 2, 3)
    # gives 1 - e = 0.0436. pymcdm 1.4.0 refuses the zero outright.
    matrix = frame([[0, 1], [1, 2], [2, 3]])
    d1 = 1 + (1 / 3 * np.log(1 / 3) + 2 / 3 * np.log(2 / 3)) / np.log(3)
    shares = np.array([1, 2, 3]) / 6
    d2 = 1 + (shares * np.log(shares)).sum() / np.log(3)
    weights = objective_weights(matrix, benefit(matrix), "entropy")
    np.testing.assert_allclose(weights, [d1 / (d1 + d2), d2 / (d1 + d2)], atol=1e-12)
    with pytest.raises(ValueError, match="positive"):
        pymcdm_weights.entropy_weights(matrix.to_numpy())


def test_critic_reproduces_tus_adali_2019() -> None:
    # Tuş, A. & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods
    # for the time and attendance software selection problem. OPSEARCH 56(2), 528-538.
    # Published weights 0.157, 0.249, 0.168, 0.121, 0.154, 0.151. The authors normalise every
    # column as "more is better" (price included), so the example is stated that way here.
    matrix = frame(
        [
            [5000, 3, 3, 4, 3, 2],
            [680, 5, 3, 2, 2, 1],
            [2000, 3, 2, 3, 4, 3],
            [600, 4, 3, 1, 2, 2],
            [800, 2, 4, 3, 3, 4],
        ]
    )
    weights = objective_weights(matrix, benefit(matrix), "critic")
    np.testing.assert_allclose(weights, [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], atol=1e-3)


def test_critic_normalises_a_cost_criterion_as_diakoulaki_does() -> None:
    # Diakoulaki et al. (1995) normalise a cost criterion as (max - x) / (max - min): the
    # result must equal that of the benefit criterion -x. pymcdm ignores directions.
    matrix = frame([[5, 1, 2], [3, 4, 7], [9, 2, 4], [1, 8, 3]])
    as_cost = objective_weights(matrix, {"c1": "cost", "c2": "benefit", "c3": "benefit"}, "critic")
    negated = matrix.assign(c1=-matrix["c1"])
    as_benefit = objective_weights(negated, benefit(matrix), "critic")
    pd.testing.assert_series_equal(as_cost, as_benefit, check_exact=False, atol=1e-12)
    assert not np.allclose(as_cost, objective_weights(matrix, benefit(matrix), "critic"))


def test_std_reproduces_jahan_edwards_2013() -> None:
    # Jahan, A. & Edwards, K. L. (2013). Materials & Design 49, 1000-1008: normalised
    # properties; published standard-deviation weights 0.35, 0.31, 0.34.
    matrix = frame(
        [
            [0, 0, 0],
            [0.39, 0.3, 0.77],
            [0.17, 0.36, 0.8],
            [0.35, 0.29, 0.93],
            [0.3, 0.4, 0.94],
            [0.84, 0.71, 1],
            [1, 1, 0.99],
        ]
    )
    weights = objective_weights(matrix, benefit(matrix), "std")
    np.testing.assert_allclose(weights, [0.35, 0.31, 0.34], atol=5e-3)


def test_merec_reproduces_keshavarz_ghorabaee_2021() -> None:
    # Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene, J.
    # (2021). Determination of objective weights using a new method based on the removal
    # effects of criteria (MEREC). Symmetry 13(4), 525: illustrative example, c3 and c4
    # costs. Published weights 0.5752, 0.0141, 0.4016, 0.0091.
    matrix = frame(
        [
            [450, 8000, 54, 145],
            [10, 9100, 2, 160],
            [100, 8200, 31, 153],
            [220, 9300, 1, 162],
            [5, 8400, 23, 158],
        ]
    )
    directions = {"c1": "benefit", "c2": "benefit", "c3": "cost", "c4": "cost"}
    weights = objective_weights(matrix, directions, "merec")
    np.testing.assert_allclose(weights, [0.5752, 0.0141, 0.4016, 0.0091], atol=1e-4)
    assert "Symmetry" in weights.attrs["source"]
    # Directions matter: with every criterion a benefit the weights change.
    assert not np.allclose(objective_weights(matrix, benefit(matrix), "merec"), weights)


def test_gini_weights_are_normalised_gini_coefficients() -> None:
    # Gini coefficient G = sum_i sum_k |x_i - x_k| / (2 n^2 mean) (Sen, A. (1973). On Economic
    # Inequality. Oxford, p. 31). One holder of everything among five, (0, 0, 0, 0, 100):
    # G = 8 * 100 / (2 * 25 * 20) = 0.8 = (n - 1) / n; (1, 2, 3, 4, 5): G = 40 / 150 = 4/15.
    # Weights 0.8 / (0.8 + 4/15) = 0.75 and 0.25.
    matrix = frame([[0, 1], [0, 2], [0, 3], [0, 4], [100, 5]])
    weights = objective_weights(matrix, benefit(matrix), "gini")
    np.testing.assert_allclose(weights, [0.75, 0.25], atol=1e-12)
    # pymcdm 1.4's own (unreferenced) test of gini_weights: 0.412, 0.2562, 0.3319.
    small = frame([[5, 6, 7], [5.5, 6.1, 8], [4, 5, 9]])
    as_cost = {"c1": "cost", "c2": "benefit", "c3": "cost"}
    np.testing.assert_allclose(
        objective_weights(small, as_cost, "gini"), [0.412, 0.2562, 0.3319], atol=1e-4
    )


positive = arrays(np.float64, (6, 3), elements=st.floats(min_value=0.5, max_value=50.0)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 1e-2))
)


@settings(max_examples=40, deadline=None)
@given(positive, st.floats(min_value=1e-3, max_value=1e3))
def test_objective_weights_do_not_depend_on_units(values: np.ndarray, factor: float) -> None:
    matrix = pd.DataFrame(values, columns=["a", "b", "c"])
    directions = {"a": "benefit", "b": "cost", "c": "benefit"}
    rescaled = matrix.assign(a=matrix["a"] * factor)
    for method in ("entropy", "critic", "std", "merec", "gini"):
        weights = objective_weights(matrix, directions, method)
        assert weights.sum() == pytest.approx(1.0)
        assert (weights >= 0).all()
        np.testing.assert_allclose(
            objective_weights(rescaled, directions, method), weights, atol=1e-9
        )


def test_bad_objective_input_is_refused() -> None:
    matrix = frame([[1, -2], [3, 4]])
    with pytest.raises(MatrixError, match="unknown objective weighting 'magic'"):
        objective_weights(matrix, benefit(matrix), "magic")
    for method in ("entropy", "gini"):
        with pytest.raises(MatrixError, match=f"{method} weights need scores >= 0; 'c2' has"):
            objective_weights(matrix, benefit(matrix), method)
    with pytest.raises(MatrixError, match="merec weights need scores > 0; 'c1' has one <= 0"):
        objective_weights(frame([[0, 2], [3, 4]]), benefit(matrix), "merec")
    with pytest.raises(MatrixError, match="'c1' has the same score"):
        objective_weights(frame([[1, 2], [1, 4]]), benefit(matrix), "critic")


def test_combined_weights_multiply_and_renormalise() -> None:
    subjective = pd.Series({"a": 0.5, "b": 0.3, "c": 0.2})
    objective = pd.Series({"c": 0.5, "a": 0.1, "b": 0.4})
    combined = combine_weights(subjective, objective)
    products = {"a": 0.05, "b": 0.12, "c": 0.10}
    total = sum(products.values())
    np.testing.assert_allclose(combined, [products[c] / total for c in "abc"])
    assert list(combined.index) == ["a", "b", "c"]
    assert "Hwang & Yoon" in combined.attrs["source"]


def test_combined_weights_refuse_disjoint_or_bad_vectors() -> None:
    with pytest.raises(MatrixError, match="share no criterion"):
        combine_weights(pd.Series({"a": 1.0, "b": 0.0}), pd.Series({"a": 0.0, "b": 1.0}))
    with pytest.raises(MatrixError, match=r"sum to 0\.9"):
        combine_weights(pd.Series({"a": 0.5, "b": 0.5}), pd.Series({"a": 0.5, "b": 0.4}))
