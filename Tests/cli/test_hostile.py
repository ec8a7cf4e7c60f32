"""Very large input through the real binary: a 50 MB page builds, and every page stays searchable."""
import re

import yaml

import prerequisites

# Words no page of Content/ has: one at the start of the 50 MB body, one at its very end.
FIRST_WORD = "zorblikantisk"
LAST_WORD = "vexmurrelbana"


def titles(content):
    """The title of every Swedish Markdown page, which the Swedish search indexes (all but the home
    page; the English translations, `x.en.md`, have an index of their own)."""
    found = []
    for page in sorted(content.rglob("*.md")):
        relative = page.relative_to(content).as_posix()
        if relative == "_index.md" or relative.startswith(("data/", "static/")) or relative.endswith(".en.md"):
            continue
        front = page.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        found.append(yaml.safe_load(front)["title"])
    return found


def record_and_entry_titles(content):
    """The organisations (one page each) and the glossary's entries, which the search indexes too."""
    organisations = yaml.safe_load((content / "data/organisationer.yaml").read_text(encoding="utf-8"))
    glossary = yaml.safe_load((content / "data/ordlista.yaml").read_text(encoding="utf-8"))
    return [record["namn"] for record in organisations] + [entry["term"] for entry in glossary]


def search(browser, query):
    """The results of `window.kretslopp.search(query)` on the open page, or the error."""
    answer = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        window.kretslopp.search(arguments[0], {limit: 100}).then(
          (results) => done({results: results.map((r) => ({path: r.path, title: r.title})), total: results.total}),
          (error) => done({error: String(error)}));
        """,
        query,
    )
    assert "error" not in answer, f"{query}: {answer['error']}"
    return answer


def test_fifty_megabyte_page_builds_and_every_page_stays_searchable(kretslopp, site):
    paragraph = "Upphandling av **möbler** med [länk](../om.md) och `kod`.\n\n"
    body = paragraph * (50_000_000 // len(paragraph.encode()))
    page = site / "Content/projekt/stor.md"
    page.write_text("---\ntitle: Stor\nsummary: En mycket stor sida.\nstatus: pågående\ntags: [cirkulär]\n"
                    f"område: [möbler]\n---\n{FIRST_WORD} inleder.\n\n" + body + f"Till sist {LAST_WORD}.\n",
                    encoding="utf-8")
    code, out, err = kretslopp("build", "--output", "Output", cwd=site, timeout=900)
    assert code == 0, err
    html = (site / "Output/projekt/stor/index.html").read_bytes()
    assert len(html) > 50_000_000
    assert b"<strong>m\xc3\xb6bler</strong>" in html
    assert f"Till sist {LAST_WORD}.".encode() in html[-100_000:]

    expected = titles(site / "Content")
    assert "Stor" in expected and len(expected) > 10
    meta = (site / "Output/assets/search/meta.js").read_text(encoding="utf-8-sig")
    documents = int(re.search(r'"documents":(\d+)', meta).group(1))
    others = record_and_entry_titles(site / "Content")
    assert documents == len(expected) + len(others), \
        f"{documents} documents in the index for {len(expected)} pages and {len(others)} records and entries"

    browser = prerequisites.headless_chromium()
    try:
        browser.get((site / "Output/index.html").as_uri())
        for word in (FIRST_WORD, LAST_WORD):
            found = search(browser, word)
            assert [r["path"] for r in found["results"]] == ["/projekt/stor/"], f"{word}: {found}"
        missing = [title for title in expected
                   if title not in [r["title"] for r in search(browser, title)["results"]]]
        assert not missing, f"pages their own title does not find: {missing}"
        # The probe can fail: a word no page has finds nothing.
        assert search(browser, "qqxyzzyfnord")["results"] == []
    finally:
        browser.quit()
