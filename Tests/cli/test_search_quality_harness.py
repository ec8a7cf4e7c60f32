"""The search-quality benchmark's queries and counting rules (Benchmarks/search_quality.py).

`make bench-search` runs the queries in a browser against Kretslopp and Pagefind; what its table rests
on is tested here without either engine: the query file, that every page it expects is in a build of
Content/, and how a result list is counted.
"""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Benchmarks"))
import search_quality as quality  # noqa: E402


@pytest.fixture(scope="module")
def queries():
    return quality.read_queries()


def test_the_query_file_covers_every_sort_of_query_and_kind_of_page(queries):
    assert len(queries) >= 60
    assert {q["kind"] for q in queries} == set(quality.KINDS)
    assert {quality.page_kind(q["expected"]) for q in queries} == set(quality.PAGE_KINDS)
    # Text only a data table shows (the Trafikverket figures) is searched for too.
    assert any(q["found-in"] == "table" for q in queries)
    assert any(q["found-in"] == "synonym" for q in queries)
    # Every kind of page is asked for several times, not once.
    for kind in quality.PAGE_KINDS:
        assert sum(quality.page_kind(q["expected"]) == kind for q in queries) >= 5, kind


def test_every_expected_page_and_anchor_is_in_a_build_of_content(kretslopp, site, queries):
    code, _, err = kretslopp("build", "--content", "Content", "--theme", "Themes/default", "--output", "out", cwd=site)
    assert code == 0, err
    assert quality.missing_pages(site / "out", queries) == []
    # Pagefind gets the same pages Kretslopp indexes: the sections, not the report or the search page.
    glob = quality.pagefind_glob(site / "out")
    assert "projekt" in glob and "organisationer" in glob and "ordlista" in glob
    assert "rapport" not in glob and "sok" not in glob and "assets" not in glob

    # A page or an anchor the build lacks is reported with the query's line.
    page = site / "out/ordlista/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="lca"', 'id="x"'), encoding="utf-8")
    (lca,) = [q for q in queries if q["query"] == "LCA"]
    assert f"line {lca['line']}: /ordlista/#lca" in quality.missing_pages(site / "out", queries)


def result(path, hash="", subs=()):
    return {"path": path, "hash": hash, "subs": list(subs), "title": ""}


def test_a_glossary_entry_counts_only_with_its_anchor():
    found = [result("/projekt/trafikverket/"), result("/ordlista/"), result("/ordlista/", "lca")]
    assert quality.rank(found, "/ordlista/#lca", strict=True, sub_results=False) == 3
    assert quality.rank(found, "/ordlista/#lca", strict=False, sub_results=False) == 2
    # Pagefind's sub-result linking to the anchor counts for its page's result.
    pagefind = [result("/om/"), result("/ordlista/", subs=["epd", "lca"])]
    assert quality.rank(pagefind, "/ordlista/#lca", strict=True, sub_results=True) == 2
    assert quality.rank(pagefind, "/ordlista/#lca", strict=True, sub_results=False) is None
    # A page without an anchor is not found by a result for one of its sections or entries.
    assert quality.rank([result("/ordlista/", "lca"), result("/ordlista/")], "/ordlista/", True, False) == 2
    assert quality.rank([result("/om/")], "/projekt/trafikverket/", True, True) is None


def test_a_bad_query_file_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "q.tsv"
    header = "\t".join(quality.COLUMNS)
    cases = {
        "EPD\t/ordlista/#epd\tshort\tterm": ":5:20: error: unknown kind 'short'",
        "EPD\tordlista\texact\tterm": ":5:5: error: expected is a site path",
        "EPD\t/ordlista/#epd\texact": ":5:1: error: a query needs 4 non-empty fields",
        "lca\t/ordlista/#lca\texact\tterm": ":5:1: error: 'lca' is also on line 3",
    }
    for line, message in cases.items():
        # Comments and empty lines are skipped, but counted.
        path.write_text(f"# comment\n{header}\nLCA\t/ordlista/#lca\texact\tterm\n\n{line}\n", encoding="utf-8")
        with pytest.raises(quality.QueryFileError, match=message.replace("(", r"\(")):
            quality.read_queries(path)
    path.write_text("query\texpected\n", encoding="utf-8")
    with pytest.raises(quality.QueryFileError, match=":1:1: error: the header must be"):
        quality.read_queries(path)


def test_the_report_counts_hits_at_1_and_at_3_per_engine_and_kind():
    queries = [
        {"query": "LCA", "expected": "/ordlista/#lca", "kind": "abbreviation", "found-in": "term", "line": 2},
        {"query": "elbuss", "expected": "/projekt/miljokrav-for-elbussar/", "kind": "inflection",
         "found-in": "title", "line": 3},
    ]
    found = {
        "kretslopp": [[result("/ordlista/", "lca")], [result("/om/"), result("/projekt/miljokrav-for-elbussar/")]],
        "pagefind": [[result("/projekt/x/"), result("/ordlista/")], []],
    }
    lines = quality.report(queries, found, 79, "about")
    assert "| **all** | 2 | 1 / 2 | 0 / 0 | 1 / 2 | 0 / 1 |" in lines
    assert "| kind of query: abbreviation | 1 | 1 / 1 | 0 / 0 | 1 / 1 | 0 / 1 |" in lines
    assert "| kind of page: project | 1 | 0 / 1 | 0 / 0 | 0 / 1 | 0 / 0 |" in lines
    assert "| LCA | abbreviation | /ordlista/#lca | 1 | – | 2 | /ordlista/#lca | /projekt/x/ |" in lines
    assert "| elbuss | inflection | /projekt/miljokrav-for-elbussar/ | 2 | – | – | /om/ | nothing |" in lines
    assert lines[-1] == "Kretslopp misses at 1: 1: elbuss"
