"""GAIA: the plane of the net-flow profiles, its decision stick and delta."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, gaia, rank
from tests.mcda.textbook import problem_frames


def test_profiles_of_a_hand_example() -> None:
    # Usual criterion, A = (0, 0, 1), B = (0, 1, 0), C = (1, 0, 1): on x, C beats A and B:
    # phi_x = (-1/2, -1/2, 1); on y, B beats both: (-1/2, 1, -1/2); on z, A and C beat B:
    # (1/2, -1, 1/2).
    matrix, weights, directions = problem_frames(
        [[0, 0, 1], [0, 1, 0], [1, 0, 1]], [1, 1, 1], [0.5, 0.25, 0.25]
    )
    plane = gaia(matrix, weights, directions)
    np.testing.assert_allclose(
        plane.profiles.to_numpy(), [[-0.5, -0.5, 0.5], [-0.5, 1.0, -1.0], [1.0, -0.5, 0.5]]
    )
    # Three alternatives whose profiles sum to 0 span at most a plane: nothing is lost.
    assert plane.delta == pytest.approx(1.0)


def test_delta_is_the_share_of_the_two_largest_eigenvalues() -> None:
    # Brans & Mareschal (2005), section 5: delta = (lambda1 + lambda2) / sum of the
    # eigenvalues of the covariance matrix of the profiles.
    generator = np.random.default_rng(3)
    matrix, weights, directions = problem_frames(
        generator.uniform(0, 10, size=(8, 5)), [1, 1, -1, 1, -1], [0.3, 0.2, 0.2, 0.2, 0.1]
    )
    plane = gaia(matrix, weights, directions, preference="v-shape", p=4)
    profiles = plane.profiles.to_numpy()
    eigenvalues = np.sort(np.linalg.eigvalsh(profiles.T @ profiles / len(profiles)))[::-1]
    assert plane.delta == pytest.approx(eigenvalues[:2].sum() / eigenvalues.sum())
    assert 0 < plane.delta < 1


matrices = arrays(np.float64, (6, 4), elements=st.integers(0, 9).map(float)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 0))
)


@settings(max_examples=30, deadline=None)
@given(matrices)
def test_plane_is_a_projection_and_the_stick_carries_the_net_flow(values: np.ndarray) -> None:
    matrix, weights, directions = problem_frames(values, [1, -1, 1, 1], [0.4, 0.3, 0.2, 0.1])
    plane = gaia(matrix, weights, directions, preference="linear", q=0.5, p=3)
    axes = plane.criteria.to_numpy()
    np.testing.assert_allclose(axes.T @ axes, np.eye(2), atol=1e-9)
    np.testing.assert_allclose(plane.alternatives.to_numpy(), plane.profiles.to_numpy() @ axes)
    np.testing.assert_allclose(plane.stick.to_numpy(), weights.to_numpy() @ axes)
    # The net flow is the profile weighted by w (Brans & Mareschal's identity).
    net = rank(matrix, weights, directions, "promethee_ii", preference="linear", q=0.5, p=3)
    np.testing.assert_allclose(
        plane.profiles.to_numpy() @ weights.to_numpy(), net.loc[matrix.index, "score"], atol=1e-12
    )
    assert 0 < plane.delta <= 1 + 1e-12


def test_one_criterion_has_no_plane() -> None:
    matrix, weights, directions = problem_frames([[1], [2]], [1], [1.0])
    with pytest.raises(MatrixError, match="at least two criteria"):
        gaia(matrix, weights, directions)
