#!/usr/bin/env python3
"""Benchmark: time from saving one page to the live-reload event of `kretslopp serve`.

For each corpus size it generates pages with shared/bench/gen_corpus.py (seed 1), starts
`kretslopp serve` on 127.0.0.1 with a free port, listens to /_kretslopp/events like an open
page does, then saves one page several times (in place, as most editors do) and measures
from the end of the write to the arrival of the `reload` event. The server's own
"Rebuilt in N ms" lines give the rebuild's share.

    python3 Benchmarks/preview_reload.py                      # 1,000 pages
    python3 Benchmarks/preview_reload.py --pages 1000 10000   # both sizes (10,000: minutes)

A measurement, not a test: it prints figures and asserts nothing about them.
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
    sys.exit("no kretslopp binary: run 'swift build -c release --product kretslopp' first")


def make_corpus(pages: int, root: Path) -> Path:
    generator = next((path for path in GENERATORS if path.is_file()), None)
    if generator is None:
        sys.exit("gen_corpus.py not found (looked in " + ", ".join(map(str, GENERATORS)) + ")")
    subprocess.run([sys.executable, str(generator), "--pages", str(pages), "--seed", "1", "--out", str(root)],
                   check=True, stdout=subprocess.DEVNULL)
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
    """Reads /_kretslopp/events and stamps each event with time.monotonic() on arrival."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
        self.connection.request("GET", "/_kretslopp/events")
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


def measure(binary: Path, pages: int, rounds: int, debounce: int | None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kretslopp-reload-{pages}-") as temporary:
        root = Path(temporary)
        started = time.monotonic()
        content = make_corpus(pages, root / "corpus")
        print(f"  {pages} pages generated in {time.monotonic() - started:.1f} s", flush=True)
        port = free_port()
        log = open(root / "serve.log", "w+")
        command = [str(binary), "serve", "--content", str(content), "--theme", str(REPO / "Themes/default"),
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
            listener = EventListener(port)
            listener.start()
            page = sorted((content / "projekt").glob("*.md"))[pages // 2]
            original = page.read_text()
            latencies, rebuilds = [], []
            for round_number in range(rounds):
                time.sleep(1.0)  # let the previous rebuild and any late events settle
                seen = len(listener.events)
                with open(page, "w") as file:  # an in-place save
                    file.write(original + f"\nÄndring {round_number + 1}.\n")
                saved = time.monotonic()
                arrived = listener.wait_for("reload", seen, timeout=600)
                if arrived is None:
                    sys.exit(f"no reload event within 600 s:\n{(root / 'serve.log').read_text()[-4000:]}")
                latencies.append((arrived - saved) * 1000)
                # The server prints "Rebuilt in N ms" before it sends the event.
                rebuilt = re.findall(r"Rebuilt in (\d+) ms", (root / "serve.log").read_text())
                rebuilds.append(int(rebuilt[-1]) if rebuilt else float("nan"))
                print(f"    save -> reload event: {latencies[-1]:.0f} ms (rebuild {rebuilds[-1]} ms)", flush=True)
            return {"pages": pages, "first_build_s": first_build, "latencies_ms": latencies, "rebuild_ms": rebuilds}
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000])
    parser.add_argument("--rounds", type=int, default=5, help="saves per corpus size (default 5)")
    parser.add_argument("--binary", type=Path, default=None, help="kretslopp binary (default: release, else debug)")
    parser.add_argument("--debounce", type=int, default=None, help="pass --debounce MS to kretslopp serve")
    args = parser.parse_args()
    binary = (args.binary or default_binary()).resolve()
    print(f"binary: {binary}")
    results = []
    for pages in args.pages:
        print(f"{pages} pages:", flush=True)
        results.append(measure(binary, pages, args.rounds, args.debounce))
    print()
    print("| pages | first build | save -> reload event, median (min-max) | rebuild alone, median |")
    print("|---:|---:|---:|---:|")
    for result in results:
        latencies = result["latencies_ms"]
        rebuild = statistics.median(result["rebuild_ms"])
        print(f"| {result['pages']:,} | {result['first_build_s']:.1f} s | {statistics.median(latencies):.0f} ms "
              f"({min(latencies):.0f}-{max(latencies):.0f}) | {rebuild:.0f} ms |")


if __name__ == "__main__":
    main()
