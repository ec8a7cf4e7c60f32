#!/usr/bin/env python3
"""Benchmark: time from saving a file to the live-reload event of `kretslopp serve`, for each
kind of edit an editor makes.

For each corpus size it generates pages with shared/bench/gen_corpus.py (seed 1, either style),
adds a data file that one page shows as a table and a copy of the theme, starts `kretslopp serve`
on 127.0.0.1 with a free port, listens to /_kretslopp/events as the page the edit shows on does, then makes
each kind of edit several times (in place, as most editors save) and measures from the end of the
write to the arrival of the `reload` event:

    body       a sentence added to a page's text
    title      the page's `title:`
    tags       the page's tags (one term for the other)
    orgs       the page's organisations (another organisation)
    data       a value in the data file the page shows
    term       a term's title in site.yaml (shown on every card of that term)
    partial    the footer partial of the theme (on every page)

After each reload the page the edit shows on is fetched from the server and must show it: a
timing whose page is stale is an error, not a figure. The server's own "Rebuilt in N ms" lines
give the rebuild's share. Issue 22's goal is a median of 100 ms or less for every kind.

    python3 Benchmarks/preview_reload.py                                  # 1,000 pages, plain
    python3 Benchmarks/preview_reload.py --pages 1000 10000 --style plain real  # (10,000: minutes)

A measurement, not a test: it prints figures and judges them against the goal.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import readme_block

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "Benchmarks/results"
GENERATORS = [REPO.parent / "shared/bench/gen_corpus.py", Path("/work/shared/bench/gen_corpus.py")]
# Used when the repository has no Benchmarks/corpus/site.yaml: the generator's taxonomies.
FALLBACK_SITE_YAML = """\
title: Benchmark
language: sv
taxonomies:
  - key: tags
    title: Taggar
    singular: Tagg
    path: tags
    param: tagg
    required: false
    terms:
      - id: klimatanpassad
        title: Klimatanpassad
      - id: cirkulär
        title: Cirkulär
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def default_binary() -> Path:
    for candidate in (REPO / ".build/release/kretslopp", REPO / ".build/debug/kretslopp"):
        if candidate.is_file():
            return candidate
    sys.exit("no kretslopp binary: run 'swift build -c release --product kretslopp --static-swift-stdlib' first")


GOAL_MS = 100
KINDS = ["body", "title", "tags", "orgs", "data", "term", "partial"]
DATA_FILE = "nyckeltal"


def make_corpus(pages: int, root: Path, style: str = "plain") -> Path:
    generator = next((path for path in GENERATORS if path.is_file()), None)
    if generator is None:
        sys.exit("gen_corpus.py not found (looked in " + ", ".join(map(str, GENERATORS)) + ")")
    subprocess.run([sys.executable, str(generator), "--pages", str(pages), "--seed", "1", "--out", str(root),
                    "--style", style], check=True, stdout=subprocess.DEVNULL)
    content = root / "content"
    # Hugo-style links (../other-slug/) become Kretslopp's, which name the .md file.
    link = re.compile(r"\]\(\.\./([a-z0-9-]+)/\)")
    for page in (content / "projekt").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(link.sub(r"](\1.md)", text), encoding="utf-8")
    site_yaml = REPO / "Benchmarks/corpus/site.yaml"
    if site_yaml.is_file():
        shutil.copy(site_yaml, content / "site.yaml")
    else:
        (content / "site.yaml").write_text(FALLBACK_SITE_YAML)
    return content


class EventListener(threading.Thread):
    """Reads /_kretslopp/events as the page at `page` does and stamps each event with
    time.monotonic() on arrival."""

    def __init__(self, port: int, page: str):
        super().__init__(daemon=True)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
        # As the live-reload script does: the page says which it is, and an edit renders it first.
        self.connection.request("GET", "/_kretslopp/events?page=" + urllib.parse.quote(page, safe=""))
        self.response = self.connection.getresponse()
        assert self.response.getheader("Content-Type", "").startswith("text/event-stream")
        self.events: list[tuple[float, str]] = []
        self.condition = threading.Condition()

    def run(self):
        name = None
        while True:
            line = self.response.fp.readline()
            if not line:
                return
            line = line.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line == "" and name is not None:
                with self.condition:
                    self.events.append((time.monotonic(), name))
                    self.condition.notify_all()
                name = None

    def close(self):
        self.connection.sock.shutdown(socket.SHUT_RDWR)
        self.connection.close()

    def wait_for(self, name: str, after: int, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for stamp, event in self.events[after:]:
                    if event == name:
                        return stamp
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self.condition.wait(remaining)


def front_matter_field(text: str, key: str) -> tuple[int, int] | None:
    """Where `key:` and its value (the line and any more-indented or list lines after it) stand in
    the front matter of `text`."""
    end = text.index("\n---\n", 4)
    match = re.search(rf"^{re.escape(key)}:.*\n(?:(?:[ \t]+|- ).*\n)*", text[:end + 1], re.M)
    return (match.start(), match.end()) if match else None


def with_field(text: str, key: str, value: str) -> str:
    """`text` with the front matter field `key` set to `value` (one line), replaced or added."""
    found = front_matter_field(text, key)
    if found is None:
        return text.replace("\n---\n", f"\n{key}: {value}\n---\n", 1)
    return text[:found[0]] + f"{key}: {value}\n" + text[found[1]:]


class Edits:
    """Each kind of edit as a function of the round: what to write where, and the text the page
    it shows on must then contain."""

    def __init__(self, content: Path, theme: Path):
        self.content, self.theme = content, theme
        pages = sorted((content / "projekt").glob("*.md"))
        self.page = pages[len(pages) // 2]
        self.url = f"/projekt/{self.page.stem}/"
        self.site_yaml = (content / "site.yaml").read_text(encoding="utf-8")
        text = self.page.read_text(encoding="utf-8")
        # The page shows the data file as a table.
        (content / "data").mkdir(exist_ok=True)
        self.write_data(0)
        self.page.write_text(text + f"\n\n```tabell data={DATA_FILE}\n```\n", encoding="utf-8")
        organisations = re.findall(r'- id: "([^"]+)"', self.site_yaml)
        self.organisations = [o for o in organisations if o not in text][:2]
        self.partial = theme / "templates/partials/footer.mustache"
        self.footer = self.partial.read_text(encoding="utf-8")

    def write_data(self, n: int) -> None:
        (self.content / "data" / f"{DATA_FILE}.yaml").write_text(
            f"- Uppgift: Mätvärde\n  Värde: \"{1000 + n}\"\n", encoding="utf-8")

    def shown_on(self, kind: str) -> str:
        """The page an edit of `kind` shows on: the page the editor has open while making it."""
        return "/tags/klimatanpassad/" if kind == "term" else self.url

    def apply(self, kind: str, n: int) -> tuple[str, str, str | None]:
        """Makes edit number `n` of `kind` (each one changes what the site shows); returns the URL
        to fetch, a text it must then show, and one it must no longer show (or None)."""
        marker = f"Ändring{kind}{n}"
        if kind == "data":
            self.write_data(n)
            return self.url, f"{1000 + n}", f"{1000 + n - 1}"
        if kind == "term":
            (self.content / "site.yaml").write_text(
                self.site_yaml.replace("title: Klimatanpassad\n", f"title: Klimatanpassad {marker}\n", 1),
                encoding="utf-8")
            return self.shown_on(kind), marker, None
        if kind == "partial":
            self.partial.write_text(self.footer.replace("</footer>", f"<!-- {marker} --></footer>", 1),
                                    encoding="utf-8")
            return self.url, marker, None
        text = self.page.read_text(encoding="utf-8")
        gone = None
        if kind == "body":
            text += f"\n{marker}.\n"
            expected = marker
        elif kind == "title":
            text = with_field(text, "title", f'"Sida {marker}"')
            expected = f"Sida {marker}"
        elif kind == "tags":
            # One tag, not the one the page has now: the page then links to that term's page only.
            start, end = front_matter_field(text, "tags") or (0, 0)
            tag, other = ("cirkulär", "klimatanpassad") if "klimatanpassad" in text[start:end] else (
                "klimatanpassad", "cirkulär")
            text = with_field(text, "tags", f"[{tag}]")
            expected, gone = (f"tags/{tag.replace('ä', 'a')}/", f"tags/{other.replace('ä', 'a')}/")
        elif kind == "orgs":
            organisation, other = self.organisations[n % 2], self.organisations[(n + 1) % 2]
            text = with_field(text, "organisations", f'["{organisation}"]')
            expected, gone = organisation, other
        else:
            raise ValueError(kind)
        self.page.write_text(text, encoding="utf-8")
        return self.url, expected, gone


def fetch(port: int, url: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", url)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    if response.status != 200:
        sys.exit(f"GET {url}: {response.status}")
    return body


def measure(binary: Path, pages: int, rounds: int, debounce: int | None, style: str = "plain",
            kinds: list[str] = KINDS) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kretslopp-reload-{pages}-") as temporary:
        root = Path(temporary)
        started = time.monotonic()
        content = make_corpus(pages, root / "corpus", style)
        theme = root / "theme"
        shutil.copytree(REPO / "Themes/default", theme)
        edits = Edits(content, theme)
        print(f"  {pages} pages ({style}) generated in {time.monotonic() - started:.1f} s", flush=True)
        port = free_port()
        log = open(root / "serve.log", "w+")
        command = [str(binary), "serve", "--content", str(content), "--theme", str(theme),
                   "--port", str(port)] + (["--debounce", str(debounce)] if debounce is not None else [])
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=root)
        try:
            started = time.monotonic()
            while True:
                if server.poll() is not None:
                    sys.exit(f"kretslopp serve exited:\n{(root / 'serve.log').read_text()}")
                if "Serving the site" in (root / "serve.log").read_text():
                    break
                if time.monotonic() - started > 1800:
                    sys.exit("kretslopp serve did not start within 30 minutes")
                time.sleep(0.1)
            first_build = time.monotonic() - started
            results = {}
            for kind in kinds:
                # One open page, the one the edit shows on: a rebuild renders it first, and
                # reloads it only when it changed.
                listener = EventListener(port, edits.shown_on(kind))
                listener.start()
                latencies, rebuilds, fetches = [], [], []
                for round_number in range(1, rounds + 1):
                    time.sleep(1.0)  # let the previous rebuild and any late events settle
                    seen = len(listener.events)
                    url, expected, gone = edits.apply(kind, round_number)
                    saved = time.monotonic()
                    arrived = listener.wait_for("reload", seen, timeout=600)
                    if arrived is None:
                        sys.exit(f"{kind}: no reload event within 600 s:\n{(root / 'serve.log').read_text()[-4000:]}")
                    latencies.append((arrived - saved) * 1000)
                    # The server prints "Rebuilt in N ms" before it sends the event.
                    rebuilt = re.findall(r"Rebuilt in (\d+) ms", (root / "serve.log").read_text())
                    rebuilds.append(int(rebuilt[-1]) if rebuilt else float("nan"))
                    asked = time.monotonic()
                    page = fetch(port, url)
                    fetches.append((time.monotonic() - asked) * 1000)
                    if expected not in page or (gone is not None and gone in page):
                        sys.exit(f"{kind}: after the reload event {url} does not show {expected!r} "
                                 f"(or still shows {gone!r}): a stale page")
                    print(f"    {kind}: save -> reload event {latencies[-1]:.0f} ms (rebuild {rebuilds[-1]} ms), "
                          f"then {url} in {fetches[-1]:.0f} ms", flush=True)
                results[kind] = {"latencies_ms": latencies, "rebuild_ms": rebuilds, "fetch_ms": fetches}
                listener.close()
            return {"pages": pages, "style": style, "first_build_s": first_build, "kinds": results}
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000])
    parser.add_argument("--style", nargs="+", choices=["plain", "real"], default=["plain"],
                        help="corpus styles of gen_corpus.py (both: --style plain real)")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=KINDS)
    parser.add_argument("--rounds", type=int, default=5, help="saves per kind and corpus size (default 5)")
    parser.add_argument("--binary", type=Path, default=None, help="kretslopp binary (default: release, else debug)")
    parser.add_argument("--debounce", type=int, default=None, help="pass --debounce MS to kretslopp serve")
    args = parser.parse_args()
    binary = (args.binary or default_binary()).resolve()
    load = os.getloadavg()[0]
    print(f"binary: {binary}")
    results = []
    for pages in args.pages:
        print(f"{pages} pages:", flush=True)
        for style in args.style:
            results.append(measure(binary, pages, args.rounds, args.debounce, style, args.kinds))
    command = " ".join(["python3 Benchmarks/preview_reload.py", *sys.argv[1:]])
    lines = [f"`{command}`: {os.cpu_count()} cores (load average {load:.1f} at the start), {args.rounds} saves "
             "per kind of edit, each page fetched after its reload and checked for the edit.", "",
             f"| pages | style | edit | save -> reload event, median (min-max) | rebuild alone, median "
             f"| then the page, median | goal ≤ {GOAL_MS} ms |", "|---:|---|---|---:|---:|---:|---|"]
    for result in results:
        for kind, figures in result["kinds"].items():
            latencies = figures["latencies_ms"]
            median = statistics.median(latencies)
            lines.append(f"| {result['pages']:,} | {result['style']} | {kind} | {median:.0f} ms "
                         f"({min(latencies):.0f}-{max(latencies):.0f}) | {statistics.median(figures['rebuild_ms']):.0f} ms "
                         f"| {statistics.median(figures['fetch_ms']):.0f} ms | {'met' if median <= GOAL_MS else '**not met**'} |")
    lines.append("")
    lines += [f"First build at {result['pages']:,} pages ({result['style']}): {result['first_build_s']:.1f} s." for result in results]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "preview.md").write_text("## Preview: save to reload\n\n" + text, encoding="utf-8")
    if args.kinds == KINDS:
        readme_block.replace("preview", "Benchmarks/preview_reload.py", text)

if __name__ == "__main__":
    main()
