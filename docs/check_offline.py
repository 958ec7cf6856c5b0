"""Check that the built HTML pages load nothing from the network.

Run by ``make docs`` after the build: a script, stylesheet, font or image fetched from another
host would leave a reader without the network with broken pages (formulas as raw LaTeX, say).
Links a reader clicks (``<a href>``) are not loads and are allowed.

Where Chromium is installed, every page with formulas is also opened in it (headless, no
network needed) to check that the bundled MathJax typesets them.

Usage: ``python docs/check_offline.py [HTML_DIR]``; exits 1 naming each offending page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

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


def has_math(page: Path) -> bool:
    """Whether `page` holds formulas for MathJax."""
    return 'class="math' in page.read_text(encoding="utf-8")


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
    chromium = shutil.which("chromium")
    if chromium is not None:
        problems += [
            f"{page.relative_to(html_dir)}: MathJax did not typeset the formulas in Chromium"
            for page in pages
            if has_math(page) and not typeset_in_chromium(page, chromium)
        ]
    for line in problems:
        print(line, file=sys.stderr)
    if not pages:
        print(f"no HTML pages under {html_dir}", file=sys.stderr)
        return 1
    if problems:
        return 1
    typeset = "" if chromium is None else ", formulas typeset in Chromium"
    print(f"{len(pages)} pages checked: nothing loaded from the network{typeset}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
