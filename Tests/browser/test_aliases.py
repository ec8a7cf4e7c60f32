"""A page's old URL (front matter `aliases:`; Content/om.md has `/om-programmet/`) sends the
reader on to the page: over HTTP and from file://, and the page that does it passes axe."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_pages import run_axe

OLD = "om-programmet/index.html"


def test_the_old_url_sends_the_reader_on(site_url, driver):
    driver.get(site_url + "/om-programmet/")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/om/") and d.find_elements(By.TAG_NAME, "h1"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Om programmet"


def test_the_old_url_sends_the_reader_on_offline(relative_site_dir, driver):
    driver.get((relative_site_dir / OLD).as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.current_url.endswith("/om/index.html") and d.find_elements(By.TAG_NAME, "h1")
    )
    assert driver.find_element(By.TAG_NAME, "h1").text == "Om programmet"


def test_the_old_url_of_a_hosted_build_opens_the_page_from_disk(site_dir, driver):
    """A build with pretty URLs opened from disk: the refresh to `../om/` would show the folder's
    listing there, so the page goes to `../om/index.html` first."""
    driver.get((site_dir / OLD).as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.current_url.endswith("/om/index.html") and d.find_elements(By.TAG_NAME, "h1")
    )
    assert driver.find_element(By.TAG_NAME, "h1").text == "Om programmet"


def test_the_page_at_the_old_url_passes_axe(site_dir, driver, tmp_path):
    """Its markup, without the refresh and the script (which would leave it before axe could look)."""
    html = (site_dir / OLD).read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../om/">' in html
    assert '<a href="../om/">Om programmet</a>' in html
    still = tmp_path / "old.html"
    script = '<script>if (location.protocol === "file:") location.replace("../om/index.html");</script>\n'
    assert script in html
    still.write_text(html.replace('http-equiv="refresh"', 'name="x-refresh"').replace(script, ""), encoding="utf-8")
    driver.get(still.as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text == "Om programmet"
    assert run_axe(driver) == []
