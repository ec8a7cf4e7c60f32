"""Browser tests of the search engine (Sources/Search/Resources/search.js) over a fixture index.

The Swift test `writeBrowserFixture` (Tests/SearchTests/BrowserFixtureTests.swift) builds the
index of a small Swedish site and writes it with the engine and a few pages into a folder, with
an English site in `en/` and a German one in `de/` beside it; these tests search them in headless
Chromium, both over http://127.0.0.1 and from file://. Set
`KRETSLOPP_SEARCH_FIXTURE_DIR` to use a folder written earlier instead of running `swift test`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import prerequisites  # noqa: E402
from conftest import REPO, served  # noqa: E402
from test_highlight import fixture_sites, page_url  # noqa: E402,F401 - a fixture shared with the highlight tests

CORPUS_SCRIPTS = [REPO / "Benchmarks/gen_corpus.py", Path("/work/shared/bench/gen_corpus.py")]
MODES = ["http", "file"]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The fixture folder: index, engine.js, index.html, projekt/sok/index.html, stems.html."""
    prepared = os.environ.get("KRETSLOPP_SEARCH_FIXTURE_DIR")
    if prepared:
        return Path(prepared).resolve()
    prerequisites.command("swift", "the search fixture is written by `swift test` (or set KRETSLOPP_SEARCH_FIXTURE_DIR)")
    folder = tmp_path_factory.mktemp("search-site")
    env = dict(os.environ, KRETSLOPP_SEARCH_FIXTURE=str(folder))
    # A generated corpus widens the vocabulary the stemmer comparison runs over.
    script = next((path for path in CORPUS_SCRIPTS if path.is_file()), None)
    if script is not None:
        corpus = tmp_path_factory.mktemp("search-corpus")
        subprocess.run(
            [sys.executable, str(script), "--pages", "300", "--seed", "7", "--out", str(corpus), "--force"],
            check=True, capture_output=True, timeout=300,
        )
        env["KRETSLOPP_SEARCH_CORPUS"] = str(corpus / "content")
    command = ["swift", "test", "--filter", "writeBrowserFixture"]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0 or not (folder / "assets/search/meta.js").is_file():
        pytest.fail(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return folder


@pytest.fixture(scope="module")
def bases(search_site):
    """Base URL (ending in /) of the fixture per mode."""
    with served(search_site) as url:
        yield {"http": url, "file": search_site.as_uri() + "/"}


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium that also logs network requests (Debian's binaries)."""
    driver = prerequisites.headless_chromium(logging={"browser": "ALL", "performance": "ALL"})
    yield driver
    driver.quit()


def open_page(browser, bases, mode: str, page: str = "projekt/sok/index.html"):
    """Opens a fixture page (directory URL over HTTP) and clears the logs."""
    url = bases[mode] + (page.removesuffix("index.html") if mode == "http" else page)
    browser.get(url)
    browser.get_log("browser")
    browser.get_log("performance")
    return url


def search(browser, query: str, options: dict | None = None) -> dict:
    """Runs `window.kretslopp.search` and returns {results, total, partial} or {error}."""
    return browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        window.kretslopp.search(arguments[0], arguments[1] || {}).then(
          (results) => done({results: results, total: results.total, partial: results.partial}),
          (error) => done({error: String(error)}));
        """,
        query,
        options,
    )


def paths(answer: dict) -> list[str]:
    assert "error" not in answer, answer
    return [result["path"] for result in answer["results"]]


@pytest.mark.parametrize("mode", MODES)
def test_inflected_word_finds_the_base_form(browser, bases, mode):
    open_page(browser, bases, mode)
    found = paths(search(browser, "upphandlingar"))
    assert "/projekt/upphandling-av-mobler/" in found
    assert "/om/" in found
    # Title matches rank first.
    assert found[0] == "/projekt/upphandling-av-mobler/"


@pytest.mark.parametrize("mode", MODES)
def test_prefix_of_the_word_being_typed(browser, bases, mode):
    open_page(browser, bases, mode)
    answer = search(browser, "cirk")
    found = paths(answer)
    assert {"/projekt/cirkulara-goteborg/", "/projekt/cirkulara-mobelfloden/", "/om/"} <= set(found)
    first = answer["results"][0]
    assert "<mark>" in first["excerpt"]
    # A finished word (followed by a space) is not a prefix.
    assert paths(search(browser, "cirk ")) == []


@pytest.mark.parametrize("mode", MODES)
def test_diacritic_free_query(browser, bases, mode):
    open_page(browser, bases, mode)
    answer = search(browser, "Goteborg")
    assert paths(answer)[0] == "/projekt/cirkulara-goteborg/"
    assert "<mark>Göteborg" in answer["results"][0]["excerpt"]


@pytest.mark.parametrize("mode", MODES)
def test_compound_parts_find_compounds_below_exact_matches(browser, bases, mode):
    open_page(browser, bases, mode)
    found = paths(search(browser, "möbel "))
    assert found[0] == "/projekt/upphandling-av-mobler/"
    assert "/projekt/cirkulara-mobelfloden/" in found
    found = paths(search(browser, "anpassning "))
    assert found[0] == "/projekt/anpassning-av-krav/"
    assert "/projekt/klimatanpassning-i-staden/" in found
    # Snowball stems "möbler" to "möbl" and "möbel" to "möbel": the engine tries both.
    assert "/projekt/cirkulara-mobelfloden/" in paths(search(browser, "möbler "))
    answer = search(browser, "flöden ")
    assert "/projekt/cirkulara-mobelfloden/" in paths(answer)
    assert "<mark>möbelflöden</mark>" in answer["results"][0]["excerpt"]


@pytest.mark.parametrize("mode", MODES)
def test_every_word_must_match(browser, bases, mode):
    open_page(browser, bases, mode)
    answer = search(browser, "cirkulär upphandling ")
    assert set(paths(answer)) == {"/projekt/upphandling-av-mobler/", "/om/"}
    assert answer["partial"] is False
    assert answer["total"] == 2


@pytest.mark.parametrize("mode", MODES)
def test_falls_back_to_partial_matches(browser, bases, mode):
    open_page(browser, bases, mode)
    answer = search(browser, "elbussar zzyzx")
    assert paths(answer)[0] == "/projekt/elbussar/"
    assert answer["partial"] is True
    assert paths(search(browser, "zzyzx")) == []


@pytest.mark.parametrize("mode", MODES)
def test_facet_filters(browser, bases, mode):
    open_page(browser, bases, mode)
    found = paths(search(browser, "upphandling", {"filters": {"tagg": ["klimatanpassad"]}}))
    assert set(found) == {"/projekt/anpassning-av-krav/", "/projekt/elbussar/"}
    # Any slug within a parameter, every parameter; an empty query lists the filtered pages.
    found = paths(search(browser, "", {"filters": {"tagg": ["cirkular", "klimatanpassad"], "omrade": ["region"]}}))
    assert set(found) == {"/projekt/anpassning-av-krav/", "/projekt/elbussar/"}
    assert paths(search(browser, "upphandling", {"filters": {"okand": ["x"]}})) == []
    assert paths(search(browser, "")) == []


@pytest.mark.parametrize("mode", MODES)
def test_result_urls_are_relative_to_the_page(browser, bases, mode):
    open_page(browser, bases, mode)
    result = search(browser, "Goteborg")["results"][0]
    suffix = "index.html" if mode == "file" else ""
    # The query rides along, so the page marks its words on arrival (Themes/default/assets/highlight.js).
    assert result["url"] == "../cirkulara-goteborg/" + suffix + "?highlight=Goteborg"
    assert result["title"] == "Cirkulära Göteborg"
    open_page(browser, bases, mode, "index.html")
    assert search(browser, "Goteborg")["results"][0]["url"] == "projekt/cirkulara-goteborg/" + suffix + "?highlight=Goteborg"
    result = search(browser, "  programmet  cirkulär ")["results"][0]
    assert result["url"] == "om/" + suffix + "?highlight=programmet+cirkul%C3%A4r"


@pytest.mark.parametrize("mode", MODES)
def test_excerpts_are_escaped_html(browser, bases, mode):
    open_page(browser, bases, mode)
    results = search(browser, "upphandling")["results"]
    om = next(result for result in results if result["path"] == "/om/")
    assert "&amp;" in om["excerpt"]
    assert "&lt;<mark>upphandling</mark>&gt;" in om["excerpt"]
    assert "<upphandling>" not in om["excerpt"]


@pytest.mark.parametrize("mode", MODES)
def test_stays_in_the_folder_without_console_errors(browser, bases, mode, search_site):
    open_page(browser, bases, mode)
    for query in ("upphandlingar", "cirk", "Goteborg", "möbel", "cirkulär upphandling"):
        assert "error" not in search(browser, query, {"filters": {"tagg": ["cirkular"]}})
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    requested = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert any(url.endswith("assets/search/meta.js") for url in requested)
    outside = [url for url in requested if not url.startswith(bases[mode])]
    assert outside == []


def test_forget_makes_the_next_query_read_the_index_again(browser, bases):
    """The preview's `search` event (a new index is served) calls `forget`: the files loaded so
    far are dropped and the next query loads the index again, from `meta.js` on."""
    open_page(browser, bases, "http")
    browser.execute_script(
        "var registry = window.__kretsloppSearch, register = registry.register;"
        "window.__registered = [];"
        "registry.register = function (name, data) { window.__registered.push(name); return register(name, data); };"
    )

    def registered() -> list[str]:
        return browser.execute_script("var names = window.__registered; window.__registered = []; return names;")

    assert paths(search(browser, "Goteborg"))[0] == "/projekt/cirkulara-goteborg/"
    first = registered()
    assert "meta" in first and any(name.startswith("t/") for name in first), first
    # Loaded files are kept: the same query reads nothing again...
    assert paths(search(browser, "Goteborg"))[0] == "/projekt/cirkulara-goteborg/"
    assert registered() == []
    # ...until the engine is told to forget them.
    browser.execute_script("window.__kretsloppSearch.forget();")
    assert paths(search(browser, "Goteborg"))[0] == "/projekt/cirkulara-goteborg/"
    assert sorted(registered()) == sorted(first)


@pytest.mark.parametrize("mode", MODES)
def test_typo_finds_the_nearest_word_of_the_site(browser, bases, mode):
    """A word the site has in no form is looked up with one edit (from 5 letters) or two (from 9)
    among the keys of its shards; a word the site has is never corrected."""
    open_page(browser, bases, mode)
    # Two edits from the stem "upphandlingsmyndig" ("h" left out of "-heten").
    answer = search(browser, "upphandlingsmyndigeten ")
    assert paths(answer)[0] == "/projekt/upphandlingsmyndigheten/", answer
    assert "<mark>Upphandlingsmyndigheten</mark>" in answer["results"][0]["excerpt"]
    # One edit: a letter left out.
    assert paths(search(browser, "klimatanpasning "))[0] == "/projekt/klimatanpassning-i-staden/"
    # Two letters swapped.
    assert paths(search(browser, "elbsusar "))[0] == "/projekt/elbussar/"
    # Short words are not corrected ("busr" is one edit from "buss"), nor words far from every
    # word of the site.
    assert paths(search(browser, "bussr "))[0] == "/projekt/elbussar/"
    assert paths(search(browser, "busr ")) == []
    assert paths(search(browser, "zzyzx ")) == []


@pytest.mark.parametrize("mode", MODES)
def test_word_typed_without_diacritics_keeps_its_ending(browser, bases, mode):
    """Snowball stems "cirkular" to "cirkul" but "cirkulär" to "cirkulär": the query's word
    itself is tried as a key too, so the finished word finds the pages with "cirkulär"."""
    open_page(browser, bases, mode)
    found = paths(search(browser, "cirkular "))
    assert {"/projekt/cirkulara-goteborg/", "/projekt/upphandling-av-mobler/", "/om/"} <= set(found), found


@pytest.mark.parametrize("mode", MODES)
def test_repeated_query_gives_the_same_results_and_files(browser, bases, mode):
    """A query gives the same results, and needs the same index files, whatever was searched
    before it: twice in a row, and after other queries that loaded other shards."""
    hook = (
        "var registry = window.__kretsloppSearch, register = registry.register;"
        "window.__registered = [];"
        "registry.register = function (name, data) { window.__registered.push(name); return register(name, data); };"
    )

    def registered() -> list[str]:
        return sorted(browser.execute_script("var names = window.__registered; window.__registered = []; return names;"))

    def answer(query: str) -> list:
        found = search(browser, query, {"limit": 20})
        assert "error" not in found, found
        return [(r["path"], r["score"], r["excerpt"], [s["url"] for s in r["subResults"]]) for r in found["results"]]

    for query in ("upphandlingar möbler", "klimatanpasning ", "cirkular ekonomi", "elbu"):
        open_page(browser, bases, mode)
        browser.execute_script(hook)
        first = answer(query)
        files = registered()
        assert first and any(name.startswith("t/") for name in files), (query, files)
        # The same query again: the same results, and nothing more to load.
        assert answer(query) == first, query
        assert registered() == []
        # In a fresh page, after queries that load other shards: the same results again, and
        # every file the query needed on its own was asked for by the time it answered.
        open_page(browser, bases, mode)
        browser.execute_script(hook)
        for other in ("göteborg", "värmeböljor", "anpassning av krav", "zzyzx"):
            answer(other)
        assert answer(query) == first, query
        assert set(files) <= set(registered()), query


def test_query_stems_equal_the_builds(browser, bases):
    """The engine's Snowball Swedish port against libstemmer, over every word of the vocabulary."""
    browser.get(bases["file"] + "stems.html")
    mismatches = browser.execute_script(
        """
        const stem = window.__kretsloppSearch.stem;
        return window.__stems.filter(([word, expected]) => stem(word) !== expected)
          .map(([word, expected]) => [word, expected, stem(word)]);
        """
    )
    count = browser.execute_script("return window.__stems.length")
    assert count > 1000
    assert mismatches == []


# ---------------------------------------------------------------------------------------------
# Other languages: an English site (the engine's port of Snowball English) and a German one
# (stems looked up in the index's list of the site's words), written beside the Swedish fixture.


@pytest.mark.parametrize("mode", MODES)
def test_english_inflected_query_finds_the_base_form(browser, bases, mode):
    open_page(browser, bases, mode, "en/index.html")
    answer = search(browser, "procurements")
    assert paths(answer)[0] == "/procurement-of-furniture/"
    assert "<mark>procurement</mark>" in answer["results"][0]["excerpt"]
    # "repairing" and "repaired" share Porter2's stem "repair"; "bicycle" finds "bicycles".
    assert paths(search(browser, "repairing bicycle "))[0] == "/repairing-bicycles/"
    assert paths(search(browser, "zzyzx")) == []


def test_english_query_stems_equal_the_builds(browser, bases):
    """The engine's Snowball English port against libstemmer, over words with every suffix."""
    browser.get(bases["file"] + "en/stems.html")
    mismatches = browser.execute_script(
        """
        const stem = window.__kretsloppSearch.stemmers.english;
        return window.__stems.filter(([word, expected]) => stem(word) !== expected)
          .map(([word, expected]) => [word, expected, stem(word)]);
        """
    )
    count = browser.execute_script("return window.__stems.length")
    assert count > 20000
    assert mismatches[:20] == []


@pytest.mark.parametrize("mode", MODES)
def test_language_without_an_engine_stemmer_uses_the_index_word_list(browser, bases, mode):
    open_page(browser, bases, mode, "de/index.html")
    # German "Häuser" and "Haus" share a stem the engine cannot compute: the index lists it.
    assert set(paths(search(browser, "häuser"))) == {"/haus/", "/dorf/"}
    assert set(paths(search(browser, "Haus "))) == {"/haus/", "/dorf/"}
    assert set(paths(search(browser, "hauser"))) == {"/haus/", "/dorf/"}
    # German compounds are split: "Anpassung" finds "Klimaanpassung".
    assert paths(search(browser, "anpassung "))[0] == "/stadt/"
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


# ---------------------------------------------------------------------------------------------
# A site built by the kretslopp binary (test_highlight.py's fixture): query compounds, sections.


@pytest.mark.parametrize("mode", MODES)
def test_query_compound_finds_its_parts_apart_below_the_compound(browser, fixture_sites, mode):
    """"företagsforum" finds the page with the compound first, then the one that says "forum där
    företag" (the parts apart), with both parts marked; not a page with only one part."""
    browser.get(page_url(fixture_sites, mode, "projekt/"))
    for query in ("företagsforum", "företagsforum ", "Foretagsforum "):
        answer = search(browser, query)
        assert paths(answer) == ["/projekt/motesplats/", "/projekt/natverk/"], (query, answer)
        parts = answer["results"][1]
        assert "<mark>forum</mark> där <mark>företag</mark>" in parts["excerpt"], parts["excerpt"]
        assert "<mark>företagsforum</mark>" in answer["results"][0]["excerpt"]
    # Each part alone finds the compound too, as before (the compound below the word itself).
    assert paths(search(browser, "forum "))[0] == "/projekt/natverk/"
    # Split only into words the site has ("kommuner" and "forum" yes, "cykel" no).
    assert paths(search(browser, "kommunforum ")) == ["/projekt/natverk/"]
    assert paths(search(browser, "cykelforum ")) == []
    assert paths(search(browser, "företagsxyzzy ")) == []


@pytest.mark.parametrize("mode", MODES)
def test_sub_results_link_to_the_sections_with_hits(browser, fixture_sites, mode):
    """A long page's sections with hits come as deep links (#id) under its result, best first,
    each with its own excerpt; not for a hit only in the text before the first heading."""
    browser.get(page_url(fixture_sites, mode, "projekt/"))
    answer = search(browser, "återbruk")
    guide = next(result for result in answer["results"] if result["path"] == "/projekt/guide/")
    subs = guide["subResults"]
    assert [sub["title"] for sub in subs] == ["Återbruk i praktiken"], subs
    suffix = "index.html" if mode == "file" else ""
    assert subs[0]["url"] == f"guide/{suffix}?highlight=%C3%A5terbruk#aterbruk-i-praktiken"
    assert "<mark>Återbruk</mark> av stolar" in subs[0]["excerpt"]
    assert "<mark>återbruket</mark>" in subs[0]["excerpt"]
    # "möbler": in the intro and in one section, so one deep link (the intro has none).
    guide = search(browser, "möbler ")["results"][0]
    assert [sub["title"] for sub in guide["subResults"]] == ["Stolar och bord"]
    assert guide["subResults"][0]["url"].endswith("#stolar-och-bord")
    # Two words in two sections: both, the one with the heading hit first.
    guide = search(browser, "stolar ")["results"][0]
    assert [sub["title"] for sub in guide["subResults"]] == ["Stolar och bord", "Återbruk i praktiken"]
    # A short page has none.
    assert search(browser, "företagsforum ")["results"][0]["subResults"] == []


@pytest.mark.parametrize("mode", MODES)
def test_highlighter_answers_for_the_words_of_an_excerpt(browser, fixture_sites, mode):
    browser.get(page_url(fixture_sites, mode, "projekt/"))
    words = ["möbler", "Möbel", "mobler", "möbelflöden", "stolar", "bord", "företag", "forum", "Företagsforum"]
    answer = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        Promise.all([window.kretslopp.highlighter("möbler "), window.kretslopp.highlighter("företagsforum ")])
          .then(([furniture, forum]) => done(arguments[0].map(w => [w, furniture(w), forum(w)])),
                (error) => done(String(error)));
        """,
        words,
    )
    assert answer == [
        ["möbler", True, False], ["Möbel", True, False], ["mobler", True, False], ["möbelflöden", True, False],
        ["stolar", False, False], ["bord", False, False], ["företag", False, True], ["forum", False, True],
        ["Företagsforum", False, True],
    ]
