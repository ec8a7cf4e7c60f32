#!/usr/bin/env python3
"""Build benchmark: Kretslopp against Hugo, Pagefind and cmark on the same generated corpus.

Usage: python3 Benchmarks/bench.py [--styles plain,real] [--sizes 1000,10000] [--runs 5] [--against OTHER_BIN]
                                   [--scaling 1000,10000,30000] [--scaling-style real]

For each corpus style (`gen_corpus.py --style`: `plain`, one-line front matter and a small
vocabulary; `real`, front matter and text as people write them) and size, the corpus is generated
with ../shared/bench/gen_corpus.py (seed 1), then, alternating the commands in every round (one
warm-up round first, then --runs measured rounds):
  kretslopp           full clean build: pages, term pages, feeds, search index
  kretslopp-no-index  the same build with --no-search-index (what the index costs is the paired
                      difference of the two, round by round)
  hugo                clean build of the same corpus (its layouts come with the corpus; no search)
  pagefind            indexing Hugo's output (what Hugo + Pagefind is compared with)
  cmark               all Markdown bodies in one file, rendered by one process with the options
                      Kretslopp reads Markdown with, `--smart` (CPU time: the lower bound of the
                      Markdown work). Kretslopp parses with cmark's smart punctuation
                      (CMARK_OPT_SMART: its pages have curly quotes and dashes); without it cmark does
                      less of that work, since its inline parser then does not stop at every `.` and
                      `-` to look for ellipses and dashes. (Positions cmark tracks either way; it
                      writes them with --sourcepos, which Kretslopp does not.)
  cmark-default       the same with cmark's default options (no smart punctuation), reported beside
  cmark-2             the same bodies split in two halves, two processes at once, `--smart` (wall
                      time: the lower bound on these 2 cores, as Kretslopp uses both)
  write-floor         the files of the round's Kretslopp build written again into a new folder on
                      the same file system, and nothing else (Benchmarks/write_floor.py, which times
                      only its writing): the kernel's share that any build writing them pays
With --against OTHER_BIN it only compares each stage (`--timings`) of this build with the same
stage of another kretslopp binary (an earlier commit's), the two alternating in every round, on the
largest size of each style; the report goes to Benchmarks/results/against.md.
Wall time, CPU time (user+sys of the command and its children) and peak memory (largest process)
come from /usr/bin/time -v. The report gives the median and min–max of each, and the ratios
measured in the same run; it is printed and written to Benchmarks/results/build.md. No network:
the peers are installed from Debian and PyPI by make bench.

Every timed run's output is checked before its time counts: the number of project pages each
builder wrote, Kretslopp's search index (present in the full build, absent without it), the pages
Pagefind indexed, and the headings cmark rendered. A run whose output is wrong stops the benchmark
with the reason, and nothing is reported.

Every build writes into a folder that does not exist (a clean build). The previous run's output is
moved aside, not deleted, and everything set aside is deleted when the benchmark ends: on ext4
without a journal (these machines) the kernel skips inodes freed in the last minutes when it
allocates new ones (`recently_deleted` in fs/ext4/ialloc.c), so a build that starts right after
deleting 20,000 files pays for the deletion in every file it creates, seconds that depend on what
the harness did before and not on the tool being measured. The same holds for every tool.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

import readme_block

ROOT = pathlib.Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared/bench/gen_corpus.py"
SITE_YAML = ROOT / "Benchmarks/corpus/site.yaml"
RESULTS = ROOT / "Benchmarks/results"


def kretslopp_binary() -> pathlib.Path:
    for candidate in (os.environ.get("KRETSLOPP_BIN"), ROOT / ".build/release/kretslopp"):
        if candidate and pathlib.Path(candidate).exists():
            return pathlib.Path(candidate)
    sys.exit("no release binary: run `swift build -c release --product kretslopp --static-swift-stdlib` first (make bench does)")


def pagefind_binary() -> str:
    found = shutil.which("pagefind")
    if found:
        return found
    out = subprocess.run([sys.executable, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("pagefind not found: pip install pagefind-bin (make bench does)")
    return out.stdout.strip()


class BadOutput(Exception):
    """A timed run whose output is not what the tool was asked to make."""


def measure(command: list[str], cwd: pathlib.Path | None = None, stdout=subprocess.DEVNULL) -> dict:
    """Runs command under /usr/bin/time -v; returns wall s, cpu s and peak MiB."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    text = result.stderr

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}: (.+)", text).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return {"wall": seconds, "cpu": cpu, "mem": peak, "stderr": text, "stdout": result.stdout or ""}


def measure_floor(command: list[str]) -> dict:
    """Runs write_floor.py: its own figures for the writing alone (reading the site first is not timed)."""
    result = measure(command, stdout=subprocess.PIPE)
    return {**result, **json.loads(result["stdout"]), "mem": 0.0}


def corpus_name(style: str, n: int) -> str:
    # The plain style keeps the folder names of earlier runs.
    return f"{n}" if style == "plain" else f"{style}-{n}"


def prepare(n: int, work: pathlib.Path, style: str = "plain") -> dict:
    """Generates the corpus of n pages in `style` and the inputs each tool needs."""
    name = corpus_name(style, n)
    corpus = work / f"corpus-{name}"
    if not (corpus / "corpus.json").exists():
        subprocess.run([sys.executable, str(GENERATOR), "--pages", str(n), "--seed", "1", "--style", style,
                        "--out", str(corpus), "--force"], check=True, stdout=subprocess.DEVNULL)
    content = work / f"content-{name}"
    if not content.exists():
        content.mkdir()
        (content / "site.yaml").write_text(SITE_YAML.read_text(encoding="utf-8"), encoding="utf-8")
        shutil.copytree(corpus / "content/projekt", content / "projekt")
    bodies = work / f"bodies-{name}.md"
    halves = [work / f"bodies-{name}-{half}.md" for half in (1, 2)]
    headings = work / f"bodies-{name}.headings"
    if not (bodies.exists() and headings.exists() and all(h.exists() for h in halves)):
        texts = []
        for page in sorted((corpus / "content/projekt").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            texts.append(text.split("\n---\n", 1)[1] + "\n\n")
        bodies.write_text("".join(texts), encoding="utf-8")
        # Two halves of about the same size, for two cmark processes.
        total, first = sum(len(t) for t in texts), 0
        cut = next((i for i, t in enumerate(texts) if (first := first + len(t)) >= total / 2), len(texts))
        halves[0].write_text("".join(texts[:cut + 1]), encoding="utf-8")
        halves[1].write_text("".join(texts[cut + 1:]), encoding="utf-8")
        headings.write_text(str(count_headings("".join(texts))), encoding="utf-8")
    return {"corpus": corpus, "content": content, "bodies": bodies, "halves": halves, "n": n, "style": style,
            "headings": int(headings.read_text()), "hugo_out": work / f"hugo-{name}",
            "kretslopp_out": work / f"kretslopp-{name}", "plain_out": work / f"kretslopp-no-index-{name}",
            "pagefind_out": work / f"pagefind-{name}", "cmark_out": work / f"cmark-{name}",
            "floor_out": work / f"write-floor-{name}"}


def count_headings(markdown: str) -> int:
    """ATX headings of level 2 outside fenced code: what cmark must render as <h2>."""
    count, fence = 0, None
    for line in markdown.split("\n"):
        stripped = line.lstrip(" ")
        marker = stripped[:3]
        if marker in ("```", "~~~") and len(line) - len(stripped) < 4:
            fence = None if fence == marker else (fence or marker)
        elif fence is None and re.match(r" {0,3}## ", line):
            count += 1
    return count


def project_pages(folder: pathlib.Path) -> int:
    """Project pages a builder wrote: projekt/<slug>/index.html."""
    return sum(1 for _ in (folder / "projekt").glob("*/index.html"))


def check_output(name: str, paths: dict) -> str:
    """Checks what `name` just wrote; returns a short note, raises BadOutput when it is wrong."""
    n = paths["n"]
    if name in ("kretslopp", "kretslopp-no-index", "hugo"):
        folder = paths[{"kretslopp": "kretslopp_out", "kretslopp-no-index": "plain_out", "hugo": "hugo_out"}[name]]
        pages = project_pages(folder)
        if pages != n:
            raise BadOutput(f"{name} wrote {pages} project pages, not {n} ({folder})")
        search = folder / "assets/search"
        if name == "kretslopp":
            index_files = sum(1 for p in search.rglob("*") if p.is_file()) if search.exists() else 0
            if not (search / "engine.js").exists() or index_files < 3:
                raise BadOutput(f"kretslopp wrote no search index ({index_files} files in {search})")
            return f"{pages} pages, {index_files} index files"
        if name == "kretslopp-no-index" and search.exists():
            raise BadOutput(f"kretslopp --no-search-index wrote {search}")
        return f"{pages} pages"
    if name == "pagefind":
        entry = paths["pagefind_out"] / "pagefind-entry.json"
        if not entry.exists():
            raise BadOutput(f"pagefind wrote no {entry}")
        indexed = sum(language["page_count"] for language in json.loads(entry.read_text())["languages"].values())
        if indexed < n:
            raise BadOutput(f"pagefind indexed {indexed} pages, fewer than the {n} projects")
        return f"{indexed} pages indexed"
    if name in ("cmark", "cmark-2", "cmark-default"):
        outputs = sorted(paths["cmark_out"].glob("*.html"))
        rendered = sum(p.read_text(encoding="utf-8").count("<h2>") for p in outputs)
        if rendered != paths["headings"]:
            raise BadOutput(f"{name} rendered {rendered} <h2> headings, the bodies have {paths['headings']}")
        return f"{rendered} headings"
    if name == "write-floor":
        written = sum(1 for p in paths["floor_out"].rglob("*") if p.is_file())
        built = sum(1 for p in paths["kretslopp_out"].rglob("*") if p.is_file())
        if written != built or project_pages(paths["floor_out"]) != n:
            raise BadOutput(f"write-floor wrote {written} files, the build {built} ({paths['floor_out']})")
        return f"{written} files"
    raise AssertionError(name)


def commands(paths: dict, names: list[str] | None = None) -> dict:
    """Each tool's command line and the folders it writes; only the tools in `names` when given
    (a tool that is not installed stops the run only when it is asked for)."""
    out = paths["cmark_out"]
    half1, half2 = (str(h) for h in paths["halves"])

    def build(*extra: str) -> list[str]:
        return [str(kretslopp_binary()), "build", "--content", str(paths["content"]), "--theme", str(ROOT / "Themes/default"), *extra]

    tools = {
        "kretslopp": lambda: ([*build("--output", str(paths["kretslopp_out"]))], [paths["kretslopp_out"]]),
        "kretslopp-no-index": lambda: ([*build("--no-search-index", "--output", str(paths["plain_out"]))], [paths["plain_out"]]),
        "hugo": lambda: (["hugo", "--source", str(paths["corpus"]), "--destination", str(paths["hugo_out"]), "--quiet"],
                         [paths["hugo_out"]]),
        "pagefind": lambda: ([pagefind_binary(), "--site", str(paths["hugo_out"]), "--output-path", str(paths["pagefind_out"]),
                              "--quiet"], [paths["pagefind_out"]]),
        "cmark": lambda: (["sh", "-c", f'mkdir "{out}" && exec cmark --smart "{paths["bodies"]}" > "{out}/all.html"'],
                          [out]),
        "cmark-default": lambda: (["sh", "-c", f'mkdir "{out}" && exec cmark "{paths["bodies"]}" > "{out}/all.html"'],
                                  [out]),
        "cmark-2": lambda: (["sh", "-c", f'mkdir "{out}" && {{ cmark --smart "{half1}" > "{out}/1.html" & first=$!; '
                                         f'cmark --smart "{half2}" > "{out}/2.html" && wait $first; }}'], [out]),
        # After kretslopp in every round: it writes that round's output again.
        "write-floor": lambda: ([sys.executable, str(ROOT / "Benchmarks/write_floor.py"), str(paths["kretslopp_out"]),
                                 str(paths["floor_out"])], [paths["floor_out"]]),
    }
    return {name: make() for name, make in tools.items() if names is None or name in names}


class SetAside:
    """Folders moved out of the way during the runs and deleted at the end (see the docstring)."""

    def __init__(self, work: pathlib.Path):
        self.folder = work / "set-aside"
        self.folder.mkdir(exist_ok=True)  # a folder left by an interrupted run is emptied at the end too
        self.count = 0

    def clear(self, path: pathlib.Path) -> None:
        """Makes `path` not exist, without deleting files now."""
        if path.exists():
            self.count += 1
            path.rename(self.folder / f"{os.getpid()}-{self.count}-{path.name}")

    def empty(self) -> None:
        """Deletes everything set aside, unless BENCH_KEEP_SET_ASIDE is set: `make bench` sets it for
        the steps that build whole sites and deletes the folder once after them
        (`--empty-set-aside`), as a deletion between two such steps would slow the file creation of
        the next step's builds. The preview step comes after the deletion: with 14 GB of outputs
        kept, the page cache had filled the memory and its rebuilds at 10,000 pages took 2-3 times
        as long (make bench at b29f632: 113-158 ms; the same binary after the deletion: 50-70 ms).
        The deletion is written out (sync) before the next step starts."""
        if os.environ.get("BENCH_KEEP_SET_ASIDE"):
            print(f"bench: {self.folder} kept (BENCH_KEEP_SET_ASIDE); it is deleted by --empty-set-aside",
                  file=sys.stderr)
            return
        shutil.rmtree(self.folder, ignore_errors=True)
        os.sync()


def thousands(n: int) -> str:
    """10000 -> '10 000', as the report writes numbers."""
    return f"{n:,}".replace(",", " ")


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def fmt(values: list[float], unit: str, digits: int = 2) -> str:
    med, lo, hi = summary(values)
    return f"{med:.{digits}f} {unit} ({lo:.{digits}f}–{hi:.{digits}f})"


def met(value: float, goal: float) -> str:
    return f"≤ {goal:g}×: {'met' if value <= goal else '**not met**'}"


# Goals of the README (issue 9 for the build, issue 16 for measuring them like for like, issue 22 for
# CPU and memory against Hugo on both corpus styles, the real-style stages and scaling).
GOALS = {"time_hugo": 0.5, "cpu_hugo": 0.35, "mem_hugo": 0.35, "cpu_cmark": 3.0, "index_pagefind": 0.2}
STAGE_GOALS = {"ParseFrontMatter": 0.5, "IndexForSearch": 1.2}  # CPU seconds, real style, 10,000 pages
# Scaling: CPU time and peak memory per page at any size no worse than at 10,000 pages, with this
# much room for noise (one run per size).
SCALING_ROOM = 1.10


def run_size(style: str, n: int, runs: int, work: pathlib.Path, aside: SetAside) -> tuple[str, dict]:
    paths = prepare(n, work, style)
    tools = commands(paths)
    samples = {name: [] for name in tools}
    for round_number in range(runs + 1):
        for name, (command, clean) in tools.items():
            for folder in clean:
                aside.clear(folder)
            if name == "pagefind" and not paths["hugo_out"].exists():
                measure(tools["hugo"][0])
            result = measure_floor(command) if name == "write-floor" else measure(command)
            note = check_output(name, paths)
            if round_number > 0:  # the first round warms caches
                samples[name].append(result)
            print(f"  {style} {n} pages, round {round_number}: {name} {result['wall']:.2f} s, {result['cpu']:.2f} cpu-s, "
                  f"{result['mem']:.0f} MiB ({note})", file=sys.stderr)

    def med(name, key):
        return statistics.median(s[key] for s in samples[name])

    # What the index costs Kretslopp: the paired difference of the builds with and without it.
    index = {key: [a[key] - b[key] for a, b in zip(samples["kretslopp"], samples["kretslopp-no-index"])]
             for key in ("wall", "cpu")}
    lines = [f"#### {thousands(n)} pages, {style} style", "",
             "| tool | wall time | CPU time | peak memory |", "|---|---|---|---|"]
    for name in tools:
        memory = "–" if name == "write-floor" else fmt([s['mem'] for s in samples[name]], 'MiB', 0)
        lines.append(f"| {name} | {fmt([s['wall'] for s in samples[name]], 's')} | {fmt([s['cpu'] for s in samples[name]], 's')} "
                     f"| {memory} |")
    lines.append(f"| kretslopp's search index (build minus build without it, per round) | {fmt(index['wall'], 's')} "
                 f"| {fmt(index['cpu'], 's')} | – |")
    def row(numerator: float, denominator: float, goal: str | None = None) -> tuple[float, str]:
        # A tool too fast to time at small sizes gives no ratio rather than a division by zero.
        value = numerator / denominator if denominator > 0 else float("nan")
        return value, (met(value, GOALS[goal]) if goal and value == value else "–")

    k_wall, k_cpu, k_mem = med("kretslopp", "wall"), med("kretslopp", "cpu"), med("kretslopp", "mem")
    index_wall, index_cpu = statistics.median(index["wall"]), statistics.median(index["cpu"])
    ratios = {
        "Kretslopp / Hugo, wall time": row(k_wall, med("hugo", "wall"), "time_hugo"),
        "Kretslopp / Hugo, CPU time": row(k_cpu, med("hugo", "cpu"), "cpu_hugo"),
        "Kretslopp / Hugo, peak memory": row(k_mem, med("hugo", "mem"), "mem_hugo"),
        "Kretslopp / (Hugo + Pagefind), wall time": row(k_wall, med("hugo", "wall") + med("pagefind", "wall")),
        "Kretslopp / (Hugo + Pagefind), CPU time": row(k_cpu, med("hugo", "cpu") + med("pagefind", "cpu")),
        "Kretslopp / cmark, CPU time (one cmark process)": row(k_cpu, med("cmark", "cpu"), "cpu_cmark"),
        "Kretslopp / cmark with its default options (no smart punctuation), CPU time":
            row(k_cpu, med("cmark-default", "cpu")),
        "Kretslopp / cmark, wall time (two cmark processes on the 2 cores)": row(k_wall, med("cmark-2", "wall")),
        "Writing Kretslopp's files alone / cmark, CPU time": row(med("write-floor", "cpu"), med("cmark", "cpu")),
        "Kretslopp's search index / Pagefind, wall time": row(index_wall, med("pagefind", "wall"), "index_pagefind"),
        "Kretslopp's search index / Pagefind, CPU time": row(index_cpu, med("pagefind", "cpu")),
    }
    lines += ["", "| ratio (medians, same run) | value | goal |", "|---|---|---|"]
    lines += [f"| {name} | {value:.2f}× | {goal} |" for name, (value, goal) in ratios.items()]
    return "\n".join(lines) + "\n", {name: value for name, (value, _) in ratios.items()}


def side_by_side(results: dict[tuple[str, int], dict]) -> str:
    """One table of every ratio, a column per corpus style and size."""
    keys = list(results)
    lines = ["#### Ratios side by side", "",
             "| ratio (medians, same run) | " + " | ".join(f"{style} {thousands(n)}" for style, n in keys) + " |",
             "|---|" + "---|" * len(keys)]
    for name in next(iter(results.values())):
        lines.append(f"| {name} | " + " | ".join(f"{results[key][name]:.2f}×" for key in keys) + " |")
    return "\n".join(lines) + "\n"


def kretslopp_rounds(paths: dict, runs: int, aside: SetAside, *arguments: str) -> list[dict]:
    """Kretslopp's clean build alone, a warm-up and then `runs` measured rounds, each checked."""
    command, clean = commands(paths, ["kretslopp"])["kretslopp"]
    results = []
    for round_number in range(runs + 1):
        aside.clear(clean[0])
        result = measure([*command, *arguments])
        check_output("kretslopp", paths)
        if round_number > 0:
            results.append(result)
    return results


STAGE = re.compile(r"^\s*([\d.]+) ms  \(CPU user\s+([\d.]+) ms, system\s+([\d.]+) ms\)  (\S+)$", re.MULTILINE)


def stage_table(styles: list[str], n: int, runs: int, work: pathlib.Path, aside: SetAside) -> tuple[str, dict]:
    """Each stage's wall and CPU time (`kretslopp build --timings`, stages one after another), a
    column pair per style: where the styles differ (front matter shape, vocabulary) shows here."""
    columns = {}
    for style in styles:
        rounds = [{m.group(4): (float(m.group(1)), float(m.group(2)) + float(m.group(3))) for m in STAGE.finditer(r["stderr"])}
                  for r in kretslopp_rounds(prepare(n, work, style), runs, aside, "--timings")]
        columns[style] = {stage: (statistics.median(r[stage][0] for r in rounds), statistics.median(r[stage][1] for r in rounds))
                          for stage in rounds[0]}
    stages = list(next(iter(columns.values())))
    lines = [f"#### Stages at {thousands(n)} pages (`kretslopp build --timings`, median of {runs})", "",
             "| stage | " + " | ".join(f"{style}: wall / CPU" for style in styles) + " |", "|---|" + "---|" * len(styles)]
    for stage in stages:
        lines.append(f"| {stage} | " + " | ".join(f"{columns[s][stage][0] / 1000:.2f} s / {columns[s][stage][1] / 1000:.2f} s"
                                                  for s in styles) + " |")
    return "\n".join(lines) + "\n", columns


def against_table(styles: list[str], n: int, runs: int, work: pathlib.Path, aside: SetAside,
                  other: pathlib.Path) -> str:
    """Each stage of this build beside the same stage of `other` (a binary of an earlier commit, such
    as the one before a refactor), `--timings`, the two alternating in every round after a warm-up
    round, every output checked: what a change did to each stage, measured like for like."""
    binaries = {"before": other, "after": kretslopp_binary()}
    lines = [f"#### Stages at {thousands(n)} pages: before ({other}) and after, `--timings`, median of {runs}", "",
             "| style | stage | before: wall / CPU | after: wall / CPU | CPU after / before |", "|---|---|---|---|---|"]
    for style in styles:
        paths = prepare(n, work, style)
        samples = {name: [] for name in binaries}
        for round_number in range(runs + 1):
            for name, binary in binaries.items():
                aside.clear(paths["kretslopp_out"])
                result = measure([str(binary), "build", "--content", str(paths["content"]), "--theme",
                                  str(ROOT / "Themes/default"), "--output", str(paths["kretslopp_out"]), "--timings"])
                check_output("kretslopp", paths)
                stages = {m.group(4): (float(m.group(1)) / 1000, (float(m.group(2)) + float(m.group(3))) / 1000)
                          for m in STAGE.finditer(result["stderr"])}
                stages["whole build"] = (result["wall"], result["cpu"])
                if round_number > 0:
                    samples[name].append(stages)
                print(f"  against {style} {n}, round {round_number}: {name} {result['wall']:.2f} s, "
                      f"{result['cpu']:.2f} cpu-s", file=sys.stderr)
        for stage in samples["after"][0]:
            if stage not in samples["before"][0]:
                continue
            wall = {k: statistics.median(r[stage][0] for r in samples[k]) for k in binaries}
            cpu = {k: statistics.median(r[stage][1] for r in samples[k]) for k in binaries}
            ratio = f"{cpu['after'] / cpu['before']:.2f}×" if cpu["before"] > 0 else "–"
            lines.append(f"| {style} | {stage} | {wall['before']:.2f} s / {cpu['before']:.2f} s "
                         f"| {wall['after']:.2f} s / {cpu['after']:.2f} s | {ratio} |")
    return "\n".join(lines) + "\n"


def run_scaling(style: str, sizes: list[int], runs: int, work: pathlib.Path, aside: SetAside) -> tuple[str, dict]:
    lines = [f"#### Scaling (Kretslopp alone, {style} style, median of {runs} after a warm-up)", "",
             "| pages | wall time | CPU time | per page (CPU) | peak memory | per page |", "|---|---|---|---|---|---|"]
    per_page = {}
    for n in sizes:
        results = kretslopp_rounds(prepare(n, work, style), runs, aside)
        wall = statistics.median(r["wall"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        mem = statistics.median(r["mem"] for r in results)
        lines.append(f"| {n} | {wall:.2f} s | {cpu:.2f} s | {1000 * cpu / n:.3f} ms | {mem:.0f} MiB | {1024 * mem / n:.1f} KiB |")
        print(f"  scaling {style} {n}: {wall:.2f} s, {cpu:.2f} cpu-s, {mem:.0f} MiB", file=sys.stderr)
        per_page[n] = (cpu / n, mem / n)
    return "\n".join(lines) + "\n", per_page


def goals_table(results: dict, stages: dict, scaling: dict, n: int) -> str:
    """Issue 22's goals at `n` pages, each with its figure from this run and met / not met."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"
    lines = [f"#### Goals at {thousands(n)} pages (this run)", "", "| goal | style | figure | verdict |", "|---|---|---|---|"]
    for (style, size), ratios in sorted(results.items()):
        if size != n:
            continue
        for name, key in (("CPU time / Hugo's CPU time", "Kretslopp / Hugo, CPU time"),
                          ("peak memory / Hugo's", "Kretslopp / Hugo, peak memory"),
                          ("CPU time / cmark's CPU time", "Kretslopp / cmark, CPU time (one cmark process)")):
            goal = {"Kretslopp / Hugo, CPU time": GOALS["cpu_hugo"], "Kretslopp / Hugo, peak memory": GOALS["mem_hugo"],
                    "Kretslopp / cmark, CPU time (one cmark process)": GOALS["cpu_cmark"]}[key]
            value = ratios[key]
            lines.append(f"| {name} ≤ {goal:g}× | {style} | {value:.2f}× | {verdict(value <= goal)} |")
    if "real" in stages:
        for stage, goal in STAGE_GOALS.items():
            cpu = stages["real"][stage][1] / 1000
            lines.append(f"| {stage} ≤ {goal:g} CPU-s | real | {cpu:.2f} CPU-s | {verdict(cpu <= goal)} |")
    if scaling and n in scaling:
        base_cpu, base_mem = scaling[n]
        for size, (cpu, mem) in sorted(scaling.items()):
            if size == n:
                continue
            figures = f"CPU {cpu / base_cpu:.2f}×, memory {mem / base_mem:.2f}×"
            if size < n:
                # A smaller site pays the same fixed costs (the process, the theme, the assets) over
                # fewer pages: its figures are reported beside the goal's, not judged by it.
                lines.append(f"| per page at {thousands(size)} against {thousands(n)} (reported, not a goal: "
                             f"fixed costs over fewer pages) | real | {figures} | – |")
                continue
            lines.append(f"| per page at {thousands(size)} no worse than at {thousands(n)} (room {SCALING_ROOM - 1:.0%}) "
                         f"| real | {figures} "
                         f"| {verdict(cpu <= base_cpu * SCALING_ROOM and mem <= base_mem * SCALING_ROOM)} |")
    lines.append("")
    lines.append("The preview's goal (every kind of edit ≤ 100 ms) is measured by `Benchmarks/preview_reload.py`.")
    return "\n".join(lines) + "\n"


def write_report(lines: list[str], name: str) -> None:
    """Prints the report and writes it as Benchmarks/results/<name> (Markdown the README shows)."""
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(text, encoding="utf-8")


def versions() -> str:
    def out(command: list[str]) -> str:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()
    hugo = out(["hugo", "version"]).split(" ")[1]
    return (f"Kretslopp {out([str(kretslopp_binary()), '--version'])}, Hugo {hugo}, {out([pagefind_binary(), '--version'])}, "
            f"cmark {out(['cmark', '--version']).split()[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--styles", default="plain,real", help="corpus styles of gen_corpus.py, comma-separated")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scaling", default="", help="sizes for a Kretslopp-only scaling table, e.g. 1000,10000,30000")
    parser.add_argument("--scaling-style", default="real")
    parser.add_argument("--against", type=pathlib.Path,
                        help="only compare each stage with this other kretslopp binary (an earlier commit's)")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kretslopp-bench"))
    parser.add_argument("--empty-set-aside", action="store_true",
                        help="only delete the outputs the benchmarks set aside in --work (make bench's last step)")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.empty_set_aside:
        shutil.rmtree(work / "set-aside", ignore_errors=True)
        return
    styles = [s for s in args.styles.split(",") if s]
    sizes = [int(s) for s in args.sizes.split(",") if s]

    command = " ".join(["python3 Benchmarks/bench.py", *sys.argv[1:]])
    if args.against:
        aside = SetAside(work)
        try:
            report = ["## Stages against an earlier build", "", f"`{command}`, {os.cpu_count()} cores (load average "
                      f"{os.getloadavg()[0]:.1f} at the start).", "",
                      against_table(styles, max(sizes), args.runs, work, aside, args.against)]
        except BadOutput as problem:
            sys.exit(f"bench: a timed run's output is wrong, so nothing is reported: {problem}")
        finally:
            aside.empty()
        write_report(report, "against.md")
        return
    report = ["## Build benchmark", "",
              f"`{command}`: generated corpus (`gen_corpus.py --seed 1`, styles {', '.join(styles)}), "
              f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} at the start); {versions()}. "
              f"Median of {args.runs} runs after a warm-up (min–max), commands alternating in each round, every "
              "run's output checked. Each build writes into a folder that does not exist; earlier outputs are moved "
              "aside and deleted at the end (see Benchmarks/bench.py: deleting many files just before a build slows "
              "file creation on this file system).", ""]
    aside = SetAside(work)
    results = {}
    try:
        for style in styles:
            report.append(f"### {style} style\n")
            for n in sizes:
                table, ratios = run_size(style, n, args.runs, work, aside)
                report.append(table)
                results[(style, n)] = ratios
        report.append(side_by_side(results))
        stage_table_text, stages = stage_table(styles, max(sizes), args.runs, work, aside)
        report.append(stage_table_text)
        scaling, scaling_text = {}, ""
        if args.scaling:
            scaling_text, scaling = run_scaling(args.scaling_style, [int(s) for s in args.scaling.split(",")],
                                                args.runs, work, aside)
            report.append(scaling_text)
        goals = goals_table(results, stages, scaling, max(sizes))
        report.insert(report.index(f"### {styles[0]} style\n"), goals)
        # The README shows the run's summary: what was run, the goals, the ratios, the stages and
        # the scaling; the per-tool tables stay in Benchmarks/results/build.md.
        summary = [report[2], goals, side_by_side(results), stage_table_text, scaling_text]
    except BadOutput as problem:
        sys.exit(f"bench: a timed run's output is wrong, so nothing is reported: {problem}")
    finally:
        aside.empty()
    write_report(report, "build.md")
    readme_block.replace("build", "Benchmarks/bench.py", "\n\n".join(part.strip() for part in summary if part))


if __name__ == "__main__":
    main()
