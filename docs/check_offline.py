"""Check that the built HTML pages load nothing from the network.

Run by ``make docs`` after the build: a script, stylesheet, font or image fetched from another
host would leave a reader without the network with broken pages (formulas as raw LaTeX, say).
Links a reader clicks (``<a href>``) are not loads and are allowed; the one in the sidebar to
the same page in the other language must lead to a page.

Where Chromium is installed, every page with formulas is also opened in it (headless, no
network needed) to check that the bundled MathJax typesets them, and every Chinese page (the
``zh`` folder) is checked for missing glyphs (tofu): Chromium reports, through its DevTools
protocol, the fonts it drew each element's text in, and every Chinese character must be in the
character map of one of them. Without a CJK font (``fonts-noto-cjk``) Chromium draws Chinese in
a Latin font's empty boxes, and the check fails. A screenshot of :data:`SCREENSHOT_PAGE` is
saved beside the HTML folder (``screenshots/``) for a person to look at.

Usage: ``python docs/check_offline.py [HTML_DIR]``; exits 1 naming each offending page.
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

#: Tag and attribute pairs through which a page loads a resource.
LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")}


class RemoteLoads(HTMLParser):
    """Collect the remote URLs a page loads (ignores plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note the remote URL a loading tag names."""
        values = dict(attrs)
        if tag == "link" and "stylesheet" not in (values.get("rel") or "").split():
            return  # e.g. rel="index" or "search": navigation, not a load
        for name, value in attrs:
            if (tag, name) in LOADING and value and value.startswith(("http:", "https:", "//")):
                self.remote.append(value)


def remote_loads(page: Path) -> list[str]:
    """The remote resources `page` loads."""
    parser = RemoteLoads()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.remote


def missing_local_mathjax(page: Path, html_dir: Path) -> bool:
    """Whether `page` asks for the bundled MathJax but the build did not copy it."""
    text = page.read_text(encoding="utf-8")
    return "_static/mathjax/" in text and not (html_dir / "_static/mathjax/tex-chtml.js").exists()


def typeset_in_chromium(page: Path, chromium: str) -> bool:
    """Whether MathJax, loaded from the page's own folder, typesets `page` in Chromium."""
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    return "<mjx-container" in dom


#: Folder of the Chinese pages inside the HTML folder.
CHINESE = "zh"
#: The Chinese page photographed for a person to look at (a worked example with a chart).
SCREENSHOT_PAGE = "zh/examples/ranking.html"
#: Characters that must have a glyph: CJK ideographs and CJK punctuation, full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Elements whose text is not drawn.
UNDRAWN = {"SCRIPT", "STYLE", "HEAD", "TITLE", "META", "NOSCRIPT", "TEMPLATE"}


def above_four(fd: int) -> int:
    """A copy of file descriptor `fd` numbered 5 or more (`fd` itself is closed)."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return copy


class DevTools:
    """Headless Chromium driven over its DevTools protocol on a pipe (no port, no network)."""

    def __init__(self, chromium: str, environ: Mapping[str, str] | None = None) -> None:
        to_browser, self._commands = os.pipe()
        self._replies, from_browser = os.pipe()
        # Above 4, so that placing one end at fd 3 or 4 cannot overwrite the other.
        to_browser, from_browser = above_four(to_browser), above_four(from_browser)

        # Chromium's helper processes may still write into the profile as the browser stops;
        # a file left behind then must not fail the check.
        self._profile = tempfile.TemporaryDirectory(
            prefix="check-offline-", ignore_cleanup_errors=True
        )
        self._log = Path(self._profile.name) / "chromium.log"
        # Chromium reads commands on fd 3 and writes replies on fd 4: a small Python program
        # puts the pipes there and becomes Chromium.
        place_and_exec = (
            "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
            "os.execv(sys.argv[3], sys.argv[3:])"
        )
        command = [
            sys.executable,
            "-c",
            place_and_exec,
            str(to_browser),
            str(from_browser),
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-pipe",
            "--no-first-run",
            "--window-size=1280,2000",
            f"--user-data-dir={self._profile.name}/profile",
            "about:blank",
        ]
        log = self._log.open("wb")
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            pass_fds=(to_browser, from_browser),
            env=dict(os.environ if environ is None else environ),
        )
        log.close()
        os.close(to_browser)
        os.close(from_browser)
        self._writer = io.FileIO(self._commands, "wb")
        self._reader = io.BufferedReader(io.FileIO(self._replies, "rb"))
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = self._reader.read1(1 << 16)
            if not chunk:
                log = self._log.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"Chromium closed the DevTools pipe:\n{log}")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call `method` (in the attached page, once there is one) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self._writer.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, event: str) -> None:
        """Read messages until `event` arrives (or has arrived)."""
        while not any(message.get("method") == event for message in self.events):
            self.events.append(self._message())

    def open(self, url: str) -> None:
        """Attach to a new page at `url`, once it and its fonts have loaded."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "DOM", "CSS"):
            self.send(f"{domain}.enable")
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.send("Runtime.evaluate", expression="document.fonts.ready", awaitPromise=True)

    def close(self) -> None:
        """Stop Chromium."""
        self._writer.close()
        self._reader.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        self._profile.cleanup()


@contextmanager
def devtools(chromium: str, environ: Mapping[str, str] | None = None) -> Iterator[DevTools]:
    """A running :class:`DevTools` browser, stopped on leaving."""
    browser = DevTools(chromium, environ)
    try:
        yield browser
    finally:
        browser.close()


@cache
def font_files(environ: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, int]]:
    """PostScript name -> (file, index in a collection) of every font fontconfig knows."""
    listing = subprocess.run(
        ["fc-list", "--format", "%{postscriptname}\t%{file}\t%{index}\n"],
        capture_output=True,
        text=True,
        check=True,
        env=dict(environ),
    ).stdout
    fonts: dict[str, tuple[str, int]] = {}
    for line in listing.splitlines():
        name, file, index = line.split("\t")
        fonts.setdefault(name, (file, int(index or 0)))
    return fonts


@cache
def characters_of(file: str, index: int) -> frozenset[int]:
    """The code points a font file (or one font of a collection) has glyphs for."""
    with TTFont(file, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())


def text_elements(node: dict[str, Any]) -> Iterator[tuple[int, str]]:
    """(node id, own text) of every drawn element with Chinese text among its children."""
    if node.get("nodeName") in UNDRAWN:
        return
    own = "".join(
        child.get("nodeValue", "") for child in node.get("children", []) if child["nodeType"] == 3
    )
    if node["nodeType"] == 1 and CJK.search(own):
        yield node["nodeId"], own
    for child in node.get("children", []):
        yield from text_elements(child)


def missing_glyphs(browser: DevTools, environ: Mapping[str, str]) -> list[str]:
    """Texts of the open page drawn with a font that has no glyph for one of their characters.

    Each element's Chinese characters must be covered by the fonts Chromium reports for that
    element (``CSS.getPlatformFontsForNode``); a character no font of the system has is
    drawn as an empty box in the element's first font, which lacks it.
    """
    files = font_files(tuple(sorted(environ.items())))
    root = browser.send("DOM.getDocument", depth=-1, pierce=True)["root"]
    problems = []
    drawn = 0
    for node_id, text in text_elements(root):
        fonts = browser.send("CSS.getPlatformFontsForNode", nodeId=node_id)["fonts"]
        if not fonts:
            continue  # not drawn (hidden), so no glyph to miss
        covered: set[int] = set()
        for font in fonts:
            if font["postScriptName"] in files:
                covered |= characters_of(*files[font["postScriptName"]])
        characters = CJK.findall(text)
        drawn += len(characters)
        lacking = sorted({c for c in characters if ord(c) not in covered})
        if lacking:
            used = ", ".join(font["familyName"] for font in fonts)
            problems.append(f"{''.join(lacking[:12])!r} drawn in {used}")
    if not drawn:
        problems.append("no Chinese text drawn")
    return problems


def check_glyphs(
    pages: list[Path], chromium: str, screenshot: Path | None, environ: Mapping[str, str]
) -> dict[Path, list[str]]:
    """Missing glyphs per page of `pages`, and a screenshot of the first page to `screenshot`."""
    found = {}
    with devtools(chromium, environ) as browser:
        for number, page in enumerate(pages):
            browser.open(page.resolve().as_uri())
            found[page] = missing_glyphs(browser, environ)
            if number == 0 and screenshot is not None:
                picture = browser.send("Page.captureScreenshot", format="png")["data"]
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                screenshot.write_bytes(base64.b64decode(picture))
    return found


#: The sidebar link to the page in the other language (docs/languages.py).
SWITCH = re.compile(r'class="sidebar-language-switch"[^>]*>\s*<a href="([^"]+)"')


def broken_switch(page: Path) -> str | None:
    """The language-switch link of `page` if it leads to no page, else None."""
    link = SWITCH.search(page.read_text(encoding="utf-8"))
    if link is None or (page.parent / link.group(1)).is_file():
        return None
    return link.group(1)


def has_math(page: Path) -> bool:
    """Whether `page` holds formulas for MathJax."""
    return 'class="math' in page.read_text(encoding="utf-8")


def glyph_problems(html_dir: Path, chromium: str) -> list[str]:
    """Missing glyphs on the Chinese pages under `html_dir`, the screenshot page first."""
    chinese = sorted((html_dir / CHINESE).rglob("*.html"))
    if not chinese:
        return []
    first = html_dir / SCREENSHOT_PAGE
    if first not in chinese:
        return [f"{SCREENSHOT_PAGE}: missing (the page photographed for the glyph check)"]
    pages = [first, *(page for page in chinese if page != first)]
    screenshot = html_dir.parent / "screenshots" / "zh-ranking.png"
    found = check_glyphs(pages, chromium, screenshot, os.environ)
    return [
        f"{page.relative_to(html_dir)}: missing glyphs (tofu): {problem}"
        for page, problems in found.items()
        for problem in problems
    ]


#: What a page shows where a glued Python object was printed instead of its value.
OBJECT_REPR = re.compile(r"&lt;([\w.]+ object)(?: at 0x[0-9a-f]+)?&gt;")


def python_repr_shown(page: Path) -> str | None:
    """The first ``<... object>`` text the page shows a reader, or None.

    ``{glue:text}`` of a value glued as Markdown prints the object's repr into the prose.
    """
    found = OBJECT_REPR.search(page.read_text(encoding="utf-8"))
    return None if found is None else f"<{found.group(1)}>"


def main(argv: list[str]) -> int:
    """Report every page that loads a remote resource; 1 if any, else 0."""
    html_dir = Path(argv[0]) if argv else Path(__file__).parent / "_build" / "html"
    pages = sorted(html_dir.rglob("*.html"))
    problems = [
        f"{page.relative_to(html_dir)}: loads {url} from the network"
        for page in pages
        for url in remote_loads(page)
    ]
    problems += [
        f"{page.relative_to(html_dir)}: MathJax is referenced but not in _static/mathjax"
        for page in pages
        if missing_local_mathjax(page, html_dir)
    ]
    problems += [
        f"{page.relative_to(html_dir)}: a value shown as {shown} ({{glue:text}} of a text: use "
        "{glue:md})"
        for page in pages
        if (shown := python_repr_shown(page)) is not None
    ]
    problems += [
        f"{page.relative_to(html_dir)}: the link to the other language leads nowhere ({link})"
        for page in pages
        if (link := broken_switch(page)) is not None
    ]
    chromium = shutil.which("chromium")
    if chromium is not None:
        problems += [
            f"{page.relative_to(html_dir)}: MathJax did not typeset the formulas in Chromium"
            for page in pages
            if has_math(page) and not typeset_in_chromium(page, chromium)
        ]
        problems += glyph_problems(html_dir, chromium)
    for line in problems:
        print(line, file=sys.stderr)
    if not pages:
        print(f"no HTML pages under {html_dir}", file=sys.stderr)
        return 1
    if problems:
        return 1
    typeset = "" if chromium is None else ", formulas typeset and Chinese drawn in Chromium"
    print(f"{len(pages)} pages checked: nothing loaded from the network{typeset}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
