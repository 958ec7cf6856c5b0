"""The English and the Chinese pages: which pages have both, and the links between them.

The Chinese pages are a parallel source tree, ``docs/zh``, built on their own into the ``zh``
folder of the English HTML (see DESIGN.md, Docs). This Sphinx extension, loaded by both builds,
puts a link to the page's counterpart in the other language into the sidebar, and gives the
Chinese pages the role ``{en-doc}`` for the pages that exist only in English (the references)::

    {en-doc}`命令行参考 <reference/cli>`
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

DOCS = Path(__file__).resolve().parent

#: Folder of the Chinese pages, in the sources and in the HTML.
ZH = "zh"

#: English pages that have a Chinese counterpart at the same path under ``docs/zh``.
TRANSLATED = (
    "index",
    "quickstart",
    "workspace",
    "paper-to-model",
    "examples/index",
    "examples/weights",
    "examples/ranking",
    "examples/ranking-robustness",
    "examples/data-limits",
    "examples/allocate",
    "examples/marginal",
    "examples/infeasible",
    "examples/frontier",
    "examples/sweeps",
    "examples/provincial",
    "data",
)

#: Source suffixes of pages.
SUFFIXES = (".md", ".rst")

logger = logging.getLogger(__name__)

#: A line break between two Chinese characters (or CJK punctuation) of the source: Markdown
#: keeps it as a space, which Chinese text does not have.
CJK_LINE_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
CJK_CHARACTER = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Nodes whose text is shown as written.
VERBATIM = (nodes.literal_block, nodes.literal, nodes.math, nodes.math_block, nodes.raw)


class Switch(NamedTuple):
    """The sidebar link to the other language."""

    url: str
    label: str
    hreflang: str


def is_chinese(app: Sphinx) -> bool:
    """Whether `app` builds the Chinese pages."""
    return str(app.config.language or "").startswith("zh")


def up_to_root(docname: str) -> str:
    """The relative URL from page `docname` to its build's root folder (``""`` at the root)."""
    return "../" * docname.count("/")


def english_page_exists(docname: str) -> bool:
    """Whether the English sources hold page `docname`."""
    return any((DOCS / docname).with_suffix(suffix).is_file() for suffix in SUFFIXES)


def switch_for(docname: str, chinese: bool) -> Switch:
    """The link from page `docname` to its counterpart (or to the Chinese home page)."""
    up = up_to_root(docname)
    if chinese:
        return Switch(f"{up}../{docname}.html", "English", "en")
    target = docname if docname in TRANSLATED else "index"
    return Switch(f"{up}{ZH}/{target}.html", "中文", "zh-CN")


def add_switch(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the sidebar template the link to the other language (not on generated pages)."""
    if pagename in app.env.found_docs:
        context["language_switch"] = switch_for(pagename, is_chinese(app))


def is_cjk(character: str) -> bool:
    """Whether `character` is a Chinese character or CJK punctuation."""
    return bool(CJK_CHARACTER.fullmatch(character))


def join_chinese_lines(app: Sphinx, doctree: nodes.document) -> None:
    """Drop the line breaks of the Chinese sources between Chinese characters.

    MyST keeps a break inside a text, or as a text of its own between two nodes (a soft break).
    """
    if not is_chinese(app):
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, VERBATIM):
            continue
        joined = CJK_LINE_BREAK.sub("", text.astext())
        # By identity: texts are strings, and an equal one earlier would be found by index().
        at = next(i for i, child in enumerate(parent.children) if child is text)
        if joined == "\n":
            before = parent[at - 1].astext()[-1:] if at > 0 else ""
            after = parent[at + 1].astext()[:1] if at + 1 < len(parent) else ""
            if is_cjk(before) and is_cjk(after):
                joined = ""
        if joined != text.astext():
            parent[at] = nodes.Text(joined)


class EnglishPage(SphinxRole):
    """``{en-doc}`title <docname>```: a link from a Chinese page to an English-only page."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """A reference to the English page's HTML, relative to the current page."""
        title, _, target = self.text.rpartition("<")
        title, target = title.strip(), target.rstrip(">").strip().lstrip("/")
        if not title or not target:
            title = target = self.text.strip().lstrip("/")
        if not english_page_exists(target):
            logger.warning("{en-doc}: no English page %r", target, location=self.get_location())
        url = f"{up_to_root(self.env.docname)}../{target}.html"
        link = nodes.reference(self.rawtext, f"{title}（英文）", refuri=url, internal=False)
        return [link], []


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the sidebar link and the ``{en-doc}`` role."""
    app.connect("html-page-context", add_switch)
    app.connect("doctree-read", join_chinese_lines)
    app.add_role("en-doc", EnglishPage())
    return {"parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["TRANSLATED", "ZH", "setup", "switch_for"]
