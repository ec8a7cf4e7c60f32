#!/usr/bin/env python3
"""Screenshot of a page, for humans: `python3 Tests/browser/screenshot.py URL OUT.png [width]`.

URL may be http://, file:// or a path to a local HTML file. The whole page is captured at the
given width (default 1280 px), with Debian's headless Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def screenshot(url: str, out: Path, width: int = 1280) -> None:
    """Saves a full-page PNG of `url` at `width` CSS pixels to `out`."""
    if "://" not in url:
        url = Path(url).resolve().as_uri()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(width, 900)
        driver.get(url)
        height = driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"
        )
        driver.set_window_size(width, min(max(height, 600), 16000))
        driver.save_screenshot(str(out))
    finally:
        driver.quit()


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    width = int(argv[3]) if len(argv) == 4 else 1280
    screenshot(argv[1], Path(argv[2]), width)
    print(f"wrote {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
