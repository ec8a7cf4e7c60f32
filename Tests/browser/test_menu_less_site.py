"""A site with no menu and one language (a book or a docs tree brought over without one): no menu
button that opens nothing and no empty menu bar, the header still laid out, and axe clean on a
phone and a wide screen."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import built_with_default_theme, serve
from test_pages import run_axe

PAGES = {
    "site.yaml": "title: Field book\nlanguage: en\nbaseURL: https://example.org/\n",
    "README.md": "# Field book\n\nStart with [the zebra](zebra.md).\n",
    "zebra.md": "# Zebra\n\nStripes.\n",
}


@pytest.fixture(scope="module")
def menu_less_site(tmp_path_factory):
    """The site built and served over HTTP: its base URL."""
    content = tmp_path_factory.mktemp("menu-less")
    for path, text in PAGES.items():
        (content / path).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp("menu-less-site")
    built_with_default_theme(content, output)
    server = serve(output)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


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
