"""The catalogue's English for an mcda error is the library's own text, field for field.

mcda names an error by a key and the values it quotes; the ``mcda`` table holds the English
and Chinese texts for that key. English output shows the library's own words; were the
catalogue's copy, from which the Chinese was translated, to drift from them, a planner would
read one thing in English and another in Chinese.
"""

import re
from pathlib import Path

import pytest

from mcda import MCDAError
from mcda.ahp import parse_judgment
from optimize.errors import Message, mcda_message
from optimize.messages import catalogue


@pytest.mark.parametrize(
    "text", ["stronk", "nan", "1_0", "1/0", "1e300", "1e-300", "0", "-2", "inf"]
)
def test_a_judgment_error_reads_the_same_from_the_catalogue(text):
    with pytest.raises(MCDAError) as caught:
        parse_judgment(text)
    error = caught.value
    assert error.key is not None
    message = mcda_message(error)
    assert message.render("en") == str(error)
    assert Message(message.key, message.fields).render("en") == str(error)  # the catalogue's


def test_every_key_mcda_raises_is_in_the_catalogue():
    """Each ``key="..."`` written in mcda's sources has an entry (keys built from a parsed
    ratio's key are listed by the ratio's own)."""
    root = Path(__file__).resolve().parents[3] / "mcda"
    written = {
        match
        for path in root.rglob("*.py")
        for match in re.findall(r'key="([a-z_.]+)"', path.read_text(encoding="utf-8"))
    }
    known = {key.removeprefix("mcda.") for key in catalogue() if key.startswith("mcda.")}
    ratio_keys = {"not_number", "not_finite", "divides_by_zero", "too_large", "too_small"}
    assert written - ratio_keys <= known
    assert {f"judgment.{key}" for key in ratio_keys} <= known
