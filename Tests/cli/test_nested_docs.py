"""A documentation tree migrated from another generator builds as it is: versioned folders keep
their names, every folder gets a listing page, `_includes/` fragments and ignored files are not
pages, and files without front matter are pages named by their first heading or file name."""
import shutil
from pathlib import Path

import pytest

# Not from conftest: in one pytest run with Tests/browser, `conftest` may name the browser's.
ROOT = Path(__file__).resolve().parents[2]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SITE_YAML = """\
title: Dokumentation
language: sv
baseURL: https://docs.example.se/
ignore:
  - "**/*.tmp.md"
  - "scratch/**"
"""

# A fragment meant to be included elsewhere: as a page it would be broken in every way.
FRAGMENT = "---\ntitle: [unclosed\n{% include x.html %}\n[broken](nowhere.md)\n"


@pytest.fixture
def docs(tmp_path):
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    content = tmp_path / "Content"
    write(content / "site.yaml", SITE_YAML)
    write(content / "_index.md", "# Dokumentation\n\nVälj en version.\n")
    for version in ["v26.2", "v25.1"]:
        base = content / "docs" / version
        write(base / "_index.md", f"---\ntitle: Version {version}\n---\nDokumentation för {version}.\n")
        write(base / "getting-started.md",
              "Install it first.\n\nThen read the [API guide](API_Guide/overview.md) and the [FAQ](faq/_index.md).\n")
        write(base / "API_Guide/overview.md",
              "# API overview\n\nSee [getting started](../getting-started.md) and [calls](calls/v1.0_calls.md).\n")
        write(base / "API_Guide/calls/v1.0_calls.md", "Setext title\n============\n\nBack to the [overview](../overview.md).\n")
        write(base / "faq/_index.md", "Frequently asked.\n")
        write(base / "_includes/note.md", FRAGMENT)
        write(base / "_includes/banner.html", "<div>{{ site.title }}</div>\n")
        write(base / "draft.tmp.md", FRAGMENT)
    write(content / "scratch/ideas.md", FRAGMENT)
    write(content / "scratch/sketch.psd", "binary")
    write(content / ".github/workflows/ci.yml", "on: [push\n")
    return tmp_path


EXPECTED = [
    "index.html",
    "docs/index.html",
    "docs/v26.2/index.html",
    "docs/v26.2/getting-started/index.html",
    "docs/v26.2/API_Guide/index.html",
    "docs/v26.2/API_Guide/overview/index.html",
    "docs/v26.2/API_Guide/calls/index.html",
    "docs/v26.2/API_Guide/calls/v1.0_calls/index.html",
    "docs/v26.2/faq/index.html",
    "docs/v25.1/index.html",
    "docs/v25.1/API_Guide/calls/v1.0_calls/index.html",
]


def test_builds_without_warnings_and_keeps_urls(kretslopp, docs):
    code, out, err = kretslopp("build", cwd=docs)
    assert code == 0, err
    assert "warning" not in (out + err).lower(), out + err
    output = docs / "Output"
    for path in EXPECTED:
        assert (output / path).is_file(), f"missing {path}"
    written = [p.relative_to(output).as_posix() for p in output.rglob("*")]
    for leftover in ["_includes", "tmp", "scratch", ".github", "sketch"]:
        assert not any(leftover in p for p in written), leftover


def test_titles_breadcrumbs_and_listings(kretslopp, docs):
    code, _, err = kretslopp("build", cwd=docs)
    assert code == 0, err
    output = docs / "Output"
    started = (output / "docs/v26.2/getting-started/index.html").read_text(encoding="utf-8")
    assert "<h1>Getting started</h1>" in started
    # Breadcrumbs through every level, each linking to its listing page.
    overview = (output / "docs/v26.2/API_Guide/overview/index.html").read_text(encoding="utf-8")
    # (Links go up to the top and down again.)
    top = "../../../../"
    for crumb in [f'href="{top}">', f'href="{top}docs/">Docs<', f'href="{top}docs/v26.2/">Version v26.2<',
                  f'href="{top}docs/v26.2/API_Guide/">API Guide<']:
        assert crumb in overview, crumb
    # The page starts with the heading it is named by: shown once, as the title, keeping its id.
    assert overview.count("<h1") == 1 and '<h1 id="api-overview">API overview</h1>' in overview
    assert f'<a href="{top}docs/v26.2/API_Guide/calls/v1.0_calls/">calls</a>' in overview
    calls = (output / "docs/v26.2/API_Guide/calls/v1.0_calls/index.html").read_text(encoding="utf-8")
    assert "<title>Setext title – Dokumentation</title>" in calls
    # A listing page shows its sub-sections and its own pages.
    version = (output / "docs/v26.2/index.html").read_text(encoding="utf-8")
    assert 'href="../../docs/v26.2/API_Guide/">API Guide</a>' in version
    assert 'href="../../docs/v26.2/faq/">Faq</a>' in version
    assert 'href="../../docs/v26.2/getting-started/">Getting started</a>' in version
    # Nothing to filter by: no "Projekt" anywhere; the front page reads as a book, its text first
    # and then its parts, and a listing of pages is headed as one.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Projekt" not in home and "Projekt" not in version
    assert home.index("Välj en version.") < home.index('<h2 id="kl_sections_heading">Avsnitt</h2>')
    assert 'href="docs/">Docs</a>' in home
    assert '<h2 id="kl_projects_heading">Sidor <span' in version


def test_check_lists_nothing_from_ignored_files(kretslopp, docs):
    code, out, err = kretslopp("check", "--strict", cwd=docs)
    assert code == 0, out + err
    assert "_includes" not in out + err and "scratch" not in out + err
