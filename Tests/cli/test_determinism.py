"""Parallelism does not change the output: a build on every core writes the same bytes as a build
pinned to one CPU (taskset: the threads take turns on one core, so pages finish in another order)
and as a timed build (`--timings` runs the stages one after another and writes the pages at the
end instead of streaming them to the writing thread)."""
import pathlib
import subprocess

import prerequisites


def tree(root: pathlib.Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_parallel_build_is_byte_identical_to_one_cpu_and_to_stages_in_turn(kretslopp, site):
    prerequisites.command("taskset", "it comes with util-linux: apt-get install util-linux")
    # Enough pages that the threads interleave: every project copied 30 times under new names, in
    # both languages (`x-3.md` and its translation `x-3.en.md`, with a slug of its own).
    projects = site / "Content" / "projekt"
    for source in sorted(projects.glob("*.md")):
        if source.name.startswith("_"):
            continue
        name, _, language = source.name.removesuffix(".md").partition(".")
        text = source.read_text(encoding="utf-8")
        for n in range(30):
            copy = text.replace("\ntitle: ", f"\ntitle: {n} ", 1).replace("\nslug: ", f"\nslug: {n}-", 1)
            (projects / f"{name}-{n}{'.' + language if language else ''}.md").write_text(copy, encoding="utf-8")

    outputs = {}
    for name, command in [("parallel", [kretslopp.binary, "build", "--output", site / "parallel"]),
                          ("one-cpu", ["taskset", "-c", "0", kretslopp.binary, "build", "--output", site / "one-cpu"]),
                          ("in-turn", [kretslopp.binary, "build", "--timings", "--output", site / "in-turn"])]:
        done = subprocess.run([str(c) for c in command], cwd=site, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs[name] = tree(site / name)

    assert len(outputs["parallel"]) > 300
    for name in ["one-cpu", "in-turn"]:
        differing = [path for path in outputs["parallel"] if outputs[name].get(path) != outputs["parallel"][path]]
        assert not differing and outputs[name].keys() == outputs["parallel"].keys(), f"{name}: {differing[:5]}"
