#!/usr/bin/env python3
"""Search quality: does Kretslopp's search, and Pagefind over the same HTML, put the right page first?

Usage: python3 Benchmarks/search_quality.py [--queries Benchmarks/search_queries.tsv] [--content Content]
                                            [--output Benchmarks/results/search-quality.md] [--work DIR]

  1. Builds --content with the release binary (KRETSLOPP_BIN or .build/release/kretslopp, as bench.py):
     `kretslopp build --content Content --theme Themes/default --output <work>/site`; every expected
     page of the query file (and every glossary anchor) must be in that output.
  2. Runs Pagefind over that same output: `pagefind --site <work>/site --root-selector main --glob
     "{om,ordlista,projekt,…}/**/*.html"`: the page's <main> (as Kretslopp indexes the page's own
     text, not the menus and footer), and the same pages Kretslopp indexes: not the home page, the
     printable report (every page again in one) nor the search page. It must index every expected page.
  3. Serves the output over HTTP (127.0.0.1, http.server) and, in one headless Chromium on /om/, runs
     each query in both engines:
       Kretslopp  await kretslopp.search(q, {limit: 3})
       Pagefind   pf = await import('/pagefind/pagefind.js'); (await pf.search(q)).results,
                  the first 3 with data() (url and sub_results)
  4. A result at rank r (1–3) is a hit when its url, without the ?highlight= query, is the expected
     path. For a glossary entry (/ordlista/#lca) Kretslopp's result url must carry the anchor; a
     Pagefind result counts when it or one of its sub_results links to the anchor ("strict"). As
     Pagefind makes sub-results of headings only, the table also gives the rank of the page without
     the anchor ("page level") for both.

Prints a Markdown table (per query: expected page, rank in each engine) and a summary (hits at 1 and
at 3 per engine, per kind of query and per kind of page), and writes it to --output. A build that
fails, an expected page missing from the build, or a Pagefind run that indexes too few pages stops it
with an error. Needs pagefind (pip install pagefind-bin), chromium and chromedriver, selenium:
`make bench-search` installs them.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench  # noqa: E402  (kretslopp_binary, pagefind_binary, ROOT)
import readme_block  # noqa: E402
import chromium  # noqa: E402

ROOT = bench.ROOT
QUERIES = ROOT / "Benchmarks/search_queries.tsv"
OUTPUT = ROOT / "Benchmarks/results/search-quality.md"
THEME = ROOT / "Themes/default"
COLUMNS = ["query", "expected", "kind", "found-in"]
KINDS = ["exact", "inflection", "diacritics", "compound", "part", "abbreviation", "synonym", "organisation",
         "multi-word", "prefix", "typo"]
FOUND_IN = ["title", "name", "term", "synonym", "heading", "text", "table"]
PAGE_KINDS = ["project", "organisation", "glossary entry", "stand-alone page"]
# Pagefind indexes no output folder but these (the home page, the report, the search page and the
# 404 page are at the top or in these and stay out, as in Kretslopp's index).
NOT_INDEXED = {"rapport", "sok", "assets", "pagefind"}
RANKS = 3


class QueryFileError(Exception):
    """A line of the query file that cannot be read; the message says where and what."""


class BadOutput(Exception):
    """A build or a Pagefind run whose output cannot be measured."""


# ---------------------------------------------------------------------------------------------
# The query file

def read_queries(path: pathlib.Path = QUERIES) -> list[dict]:
    """The queries of a tab-separated file (see its header), with their line numbers."""
    queries, header = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            if fields != COLUMNS:
                raise QueryFileError(f"{path}:{number}:1: error: the header must be {' TAB '.join(COLUMNS)}")
            header = fields
            continue
        if len(fields) != len(COLUMNS) or not all(f.strip() == f and f for f in fields):
            raise QueryFileError(f"{path}:{number}:1: error: a query needs {len(COLUMNS)} non-empty fields "
                                 f"separated by single tabs ({', '.join(COLUMNS)}), got {fields!r}")
        query = dict(zip(COLUMNS, fields), line=number)
        column = line.index(query["expected"]) + 1
        if not query["expected"].startswith("/") or "?" in query["expected"]:
            raise QueryFileError(f"{path}:{number}:{column}: error: expected is a site path such as "
                                 f"/projekt/x/ or /ordlista/#id, not {query['expected']!r}")
        for name, allowed in (("kind", KINDS), ("found-in", FOUND_IN)):
            if query[name] not in allowed:
                raise QueryFileError(f"{path}:{number}:{line.index(query[name]) + 1}: error: unknown {name} "
                                     f"{query[name]!r} (known: {', '.join(allowed)})")
        queries.append(query)
    if header is None:
        raise QueryFileError(f"{path}:1:1: error: no header line ({' TAB '.join(COLUMNS)})")
    seen = {}
    for query in queries:
        if query["query"].lower() in seen:
            raise QueryFileError(f"{path}:{query['line']}:1: error: {query['query']!r} is also on line "
                                 f"{seen[query['query'].lower()]}")
        seen[query["query"].lower()] = query["line"]
    return queries


def split(expected: str) -> tuple[str, str]:
    """(path, anchor) of an expected site path: ("/ordlista/", "lca") or ("/om/", "")."""
    path, _, anchor = expected.partition("#")
    return path, anchor


def page_kind(expected: str) -> str:
    path, anchor = split(expected)
    if anchor:
        return "glossary entry"
    if path.startswith("/projekt/") and path != "/projekt/":
        return "project"
    if path.startswith("/organisationer/") and path != "/organisationer/":
        return "organisation"
    return "stand-alone page"


# ---------------------------------------------------------------------------------------------
# The built site and Pagefind's index

def build(binary: pathlib.Path, content: pathlib.Path, site: pathlib.Path) -> None:
    """Builds content into site (which must not exist yet); raises BadOutput when that fails."""
    run = subprocess.run([str(binary), "build", "--content", str(content), "--theme", str(THEME),
                          "--output", str(site)], capture_output=True, text=True)
    if run.returncode != 0:
        raise BadOutput(f"kretslopp build failed ({run.returncode}):\n{run.stderr}")
    if not (site / "assets/search/engine.js").exists():
        raise BadOutput(f"kretslopp wrote no search index in {site}")


def missing_pages(site: pathlib.Path, queries: list[dict]) -> list[str]:
    """The expected pages (and anchors) a built site lacks, as 'line N: /path/#id'."""
    missing = []
    for query in queries:
        path, anchor = split(query["expected"])
        page = site / path.strip("/") / "index.html"
        if not page.exists() or (anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8")):
            missing.append(f"line {query['line']}: {query['expected']}")
    return missing


def pagefind_glob(site: pathlib.Path) -> str:
    folders = sorted(p.name for p in site.iterdir() if p.is_dir() and p.name not in NOT_INDEXED)
    return "{" + ",".join(folders) + "}/**/*.html"


def run_pagefind(site: pathlib.Path, queries: list[dict]) -> int:
    """Indexes site with Pagefind (into site/pagefind/); the number of pages it indexed."""
    command = [bench.pagefind_binary(), "--site", str(site), "--root-selector", "main", "--glob",
               pagefind_glob(site), "--quiet"]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise BadOutput(f"pagefind failed ({run.returncode}):\n{run.stderr}")
    entry = site / "pagefind/pagefind-entry.json"
    if not entry.exists():
        raise BadOutput(f"pagefind wrote no {entry}")
    indexed = sum(language["page_count"] for language in json.loads(entry.read_text())["languages"].values())
    pages = {split(q["expected"])[0] for q in queries}
    if indexed < len(pages):
        raise BadOutput(f"pagefind indexed {indexed} pages, fewer than the {len(pages)} pages the queries expect")
    return indexed


# ---------------------------------------------------------------------------------------------
# Queries in the browser: each result as {path, hash, subs: [hash, …]} (path without index.html)

RUN = {
    "kretslopp": """
const [queries, n, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const place = u => { const x = new URL(u, location.href);
  return {path: x.pathname.replace(/index\\.html$/, ''), hash: x.hash.replace(/^#/, '')}; };
(async () => {
  const out = [];
  for (const q of queries) {
    const list = await window.kretslopp.search(q, {limit: n});
    out.push(list.slice(0, n).map(r => Object.assign(place(r.url), {title: r.title,
      subs: (r.subResults || []).map(s => place(s.url).hash)})));
  }
  done(out);
})().catch(e => done({error: String(e && e.stack || e)}));
""",
    "pagefind": """
const [queries, n, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const place = u => { const x = new URL(u, location.href);
  return {path: x.pathname.replace(/index\\.html$/, ''), hash: x.hash.replace(/^#/, '')}; };
(async () => {
  const pf = await import('/pagefind/pagefind.js');
  if (pf.init) await pf.init();
  const out = [];
  for (const q of queries) {
    const r = await pf.search(q);
    const data = await Promise.all(((r && r.results) || []).slice(0, n).map(x => x.data()));
    out.push(data.map(d => Object.assign(place(d.url), {title: d.meta && d.meta.title,
      subs: (d.sub_results || []).map(s => place(s.url).hash)})));
  }
  done(out);
})().catch(e => done({error: String(e && e.stack || e)}));
""",
}


def run_queries(site: pathlib.Path, queries: list[dict]) -> dict[str, list[list[dict]]]:
    from search_bench import serve  # the same plain http.server as the speed benchmark

    server = serve(site)
    driver = chromium.new_driver(page_load_timeout=60, script_timeout=300)
    # Selenium's HTTP read timeout towards chromedriver (120 s by default) must outlast the script timeout.
    driver.command_executor.client_config.timeout = 600
    try:
        driver.get("http://%s:%d/om/" % server.server_address[:2])
        if not driver.execute_script("return typeof (window.kretslopp || {}).search === 'function'"):
            raise BadOutput("window.kretslopp.search is missing on /om/")
        results = {}
        for engine, script in RUN.items():
            found = driver.execute_async_script(script, [q["query"] for q in queries], RANKS)
            if isinstance(found, dict):
                raise BadOutput(f"{engine} failed: {found['error']}")
            results[engine] = found
        return results
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------------
# Ranks and the report

def rank(results: list[dict], expected: str, strict: bool, sub_results: bool) -> int | None:
    """1-based rank of the first result that is the expected page (with its anchor when strict; a
    sub-result linking to the anchor counts when sub_results), else None."""
    path, anchor = split(expected)
    for position, result in enumerate(results, start=1):
        if result["path"] != path:
            continue
        if not strict or result["hash"] == anchor or (anchor and sub_results and anchor in result["subs"]):
            return position
    return None


def ranks(query: dict, found: dict[str, list[list[dict]]], index: int) -> dict[str, int | None]:
    k, p = found["kretslopp"][index], found["pagefind"][index]
    return {"K": rank(k, query["expected"], strict=True, sub_results=False),
            "P": rank(p, query["expected"], strict=True, sub_results=True),
            "K page": rank(k, query["expected"], strict=False, sub_results=False),
            "P page": rank(p, query["expected"], strict=False, sub_results=False)}


def shown(r: int | None) -> str:
    return "–" if r is None else str(r)


def score(rows: list[dict], column: str) -> str:
    at1 = sum(1 for row in rows if row[column] == 1)
    at3 = sum(1 for row in rows if row[column] is not None)
    return f"{at1} / {at3}"


def report(queries: list[dict], found: dict, indexed: int, about: str) -> list[str]:
    rows = [dict(q, **ranks(q, found, i), got_k=found["kretslopp"][i], got_p=found["pagefind"][i])
            for i, q in enumerate(queries)]
    columns = ["K", "P", "K page", "P page"]
    lines = [f"{about}", "",
             f"{len(rows)} queries (Benchmarks/search_queries.tsv), each with the page it must find first; "
             f"Pagefind indexed {indexed} pages. Hits at 1 / hits in the top {RANKS}. K: Kretslopp, "
             f"P: Pagefind. A glossary entry counts when the result links to its anchor (Pagefind: the "
             f"result or one of its sub-results); \"page\": the page without the anchor is enough.", "",
             "| queries | n | K | P | K page level | P page level |", "|---|---|---|---|---|---|",
             f"| **all** | {len(rows)} | " + " | ".join(score(rows, c) for c in columns) + " |"]
    for label, key, values in (("kind of query", "kind", KINDS), ("kind of page", "page", PAGE_KINDS)):
        for value in values:
            group = [r for r in rows if (r["kind"] if key == "kind" else page_kind(r["expected"])) == value]
            if group:
                lines.append(f"| {label}: {value} | {len(group)} | " + " | ".join(score(group, c) for c in columns)
                             + " |")
    lines += ["", "| query | kind | expected | K | P | P page level | Kretslopp's first | Pagefind's first |",
              "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        first = [(got[0]["path"] + ("#" + got[0]["hash"] if got[0]["hash"] else "")) if got else "nothing"
                 for got in (r["got_k"], r["got_p"])]
        lines.append(f"| {r['query']} | {r['kind']} | {r['expected']} | {shown(r['K'])} | {shown(r['P'])} "
                     f"| {shown(r['P page'])} | {first[0]} | {first[1]} |")
    missed = [r for r in rows if r["K"] != 1]
    lines += ["", f"Kretslopp misses at 1: {len(missed)}" + (": " + ", ".join(r["query"] for r in missed)
                                                             if missed else "")]
    return lines


def versions(binary: pathlib.Path) -> str:
    def out(command: list[str]) -> str:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()
    return f"Kretslopp {out([str(binary), '--version'])}, {out([bench.pagefind_binary(), '--version'])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=pathlib.Path, default=QUERIES)
    parser.add_argument("--content", type=pathlib.Path, default=ROOT / "Content")
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    parser.add_argument("--work", type=pathlib.Path, help="folder for the built site (default: a temporary one)")
    args = parser.parse_args()
    binary = bench.kretslopp_binary()
    try:
        queries = read_queries(args.queries)
        with tempfile.TemporaryDirectory(prefix="search-quality-") as temporary:
            work = args.work or pathlib.Path(temporary)
            site = work / "site"
            if site.exists():
                raise BadOutput(f"{site} exists already: give an empty --work folder")
            build(binary, args.content, site)
            missing = missing_pages(site, queries)
            if missing:
                raise BadOutput(f"the build of {args.content} lacks expected pages: {'; '.join(missing)}")
            indexed = run_pagefind(site, queries)
            found = run_queries(site, queries)
    except (QueryFileError, BadOutput) as error:
        sys.exit(f"search_quality: {error}")
    about = (f"## Search quality: {len(queries)} queries on Content/\n\n{versions(binary)}; "
             f"{time.strftime('%Y-%m-%d')}. Headless Chromium; Pagefind with --root-selector main over the "
             f"same pages (not the home page, the report or the search page).")
    lines = report(queries, found, indexed, about)
    text = "\n".join(lines) + "\n"
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    if args.queries == QUERIES and args.content == ROOT / "Content":
        # The README shows the totals by kind; the table of every query stays in the results file.
        summary = lines[2:lines.index("| query | kind | expected | K | P | P page level | Kretslopp's first "
                                      "| Pagefind's first |")]
        readme_block.replace("search-quality", "Benchmarks/search_quality.py", "\n".join(summary))


if __name__ == "__main__":
    main()
