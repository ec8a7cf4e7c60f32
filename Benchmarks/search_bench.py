#!/usr/bin/env python3
"""Search benchmark: Kretslopp's search against Pagefind on the same generated corpus.

Usage: python3 Benchmarks/search_bench.py [--styles plain,real] [--sizes 10000] [--runs 3] [--repeats 20]
                                          [--queries "a,b c"]

For each corpus style and size (made by bench.prepare: gen_corpus.py --seed 1 --style S, Hugo's
output for Pagefind):

  index build time  The same scope on both sides. Kretslopp: what the index adds to a build, the
                    paired difference of a clean `kretslopp build` and a clean `kretslopp build
                    --no-search-index` of the same content in the same round (index files written).
                    Pagefind: its whole run, `pagefind --site <Hugo's output>` (it only indexes).
                    Wall and CPU time from /usr/bin/time; each writes into a folder that does not
                    exist, earlier outputs of all three are moved aside and deleted at the end (see
                    bench.py). One warm-up round, then --runs rounds, alternating; median (min–max).
  index size        Kretslopp: assets/search/ of the output. Pagefind: its whole output folder
                    (the UI bundles it always writes included; the share without them is given too).
  first query       A fresh headless Chromium (new profile, HTTP cache cleared) opens the same project
                    page of each site, served by a plain http.server on 127.0.0.1 (no compression),
                    then runs one query returning the top 10 results with title and excerpt:
                      Kretslopp  await kretslopp.search(q, {limit: 10})
                      Pagefind   pf = await import('/pagefind/pagefind.js'); await pf.init();
                                 r = await pf.search(q); await Promise.all(r.results.slice(0, 10)
                                 .map(x => x.data()))
                    Bytes are the search files the visitor loaded: for Kretslopp the engine script the
                    page loads (engine.js) plus what the query loaded; for Pagefind everything the
                    query loaded (pagefind.js, its worker, WebAssembly, metadata, index chunks,
                    fragments). They are counted by the server (Pagefind 1.5 fetches its index from a
                    web worker, which the page's Resource Timing does not see) and checked against
                    the page's Resource Timing entries (encodedBodySize) where those can see them.
                    "gzip": what a host compressing text would send — Pagefind's index files are
                    gzip-compressed already and count as they are; every other file (JS, JSON) is
                    counted gzip -6 compressed.
                    With --runs 0 (queries only) there is no build timing: Kretslopp's output is
                    built once and a checked Pagefind index already in --work is used as it is (it
                    depends only on Hugo's output).
  query time        Then the same query --repeats times on the loaded index, performance.now() around
                    the awaited call (same call as above); median. No file may be loaded meanwhile.

Every build's output is checked (bench.check_output: pages, index present or absent, pages Pagefind
indexed), and every query must find something in both engines; otherwise the benchmark stops and
reports nothing. Prints a Markdown report and writes it to Benchmarks/results/search.md. Binary: KRETSLOPP_BIN or
.build/release/kretslopp (as bench.py). Needs hugo, pagefind (pip install pagefind-bin), chromium and
chromedriver in /usr/bin and selenium: `make bench-search` installs them.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench  # noqa: E402  (prepare, measure, pagefind_binary, kretslopp_binary, write_report)
import readme_block  # noqa: E402

ROOT = bench.ROOT
THEME = ROOT / "Themes/default"
from chromium import CHROMEDRIVER, CHROMIUM  # noqa: E402
import chromium  # noqa: E402
# Words of the corpus: the first four are on nearly every page, the last two on about 10 % and 4 %.
DEFAULT_QUERIES = "upphandling,cirkulär möbler,återbruk,klimatanpassning,göteborg,kylsystem"
GOAL_BUILD_RATIO = 0.2
GOAL_QUERY_MS = 10.0

# Resource Timing entries (name, encodedBodySize, transferSize) that started at or after t0.
ENTRIES = """
function entriesSince(t0) {
  return performance.getEntriesByType('resource').filter(e => e.startTime >= t0)
    .map(e => ({name: e.name, encoded: e.encodedBodySize, transfer: e.transferSize}));
}
"""

FIRST_QUERY = {
    "kretslopp": ENTRIES + """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const t0 = performance.now();
  const list = await window.kretslopp.search(q, {limit: 10});
  const ms = performance.now() - t0;
  done({ms, total: list.total, partial: list.partial,
        results: list.map(r => ({path: r.path, title: r.title, excerpt: r.excerpt})),
        entries: entriesSince(t0)});
})().catch(e => done({error: String(e && e.stack || e)}));
""",
    "pagefind": ENTRIES + """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  if (pf.init) await pf.init();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  const ms = performance.now() - t0;
  window.__pagefind = pf;
  done({ms, total: r.results.length, partial: false,
        results: data.map(d => ({path: d.url, title: d.meta && d.meta.title, excerpt: d.excerpt})),
        entries: entriesSince(t0)});
})().catch(e => done({error: String(e && e.stack || e)}));
""",
}

REPEAT = {
    "kretslopp": """
const [q, n, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await window.kretslopp.search(q, {limit: 10});
    times.push(performance.now() - t0);
  }
  done(times);
})().catch(e => done({error: String(e && e.stack || e)}));
""",
    "pagefind": """
const [q, n, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const pf = window.__pagefind, times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    times.push(performance.now() - t0);
  }
  done(times);
})().catch(e => done({error: String(e && e.stack || e)}));
""",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Serving: a plain static server that also records what it sent.

class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler (as `python3 -m http.server`) that records (path, body bytes)."""

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length":
            self._sent = int(value)
        super().send_header(keyword, value)

    def do_GET(self):
        self._sent = 0
        super().do_GET()
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        with self.server.lock:
            self.server.sent.append((path, self._sent))


def serve(directory: pathlib.Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(RecordingHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.lock = threading.Lock()
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def take_log(server) -> list[tuple[str, int]]:
    with server.lock:
        sent, server.sent = server.sent, []
    return sent


# Selenium's HTTP read timeout towards chromedriver (120 s by default) must outlast the script
# timeout: a slow Pagefind query on the real-style corpus died on it with a TimeoutError.
READ_TIMEOUT = 600


def new_driver():
    driver = chromium.new_driver(page_load_timeout=120, script_timeout=300)
    driver.command_executor.client_config.timeout = READ_TIMEOUT
    return driver


# ---------------------------------------------------------------------------------------------
# Index build time and size

def folder_size(folder: pathlib.Path, skip=lambda p: False) -> tuple[int, int]:
    size = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not skip(path):
            size += path.stat().st_size
            files += 1
    return size, files


def is_pagefind_ui(path: pathlib.Path) -> bool:
    """Pagefind's UI bundles, written next to the index whether used or not."""
    return path.parent.name.startswith("pagefind") and bool(re.match(r"pagefind-(.*ui|highlight)\.(js|css)$", path.name))


def timed_build(name: str, paths: dict, aside: bench.SetAside) -> dict:
    """One clean, checked run of bench.commands(paths)[name]."""
    command, clean = bench.commands(paths, [name])[name]
    for folder in clean:
        aside.clear(folder)
    result = bench.measure(command)
    bench.check_output(name, paths)
    return result


def pagefind_site(hugo_out: pathlib.Path, site: pathlib.Path) -> pathlib.Path:
    """A folder served for Pagefind: symlinks to Hugo's output plus Pagefind's own folder."""
    site.mkdir(parents=True, exist_ok=True)
    for entry in hugo_out.iterdir():
        link = site / entry.name
        if not link.is_symlink() and not link.exists():
            link.symlink_to(entry.resolve())
    return site / "pagefind"


# ---------------------------------------------------------------------------------------------
# Queries in the browser

def gzip_size(path: pathlib.Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # already gzip (Pagefind's index files)
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def run_query(engine: str, base_url: str, page: str, served: pathlib.Path, server, prefix: str,
              query: str, repeats: int) -> dict:
    driver = new_driver()  # a new profile: nothing cached
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        take_log(server)
        driver.get(base_url + page)
        if engine == "kretslopp":
            ready = driver.execute_script("return typeof (window.kretslopp || {}).search === 'function'")
            if not ready:
                sys.exit(f"window.kretslopp.search is missing on {base_url + page}")
        driver.execute_script("performance.setResourceTimingBufferSize(5000)")
        with_page = [(p, n) for p, n in take_log(server) if p.startswith(prefix)]
        first = driver.execute_async_script(FIRST_QUERY[engine], query)
        if "error" in first:
            sys.exit(f"{engine} query {query!r} failed: {first['error']}")
        for_query = [(p, n) for p, n in take_log(server) if p.startswith(prefix)]
        times = driver.execute_async_script(REPEAT[engine], query, repeats)
        if isinstance(times, dict):
            sys.exit(f"{engine} repeated query {query!r} failed: {times['error']}")
        later = [p for p, _ in take_log(server) if p.startswith(prefix)]
        if later:
            log(f"  warning: {engine} {query!r} loaded files while repeating: {later[:5]}")
    finally:
        driver.quit()

    files = with_page + for_query
    raw = sum(n for _, n in files)
    for path, n in files:
        on_disk = served / path.lstrip("/")
        if on_disk.stat().st_size != n:
            log(f"  warning: {path} served {n} bytes, {on_disk.stat().st_size} on disk")
    compressed = sum(gzip_size(served / p.lstrip("/")) for p, _ in files)
    # Cross-check with the page's own Resource Timing (main thread only).
    seen = {urllib.parse.unquote(urllib.parse.urlsplit(e["name"]).path): e["encoded"] for e in first["entries"]}
    mismatched = [p for p, n in for_query if p in seen and seen[p] != n]
    if mismatched:
        log(f"  warning: Resource Timing disagrees with the server for {mismatched[:5]}")
    return {
        "hits": first["total"], "partial": first["partial"], "results": first["results"],
        "files": len(files), "page_files": len(with_page), "page_bytes": sum(n for _, n in with_page),
        "raw": raw, "gzip": compressed, "first_ms": first["ms"],
        "repeat_ms": statistics.median(times), "repeat_min": min(times), "repeat_max": max(times),
        "timing_files": sum(1 for p, _ in for_query if p in seen), "query_files": len(for_query),
        "paths": [p for p, _ in files],
    }


# ---------------------------------------------------------------------------------------------
# Report

def kb(n: float) -> str:
    return f"{n / 1000:.0f} kB" if n >= 10_000 else f"{n / 1000:.1f} kB"


def mb(n: float) -> str:
    return f"{n / 1_000_000:.1f} MB"


def span(values: list[float], unit: str, digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def ratio(x: float) -> str:
    return f"{x:.2f}×" if x >= 0.1 else f"{x:.2g}×"


def met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def build_rows(k_runs: list[dict], p_runs: list[dict], runs: int) -> list[str]:
    """The index build rows of a size's table: time and CPU time against Pagefind's."""
    if runs == 0:
        return ["| index build time | not measured (`--runs 0`: queries only) | | | |"]
    k_index = [r["wall"] for r in k_runs]
    p_wall = [r["wall"] for r in p_runs]
    k_cpu = [r["cpu"] for r in k_runs]
    p_cpu = [r["cpu"] for r in p_runs]
    build_ratio = statistics.median(k_index) / statistics.median(p_wall)
    return [f"| index build time (wall), median of {runs} (min–max) | {span(k_index, 's')} | {span(p_wall, 's')} "
            f"| {ratio(build_ratio)} | ≤ {GOAL_BUILD_RATIO}×: {met(build_ratio <= GOAL_BUILD_RATIO)} |",
            f"| index build CPU time, median of {runs} (min–max) | {span(k_cpu, 's')} | {span(p_cpu, 's')} "
            f"| {ratio(statistics.median(k_cpu) / statistics.median(p_cpu))} | – |"]


def run_size(style: str, n: int, runs: int, repeats: int, queries: list[str], work: pathlib.Path,
             aside: bench.SetAside) -> str:
    paths = bench.prepare(n, work, style)
    if not (paths["hugo_out"] / "index.html").exists() or bench.project_pages(paths["hugo_out"]) != n:
        log(f"  {style} {n} pages: building Hugo's output for Pagefind")
        timed_build("hugo", paths, aside)
    own = work / f"search-{bench.corpus_name(style, n)}"
    kretslopp_out = paths["kretslopp_out"]
    served_pagefind = own / "pagefind-site"
    shutil.rmtree(served_pagefind, ignore_errors=True)

    k_runs, p_runs = [], []
    if runs == 0:
        # Queries only: Kretslopp's output built once, untimed; Pagefind's depends only on Hugo's
        # output, so one a checked earlier run left in the work folder is used as it is.
        timed_build("kretslopp", paths, aside)
        try:
            bench.check_output("pagefind", paths)
            log(f"  {style} {n} pages: using the Pagefind index in {paths['pagefind_out']}")
        except bench.BadOutput:
            timed_build("pagefind", paths, aside)
    for round_number in range(runs + 1 if runs > 0 else 0):
        plain = timed_build("kretslopp-no-index", paths, aside)
        k = timed_build("kretslopp", paths, aside)
        p = timed_build("pagefind", paths, aside)
        index = {"wall": k["wall"] - plain["wall"], "cpu": k["cpu"] - plain["cpu"], "build": k["wall"]}
        log(f"  {style} {n} pages, round {round_number}: kretslopp index {index['wall']:.2f} s ({index['cpu']:.2f} cpu-s; "
            f"build {k['wall']:.1f} s), pagefind {p['wall']:.2f} s ({p['cpu']:.2f} cpu-s)")
        if round_number > 0:  # the first round warms caches
            k_runs.append(index)
            p_runs.append(p)
    pagefind_out = pagefind_site(paths["hugo_out"], served_pagefind)
    pagefind_out.symlink_to(paths["pagefind_out"].resolve())

    k_size, k_files = folder_size(kretslopp_out / "assets/search")
    p_size, p_files = folder_size(paths["pagefind_out"])
    p_index_size, p_index_files = folder_size(paths["pagefind_out"], skip=is_pagefind_ui)

    slugs = sorted(p.stem for p in (paths["content"] / "projekt").glob("*.md"))
    page = next(f"projekt/{s}/" for s in slugs
                if (kretslopp_out / "projekt" / s / "index.html").exists() and (paths["hugo_out"] / "projekt" / s / "index.html").exists())
    k_server = serve(kretslopp_out)
    p_server = serve(pagefind_out.parent)
    rows = []
    try:
        for query in queries:
            k = run_query("kretslopp", "http://%s:%d/" % k_server.server_address[:2], page, kretslopp_out, k_server,
                          "/assets/search/", query, repeats)
            p = run_query("pagefind", "http://%s:%d/" % p_server.server_address[:2], page, pagefind_out.parent, p_server,
                          "/pagefind/", query, repeats)
            common = len({r["path"] for r in k["results"]} & {r["path"] for r in p["results"]})
            log(f"  {n} pages, {query!r}: kretslopp {k['hits']} hits, {kb(k['raw'])} ({kb(k['gzip'])} gzip), "
                f"{k['repeat_ms']:.1f} ms; pagefind {p['hits']} hits, {kb(p['raw'])} ({kb(p['gzip'])} gzip), "
                f"{p['repeat_ms']:.1f} ms; top 10 in common {common}")
            for engine, r in (("kretslopp", k), ("pagefind", p)):
                if r["hits"] == 0 or not r["results"]:
                    sys.exit(f"search_bench: {engine} finds nothing for {query!r} in the {style} corpus, so nothing is reported")
            rows.append((query, k, p, common))
    finally:
        for server in (k_server, p_server):
            server.shutdown()
            server.server_close()

    k_raw = statistics.median(k["raw"] for _, k, _, _ in rows)
    p_raw = statistics.median(p["raw"] for _, _, p, _ in rows)
    k_gz = statistics.median(k["gzip"] for _, k, _, _ in rows)
    p_gz = statistics.median(p["gzip"] for _, _, p, _ in rows)
    k_q = statistics.median(k["repeat_ms"] for _, k, _, _ in rows)
    p_q = statistics.median(p["repeat_ms"] for _, _, p, _ in rows)
    k_worst = max(k["repeat_ms"] for _, k, _, _ in rows)
    bytes_ok = all(k["gzip"] <= p["gzip"] for _, k, p, _ in rows)
    bytes_raw_ok = all(k["raw"] <= p["raw"] for _, k, p, _ in rows)
    engine_bytes = rows[0][1]["page_bytes"]

    lines = [f"### {bench.thousands(n)} pages, {style} style", "",
             "| | Kretslopp | Pagefind | Kretslopp / Pagefind | goal |", "|---|---|---|---|---|",
             *build_rows(k_runs, p_runs, runs),
             f"| index size | {mb(k_size)} in {k_files:,} files | {mb(p_size)} in {p_files:,} files "
             f"({mb(p_index_size)} in {p_index_files:,} without the UI bundles) | {ratio(k_size / p_size)} | – |",
             f"| first query: search files loaded, raw (median of {len(rows)} queries) | {kb(k_raw)} | {kb(p_raw)} "
             f"| {ratio(k_raw / p_raw)} | ≤ 1× for every query: {met(bytes_raw_ok)} |",
             f"| first query: the same as a host sends them with gzip | {kb(k_gz)} | {kb(p_gz)} | {ratio(k_gz / p_gz)} "
             f"| ≤ 1× for every query: {met(bytes_ok)} |",
             f"| query on the loaded index, top 10 with excerpts (median of the queries' medians of {repeats}) "
             f"| {k_q:.1f} ms (slowest query {k_worst:.1f} ms) | {p_q:.1f} ms | {ratio(k_q / p_q)} "
             f"| < {GOAL_QUERY_MS:.0f} ms: {met(k_worst < GOAL_QUERY_MS)} |",
             "",
             "| query | hits K / P | top 10 in common | K files: raw / gzip | P files: raw / gzip "
             "| first query K / P | repeated, median (min–max) K | repeated, median (min–max) P |",
             "|---|---|---|---|---|---|---|---|"]
    for query, k, p, common in rows:
        lines.append(
            f"| {query} | {k['hits']:,}{' (partial)' if k['partial'] else ''} / {p['hits']:,} | {common} "
            f"| {k['files']}: {kb(k['raw'])} / {kb(k['gzip'])} | {p['files']}: {kb(p['raw'])} / {kb(p['gzip'])} "
            f"| {k['first_ms']:.0f} / {p['first_ms']:.0f} ms "
            f"| {k['repeat_ms']:.1f} ms ({k['repeat_min']:.1f}–{k['repeat_max']:.1f}) "
            f"| {p['repeat_ms']:.1f} ms ({p['repeat_min']:.1f}–{p['repeat_max']:.1f}) |")
    lines += ["",
              f"K = Kretslopp, P = Pagefind. Kretslopp's files include engine.js ({kb(engine_bytes)}, loaded by every "
              + (f"page); its whole build took {span([r['build'] for r in k_runs], 's', 1)}, the index time being what it adds to "
                 f"that build (paired with a build without it). " if k_runs else "page). ") +
              f"First-query times are on 127.0.0.1 (no network latency) and include loading and compiling the scripts. "
              f"The page's Resource Timing saw {sum(k['timing_files'] for _, k, _, _ in rows)} of Kretslopp's "
              f"{sum(k['query_files'] for _, k, _, _ in rows)} query files (sizes as the server's) and "
              f"{sum(p['timing_files'] for _, _, p, _ in rows)} of Pagefind's {sum(p['query_files'] for _, _, p, _ in rows)} "
              f"(Pagefind fetches its index from a web worker); the byte counts are the server's."]
    return "\n".join(lines) + "\n"


def chromium_version() -> str:
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    found = re.search(r"[\d.]+", out)
    return found.group(0) if found else out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--styles", default="plain,real", help="corpus styles of gen_corpus.py, comma-separated")
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=3, help="measured index builds per tool, after a warm-up; 0: queries only (no build timing, "
                        "Kretslopp built once, a checked Pagefind index in --work used as it is)")
    parser.add_argument("--repeats", type=int, default=20, help="repetitions of each query on the loaded index")
    parser.add_argument("--queries", default=DEFAULT_QUERIES, help="comma-separated")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kretslopp-bench"))
    args = parser.parse_args()
    if not (pathlib.Path(CHROMIUM).exists() and pathlib.Path(CHROMEDRIVER).exists()):
        sys.exit("chromium and chromedriver are needed in /usr/bin (scripts/install-deps.sh bench installs them)")
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    queries = [q.strip() for q in args.queries.split(",") if q.strip()]

    version = subprocess.run([str(bench.kretslopp_binary()), "--version"], capture_output=True, text=True).stdout.strip()
    pagefind = subprocess.run([bench.pagefind_binary(), "--version"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    report = ["## Search benchmark", "",
              f"`python3 Benchmarks/search_bench.py --styles {args.styles} --sizes {args.sizes} --runs {args.runs}` "
              f"(`make bench-search`): generated corpus (`gen_corpus.py --seed 1`), Kretslopp {version} against {pagefind} over Hugo's output "
              f"of the same corpus, headless Chromium {chromium_version()}, {os.cpu_count()} cores (shared machine, "
              f"load average {load:.1f} at the start). Queries: {', '.join(f'`{q}`' for q in queries)}; each first "
              f"query in a fresh browser profile, top 10 results with title and excerpt; sizes in kB = 1000 bytes.", ""]
    aside = bench.SetAside(work)
    try:
        for style in [s for s in args.styles.split(",") if s]:
            for n in [int(s) for s in args.sizes.split(",") if s]:
                report.append(run_size(style, n, args.runs, args.repeats, queries, work, aside))
    except bench.BadOutput as problem:
        sys.exit(f"search_bench: a timed run's output is wrong, so nothing is reported: {problem}")
    finally:
        aside.empty()
    bench.write_report(report, "search.md")
    # The README shows the whole report, one heading level down (it sits under "Performance").
    readme_block.replace("search", "Benchmarks/search_bench.py",
                         "\n".join(report[2:]).replace("\n### ", "\n#### "))


if __name__ == "__main__":
    main()
