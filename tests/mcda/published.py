"""Published pairwise-comparison examples, each with its source, shared by the AHP tests,
and a helper that writes judgment files.

Judgments are transcribed as ``{(row, col): value}``: row matters value times as much as col.
"""

import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from mcda.ahp.judgments import Judgment, judgment_matrices


def write(folder: Path, name: str, text: str) -> Path:
    """Write `text` to `folder / name` (UTF-8) and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def matrix(judgments: dict[tuple[str, str], float], items: list[str] | None = None) -> pd.DataFrame:
    """The reciprocal matrix of `judgments`; pairs left out are NaN (missing)."""
    records = [Judgment(row, col, value) for (row, col), value in judgments.items()]
    return judgment_matrices(records, items)["expert"]


# Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
# Sciences 1(1), 83-98: relative consumption of drinks in the USA. Saaty publishes the weights
# to 3 decimals; AHPy 2.1's test suite (tests/test_ahp.py) gives them to 4 decimals and the CR
# against Donegan & Dodd's random index (0.0235) and Saaty's 2005 one (0.022).
DRINKS = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"]
DRINKS_MATRIX = pd.DataFrame(
    np.array(
        [
            [1, 9, 5, 2, 1, 1, 1 / 2],
            [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
            [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
            [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
            [1, 9, 4, 2, 1, 2, 1 / 2],
            [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
            [2, 9, 9, 3, 2, 3, 1],
        ]
    ),
    index=DRINKS,
    columns=DRINKS,
)
#: The same matrix as a file holds it, judgments typed as ratios.
DRINKS_CSV = """item,coffee,wine,tea,beer,soda,milk,water
coffee,1,9,5,2,1,1,1/2
wine,1/9,1,1/3,1/9,1/9,1/9,1/9
tea,1/5,3,1,1/3,1/4,1/3,1/9
beer,1/2,9,3,1,1/2,1,1/3
soda,1,9,4,2,1,2,1/2
milk,1,9,3,1,1/2,1,1/3
water,2,9,9,3,2,3,1
"""
DRINKS_WEIGHTS = {
    "coffee": 0.1775,
    "wine": 0.0191,
    "tea": 0.0418,
    "beer": 0.1164,
    "soda": 0.1896,
    "milk": 0.1288,
    "water": 0.3268,
}

# Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European Journal
# of Operational Research 48(1), 9-26 (the example of Saaty 1980, ch. 2): eight factors of
# buying a house. Published: weights .173 .054 .188 .018 .031 .036 .167 .333, lambda_max 9.669,
# CI 0.238, CR 0.169 (Saaty's 1980 random index): an inconsistent matrix, CR > 0.1.
HOUSE = ["size", "transport", "neighbourhood", "age", "yard", "modern", "condition", "finance"]
HOUSE_MATRIX = pd.DataFrame(
    np.array(
        [
            [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
            [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
            [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
            [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
            [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
            [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
            [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
            [4, 7, 5, 8, 6, 6, 2, 1],
        ]
    ),
    index=HOUSE,
    columns=HOUSE,
)
HOUSE_WEIGHTS = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]

# Bozóki, S., Fülöp, J., & Rónyai, L. (2010). On optimal completion of incomplete pairwise
# comparison matrices. Mathematical and Computer Modelling 52, 318-333, example 3: a 4 x 4
# matrix with a_cd missing; their algorithm gives a_cd = 0.7302965066047. AHPy's README and
# tests (Donegan & Dodd RI) give the weights a .3738, b .392, c .0985, d .1357 and CR 0.0372,
# and for the matrix completed by the judgment a_cd = 3/4: a .3742, b .3917, c .0991, d .1349,
# CR 0.0372.
INCOMPLETE_4 = {("a", "b"): 1, ("a", "c"): 5, ("a", "d"): 2, ("b", "c"): 3, ("b", "d"): 4}
INCOMPLETE_4_OPTIMUM = 0.7302965066047
INCOMPLETE_4_WEIGHTS = {"a": 0.3738, "b": 0.392, "c": 0.0985, "d": 0.1357}
COMPLETED_4_WEIGHTS = {"a": 0.3742, "b": 0.3917, "c": 0.0991, "d": 0.1349}

# The house matrix above with 12 judgments removed, the 8 x 8 example of Bozóki et al. (2010);
# the completion AHPy 2.1 (tests/test_ahp.py) computes by their cyclic coordinates method,
# stopped when successive cycles differ by less than 1e-4.
INCOMPLETE_HOUSE = {
    ("a", "b"): 5,
    ("a", "c"): 3,
    ("a", "d"): 7,
    ("a", "e"): 6,
    ("a", "f"): 6,
    ("b", "d"): 5,
    ("b", "f"): 3,
    ("c", "e"): 3,
    ("c", "g"): 6,
    ("f", "d"): 4,
    ("g", "a"): 3,
    ("g", "e"): 5,
    ("h", "a"): 4,
    ("h", "b"): 7,
    ("h", "d"): 8,
    ("h", "f"): 6,
}
INCOMPLETE_HOUSE_AHPY = {
    ("b", "c"): 0.3300187496240363,
    ("b", "e"): 1.7197409185349517,
    ("b", "g"): 0.4663515002203321,
    ("c", "d"): 9.920512661898753,
    ("c", "f"): 4.852486449214693,
    ("c", "h"): 0.5696073301509899,
    ("d", "e"): 0.5252768142894285,
    ("d", "g"): 0.1424438146531802,
    ("e", "f"): 0.9311973564754218,
    ("e", "h"): 0.10930828182051665,
    ("f", "g"): 0.2912120796181874,
    ("g", "h"): 0.4030898885178746,
}

# Saaty, T. L. (2005). Theory and Applications of the Analytic Network Process, via AHPy 2.1's
# tests: choosing a city, five criteria and four cities; AHPy's synthesised weights with the
# Donegan & Dodd RI to 4 decimals: Bethesda .2291, Boston .2748, Pittsburgh .3852,
# Santa Fe .1110. (AHPy's culture dict also repeats (Pittsburgh, Bethesda): 1 as the reverse
# of (Bethesda, Pittsburgh): 1; the pair is transcribed once here.)
CITIES = ["Bethesda", "Boston", "Pittsburgh", "Santa Fe"]
CITY_CRITERIA = {
    ("Culture", "Housing"): 3,
    ("Culture", "Transportation"): 5,
    ("Family", "Culture"): 5,
    ("Family", "Housing"): 7,
    ("Family", "Transportation"): 7,
    ("Housing", "Transportation"): 3,
    ("Jobs", "Culture"): 2,
    ("Jobs", "Housing"): 4,
    ("Jobs", "Transportation"): 7,
    ("Family", "Jobs"): 1,
}
CITY_JUDGMENTS = {
    "Culture": {
        ("Bethesda", "Pittsburgh"): 1,
        ("Boston", "Bethesda"): 2,
        ("Boston", "Pittsburgh"): 2.5,
        ("Boston", "Santa Fe"): 1,
        ("Santa Fe", "Bethesda"): 2,
        ("Santa Fe", "Pittsburgh"): 2.5,
    },
    "Family": {
        ("Bethesda", "Boston"): 2,
        ("Bethesda", "Santa Fe"): 4,
        ("Boston", "Santa Fe"): 2,
        ("Pittsburgh", "Bethesda"): 3,
        ("Pittsburgh", "Boston"): 8,
        ("Pittsburgh", "Santa Fe"): 9,
    },
    "Housing": {
        ("Bethesda", "Boston"): 5,
        ("Bethesda", "Santa Fe"): 2.5,
        ("Pittsburgh", "Bethesda"): 2,
        ("Pittsburgh", "Boston"): 9,
        ("Pittsburgh", "Santa Fe"): 7,
        ("Santa Fe", "Boston"): 4,
    },
    "Jobs": {
        ("Bethesda", "Pittsburgh"): 3,
        ("Bethesda", "Santa Fe"): 4,
        ("Boston", "Bethesda"): 2,
        ("Boston", "Pittsburgh"): 6,
        ("Boston", "Santa Fe"): 8,
        ("Pittsburgh", "Santa Fe"): 1,
    },
    "Transportation": {
        ("Bethesda", "Boston"): 1.5,
        ("Bethesda", "Santa Fe"): 4,
        ("Boston", "Santa Fe"): 2.5,
        ("Pittsburgh", "Bethesda"): 2,
        ("Pittsburgh", "Boston"): 3.5,
        ("Pittsburgh", "Santa Fe"): 9,
    },
}
CITY_WEIGHTS = {"Bethesda": 0.2291, "Boston": 0.2748, "Pittsburgh": 0.3852, "Santa Fe": 0.1110}

# Wikipedia, "Analytic hierarchy process - leader example", as computed by AHPy 2.1 (README,
# Saaty 2005 RI, 3 decimals): experience {Nell .717, Moll .217, Sue .066} CR 0.035;
# education CR 0.062; criteria {Experience .548, Charisma .27, Education .127, Age .056}
# CR 0.044; synthesis {Nell .493, Moll .358, Sue .15}.
LEADER_CRITERIA = {
    ("Experience", "Education"): 4,
    ("Experience", "Charisma"): 3,
    ("Experience", "Age"): 7,
    ("Education", "Charisma"): 1 / 3,
    ("Education", "Age"): 3,
    ("Charisma", "Age"): 5,
}
LEADER_JUDGMENTS = {
    "Experience": {("Moll", "Nell"): 1 / 4, ("Moll", "Sue"): 4, ("Nell", "Sue"): 9},
    "Education": {("Moll", "Nell"): 3, ("Moll", "Sue"): 1 / 5, ("Nell", "Sue"): 1 / 7},
    "Charisma": {("Moll", "Nell"): 5, ("Moll", "Sue"): 9, ("Nell", "Sue"): 4},
    "Age": {("Moll", "Nell"): 1 / 3, ("Moll", "Sue"): 5, ("Nell", "Sue"): 9},
}

# Wikipedia, "Analytic hierarchy process - car example", as computed by AHPy 2.1 (README,
# Donegan & Dodd RI, 3 decimals): criteria {Cost .51, Safety .234, Capacity .215, Style .041}
# CR 0.08; cost {Price .488, Fuel .252, Resale .161, Maintenance .1} CR 0.016; price of six
# vehicles {Element .366, Accord Sedan .246, CR-V .246, Odyssey .093, Accord Hybrid .025,
# Pilot .025} CR 0.072.
CAR_CRITERIA = {
    ("Cost", "Safety"): 3,
    ("Cost", "Style"): 7,
    ("Cost", "Capacity"): 3,
    ("Safety", "Style"): 9,
    ("Safety", "Capacity"): 1,
    ("Style", "Capacity"): 1 / 7,
}
CAR_COST = {
    ("Price", "Fuel"): 2,
    ("Price", "Maintenance"): 5,
    ("Price", "Resale"): 3,
    ("Fuel", "Maintenance"): 2,
    ("Fuel", "Resale"): 2,
    ("Maintenance", "Resale"): 1 / 2,
}
VEHICLES = ["Accord Sedan", "Accord Hybrid", "Pilot", "CR-V", "Element", "Odyssey"]
CAR_PRICE = dict(
    zip(
        itertools.combinations(VEHICLES, 2),
        [9, 9, 1, 1 / 2, 5, 1, 1 / 9, 1 / 9, 1 / 7, 1 / 9, 1 / 9, 1 / 7, 1 / 2, 5, 6],
        strict=True,
    )
)

# The rest of AHPy 2.1's car example (README, "Purchasing a vehicle"): pairwise judgments on
# the six vehicles per criterion, in the order of itertools.combinations(VEHICLES, 2), and
# the hierarchy; AHPy's synthesis (3 decimals): Odyssey .219, Accord Sedan .215, CR-V .167,
# Accord Hybrid .15, Element .144, Pilot .106.
CAR_HIERARCHY = {
    "goal": ["Cost", "Safety", "Style", "Capacity"],
    "Cost": ["Price", "Fuel", "Maintenance", "Resale"],
    "Capacity": ["Cargo", "Passenger"],
}
CAR_CAPACITY = {("Cargo", "Passenger"): 1 / 5}


def vehicle_judgments(values: tuple[float, ...]) -> dict[tuple[str, str], float]:
    """AHPy's `dict(zip(vehicle_pairs, values))`."""
    return dict(zip(itertools.combinations(VEHICLES, 2), values, strict=True))


CAR_LEAF_JUDGMENTS = {
    "Price": CAR_PRICE,
    "Safety": vehicle_judgments((1, 5, 7, 9, 1 / 3, 5, 7, 9, 1 / 3, 2, 9, 1 / 8, 2, 1 / 8, 1 / 9)),
    "Passenger": vehicle_judgments(
        (1, 1 / 2, 1, 3, 1 / 2, 1 / 2, 1, 3, 1 / 2, 2, 6, 1, 3, 1 / 2, 1 / 6)
    ),
    "Fuel": vehicle_judgments(
        (
            1 / 1.13,
            1.41,
            1.15,
            1.24,
            1.19,
            1.59,
            1.3,
            1.4,
            1.35,
            1 / 1.23,
            1 / 1.14,
            1 / 1.18,
            1.08,
            1.04,
            1 / 1.04,
        )
    ),
    "Resale": vehicle_judgments((3, 4, 1 / 2, 2, 2, 2, 1 / 5, 1, 1, 1 / 6, 1 / 2, 1 / 2, 4, 4, 1)),
    "Maintenance": vehicle_judgments((1.5, 4, 4, 4, 5, 4, 4, 4, 5, 1, 1.2, 1, 1, 3, 2)),
    "Style": vehicle_judgments((1, 7, 5, 9, 6, 7, 5, 9, 6, 1 / 6, 3, 1 / 3, 7, 5, 1 / 5)),
    "Cargo": vehicle_judgments(
        (1, 1 / 2, 1 / 2, 1 / 2, 1 / 3, 1 / 2, 1 / 2, 1 / 2, 1 / 3, 1, 1, 1 / 2, 1, 1 / 2, 1 / 2)
    ),
}
CAR_SYNTHESIS = {
    "Odyssey": 0.219,
    "Accord Sedan": 0.215,
    "CR-V": 0.167,
    "Accord Hybrid": 0.15,
    "Element": 0.144,
    "Pilot": 0.106,
}
# AHPy 2.1 README, "Purchasing a vehicle reprised": passenger, fuel (mpg), resale and cargo
# as measured values (priorities proportional to the value): passenger locals Pilot .229,
# Odyssey .229, Accord Sedan .143, Accord Hybrid .143, CR-V .143, Element .114; resale
# locals CR-V .188, Accord Sedan .177, Element .164, Odyssey .164, Accord Hybrid .157, Pilot
# .15; synthesis Odyssey .218, Accord Sedan .21, Element .161, Accord Hybrid .154, CR-V
# .149, Pilot .108.
CAR_MEASURED = {
    "Passenger": dict(zip(VEHICLES, (5, 5, 8, 5, 4, 8), strict=True)),
    "Fuel": dict(zip(VEHICLES, (31, 35, 22, 27, 25, 26), strict=True)),
    "Resale": dict(zip(VEHICLES, (0.52, 0.46, 0.44, 0.55, 0.48, 0.48), strict=True)),
    "Cargo": dict(zip(VEHICLES, (14, 14, 87.6, 72.9, 74.6, 147.4), strict=True)),
}
CAR_MEASURED_SYNTHESIS = {
    "Odyssey": 0.218,
    "Accord Sedan": 0.21,
    "Element": 0.161,
    "Accord Hybrid": 0.154,
    "CR-V": 0.149,
    "Pilot": 0.108,
}
