#!/usr/bin/env python3
"""The cost of writing a built site's files and nothing else: the floor under any build that writes them.

Usage: python3 Benchmarks/write_floor.py SITE DESTINATION

Reads every file of SITE (a folder Kretslopp built) into memory, then, timed, writes the same files
with the same bytes into DESTINATION, which must not exist: one mkdir per folder, one open, write
and close per file, as a builder does. Prints one line of JSON with the timed part's wall time,
CPU time (user + system of this process, from getrusage) and the files and bytes written.

Benchmarks/bench.py runs it on each round's Kretslopp output, on the same file system, beside the
builds: on this machine creating 16,000 files and 300 MB costs the kernel about as much CPU time as
cmark takes for all the Markdown, a share of Kretslopp's time that no change to its code removes.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time


def read_site(site: str) -> list[tuple[str, bytes]]:
    files = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                files.append((os.path.relpath(path, site), handle.read()))
    # Folders before the files in them, in a fixed order.
    return sorted(files)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write_site(files: list[tuple[str, bytes]], destination: str) -> None:
    os.mkdir(destination)
    made = {""}
    for relative, data in files:
        folder = os.path.dirname(relative)
        if folder not in made:
            os.makedirs(os.path.join(destination, folder), exist_ok=True)
            made.add(folder)
        descriptor = os.open(os.path.join(destination, relative), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
        finally:
            os.close(descriptor)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    site, destination = sys.argv[1], sys.argv[2]
    if os.path.exists(destination):
        sys.exit(f"{destination}: exists; give a folder that does not")
    files = read_site(site)
    cpu, wall = cpu_seconds(), time.perf_counter()
    write_site(files, destination)
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    print(json.dumps({"wall": wall, "cpu": cpu, "files": len(files), "bytes": sum(len(d) for _, d in files)}))


if __name__ == "__main__":
    main()
