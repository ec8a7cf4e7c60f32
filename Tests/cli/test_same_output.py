"""The output is pinned: the programme's site (pretty and relative URLs) and 300-page benchmark
corpora of both styles build to exactly the bytes recorded in `Tests/cli/golden/`. A refactor
passes unchanged; a change meant to change the output updates the manifests (`make golden`), so
the diff of a commit shows every output file it changed."""
import pathlib

import output_manifest
import prerequisites


def changes(old: str, new: str) -> list[str]:
    """Each file added, removed or changed between two manifests."""
    def parse(text):
        return {path: digest for digest, path in (line.split("  ", 1) for line in text.splitlines())}
    before, after = parse(old), parse(new)
    return ([f"new: {p}" for p in sorted(after.keys() - before.keys())]
            + [f"gone: {p}" for p in sorted(before.keys() - after.keys())]
            + [f"changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]])


def test_output_is_byte_identical_to_the_kept_manifests(tmp_path: pathlib.Path):
    prerequisites.file(output_manifest.GENERATOR, "the benchmark corpus generator (../shared/bench)")
    built = output_manifest.build_manifests(prerequisites.kretslopp_binary(), tmp_path)
    assert set(built) == {p.stem for p in output_manifest.GOLDEN.glob("*.sha256")}
    report = []
    for name, text in built.items():
        kept = (output_manifest.GOLDEN / f"{name}.sha256").read_text(encoding="utf-8")
        assert len(kept.splitlines()) > 50, f"{name}: the kept manifest lists too few files"
        found = changes(kept, text)
        if found:
            report.append(f"{name}: {len(found)} files differ, e.g. " + "; ".join(found[:5]))
    assert not report, ("the output changed; if that is meant, run `make golden` and commit the manifests:\n"
                        + "\n".join(report))


def test_a_changed_file_is_reported():
    kept = "aa  index.html\nbb  a/index.html\ncc  b/index.html\n"
    assert changes(kept, kept) == []
    assert changes(kept, "aa  index.html\nbd  a/index.html\ndd  c/index.html\n") == [
        "new: c/index.html", "gone: b/index.html", "changed: a/index.html"]
