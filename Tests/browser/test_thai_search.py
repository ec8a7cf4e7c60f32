"""Search in Thai (and so Lao, Khmer and Myanmar), written without spaces between words: a Thai
site searched in Chromium over HTTP and from file://. As for Chinese and Japanese, the index
reads a run of such letters as each pair of neighbours (code points, marks included) and the
engine reads a query the same way: a word inside a sentence is found and marked as one word."""
from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import built_with_default_theme, served
from test_chinese_japanese_search import search

MODES = ["http", "file"]

FILES = {
    "site.yaml": "title: คู่มือการจัดซื้อ\nlanguage: th\n",
    "_index.md": "---\ntitle: คู่มือการจัดซื้อ\n---\nยินดีต้อนรับ\n",
    "reuse.md": "---\ntitle: การใช้ซ้ำ\n---\n"
                "หน่วยงานรัฐควรกำหนดเงื่อนไขการใช้ซ้ำของเฟอร์นิเจอร์ในสัญญาจัดซื้อ\n\n"
                "## การซ่อมแซม\n\nผู้ขายต้องซ่อมแซมเฟอร์นิเจอร์ที่มีอยู่แล้ว\n",
    "energy.md": "---\ntitle: พลังงาน\n---\nอาคารของรัฐใช้พลังงานแสงอาทิตย์\n",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    content = tmp_path_factory.mktemp("thai")
    for path, text in FILES.items():
        (content / path).write_text(text, encoding="utf-8")
    outputs = {}
    for mode, extra in (("http", []), ("file", ["--relative-urls"])):
        outputs[mode] = tmp_path_factory.mktemp(f"thai-site-{mode}")
        built_with_default_theme(content, outputs[mode], *extra)
    with served(outputs["http"]) as url:
        yield {"http": url, "file": outputs["file"].as_uri() + "/"}


def front(sites, mode):
    return sites[mode] + ("index.html" if mode == "file" else "")


@pytest.mark.parametrize("mode", MODES)
def test_a_thai_word_inside_a_sentence_is_found_and_marked(sites, driver, mode):
    driver.get(front(sites, mode))
    results = search(driver, "เฟอร์นิเจอร์")  # furniture, inside two sentences of one page
    assert [r["path"] for r in results] == ["/reuse/"], results
    assert "<mark>เฟอร์นิเจอร์</mark>" in results[0]["excerpt"], results
    # Two words of the query, each inside a sentence; a word of the other page.
    assert [r["path"] for r in search(driver, "ซ่อมแซม สัญญา")] == ["/reuse/"]
    assert [r["path"] for r in search(driver, "แสงอาทิตย์")] == ["/energy/"]
    # Letters of the text that are never neighbours are no word of it.
    assert search(driver, "ฟจ") == []


@pytest.mark.parametrize("mode", MODES)
def test_the_page_a_result_opens_marks_the_thai_word(sites, driver, mode):
    page = "reuse/" + ("index.html" if mode == "file" else "")
    driver.get(sites[mode] + page + "?highlight=%E0%B8%8B%E0%B9%88%E0%B8%AD%E0%B8%A1%E0%B9%81%E0%B8%8B%E0%B8%A1")
    marks = WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.execute_script(
            "return [...document.querySelectorAll('main mark.search-hit')].map(m => m.textContent)"))
    # ซ่อมแซม (repair): in the heading and in the sentence.
    assert marks == ["ซ่อมแซม", "ซ่อมแซม"], marks
    assert driver.find_element("tag name", "html").get_attribute("lang") == "th"


def test_the_engine_reads_a_thai_query_as_the_index_reads_names(sites, driver):
    """The same words as `NameKeys.queryWords` gives in TokenizerTests for the same text."""
    driver.get(front(sites, "http"))
    words = driver.execute_script("return window.__kretsloppSearch.words(arguments[0])", "คู่มือ Guide")
    assert words == ["คู", "ู่", "่ม", "มื", "ือ", "guide"]
