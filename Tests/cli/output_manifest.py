"""What a build writes, file by file: the sites whose output is kept in `Tests/cli/golden/` and
the manifest (path and SHA-256 of each file) of one build of each.

The manifests pin today's output. A change that is meant to change the output (a template, a
new page) updates them in the same commit, and its diff shows which files changed:

    make golden            # or: KRETSLOPP_BIN=… python3 Tests/cli/output_manifest.py --update

A refactor must leave them alone (`test_same_output.py`).
"""
import argparse
import hashlib
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "Tests/cli/golden"
GENERATOR = ROOT.parent / "shared/bench/gen_corpus.py"
CORPUS_PAGES = 300

sys.path.insert(0, str(ROOT / "Tests"))
import prerequisites  # noqa: E402


def corpus(style: str, work: pathlib.Path) -> pathlib.Path:
    """The benchmark corpus of `style` (seed 1), with the site.yaml `make bench` gives it."""
    out = work / f"corpus-{style}"
    subprocess.run([sys.executable, str(GENERATOR), "--pages", str(CORPUS_PAGES), "--seed", "1", "--style", style,
                    "--out", str(out), "--force"], check=True, capture_output=True)
    shutil.copy(ROOT / "Benchmarks/corpus/site.yaml", out / "content/site.yaml")
    return out / "content"


def builds(work: pathlib.Path) -> dict[str, list[str]]:
    """Each kept build: its name and the arguments of `kretslopp build` before `--output`."""
    theme = str(ROOT / "Themes/default")
    site = ["--content", str(ROOT / "Content"), "--theme", theme]
    return {
        "programme": site,
        "programme-relative": [*site, "--relative-urls"],
        "corpus-plain": ["--content", str(corpus("plain", work)), "--theme", theme],
        "corpus-real": ["--content", str(corpus("real", work)), "--theme", theme],
    }


def manifest(folder: pathlib.Path) -> str:
    """One line per file, sorted by path: `<sha256>  <path>`."""
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder).as_posix()}"
             for p in sorted(folder.rglob("*")) if p.is_file()]
    return "\n".join(lines) + "\n"


def build_manifests(binary: pathlib.Path, work: pathlib.Path) -> dict[str, str]:
    """Builds every kept site with `binary` and returns each build's manifest."""
    result = {}
    for name, arguments in builds(work).items():
        output = work / f"out-{name}"
        done = subprocess.run([str(binary), "build", *arguments, "--output", str(output)],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"build of {name} failed:\n{done.stderr}")
        result[name] = manifest(output)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="write the manifests into Tests/cli/golden/")
    args = parser.parse_args()
    binary = prerequisites.kretslopp_binary()
    with tempfile.TemporaryDirectory() as work:
        manifests = build_manifests(binary, pathlib.Path(work))
    GOLDEN.mkdir(exist_ok=True)
    for name, text in manifests.items():
        path = GOLDEN / f"{name}.sha256"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if args.update:
            path.write_text(text, encoding="utf-8")
        changed = sum(1 for a, b in zip(old.splitlines(), text.splitlines()) if a != b)
        print(f"{name}: {len(text.splitlines())} files, {changed} lines differ from the kept manifest"
              + (" (updated)" if args.update else ""))


if __name__ == "__main__":
    main()
