"""No English sentence is written into the command line's code: its texts live in the catalogue.

Every string literal of ``optimize/cli/*.py`` is checked but docstrings (for developers; the
help a planner reads comes from the catalogue). A literal of two words or more with letters is
English text a planner would read, unless listed in :data:`ALLOWED`. A single word cannot be
told from an identifier by its spelling (``"tier"`` is a column key as well as a header), so
single tokens pass: option names, identifiers, keys, file names, format specifications.
Regular expressions (the first argument of ``re.compile``) are code, not text: they match
another library's English (Click's usage errors), they are never shown.
"""

import ast
import re
from pathlib import Path

CLI = Path(__file__).resolve().parents[2] / "optimize" / "cli"

#: Literals with words that are not planner-facing text, each with its reason.
ALLOWED = {
    # rich style names (colours), never shown
    "bold red",
    "bold yellow",
}
#: Two words with letters, separated by white space: a phrase, not an identifier.
_PHRASE = re.compile(r"[A-Za-z]{2,}\S*\s+\S*[A-Za-z]{2,}")


def docstrings(tree: ast.AST) -> set[int]:
    """Ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def patterns(tree: ast.AST) -> set[int]:
    """Ids of the literals compiled as regular expressions (``re.compile("...")``)."""
    return {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and node.args
    }


def english_literals(path: Path) -> list[str]:
    """``file:line: text`` of each English phrase written as a literal in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree) | patterns(tree)
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and node.value not in ALLOWED
        and _PHRASE.search(node.value)
    ]


def test_no_english_phrase_is_left_in_the_command_line_code():
    found = [line for path in sorted(CLI.glob("*.py")) for line in english_literals(path)]
    assert not found, "\n".join(found)


def test_the_check_finds_a_phrase_but_passes_identifiers(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        '"""Docstring words pass."""\n'
        'print("files in out")\n'
        'print(say("cli.files_in"), "--lang", "name_zh", f"{n:.2f}", "bold red")\n'
        're.compile(r"No such option: (?P<option>\\S+)")\n',
        encoding="utf-8",
    )
    assert english_literals(module) == ["sample.py:2: 'files in out'"]
