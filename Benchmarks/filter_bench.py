#!/usr/bin/env python3
"""How fast the project filters (Themes/default/assets/filters.js) are on a 10,000-project listing.

    python3 Benchmarks/filter_bench.py [--pages 10000] [--runs 30] [--corpus DIR] [--bin PATH] [--reuse]

1. Generates the benchmark corpus (/work/shared/bench/gen_corpus.py; reused when its
   corpus.json matches --pages and --seed; --corpus names an existing one).
2. Makes a Kretslopp content folder of it: the front matter of the corpus's projekt/*.md (the
   bodies do not reach the listing) plus Benchmarks/corpus/site.yaml with one more taxonomy on
   the pages' `status`, so three filter groups (tags, organisations, status) exist.
3. Builds it (release binary if present, else debug; --reuse keeps an earlier build and only
   copies the theme's current assets over it).
4. Opens /projekt/ over HTTP in headless Chromium and times, with performance.now(), the
   filter function `kretslopp.filters.apply(selection)` (bitsets, card visibility, counts,
   states: everything the script does for a click), median of --runs per scenario, and the
   style and layout the browser needs afterwards (forced right after, reported separately).

Prints a Markdown table and writes it to Benchmarks/results/filters.md. Not part of make test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
GEN_CORPUS = Path("/work/shared/bench/gen_corpus.py")
SITE_YAML = REPO / "Benchmarks/corpus/site.yaml"
THEME = REPO / "Themes/default"
RESULTS = REPO / "Benchmarks/results/filters.md"
from chromium import CHROMEDRIVER, CHROMIUM  # noqa: E402
import chromium  # noqa: E402

# Runs in the page: alternates between two selections `runs` times and times each change. A paged
# listing draws a filtered view's cards from chunks it loads as scripts: the warm-up waits until
# the chunks both selections show are loaded, so every timed change draws its cards at once.
MEASURE = """
const [from, to, runs, done] = arguments;
const filters = window.kretslopp.filters;
const settled = () => new Promise(resolve => {
  const check = () => document.querySelector('[aria-busy="true"]') ? setTimeout(check, 20) : resolve();
  check();
});
(async () => {
filters.apply(from); await settled(); filters.apply(to); await settled();
const filterTimes = [], layoutTimes = [];
let shown = 0;
for (let i = 0; i < 2 * runs + 2; i++) {
  const selection = i % 2 ? to : from;
  const t0 = performance.now();
  shown = filters.apply(selection);
  const t1 = performance.now();
  document.body.getBoundingClientRect().height;  // style and layout, forced now
  const t2 = performance.now();
  if (i >= 2) { filterTimes.push(t1 - t0); layoutTimes.push(t2 - t1); }  // first round: warm-up
}
filters.apply({});
done({filterTimes, layoutTimes, shownFrom: filters.apply(from), shownTo: filters.apply(to)});
})();
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def corpus(work: Path, pages: int, seed: int) -> Path:
    """The generated corpus folder, generated only when missing or different."""
    folder = work / f"corpus-{pages}-{seed}"
    info = folder / "corpus.json"
    if info.is_file():
        meta = json.loads(info.read_text())
        if meta.get("pages") == pages and meta.get("seed") == seed:
            return folder
    log(f"generating {pages} pages into {folder}")
    subprocess.run(
        [sys.executable, str(GEN_CORPUS), "--pages", str(pages), "--seed", str(seed), "--out", str(folder), "--force"],
        check=True,
    )
    return folder


def content(work: Path, corpus_folder: Path) -> Path:
    """A Kretslopp content folder: the corpus's projects and a site.yaml with three facets."""
    folder = work / "content"
    folder.mkdir(parents=True, exist_ok=True)
    site = yaml.safe_load(SITE_YAML.read_text(encoding="utf-8"))
    site["taxonomies"].append(
        {
            "key": "status",
            "title": "Status",
            "singular": "Status",
            "path": "status",
            "param": "status",
            "terms": [{"id": "pågående", "title": "Pågående"}, {"id": "avslutad", "title": "Avslutad"}],
        }
    )
    (folder / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # The listing needs the front matter only. Bodies are left out: they cost build time, and
    # their Hugo-style links (../other-slug/) are not Kretslopp's (links name the .md file).
    projects = folder / "projekt"
    if projects.is_symlink():
        projects.unlink()
    elif projects.exists():
        shutil.rmtree(projects)
    projects.mkdir()
    for source in sorted((corpus_folder / "content/projekt").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4)
        (projects / source.name).write_text(text[: end + 5] + "\nText.\n", encoding="utf-8")
    return folder


def binary(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    for candidate in (REPO / ".build/release/kretslopp", REPO / ".build/debug/kretslopp"):
        if candidate.is_file():
            return candidate
    sys.exit("no kretslopp binary: run `swift build -c release --product kretslopp --static-swift-stdlib` or pass --bin")


def build(work: Path, content_folder: Path, kretslopp: Path, reuse: bool) -> tuple[Path, str]:
    site = work / "site"
    if reuse and (site / "projekt/index.html").is_file():
        shutil.copytree(THEME / "assets", site / "assets", dirs_exist_ok=True)
        return site, "reused (theme assets refreshed)"
    log(f"building with {kretslopp}")
    started = time.monotonic()
    subprocess.run(
        [str(kretslopp), "build", "--content", str(content_folder), "--theme", str(THEME), "--output", str(site)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return site, f"{kretslopp.parent.name} build, {time.monotonic() - started:.0f} s"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


def browser():
    return chromium.new_driver(page_load_timeout=300, script_timeout=600)


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median": statistics.median(ordered),
        "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "min": ordered[0],
        "max": ordered[-1],
    }


def measure(site: Path, runs: int) -> dict:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = browser()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/projekt/"
        started = time.monotonic()
        driver.get(url)
        # A paged listing's filters start once their data script has loaded.
        for _ in range(200):
            if driver.execute_script("return !!document.querySelector('.facets--enhanced')"):
                break
            time.sleep(0.05)
        load_seconds = time.monotonic() - started
        info = driver.execute_script(
            "const f = window.kretslopp && window.kretslopp.filters; if (!f) return null;"
            "const groups = {};"
            "document.querySelectorAll('[data-facets-root] button[data-slug]').forEach(b =>"
            "  (groups[b.dataset.param] = groups[b.dataset.param] || []).push(b.dataset.slug));"
            "return {cards: f.cards, values: f.values, initTime: f.initTime, groups,"
            " version: navigator.userAgent.match(/Chrome\\/([\\d.]+)/)[1]};"
        )
        if not info:
            sys.exit(f"{url}: kretslopp.filters is missing (filters.js did not run)")
        groups = info["groups"]
        org, tags, status = groups["org"], groups["tagg"], groups["status"]
        # Several groups at once, OR within each: a typical narrow view and a neighbouring one.
        first = {"tagg": [tags[0]], "org": [org[0], org[7], org[21]], "status": [status[0]]}
        second = {"tagg": [tags[1]], "org": [org[3], org[30]], "status": [status[1]]}
        scenarios = [
            ("3 groups, 5 values <-> 3 groups, 4 values", first, second),
            ("nothing <-> 3 groups, 5 values (most cards change)", {}, first),
            ("nothing <-> 1 tag (half the cards change)", {}, {"tagg": [tags[0]]}),
        ]
        rows = []
        for name, a, b in scenarios:
            result = driver.execute_async_script(MEASURE, a, b, runs)
            rows.append(
                {
                    "name": name,
                    "shown": (result["shownFrom"], result["shownTo"]),
                    "filter": summary(result["filterTimes"]),
                    "layout": summary(result["layoutTimes"]),
                    "runs": len(result["filterTimes"]),
                }
            )
        return {
            "info": info,
            "load": load_seconds,
            "load_average": os.getloadavg()[0],
            "rows": rows,
            "selections": (first, second),
        }
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


def report(result: dict, pages: int, built: str, html_bytes: int) -> str:
    info = result["info"]
    first, second = result["selections"]
    lines = [
        "# Filter benchmark",
        "",
        f"`python3 Benchmarks/filter_bench.py`: /projekt/ of the generated corpus ({pages} projects, paged: "
        f"{html_bytes / 1e3:.0f} kB of HTML; {built}), headless Chromium {info['version']}, "
        f"{os.cpu_count()} cores, {platform.machine()}, load average {result['load_average']:.1f} "
        f"(shared machine: compare runs side by side). Three filter groups with {info['values']} values in all "
        f"(tags, organisations, status). Times in ms; {result['rows'][0]['runs']} runs per scenario after a warm-up, "
        "alternating between the two selections.",
        "",
        "| scenario | cards shown | filter median | p90 | min | max | then style+layout median |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        f, l = row["filter"], row["layout"]
        lines.append(
            f"| {row['name']} | {row['shown'][0]} / {row['shown'][1]} | **{f['median']:.2f}** | {f['p90']:.2f} "
            f"| {f['min']:.2f} | {f['max']:.2f} | {l['median']:.1f} |"
        )
    lines += [
        "",
        f"Start-up: loading the filter data of the {info['cards']} cards, reading it into bitsets and turning "
        f"the links into buttons took {info['initTime']:.1f} ms (once, at load; the page with its data "
        f"took {result['load']:.1f} s to load).",
        "",
        "\"filter\" is `kretslopp.filters.apply(selection)`: the AND/OR over bitsets over every card of the "
        "listing, every count and pressed/disabled state, the heading count, and drawing the first page of "
        "matching cards (24) from the loaded chunks. "
        "\"style+layout\" is the browser's own work afterwards (forced with getBoundingClientRect), "
        "before paint; it grows with the number of cards that appear or disappear.",
        "",
        f"Selections: `{json.dumps(first, ensure_ascii=False)}` and `{json.dumps(second, ensure_ascii=False)}`.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30, help="timed changes per scenario (at least 20)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kretslopp-filter-bench"))
    parser.add_argument("--corpus", type=Path, help="an existing gen_corpus.py output to use")
    parser.add_argument("--bin", help="the kretslopp binary (default: release, else debug)")
    parser.add_argument("--reuse", action="store_true", help="keep an earlier build; copy the theme's assets over it")
    args = parser.parse_args(argv)
    if args.runs < 20:
        parser.error("--runs must be at least 20")

    args.work.mkdir(parents=True, exist_ok=True)
    corpus_folder = args.corpus if args.corpus else corpus(args.work, args.pages, args.seed)
    meta = json.loads((corpus_folder / "corpus.json").read_text())
    if (meta.get("pages"), meta.get("seed")) != (args.pages, args.seed):
        parser.error(f"{corpus_folder} holds {meta.get('pages')} pages of seed {meta.get('seed')}")
    content_folder = content(args.work, corpus_folder)
    site, built = build(args.work, content_folder, binary(args.bin), args.reuse)
    result = measure(site, args.runs)
    text = report(result, args.pages, built, (site / "projekt/index.html").stat().st_size)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    log(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
