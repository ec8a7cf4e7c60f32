"""A documentation tree written for another generator builds as it is (issue 17's "done when").

The generated tree is shaped like a public docs site migrated from Jekyll or Hugo: versioned
folders with dots in their names (`v1.0`, `v2.1`), an `_includes/` folder of fragments that are not
pages, pages with and without front matter, GitHub-flavoured Markdown (pipe tables, strikethrough,
task lists, footnotes, bare URLs), raw HTML with `id=` and `<a name=…>` anchors, links between pages
to GitHub-style heading anchors, and an English site.yaml. Several thousand pages.

It must build with no errors and no warnings, render every table, keep every folder and file name
in its URL, and resolve every link and anchor.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

VERSIONS = ["v1.0", "v1.1", "v2.0", "v2.1"]
TOPICS = ["API_Guide", "operate", "deploy", "reference"]
PAGES_PER_TOPIC = 180  # 4 versions x 4 topics x 180 = 2,880 pages, plus indexes

SITE_YAML = """\
title: Example Docs
description: Documentation migrated from another generator.
language: en
baseURL: https://docs.example.org/
markdown:
  unsafeHTML: true
ignore:
  - "drafts/**"
"""


def page_name(n: int) -> str:
    # Underscores and dots stay in URLs, as the old generator published them.
    return f"cluster_setting_{n:03d}" if n % 3 else f"node-{n:03d}"


def write_tree(root: Path) -> dict:
    rng = random.Random(26)
    content = root / "Content"
    (content / "_includes/v1.0").mkdir(parents=True)
    (content / "drafts").mkdir()
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (content / "_index.md").write_text("# Example Docs\n\nStart at [the first guide](docs/v1.0/API_Guide/node-000.md).\n", encoding="utf-8")
    # Fragments another generator included: not pages, and their broken links are not errors.
    (content / "_includes/v1.0/note.md").write_text("{% include_cached note.html %}\n[broken](missing.md)\n", encoding="utf-8")
    (content / "_includes/sidebar.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    (content / "drafts/idea.md").write_text("[nowhere](nowhere.md)\n", encoding="utf-8")
    expected = {"tables": 0, "pages": [], "anchors": []}
    for version in VERSIONS:
        for topic in TOPICS:
            folder = content / "docs" / version / topic
            folder.mkdir(parents=True)
            for n in range(PAGES_PER_TOPIC):
                name = page_name(n)
                title = f"{topic.replace('_', ' ')} {n} in {version}"
                other = page_name((n + 1) % PAGES_PER_TOPIC)
                lines = []
                if n % 4:
                    lines += ["---", f"title: {title}", f"summary: What {name} does.", "---", ""]
                else:
                    lines += [f"# {title}", ""]  # no front matter: the first heading is the title
                lines += [
                    f"This page explains `{name}`. ~~Old wording~~ replaced. See https://example.org/{name} too.",
                    "",
                    "## closed_timestamp",
                    "",
                    "Value of a setting.[^1]",
                    "",
                    "## Member's guide",
                    "",
                    "- [x] installed",
                    "- [ ] configured",
                    "",
                    f'<a name="legacy-{n}"></a>',
                    f'<div id="box-{n}" class="note">A note in raw HTML.</div>',
                    "",
                    f"Links: [next page]({other}.md#closed_timestamp), [guide](#members-guide), "
                    f"[legacy anchor](#legacy-{n}), [the box](#box-{n}), [home](/docs/{version}/{topic}/).",
                    "",
                    "[^1]: A footnote.",
                    "",
                ]
                if rng.random() < 0.4:
                    expected["tables"] += 1
                    lines += [
                        "| Setting | Default | Description |",
                        "|:--------|--------:|-------------|",
                        f"| `{name}` | {n} | Escaped \\| pipe and **bold** |",
                        "| other | 0 | -- not a dash row -- |",
                        "",
                    ]
                (folder / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
                expected["pages"].append(f"docs/{version}/{topic}/{name}/index.html")
    return expected


def test_migrated_docs_tree_builds_cleanly(tmp_path, kretslopp):
    expected = write_tree(tmp_path)
    out = tmp_path / "Output"
    repo = Path(__file__).resolve().parents[2]
    code, stdout, stderr = kretslopp("build", "--content", tmp_path / "Content", "--theme", repo / "Themes/default",
                                     "--output", out, timeout=900)
    assert code == 0, stderr[-4000:]
    assert "warning" not in stderr + stdout, (stderr + stdout)[-4000:]

    # URLs keep their folder and file names.
    missing = [p for p in expected["pages"] if not (out / p).is_file()]
    assert not missing, f"{len(missing)} pages not at their URL, e.g. {missing[:3]}"
    for listing in ["docs/index.html", "docs/v1.0/index.html", "docs/v2.1/API_Guide/index.html"]:
        assert (out / listing).is_file(), f"no listing page {listing}"
    assert not (out / "_includes").exists() and not (out / "drafts").exists()

    tables = 0
    for path in expected["pages"]:
        html = (out / path).read_text(encoding="utf-8")
        tables += html.count("<table")
        assert html.count("<table") == html.count("</table>")
        assert 'id="closed_timestamp"' in html and 'id="members-guide"' in html, path
        assert "<del>Old wording</del>" in html and 'type="checkbox"' in html and "footnote" in html, path
        assert '<a href="https://example.org/' in html, path
    assert tables == expected["tables"]
    one_table = next((out / p).read_text(encoding="utf-8") for p in expected["pages"]
                     if "<table" in (out / p).read_text(encoding="utf-8"))
    assert re.search(r'<th[^>]*style="text-align: ?left|<th[^>]*align="left"', one_table)
    assert "Escaped | pipe and <strong>bold</strong>" in one_table
    # The delimiter row is the table's, never text (nor dashes made typographic).
    assert "|:--" not in one_table and "–––" not in one_table and "———" not in one_table

    # Home and listings stay small however many pages there are.
    for page in ("index.html", "docs/index.html"):
        assert (out / page).stat().st_size <= 300 * 1024, page
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"en\"")
