"""A site with no menu and one language (a book or a docs tree brought over without one): no menu
button that opens nothing and no empty menu bar, the header still laid out, and axe clean on a
phone and a wide screen."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import built_and_served
from test_pages import run_axe

PAGES = {
    "site.yaml": "title: Field book\nlanguage: en\nbaseURL: https://example.org/\n",
    "README.md": "# Field book\n\nStart with [the zebra](zebra.md).\n",
    "zebra.md": "# Zebra\n\nStripes.\n",
}


@pytest.fixture(scope="module")
def menu_less_site(tmp_path_factory):
    """The site built and served over HTTP: its base URL."""
    for url, _ in built_and_served(tmp_path_factory, "menu-less", PAGES):
        yield url


@pytest.mark.parametrize("width", [360, 1280])
def test_no_menu_button_to_open_nothing(width, menu_less_site, driver, console_errors):
    driver.set_window_size(width, 800)
    for path in ["", "zebra/"]:
        driver.get(menu_less_site + path)
        assert driver.find_elements(By.CSS_SELECTOR, ".menu-toggle") == []
        assert driver.find_elements(By.CSS_SELECTOR, "#kl_menu, .main-nav") == []
        # The header still has the site's name and the search form side by side or stacked.
        title = driver.find_element(By.CSS_SELECTOR, ".site-title")
        search = driver.find_element(By.CSS_SELECTOR, ".site-header input[type=search]")
        assert title.is_displayed() and search.is_displayed()
        assert title.rect["width"] > 0 and search.rect["width"] >= 150
        assert run_axe(driver) == [], path
    assert console_errors(driver) == []


BOOK = {
    "site.yaml": ("title: Field book\nlanguage: sv\nbaseURL: https://example.org/\nmenu: []\n"
                  "nav:\n  - Start: README.md\n  - Djur:\n      - Zebra: zebra.md\n"),
    "README.md": "# Fältboken\n\nBörja med [zebran](zebra.md).\n",
    "zebra.md": "# Zebra\n\n" + "Ränder.\n\n" * 60,
}


@pytest.fixture(scope="module")
def book_site(tmp_path_factory):
    """A book with `menu: []` and a nav (an mdBook's import), built and served: its base URL."""
    for url, _ in built_and_served(tmp_path_factory, "menu-less-book", BOOK):
        yield url


def test_a_book_without_a_menu_bar_leads_to_its_contents_on_a_phone(book_site, driver, nojs_driver):
    for browser in (driver, nojs_driver):
        browser.set_window_size(360, 800)
        browser.get(book_site + "zebra/")
        assert browser.find_elements(By.CSS_SELECTOR, "#kl_menu, .main-nav, button.menu-toggle") == []
        link = browser.find_element(By.CSS_SELECTOR, "a.site-nav-link")
        assert link.is_displayed() and link.text == "Innehåll"
        nav = browser.find_element(By.ID, "kl_site_nav")
        # After the page on a narrow screen: out of sight until the link is followed.
        assert nav.location["y"] > 800
        link.click()
        assert browser.execute_script("return location.hash") == "#kl_site_nav"
        # In view (at the top, or as near it as the end of the page lets it come).
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", nav)
        assert 0 <= top < 800 / 2, top
    assert run_axe(driver) == []
    # On a wide screen the nav is beside the page, and the link is not shown.
    driver.set_window_size(1280, 800)
    driver.get(book_site + "zebra/")
    assert not driver.find_element(By.CSS_SELECTOR, "a.site-nav-link").is_displayed()
    assert driver.find_element(By.ID, "kl_site_nav").is_displayed()
    assert run_axe(driver) == []
