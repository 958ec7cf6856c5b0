"""One message catalogue for English and Chinese: reports, the CLI and the workspace.

Every sentence the program writes for a planner is a key in one of the ``*.toml`` tables of
this package, with an ``en`` and a ``zh`` text carrying the same ``{placeholders}``
(``tests/optimize/messages/test_catalogue.py`` checks both). Code asks for a text by key::

    say("report.title", "zh", case="…")
"""

from optimize.messages.catalogue import (
    LANGS,
    Lang,
    MessageKeyError,
    catalogue,
    default_lang,
    is_lang,
    placeholders,
    say,
)

__all__ = [
    "LANGS",
    "Lang",
    "MessageKeyError",
    "catalogue",
    "default_lang",
    "is_lang",
    "placeholders",
    "say",
]
