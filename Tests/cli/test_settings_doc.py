"""docs/content-model.md and the build agree on site.yaml's settings: every setting the site.yaml
block of the docs shows (at the top and in `markdown:`) is one the build knows, so the warning for
an unknown setting never fires on a documented one, and every setting the build knows is
documented."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs/content-model.md").read_text(encoding="utf-8")
KEYS = (ROOT / "Sources/SiteBuilder/Pipeline/LoadSiteConfig+Keys.swift").read_text(encoding="utf-8")


def known(name: str) -> set[str]:
    """The strings of the Swift array `static let <name> = [...]`."""
    body = re.search(rf"static let {name} = \[(.*?)\]", KEYS, re.S).group(1)
    return set(re.findall(r'"(\w+)"', body))


def documented_block() -> str:
    """The yaml block under "## site.yaml"."""
    section = DOC.split("## site.yaml\n", 1)[1]
    return section.split("```yaml\n", 1)[1].split("\n```", 1)[0]


def test_the_documented_settings_are_known():
    block = documented_block()
    top = set(re.findall(r"^([A-Za-z]+):", block, re.M))
    markdown = block.split("\nmarkdown:\n", 1)[1]
    markdown = markdown[: re.search(r"^\S", markdown, re.M).start()]
    nested = set(re.findall(r"^  ([A-Za-z]+):", markdown, re.M))
    assert len(top) > 15 and len(nested) > 8
    assert top <= known("settingsKeys"), top - known("settingsKeys")
    assert nested <= known("markdownKeys"), nested - known("markdownKeys")


def test_every_known_setting_is_documented():
    for key in known("settingsKeys") | known("markdownKeys"):
        assert re.search(rf"(^|[\s`{{])({key}):", DOC, re.M), key
