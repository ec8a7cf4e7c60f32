"""What the pytest suites need from the machine, found or failed for.

A missing binary, browser, tool or file fails the test that needs it, with a message saying what
is missing and how to get it; it never skips. A run that skipped has not tested, and `make test`
must not pass on a machine that could not run the tests.

Each suite puts this folder on `sys.path` and imports the module:

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import prerequisites
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: Debian's Chromium and its driver; `KRETSLOPP_CHROMIUM` and `KRETSLOPP_CHROMEDRIVER` name others.
CHROMIUM = os.environ.get("KRETSLOPP_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KRETSLOPP_CHROMEDRIVER", "/usr/bin/chromedriver")


def missing(message: str):
    """Fails the current test (or fixture) with `message` and no traceback."""
    pytest.fail(message, pytrace=False)


def kretslopp_binary() -> Path:
    """The kretslopp binary: `KRETSLOPP_BIN` when set (and then only that one), else
    `.build/release/kretslopp`, else `.build/debug/kretslopp`."""
    env = os.environ.get("KRETSLOPP_BIN")
    if env:
        path = Path(env)
        if not (path.is_file() and os.access(path, os.X_OK)):
            missing(f"KRETSLOPP_BIN={env} is not an executable file: point it at a built kretslopp "
                    "(make site, or swift build -c release --product kretslopp --static-swift-stdlib)")
        return path
    for candidate in (REPO / ".build/release/kretslopp", REPO / ".build/debug/kretslopp"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    missing("no kretslopp binary: run `make site` (or `swift build -c release --product kretslopp "
            "--static-swift-stdlib`) or set KRETSLOPP_BIN")


def chromium() -> tuple[str, str]:
    """Paths of Chromium and chromedriver."""
    absent = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).is_file()]
    if absent:
        missing(f"no {' and no '.join(absent)}: the browser tests need Chromium and chromedriver "
                "(apt-get install chromium chromium-driver, or set KRETSLOPP_CHROMIUM and KRETSLOPP_CHROMEDRIVER)")
    return CHROMIUM, CHROMEDRIVER


def command(name: str, install: str) -> str:
    """The path of the command `name` on PATH; `install` says how to get it."""
    path = shutil.which(name)
    if path is None:
        missing(f"`{name}` is not on PATH: {install}")
    return path


def file(path: Path, what: str) -> Path:
    """`path`, which must be a file; `what` says what it is and where it comes from."""
    if not path.is_file():
        missing(f"{what} not found at {path}")
    return path


def headless_chromium(*arguments: str, logging: dict | None = None, prefs: dict | None = None):
    """A headless Chromium driven by chromedriver (Debian's binaries, nothing downloaded)."""
    binary, driver = chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", *arguments):
        options.add_argument(argument)
    if prefs:
        options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", logging or {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    return browser
