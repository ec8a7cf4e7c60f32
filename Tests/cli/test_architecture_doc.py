"""docs/architecture.md stays true: its module table names every target of Package.swift, and its
stage table every stage the build runs, in the order `BuildPipeline.swift` runs them."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs/architecture.md"
PIPELINE = ROOT / "Sources/SiteBuilder/Pipeline"


def table(heading: str) -> list[str]:
    """The backticked names in the first column of the table under `heading`."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [name for row in rows for name in re.findall(r"`([A-Za-z]+)`", row.split("|")[1])]


def targets() -> set[str]:
    package = (ROOT / "Package.swift").read_text(encoding="utf-8")
    return set(re.findall(r'\.(?:target|executableTarget|systemLibrary)\(\s*name: "(\w+)"', package))


def stages() -> list[str]:
    """Each stage type (a type in Pipeline/ with a `run(` method) in the order BuildPipeline uses it."""
    defined = set()
    for file in PIPELINE.glob("*.swift"):
        text = file.read_text(encoding="utf-8")
        for name in re.findall(r"^(?:public )?struct (\w+)", text, re.MULTILINE):
            if re.search(rf"struct {name}\b[^{{]*\{{(?:(?!\nstruct ).)*?func run\(", text, re.DOTALL):
                defined.add(name)
    build = (PIPELINE / "BuildPipeline.swift").read_text(encoding="utf-8")
    used = sorted(defined, key=lambda name: build.find(name) if name in build else 10**9)
    return [name for name in used if name in build]


def test_every_module_is_in_the_table():
    assert set(table("Modules")) == targets()


def test_every_stage_is_in_the_table_in_build_order():
    found = stages()
    assert len(found) >= 10, found
    assert table("A build, top to bottom") == found
