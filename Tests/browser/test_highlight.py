"""Browser tests of highlight on arrival (Themes/default/assets/highlight.js) on a small fixture site.

A result links to its page with ?highlight=<query>; the page marks the query's words in <main>
(<mark class="search-hit">, the words the engine marks in excerpts) and scrolls the first one into
view, the first after the #fragment's element when there is one. A page without the parameter is
left as it is. The fixture site is written here and built with the kretslopp binary (KRETSLOPP_BIN,
see conftest), with pretty URLs over HTTP and with --relative-urls from file://. The engine tests
(test_search_engine.py) search the same site for query compounds and sub-results.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import REPO, find_binary, served

THEME = REPO / "Themes/default"
MODES = ["http", "file"]

# Paragraphs without any query word, to push the hits below the fold of a 900 px window.
FILLER = "\n\n".join(
    f"Stycke {n}: här berättar texten om annat, om hur arbetet planerades och vilka som deltog under året."
    for n in range(1, 31)
)

CONTENT = {
    "site.yaml": """\
title: Fixtur
language: sv
baseURL: https://fixtur.example.se/
markdown:
  headingIDs: ascii
menu:
  - title: Projekt
    url: /projekt/
taxonomies:
  - key: tags
    title: Taggar
    singular: Tagg
    path: taggar
    param: tagg
    sections: [projekt]
    terms:
      - id: cirkular
        title: Cirkulär
""",
    "_index.md": "---\ntitle: Start\n---\nVälkommen.\n",
    "projekt/_index.md": "---\ntitle: Projekt\n---\nAlla projekt.\n",
    # The compound itself...
    "projekt/motesplats.md": "---\ntitle: Mötesplats för näringslivet\ntags: [cirkular]\n---\n"
    "Staden driver ett företagsforum för cirkulär upphandling.\n",
    # ...and its parts apart.
    "projekt/natverk.md": "---\ntitle: Nätverk i regionen\ntags: [cirkular]\n---\n"
    "Ett forum där företag och kommuner delar sina erfarenheter.\n",
    # A long page: a word near the top, sections far below.
    "projekt/guide.md": "---\ntitle: Guide för skolor\ntags: [cirkular]\n---\n"
    "Skolan köper in möbler varje år.\n\n"
    + FILLER
    + "\n\n## Bakgrund\n\nSkolorna har länge köpt nytt.\n\n"
    + FILLER
    + "\n\n## Återbruk i praktiken\n\nÅterbruk av stolar sparar pengar. Med återbruket följer nya rutiner."
    "\n\n## Stolar och bord\n\nBegagnade möbler renoveras av en snickare.\n",
}


def build(content: Path, output: Path, *extra: str) -> Path:
    command = [str(find_binary()), "build", "--content", str(content), "--theme", str(THEME), "--output", str(output)]
    result = subprocess.run([*command, *extra], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory):
    """Base URL (ending in /) of the fixture site per mode: "http" (pretty URLs) and "file"."""
    content = tmp_path_factory.mktemp("fixture-content")
    for path, text in CONTENT.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    pretty = build(content, tmp_path_factory.mktemp("fixture-site"))
    relative = build(content, tmp_path_factory.mktemp("fixture-site-relative"), "--relative-urls")
    with served(pretty) as url:
        yield {"http": url, "file": relative.as_uri() + "/"}


def page_url(bases: dict, mode: str, path: str, query: str = "") -> str:
    """The URL of a site path (`projekt/guide/`) in a mode, with `?…#…` after the file name."""
    if mode == "file" and path.endswith("/"):
        path += "index.html"
    return bases[mode] + path + query


MARKS_JS = """
const view = window.innerHeight;
return [...document.querySelectorAll('main mark.search-hit')].map(m => {
  const box = m.getBoundingClientRect();
  return {text: m.textContent, inView: box.top >= 0 && box.bottom <= view,
          heading: (m.closest('h1, h2, h3') || {}).id || ''};
});
"""


def marks(driver) -> list[dict]:
    return driver.execute_script(MARKS_JS)


def wait_for_marks(driver) -> list[dict]:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10, poll_frequency=0.05).until(lambda d: marks(d))
    return marks(driver)


def errors(driver, console_errors) -> list[str]:
    return [message for message in console_errors(driver) if "favicon.ico" not in message]


@pytest.mark.parametrize("mode", MODES)
def test_marks_the_words_and_scrolls_to_the_first(fixture_sites, driver, console_errors, mode):
    console_errors(driver)
    driver.get(page_url(fixture_sites, mode, "projekt/guide/", "?highlight=%C3%A5terbruk"))
    found = wait_for_marks(driver)
    texts = [mark["text"] for mark in found]
    # The heading, both inflections in its section; nothing else.
    assert texts == ["Återbruk", "Återbruk", "återbruket"], texts
    assert found[0]["inView"], f"the first mark is not scrolled into view: {found}"
    assert driver.execute_script("return window.scrollY") > 0
    # Marks wrap words only: the text reads as before.
    assert "Återbruk av stolar sparar pengar. Med återbruket följer nya rutiner." in driver.find_element(
        "tag name", "main").text
    assert errors(driver, console_errors) == []


@pytest.mark.parametrize("mode", MODES)
def test_the_first_mark_after_the_fragment(fixture_sites, driver, console_errors, mode):
    console_errors(driver)
    driver.get(page_url(fixture_sites, mode, "projekt/guide/", "?highlight=m%C3%B6bler#stolar-och-bord"))
    found = wait_for_marks(driver)
    assert [mark["text"] for mark in found] == ["möbler", "möbler"], found
    # The one near the top of the page is out of view; the one under the fragment's heading is in it.
    assert not found[0]["inView"] and found[1]["inView"], found
    assert errors(driver, console_errors) == []


@pytest.mark.parametrize("mode", MODES)
def test_a_page_without_the_parameter_is_untouched(fixture_sites, driver, console_errors, mode):
    console_errors(driver)
    driver.get(page_url(fixture_sites, mode, "projekt/guide/"))
    before = driver.execute_script("return document.querySelector('main').innerHTML")
    # Wait for the engine (loaded on every page) to be ready: a highlight would have come by then.
    driver.execute_async_script(
        "const done = arguments[0]; window.kretslopp.searchReady.then(() => setTimeout(done, 200), done);")
    assert driver.execute_script("return document.querySelectorAll('mark').length") == 0
    assert driver.execute_script("return document.querySelector('main').innerHTML") == before
    assert driver.execute_script("return window.scrollY") == 0
    # An empty or one-letter parameter is no query either.
    driver.get(page_url(fixture_sites, mode, "projekt/guide/", "?highlight=+x+"))
    driver.execute_async_script(
        "const done = arguments[0]; window.kretslopp.searchReady.then(() => setTimeout(done, 200), done);")
    assert driver.execute_script("return document.querySelectorAll('mark').length") == 0
    assert errors(driver, console_errors) == []


@pytest.mark.parametrize("mode", MODES)
def test_following_a_result_marks_the_query(fixture_sites, driver, console_errors, mode):
    """A result of the search page links with ?highlight=; the page it opens marks the words."""
    from selenium.webdriver.support.ui import WebDriverWait

    console_errors(driver)
    driver.get(page_url(fixture_sites, mode, "sok/", "?q=f%C3%B6retagsforum"))
    link = WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.find_elements("css selector", "[data-search-list] .search-result__title a"))[0]
    assert "?highlight=f%C3%B6retagsforum" in link.get_attribute("href")
    link.click()
    found = wait_for_marks(driver)
    assert [mark["text"] for mark in found] == ["företagsforum"]
    assert found[0]["inView"]
    assert errors(driver, console_errors) == []


def contrast(first: list[float], second: list[float]) -> float:
    """WCAG contrast ratio of two sRGB colours given as [r, g, b] in 0–255."""

    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


STYLE_JS = """
const mark = document.querySelector('main mark.search-hit'), style = getComputedStyle(mark);
const rgb = value => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
return {color: rgb(style.color), background: style.backgroundColor, outline: style.outlineStyle,
        underline: style.textDecorationLine, shadow: style.boxShadow};
"""


def test_marks_are_accessible_in_every_mode(fixture_sites, driver):
    """Text on the mark has 4.5:1 at least; with forced colours it keeps an outline and an
    underline; printed, it is plain text."""
    driver.get(page_url(fixture_sites, "http", "projekt/guide/", "?highlight=stolar"))
    wait_for_marks(driver)
    style = driver.execute_script(STYLE_JS)
    background = [float(c) for c in style["background"][style["background"].index("(") + 1:-1].split(",")[:3]]
    assert contrast(style["color"], background) >= 4.5, style
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
        forced = driver.execute_script(STYLE_JS)
        assert forced["outline"] == "solid" and "underline" in forced["underline"], forced
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
        printed = driver.execute_script(STYLE_JS)
        assert printed["background"] in ("rgba(0, 0, 0, 0)", "transparent") and printed["shadow"] == "none", printed
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
