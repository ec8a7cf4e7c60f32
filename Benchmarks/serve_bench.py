#!/usr/bin/env python3
"""Benchmark: how many requests a second `kretslopp serve` answers for one page, with wrk.

Starts `kretslopp serve` on `Content/` (the programme's site) on 127.0.0.1 with a free port,
fetches a project page once and checks it is that page (status 200, its title in it), then runs
`wrk -t2 -c64 -d20s --latency` against it, `--runs` times. wrk's own count of errors (socket
errors, non-2xx answers) must be zero, or the run is an error, not a figure. The summary goes to
`Benchmarks/results/serve.md` and the README's "serve" block.

Usage: python3 Benchmarks/serve_bench.py [--runs 3] [--seconds 20] [--binary PATH]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import readme_block
from preview_reload import default_binary, fetch, free_port

REPO = Path(__file__).resolve().parents[1]
PAGE = "/projekt/cirkulara-goteborg/"
TITLE = "Cirkulära Göteborg"


def parse(output: str) -> dict:
    """Requests a second, the latency percentiles (ms) and the errors of one wrk run."""
    def milliseconds(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        sys.exit(f"wrk gave no Requests/sec:\n{output}")
    percentiles = {int(p): milliseconds(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE)}
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors += int(non2xx.group(1)) if non2xx else 0
    requests = re.search(r"(\d+) requests in", output)
    return {"rate": float(rate.group(1)), "p50": percentiles[50], "p99": percentiles[99], "errors": errors,
            "requests": int(requests.group(1)) if requests else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--binary", type=Path, default=None)
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is missing: run 'scripts/install-deps.sh bench'")
    binary = args.binary or default_binary()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="kretslopp-serve-") as temporary:
        log_path = Path(temporary) / "serve.log"
        port = free_port()
        with open(log_path, "w+") as log:
            server = subprocess.Popen(
                [str(binary), "serve", "--content", str(REPO / "Content"), "--theme", str(REPO / "Themes/default"),
                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=temporary)
        try:
            started = time.monotonic()
            while "Serving the site" not in log_path.read_text():
                if server.poll() is not None or time.monotonic() - started > 300:
                    sys.exit(f"kretslopp serve did not start:\n{log_path.read_text()}")
                time.sleep(0.1)
            page = fetch(port, PAGE)
            if TITLE not in page:
                sys.exit(f"GET {PAGE} is not the page titled {TITLE!r}")
            runs = []
            for number in range(1, args.runs + 1):
                output = subprocess.run(
                    [wrk, "-t2", "-c64", f"-d{args.seconds}s", "--latency", f"http://127.0.0.1:{port}{PAGE}"],
                    capture_output=True, text=True, check=True).stdout
                result = parse(output)
                if result["errors"] or result["requests"] == 0:
                    sys.exit(f"run {number}: {result['errors']} errors in {result['requests']} requests:\n{output}")
                print(f"  run {number}: {result['rate']:.0f} requests/s, median {result['p50']:.1f} ms, "
                      f"99th percentile {result['p99']:.1f} ms", flush=True)
                runs.append(result)
        finally:
            server.terminate()
            server.wait(timeout=30)
    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    command = f"python3 Benchmarks/serve_bench.py --runs {args.runs} --seconds {args.seconds}"
    text = (
        f"`{command}`: `wrk -t2 -c64 -d{args.seconds}s --latency` on 127.0.0.1 against `{PAGE}` of `Content/`, "
        f"the page checked first; 2 cores (load average {load:.1f} at the start), wrk and the server on the same "
        f"cores. Median of {args.runs} runs (min–max); no run had an error.\n\n"
        "| requests/s | latency median | latency 99th percentile |\n|---:|---:|---:|\n"
        f"| {median('rate'):,.0f} ({min(r['rate'] for r in runs):,.0f}–{max(r['rate'] for r in runs):,.0f}) "
        f"| {median('p50'):.1f} ms | {median('p99'):.1f} ms |"
    )
    (REPO / "Benchmarks/results/serve.md").write_text("## Preview server throughput\n\n" + text + "\n", encoding="utf-8")
    readme_block.replace("serve", "Benchmarks/serve_bench.py", text)
    print(text)


if __name__ == "__main__":
    main()
