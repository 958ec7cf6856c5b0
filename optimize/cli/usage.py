"""A bad option or argument, as Click words it, in the command's language.

Click has no Chinese. Its usage errors are few and regular, so each known form is matched
and said again from the catalogue (``cli.usage.*``) with the names it quotes; any other
stays Click's English, marked as Click's own words.
"""

from __future__ import annotations

import re
from typing import Final

from optimize.messages import Lang, say

#: Click's English forms (click 8) and the catalogue key that says each.
_FORMS: Final = (
    (
        re.compile(r"No such option: (?P<option>\S+?)(?: \(Possible options: (?P<near>.*)\))?\.?"),
        "no_such_option",
    ),
    (re.compile(r"No such command (?P<command>'.*')\.?"), "no_such_command"),
    (re.compile(r"Option (?P<option>'.*') requires an? argument\.?"), "needs_value"),
    (re.compile(r"Missing (?:argument|option|parameter) (?P<name>'.*')\.?"), "missing"),
    (re.compile(r"Invalid value for (?P<name>'.*?'): (?P<detail>.*)"), "invalid_value"),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)\.?"), "extra"),
)


def usage_text(english: str, lang: Lang) -> str:
    """Click's one-line usage error `english`, said in `lang`."""
    if lang == "en":
        return english
    for pattern, key in _FORMS:
        match = pattern.fullmatch(english)
        if match:
            fields = {name: value or "" for name, value in match.groupdict().items()}
            if key == "no_such_option" and fields["near"]:
                key = "no_such_option_near"
            return say(f"cli.usage.{key}", lang, **fields)
    return say("cli.usage.other", lang, text=english)
