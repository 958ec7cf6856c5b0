"""No English sentence is written into the report code: every word a planner reads comes from
the message catalogue (issue 18 item 2).

The test reads each module of ``optimize/report`` with :mod:`ast` and fails on a string
constant holding an English word, except docstrings, dict keys, patterns given to
``re.compile``, the names in ``__all__`` and strings that are wholly one of :data:`ALLOWED`
(code, not prose).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import optimize.report

REPORT = Path(optimize.report.__file__).parent

#: Strings that are code, not words for a reader, each pattern with why.
ALLOWED: dict[str, str] = {
    r"[a-z_][a-z0-9_]*(?:\.\w*)*\.?": "lower-case identifiers, column names, catalogue keys "
    "and key prefixes (note.ranking, report_names.), module and file names (results.xlsx); a "
    "capitalised word reads as a text",
    r"\.[a-z]+\)?": "a file name's suffix ('.csv'), and '.png)' closing a Markdown image link",
    r"#[0-9a-f]{6}|tab:[a-z]+|Blues": "matplotlib colours and colour map",
    r"&[a-z]+;|data:image/png;base64,": "an HTML entity; the data-URI prefix of an inline chart",
}
#: An English word: two Latin letters in a row.
WORD = re.compile(r"[A-Za-z]{2,}")


def skipped(tree: ast.AST) -> set[int]:
    """Ids of the constants that are docstrings, dict keys or re.compile patterns."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            ids.add(id(body[0].value))  # a docstring (or a bare expression, never a text)
        if isinstance(node, ast.Dict):
            ids.update(id(key) for key in node.keys if key is not None)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "re.compile":
            ids.update(id(arg) for arg in node.args)
        if isinstance(node, ast.Assign) and "__all__" in map(ast.unparse, node.targets):
            ids.update(id(name) for name in ast.walk(node.value))  # public names
    return ids


def words_in_code(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string constant of `source` that reads as English."""
    tree = ast.parse(source)
    ignore = skipped(tree)
    allowed = re.compile("|".join(f"(?:{pattern})" for pattern in ALLOWED))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in ignore
        and WORD.search(node.value)
        and not allowed.fullmatch(node.value)
    ]


@pytest.mark.parametrize("module", sorted(p.name for p in REPORT.glob("*.py")))
def test_report_code_holds_no_english_text(module: str) -> None:
    found = words_in_code((REPORT / module).read_text(encoding="utf-8"))
    assert not found, f"{module}: move these texts into optimize/messages: {found}"


@pytest.mark.parametrize(
    "text",
    [
        'note = "Funded clusters only."',
        'title = f"Budget {budget:g} of {total}"',
        'verdict = "REVISE"',
        'label = "not fundable"',
    ],
)
def test_the_check_finds_english_in_code(text: str) -> None:
    assert words_in_code(text)


def test_the_check_leaves_code_alone() -> None:
    code = (
        'def f(x):\n    """An English docstring."""\n'
        '    pattern = re.compile("[A-Za-z]{3,}")\n'
        '    return {"dict key": say("note.ranking", x), "c": "#3b6ea8"}, f"{x}.png"\n'
    )
    assert not words_in_code(code)
