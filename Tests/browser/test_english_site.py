"""Browser test of an English site with the default theme: the search page and its script speak
English (every text from Themes/default/i18n/en.yaml), and an inflected English query finds the
base form through the engine's port of Snowball English.

The site is a small content tree written here and built with the kretslopp binary (KRETSLOPP_BIN,
see conftest); no Swedish UI text (any value of i18n/sv.yaml that English does not share) may
show on the page, before or after the script has run.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, find_binary, served

THEME = REPO / "Themes/default"
ENGLISH = yaml.safe_load((THEME / "i18n/en.yaml").read_text(encoding="utf-8"))
SWEDISH = yaml.safe_load((THEME / "i18n/sv.yaml").read_text(encoding="utf-8"))

CONTENT = {
    "site.yaml": """\
title: Circular procurement
language: en
baseURL: https://example.org/
menu:
  - title: Projects
    url: /projects/
taxonomies:
  - key: tags
    title: Tags
    singular: Tag
    path: tags
    param: tag
    required: true
    sections: [projects]
    terms:
      - id: circular
        title: Circular
      - id: climate
        title: Climate-adapted
""",
    "_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "projects/_index.md": "---\ntitle: Projects\n---\nAll projects.\n",
    "projects/procurement-of-furniture.md": "---\ntitle: Procurement of furniture\ntags: [circular]\n---\n"
    "The city sets requirements for reuse when it makes a procurement of furniture.\n",
    "projects/repairing-bicycles.md": "---\ntitle: Repairing bicycles\ntags: [climate]\n---\n"
    "Volunteers repaired hundreds of bicycles.\n",
}


def swedish_pieces() -> list[str]:
    """Every Swedish UI text English does not share, cut at {n} and {q}."""
    english = set(ENGLISH.values())
    pieces = []
    for value in SWEDISH.values():
        if value in english:
            continue
        for piece in re.split(r"\{[nq]\}", value):
            piece = piece.strip(" ”:().,")
            if len(piece) >= 3:
                pieces.append(piece)
    return pieces


@pytest.fixture(scope="module")
def english_site(tmp_path_factory) -> str:
    """The English site built and served over HTTP; its base URL."""
    content = tmp_path_factory.mktemp("english-content")
    for path, text in CONTENT.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp("english-site")
    command = [str(find_binary()), "build", "--content", str(content), "--theme", str(THEME), "--output", str(output)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    with served(Path(output)) as url:
        yield url


def visible_swedish(driver) -> list[str]:
    text = driver.execute_script("return document.body.innerText + ' ' + document.title")
    return [piece for piece in swedish_pieces() if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)]


def wait_for_summary(driver, expected: str) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    def summary(d):
        return d.execute_script("var s = document.querySelector('[data-search-summary]'); return s && s.textContent;")

    WebDriverWait(driver, 10, poll_frequency=0.05).until(lambda d: summary(d) == expected)
    return summary(driver)


def test_english_search_page_finds_inflections_in_english(english_site, driver, console_errors):
    assert len(swedish_pieces()) > 60
    driver.get(english_site + "search/?q=procurements")
    assert driver.execute_script("return document.documentElement.lang") == "en"
    expected = ENGLISH["searchCountOne"].replace("{q}", "procurements")
    wait_for_summary(driver, expected)
    titles = driver.execute_script(
        "return [...document.querySelectorAll('[data-search-list] h3 a')].map(a => a.textContent)")
    assert titles == ["Procurement of furniture"]
    assert visible_swedish(driver) == []
    # No results: the tips are English too.
    driver.get(english_site + "search/?q=zzyzx")
    wait_for_summary(driver, ENGLISH["searchCountNone"].replace("{q}", "zzyzx"))
    assert ENGLISH["searchNoneHeading"] in driver.execute_script("return document.body.innerText")
    assert visible_swedish(driver) == []
    assert script_errors(driver, console_errors) == []


def script_errors(driver, console_errors) -> list[str]:
    # The small site has no favicon (the programme's sits in Content/static/): not a script error.
    return [message for message in console_errors(driver) if "favicon.ico" not in message]


def test_english_pages_have_no_swedish_ui_text(english_site, driver, console_errors):
    for path in ["", "projects/", "projects/procurement-of-furniture/", "tags/", "tags/circular/", "404.html"]:
        driver.get(english_site + path)
        assert driver.execute_script("return document.documentElement.lang") == "en", path
        assert visible_swedish(driver) == [], path
    assert script_errors(driver, console_errors) == []
