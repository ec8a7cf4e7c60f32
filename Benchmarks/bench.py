#!/usr/bin/env python3
"""Build benchmark: Kretslopp against Hugo, Pagefind and cmark on the same generated corpus.

Usage: python3 Benchmarks/bench.py [--sizes 1000,10000] [--runs 5] [--scaling 100,1000,10000,30000]

For each corpus size the corpus is generated with ../shared/bench/gen_corpus.py (seed 1), then,
alternating the commands in every round (one warm-up round first, then --runs measured rounds):
  kretslopp   full clean build: pages, term pages, search index
  hugo        clean build of the same corpus (its layouts come with the corpus)
  pagefind    indexing Hugo's output
  cmark       all Markdown bodies concatenated, rendered once (the lower bound for Markdown)
Wall time, CPU time (user+sys) and peak memory come from /usr/bin/time -v. The report gives the
median and min–max of each, and the ratios measured in the same run; it is printed and written to
Benchmarks/results/build.md. No network: the peers are installed from Debian and PyPI by make bench.

Every build writes into a folder that does not exist (a clean build). The previous run's output is
moved aside, not deleted, and everything set aside is deleted when the benchmark ends: on ext4
without a journal (these machines) the kernel skips inodes freed in the last minutes when it
allocates new ones (`recently_deleted` in fs/ext4/ialloc.c), so a build that starts right after
deleting 20,000 files pays for the deletion in every file it creates, seconds that depend on what
the harness did before and not on the tool being measured.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared/bench/gen_corpus.py"
SITE_YAML = ROOT / "Benchmarks/corpus/site.yaml"
RESULTS = ROOT / "Benchmarks/results"


def kretslopp_binary() -> pathlib.Path:
    for candidate in (os.environ.get("KRETSLOPP_BIN"), ROOT / ".build/release/kretslopp"):
        if candidate and pathlib.Path(candidate).exists():
            return pathlib.Path(candidate)
    sys.exit("no release binary: run `swift build -c release` first (make bench does)")


def pagefind_binary() -> str:
    found = shutil.which("pagefind")
    if found:
        return found
    out = subprocess.run([sys.executable, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("pagefind not found: pip install pagefind-bin (make bench does)")
    return out.stdout.strip()


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
    return {"wall": seconds, "cpu": cpu, "mem": peak}


def prepare(n: int, work: pathlib.Path) -> dict:
    """Generates the corpus of n pages and the inputs each tool needs."""
    corpus = work / f"corpus-{n}"
    if not (corpus / "corpus.json").exists():
        subprocess.run([sys.executable, str(GENERATOR), "--pages", str(n), "--seed", "1", "--out", str(corpus), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    content = work / f"content-{n}"
    if not content.exists():
        content.mkdir()
        (content / "site.yaml").write_text(SITE_YAML.read_text(encoding="utf-8"), encoding="utf-8")
        shutil.copytree(corpus / "content/projekt", content / "projekt")
    bodies = work / f"bodies-{n}.md"
    if not bodies.exists():
        with bodies.open("w", encoding="utf-8") as out:
            for page in sorted((corpus / "content/projekt").glob("*.md")):
                text = page.read_text(encoding="utf-8")
                out.write(text.split("\n---\n", 1)[1] + "\n\n")
    return {"corpus": corpus, "content": content, "bodies": bodies, "hugo_out": work / f"hugo-{n}",
            "kretslopp_out": work / f"kretslopp-{n}", "pagefind_out": work / f"pagefind-{n}"}


def commands(paths: dict) -> dict:
    binary = kretslopp_binary()
    return {
        "kretslopp": ([str(binary), "build", "--content", str(paths["content"]), "--theme", str(ROOT / "Themes/default"),
                       "--output", str(paths["kretslopp_out"])], [paths["kretslopp_out"]]),
        "hugo": (["hugo", "--source", str(paths["corpus"]), "--destination", str(paths["hugo_out"]), "--quiet"],
                 [paths["hugo_out"]]),
        "pagefind": ([pagefind_binary(), "--site", str(paths["hugo_out"]), "--output-path", str(paths["pagefind_out"]),
                      "--quiet"], [paths["pagefind_out"]]),
        "cmark": (["cmark", str(paths["bodies"])], []),
    }


def stage_seconds(timings: str, stage: str) -> float | None:
    """The wall time of one stage in `kretslopp build --timings` output, in seconds."""
    found = re.search(r"([\d.]+) ms\s+(?:\([^)]*\)\s+)?" + re.escape(stage) + r"$", timings, re.MULTILINE)
    return float(found.group(1)) / 1000 if found else None


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
        shutil.rmtree(self.folder, ignore_errors=True)


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def fmt(values: list[float], unit: str, digits: int = 2) -> str:
    med, lo, hi = summary(values)
    return f"{med:.{digits}f} {unit} ({lo:.{digits}f}–{hi:.{digits}f})"


def run_size(n: int, runs: int, work: pathlib.Path, aside: SetAside) -> tuple[str, dict]:
    paths = prepare(n, work)
    tools = commands(paths)
    samples = {name: [] for name in tools}
    for round_number in range(runs + 1):
        for name, (command, clean) in tools.items():
            for folder in clean:
                aside.clear(folder)
            if name == "pagefind" and not paths["hugo_out"].exists():
                measure(tools["hugo"][0])
            result = measure(command)
            if round_number > 0:  # the first round warms caches
                samples[name].append(result)
            print(f"  {n} pages, round {round_number}: {name} {result['wall']:.2f} s, {result['mem']:.0f} MiB", file=sys.stderr)

    def med(name, key):
        return statistics.median(s[key] for s in samples[name])

    lines = [f"### {n:,} pages".replace(",", " "), "",
             "| tool | wall time | CPU time | peak memory |", "|---|---|---|---|"]
    for name in tools:
        lines.append(f"| {name} | {fmt([s['wall'] for s in samples[name]], 's')} | {fmt([s['cpu'] for s in samples[name]], 's')} "
                     f"| {fmt([s['mem'] for s in samples[name]], 'MiB', 0)} |")
    k = med("kretslopp", "wall")
    ratios = {
        "Kretslopp / Hugo (time)": k / med("hugo", "wall"),
        "Kretslopp / (Hugo + Pagefind) (time)": k / (med("hugo", "wall") + med("pagefind", "wall")),
        "Kretslopp / cmark (time)": k / med("cmark", "wall"),
        "Kretslopp / Hugo (CPU time)": med("kretslopp", "cpu") / med("hugo", "cpu"),
        "Kretslopp / Hugo (peak memory)": med("kretslopp", "mem") / med("hugo", "mem"),
    }
    lines += ["", "| ratio (medians, same run) | value |", "|---|---|"]
    lines += [f"| {name} | {value:.2f}× |" for name, value in ratios.items()]
    return "\n".join(lines) + "\n", ratios


def run_scaling(sizes: list[int], runs: int, work: pathlib.Path, aside: SetAside) -> str:
    lines = ["### Scaling (Kretslopp alone)", "", "| pages | wall time | per page | peak memory | per page |", "|---|---|---|---|---|"]
    binary = kretslopp_binary()
    for n in sizes:
        paths = prepare(n, work)
        results = []
        for round_number in range(runs + 1):
            aside.clear(paths["kretslopp_out"])
            result = measure([str(binary), "build", "--content", str(paths["content"]), "--theme", str(ROOT / "Themes/default"),
                              "--output", str(paths["kretslopp_out"])])
            if round_number > 0:
                results.append(result)
        wall = statistics.median(r["wall"] for r in results)
        mem = statistics.median(r["mem"] for r in results)
        lines.append(f"| {n} | {wall:.2f} s | {1000 * wall / n:.3f} ms | {mem:.0f} MiB | {1024 * mem / n:.1f} KiB |")
        print(f"  scaling {n}: {wall:.2f} s, {mem:.0f} MiB", file=sys.stderr)
    return "\n".join(lines) + "\n"


def write_report(lines: list[str], name: str) -> None:
    """Prints the report and writes it as Benchmarks/results/<name> (Markdown the README shows)."""
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scaling", default="100,1000,10000,30000")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kretslopp-bench"))
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    version = subprocess.run([str(kretslopp_binary()), "--version"], capture_output=True, text=True).stdout.strip()
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[1]
    report = ["## Build benchmark", "",
              f"Generated corpus (`gen_corpus.py --seed 1`), {os.cpu_count()} cores; Kretslopp {version}, Hugo {hugo}, "
              f"{subprocess.run([pagefind_binary(), '--version'], capture_output=True, text=True).stdout.strip()}, "
              f"cmark {subprocess.run(['cmark', '--version'], capture_output=True, text=True).stdout.split()[1]}. "
              f"Median of {args.runs} runs after a warm-up (min–max), commands alternating in each round. "
              "Each build writes into a folder that does not exist; earlier outputs are moved aside and deleted at the end "
              "(see Benchmarks/bench.py: deleting many files just before a build slows file creation on this file system).", ""]
    aside = SetAside(work)
    try:
        for n in [int(s) for s in args.sizes.split(",") if s]:
            table, _ = run_size(n, args.runs, work, aside)
            report.append(table)
        if args.scaling:
            report.append(run_scaling([int(s) for s in args.scaling.split(",")], max(1, args.runs // 2), work, aside))
    finally:
        aside.empty()
    write_report(report, "build.md")


if __name__ == "__main__":
    main()
