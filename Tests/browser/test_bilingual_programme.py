"""The programme itself in Swedish and English (Content/, built by the session fixture of
conftest): the language switcher on every page type, search and filters in each language, axe on
the English pages of every kind. The fixture site (test_bilingual_site.py) tests the mechanics;
this one the site IVL publishes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from test_bilingual_site import ENGLISH, SWEDISH, path_of, result_titles, switch, visible_cards
from test_pages import run_axe

CONTENT = REPO / "Content"

# The same page in both languages, one of each kind the site has.
PAIRS = [
    ("home", "", "en/"),
    ("section", "projekt/", "en/projects/"),
    ("project", "projekt/trafikverket/", "en/projects/swedish-transport-administration/"),
    ("page", "om/", "en/about/"),
    ("glossary", "ordlista/", "en/glossary/"),
    ("statement", "tillganglighet/", "en/accessibility/"),
    ("taxonomy", "taggar/", "en/tags/"),
    ("term", "taggar/cirkular/", "en/tags/cirkular/"),
    ("areas", "omraden/", "en/areas/"),
    ("collection", "organisationer/", "en/organisations/"),
    ("record", "organisationer/ivl/", "en/organisations/ivl/"),
    ("search", "sok/", "en/search/"),
    ("report", "rapport/", "en/report/"),
]


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))


def projects(language: str) -> list[dict]:
    suffix = ".en.md" if language == "en" else ".md"
    pages = [p for p in sorted((CONTENT / "projekt").glob("*" + suffix)) if not p.name.startswith("_index")]
    return [front_matter(p) for p in pages if language == "en" or not p.name.endswith(".en.md")]


@pytest.mark.parametrize("kind,swedish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_switcher_goes_to_the_same_page_in_the_other_language(kind, swedish, english, site_url, driver):
    driver.get(site_url + swedish)
    assert driver.execute_script("return document.documentElement.lang") == "sv"
    assert switch(driver) == ENGLISH["languageName"]
    assert path_of(driver, site_url) == english, kind
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert switch(driver) == SWEDISH["languageName"]
    assert path_of(driver, site_url) == swedish, kind


@pytest.mark.parametrize("kind,swedish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_english_pages_pass_axe_and_show_no_swedish_ui(kind, swedish, english, site_url, driver):
    driver.get(site_url + english)
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert run_axe(driver) == [], english
    # The theme's Swedish UI words and the status values stay out of the English pages.
    text = driver.execute_script("return document.body.innerText")
    for word in ("Pågående", "Avslutad", "Sök", "Meny", "Filtrera"):
        assert not re.search(rf"\b{word}\b", text), (english, word)


def test_procurement_finds_the_english_pages_of_upphandling(site_url, driver):
    driver.get(site_url + "en/search/?q=procurement")
    found = result_titles(driver)
    english_titles = {p["title"] for p in projects("en")}
    swedish_titles = {p["title"] for p in projects("sv")} - english_titles
    assert len(found & english_titles) >= 5, found
    assert not found & swedish_titles
    links = driver.execute_script("return [...document.querySelectorAll('[data-search-list] h3 a')].map(a => a.href)")
    assert all("/en/" in link for link in links), links


def test_criteria_finds_criterion(site_url, driver):
    driver.get(site_url + "en/search/?q=criteria")
    found = result_titles(driver)
    assert any("criteri" in title.lower() for title in found), found
    driver.get(site_url + "en/search/?q=criterion")
    assert any("criteri" in title.lower() for title in result_titles(driver))


def test_swedish_search_finds_swedish_pages(site_url, driver):
    driver.get(site_url + "sok/?q=upphandling")
    found = result_titles(driver)
    assert len(found & {p["title"] for p in projects("sv")}) >= 5
    assert not found & ({p["title"] for p in projects("en")} - {p["title"] for p in projects("sv")})


@pytest.mark.parametrize("language,path", [("sv", "projekt/"), ("en", "en/projects/")])
def test_filters_count_the_projects_of_the_language(language, path, site_url, driver):
    driver.get(site_url + path)
    found = driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('[data-facets-root] .facet')].map("
        "a => [a.dataset.slug, a.querySelector('.facet__count').firstChild.textContent.trim()]))")
    pages = projects(language)
    circular = [p["title"] for p in pages if "cirkulär" in p["tags"]]
    assert found["cirkular"] == str(len(circular))
    assert found["klimatanpassad"] == str(sum("klimatanpassad" in p["tags"] for p in pages))
    link = driver.find_element("css selector", "[data-facets-root] .facet[data-slug='cirkular']")
    driver.execute_script("arguments[0].click()", link)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: len(visible_cards(d)) == len(circular))
