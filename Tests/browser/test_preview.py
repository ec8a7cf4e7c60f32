"""`kretslopp serve` in a real browser: live reload, the error overlay, stylesheet swaps and a
search that follows every edit.

Each test runs the server on copies of Content/ and Themes/ in a temporary folder, edits the
copies like an editor would and waits (generously) for the open page to follow.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import prerequisites
from conftest import copy_programme

REPO = Path(__file__).resolve().parents[2]
PAGE = "Content/projekt/cirkulara-goteborg.md"
URL_PATH = "projekt/cirkulara-goteborg/"
WAIT = 30  # seconds; a debug build on a busy machine can be slow, but never this slow
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]


def binary() -> Path:
    return prerequisites.kretslopp_binary()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """A running `kretslopp serve` on copies of the site's sources."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = open(root / "serve.log", "w+")
        self.process = subprocess.Popen(
            [str(binary()), "serve", "--content", "Content", "--theme", "Themes/default", "--port", str(self.port)],
            cwd=root, stdout=self.log, stderr=subprocess.STDOUT,
        )

    def wait_until_serving(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"kretslopp serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"kretslopp serve did not answer within 120 s:\n{self.output()}")

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return (self.root / "serve.log").read_text()

    def edit(self, relative: str, old: str, new: str):
        """Replaces text in a source file, written in place like most editors do."""
        path = self.root / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1))

    def save_by_rename(self, relative: str, text: str):
        """Saves like editors that write a temporary file and rename it over the original."""
        path = self.root / relative
        temporary = path.with_name("." + path.name + ".tmp")
        temporary.write_text(text)
        os.replace(temporary, path)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode


def serving(root: Path):
    """A preview of `root` for a fixture to yield, stopped when the fixture ends."""
    server = Preview(root)
    try:
        server.wait_until_serving()
        yield server
    finally:
        server.stop()


@pytest.fixture
def preview(tmp_path):
    copy_programme(tmp_path)
    yield from serving(tmp_path)


def wait_for(driver, condition, message: str, timeout: float = WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message)


def overlay_text(driver) -> str | None:
    return driver.execute_script(
        "var o = document.getElementById('kretslopp-overlay'); return o ? o.textContent : null;"
    )


def heading(driver) -> str:
    """The page's h1 text; read in one script call, so a reload in between cannot go stale."""
    return driver.execute_script("var h = document.querySelector('h1'); return h ? h.textContent : '';") or ""


def line_and_column(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not found")


def run_axe(driver) -> list[dict]:
    from selenium_axe_python import Axe

    Axe(driver).inject()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run(document, {json.dumps(options)}).then(done, e => done({{error: String(e)}}));"
    )
    assert "error" not in results, results.get("error")
    return results["violations"]


def test_saving_a_page_reloads_it(preview, driver):
    driver.get(preview.url + URL_PATH)
    assert "Cirkulära Göteborg" in heading(driver)
    driver.execute_script("window.__beforeReload = true;")

    preview.edit(PAGE, "title: Cirkulära Göteborg", "title: Cirkulära Göteborg i förhandsvisning")
    wait_for(driver, lambda d: "i förhandsvisning" in heading(d),
             "the page did not show the edited title")
    assert driver.execute_script("return window.__beforeReload === undefined;"), "expected a full reload"

    # Rename-on-save is picked up the same way.
    text = (preview.root / PAGE).read_text().replace("i förhandsvisning", "sparad med rename")
    preview.save_by_rename(PAGE, text)
    wait_for(driver, lambda d: "sparad med rename" in heading(d),
             "the page did not follow a rename-on-save")


def test_broken_front_matter_shows_an_overlay_until_fixed(preview, driver):
    driver.get(preview.url + URL_PATH)
    original = (preview.root / PAGE).read_text()
    assert "tags: [cirkulär]" in original
    preview.edit(PAGE, "tags: [cirkulär]", "tags: [cirkular]")
    line, column = line_and_column((preview.root / PAGE).read_text(), "cirkular]")
    location = f"{PAGE}:{line}:{column}"

    wait_for(driver, lambda d: overlay_text(d) is not None, "no error overlay appeared")
    role, text = driver.execute_script(
        "var o = document.getElementById('kretslopp-overlay'); return [o.getAttribute('role'), o.innerText];")
    assert role == "alert"
    assert location in text, text
    # The box speaks the page's language; the diagnostics are the terminal's, in English.
    words = driver.execute_script(
        "var o = document.getElementById('kretslopp-overlay');"
        "return [o.lang, o.querySelector('p').textContent, o.querySelector('button').textContent,"
        " o.querySelector('div').lang];")
    assert words[0] == "sv" and words[1].startswith("Bygget misslyckades (1 fel)") and words[2] == "Stäng", words
    assert words[3] == "en", words
    assert "cirkular" in text and "tags: [cirkular]" in text, text
    # The last good build is still served.
    assert "Cirkulära Göteborg" in heading(driver)
    # The terminal says the same.
    assert location in preview.output()

    # A page opened while the build is broken shows the overlay at once.
    driver.get(preview.url)
    wait_for(driver, lambda d: location in (overlay_text(d) or ""), "no overlay on a freshly opened page")
    violations = run_axe(driver)
    assert not violations, "axe-core violations with the overlay shown:\n" + "\n".join(
        f"{v['id']}: {v['help']}" for v in violations)
    driver.get(preview.url + "en/")
    wait_for(driver, lambda d: location in (overlay_text(d) or ""), "no overlay on an English page")
    assert driver.execute_script("return document.getElementById('kretslopp-overlay').lang;") == "en"
    assert overlay_text(driver).startswith("CloseBuild failed (1 error)"), overlay_text(driver)

    preview.edit(PAGE, "tags: [cirkular]", "tags: [cirkulär]")
    wait_for(driver, lambda d: overlay_text(d) is None, "the overlay stayed after the fix")


def warnings_box(driver) -> list | None:
    return driver.execute_script(
        "var b = document.getElementById('kretslopp-warnings');"
        "return b ? [b.getAttribute('role'), b.lang, b.querySelector('p').textContent, b.innerText,"
        " b.getBoundingClientRect().bottom <= window.innerHeight + 1] : null;")


def test_the_saved_files_warnings_show_under_the_page_until_fixed(preview, driver):
    driver.get(preview.url + URL_PATH)
    text = (preview.root / PAGE).read_text()
    paragraph = text.split("\n---\n", 1)[1].strip().split("\n")[0]
    preview.edit(PAGE, paragraph, paragraph + "\n\n##Lärdomar\n")
    line, column = line_and_column((preview.root / PAGE).read_text(), "##Lärdomar")
    wait_for(driver, lambda d: warnings_box(d) is not None, "no warnings appeared after the save")
    role, lang, title, shown, at_bottom = warnings_box(driver)
    # A status under the page (it stays usable), in the page's language; the warning as the terminal says it.
    assert role == "status" and lang == "sv" and title == "1 varning i filen du sparade", (role, lang, title)
    assert at_bottom
    assert f"{PAGE}:{line}:{column}" in shown and "'##Lärdomar' is text, not a heading" in shown, shown
    assert "##Lärdomar" in shown and "^" in shown, "the source line and caret are shown"
    assert overlay_text(driver) is None, "a warning is not an error"
    violations = run_axe(driver)
    assert not violations, "axe-core violations with the warnings shown:\n" + "\n".join(
        f"{v['id']}: {v['help']}" for v in violations)
    # A page opened afterwards is told them too; the English pages in English.
    driver.get(preview.url + URL_PATH)
    wait_for(driver, lambda d: warnings_box(d) is not None, "no warnings on a freshly opened page")

    # Fixed, they go.
    preview.edit(PAGE, "##Lärdomar", "## Lärdomar")
    wait_for(driver, lambda d: warnings_box(d) is None, "the warnings stayed after the fix")


def test_stylesheet_change_swaps_without_reload(preview, driver):
    driver.get(preview.url + URL_PATH)
    driver.execute_script("window.__kept = 'yes'; window.scrollTo(0, 400);")
    scrolled = driver.execute_script("return window.scrollY;")
    before = driver.execute_script("return getComputedStyle(document.body).outlineColor;")

    css = preview.root / "Themes/default/assets/style.css"
    css.write_text(css.read_text() + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
    wait_for(driver, lambda d: d.execute_script("return getComputedStyle(document.body).outlineColor;") == "rgb(1, 2, 3)",
             f"the new stylesheet was not applied (outline colour stayed {before})")
    assert driver.execute_script("return window.__kept;") == "yes", "the page reloaded instead of swapping"
    assert driver.execute_script("return window.scrollY;") == scrolled
    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('link[rel~=stylesheet]')).map(l => l.getAttribute('href'));")
    assert any("_kretslopp=" in href for href in hrefs), hrefs


def test_stops_cleanly_on_sigterm(preview):
    with urllib.request.urlopen(preview.url + "_kretslopp/events", timeout=10) as events:
        assert events.headers["Content-Type"] == "text/event-stream; charset=utf-8"
        assert events.readline()  # the stream is open while the server is asked to stop
        assert preview.stop() == 0, preview.output()
    assert "Stopped." in preview.output()


# ---------------------------------------------------------------- the search follows edits

PAGE_PATH = "/" + URL_PATH  # the search's path of PAGE


def search_paths(driver, query: str) -> list[str] | None:
    """Paths `window.kretslopp.search(query)` finds on the open page; None when the page was
    reloading meanwhile (the call is then repeated by the caller's poll)."""
    from selenium.common.exceptions import WebDriverException

    try:
        answer = driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            if (!window.kretslopp || !window.kretslopp.search) { done(null); return; }
            window.kretslopp.search(arguments[0], {limit: 100}).then(
              (results) => done(results.map((r) => r.path)), (error) => done({error: String(error)}));
            """,
            query,
        )
    except WebDriverException:
        return None
    if isinstance(answer, dict):
        pytest.fail(f"search for {query!r} failed: {answer['error']}")
    return answer


def wait_for_search(driver, query: str, found: bool, path: str = PAGE_PATH, timeout: float = WAIT):
    """Polls the open page's search until `path` is (or is no longer) among the results."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = search_paths(driver, query)
        if last is not None and (path in last) == found:
            return
        time.sleep(0.1)
    pytest.fail(f"after {timeout} s the search for {query!r} still {'misses' if found else 'finds'} {path}: {last}")


def served_index(url: str) -> str:
    """Every index file `meta.js` names, fetched from the preview: fails on a missing one or on
    a shard beyond the ones it names (a torn or stale index)."""
    def get(name: str) -> str:
        with urllib.request.urlopen(f"{url}assets/search/{name}.js", timeout=10) as response:
            return response.read().decode("utf-8-sig")

    meta = json.loads(get("meta").split(",", 1)[1].rsplit(")", 1)[0])
    parts = [get(f"t/{n}") for n in range(len(meta["shards"]))]
    per_file = meta["documentsPerFile"]
    parts += [get(f"d/{n}") for n in range((meta["documents"] + per_file - 1) // per_file)]
    try:
        urllib.request.urlopen(f"{url}assets/search/t/{len(meta['shards'])}.js", timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 404
    else:
        pytest.fail("a shard beyond the ones meta.js names is served")
    return "\n".join(parts)


def test_search_follows_a_body_edit(preview, driver):
    driver.get(preview.url + URL_PATH)
    # The probe can fail: neither word is on the site yet, and a word that is, is found.
    assert search_paths(driver, "fnurrlingar") == []
    assert PAGE_PATH in search_paths(driver, "Göteborg")

    preview.edit(PAGE, "## Bakgrund\n", "## Bakgrund\n\nHär växer fnurrlingar.\n")
    wait_for_search(driver, "fnurrlingar", found=True)
    assert "fnurrlingar" in served_index(preview.url)

    # The word goes, another comes: the search loses the one and finds the other.
    preview.edit(PAGE, "Här växer fnurrlingar.", "Här växer zimbelkorn.")
    wait_for_search(driver, "zimbelkorn", found=True)
    assert search_paths(driver, "fnurrlingar") == []
    index = served_index(preview.url)
    assert "zimbelkorn" in index and "fnurrling" not in index
    assert "Rebuilt in" in preview.output()


def test_search_follows_front_matter_new_and_deleted_pages(preview, driver):
    driver.get(preview.url + URL_PATH)
    assert search_paths(driver, "pirrsnöre") == []

    # A title edit rebuilds the whole site, index included.
    preview.edit(PAGE, "title: Cirkulära Göteborg", "title: Cirkulära Göteborg med pirrsnöre")
    wait_for_search(driver, "pirrsnöre", found=True)
    preview.edit(PAGE, "title: Cirkulära Göteborg med pirrsnöre", "title: Cirkulära Göteborg")
    wait_for_search(driver, "pirrsnöre", found=False)

    # A new page is found; deleted, it is not.
    new = preview.root / "Content/projekt/ny-sida.md"
    new.write_text("---\ntitle: Ny sida\nsummary: En ny sida.\ntags: [cirkulär]\nområde: [möbler]\nstatus: pågående\n"
                   "---\nOm knorrvalsar.\n", encoding="utf-8")
    wait_for_search(driver, "knorrvalsar", found=True, path="/projekt/ny-sida/")
    new.unlink()
    wait_for_search(driver, "knorrvalsar", found=False, path="/projekt/ny-sida/")
    assert "knorrvals" not in served_index(preview.url)


@pytest.fixture
def large_preview(tmp_path):
    """The preview of Content/ plus 1,500 generated projects: large enough that the re-index after
    a body edit takes longer than the rebuild waits for it."""
    copy_programme(tmp_path)
    # In Swedish only: a bilingual site's preview rebuilds whole on every edit, and this test is
    # about the incremental body edit of a site in one language.
    for translation in (tmp_path / "Content").rglob("*.en.*"):
        translation.unlink()
    settings = tmp_path / "Content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("\nlanguages: [sv, en]\n", "\nlanguage: sv\n"),
                        encoding="utf-8")
    projects = tmp_path / "Content/projekt"
    for number in range(1500):
        # Many distinct words make the index (all of whose terms are written again) slow to build.
        words = " ".join(f"ord{number}x{k}" for k in range(150))
        (projects / f"genererad-{number}.md").write_text(
            f"---\ntitle: Genererat projekt {number}\nsummary: Ett genererat projekt.\ntags: [cirkulär]\n"
            f"område: [möbler]\nstatus: pågående\n---\nProjekt nummer {number} om återbruk: {words}.\n",
            encoding="utf-8")
    yield from serving(tmp_path)


def test_a_late_index_reaches_the_open_page_without_another_reload(large_preview, driver):
    preview = large_preview
    driver.get(preview.url + URL_PATH)
    assert search_paths(driver, "fnurrlingar") == []
    driver.execute_script("window.__beforeEdit = true;")

    preview.edit(PAGE, "## Bakgrund\n", "## Bakgrund\n\nHär växer fnurrlingar.\n")
    wait_for(driver, lambda d: d.execute_script("return window.__beforeEdit === undefined;"),
             "the page did not reload after the edit")
    # The reloaded page searches at once, before the new index is served: its engine loads the
    # previous one. The `search` event must bring the new one without a reload (without the
    # engine's forget() this search never finds the word).
    driver.execute_script("window.__afterReload = true;")
    search_paths(driver, "fnurrlingar")
    wait_for_search(driver, "fnurrlingar", found=True)
    assert driver.execute_script("return window.__afterReload === true;"), "the page reloaded a second time"
    # This site's index came after the reload, with its own `search` event.
    assert "Search index updated" in preview.output(), preview.output()
