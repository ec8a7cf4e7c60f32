"""Browser tests of the search UI (Themes/default/assets/search-ui.js) on the real Content/.

The search page (/sok/) and the suggestions under the header's search box, over HTTP and from
file:// (the --relative-urls build). Expected sets come from Content/site.yaml and the front
matter and text of Content/**/*.md; only the "expected first" cases that the issue names are
written out. Every text the UI shows is compared with Themes/default/i18n/sv.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from conftest import REPO
from test_filters import MODEL, TEXTS, front_matter, slug
from test_pages import run_axe

CONTENT = REPO / "Content"
MODES = ["http", "file"]
TAGS = MODEL.params[0]  # "tagg"

# The cases the issue names: (query as typed, title of the first result).
EXPECTED_FIRST = [
    ("Goteborg", "Cirkulära Göteborg"),
    ("möbel", "Affärsmodellinnovation för cirkulära möbelflöden"),
    ("klimatkrav trafikverket", "Trafikverket"),
]


# ---------------------------------------------------------------- the expected model


def page_path(file: Path) -> str:
    """The site path of a Markdown file: projekt/x.md -> /projekt/x/, _index.md -> its folder."""
    relative = file.relative_to(CONTENT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "_index":
        parts = parts[:-1]
    return "/" + "".join(part + "/" for part in parts)


def load_pages() -> dict[str, dict]:
    """Site path -> {title, text (title, summary and body), tags (slugs)} for every Markdown page."""
    pages = {}
    for file in sorted(CONTENT.rglob("*.md")):
        # The Swedish site's pages: translations (x.en.md) are searched under /en/search/.
        if file.name.endswith(".en.md"):
            continue
        meta = front_matter(file)
        if meta.get("draft") is True:
            continue
        body = re.sub(r"^---\n.*?\n---\n", "", file.read_text(encoding="utf-8"), count=1, flags=re.S)
        tags = meta.get("tags") or []
        pages[page_path(file)] = {
            "title": meta.get("title", ""),
            "text": f"{meta.get('title', '')}\n{meta.get('summary', '')}\n{body}",
            "tags": {slug(str(tag)) for tag in (tags if isinstance(tags, list) else [tags])},
        }
    return pages


PAGES = load_pages()
SITE = yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))


def tagged(tag: str) -> set[str]:
    return {path for path, page in PAGES.items() if tag in page["tags"]}


def with_word(word: str) -> set[str]:
    """Pages whose text has `word` as a whole word (any case)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    return {path for path, page in PAGES.items() if pattern.search(page["text"])}


def summary_text(q: str, n: int, filtered: bool = False) -> str:
    kind = "searchCountFiltered" if filtered else "searchCount"
    key = kind + ("None" if n == 0 else "One" if n == 1 else "")
    return TEXTS[key].replace("{n}", str(n)).replace("{q}", q.strip())


def summary_count(summary: str, q: str, filtered: bool = False) -> int | None:
    """The number of hits a summary for `q` states, or None when it is not a summary for `q`."""
    for n in (0, 1):
        if summary == summary_text(q, n, filtered):
            return n
    kind = "searchCountFiltered" if filtered else "searchCount"
    pattern = re.escape(TEXTS[kind]).replace(re.escape("{n}"), r"(\d+)").replace(re.escape("{q}"), re.escape(q.strip()))
    match = re.fullmatch(pattern, summary)
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------- page helpers


@pytest.fixture(params=MODES)
def mode(request):
    return request.param


@pytest.fixture
def site(mode, site_url, relative_site_dir):
    """URLs of this mode's build: site.url("sok/", "?q=x") and site.path(href) -> "/sok/"."""

    class Site:
        base = site_url if mode == "http" else relative_site_dir.as_uri() + "/"

        @staticmethod
        def url(path: str = "sok/", query: str = "") -> str:
            if mode == "file" and (path == "" or path.endswith("/")):
                path += "index.html"
            return Site.base + path + query

        @staticmethod
        def path(href: str) -> str:
            assert href.startswith(Site.base), f"{href} is outside the site {Site.base}"
            rest = urlsplit(href[len(Site.base):]).path
            return "/" + re.sub(r"(^|/)index\.html$", r"\1", rest)

    Site.mode = mode
    return Site


STATE_JS = """
const root = document.querySelector('[data-search-page]');
if (!root) return null;
const one = s => root.querySelector(s);
const shown = el => !!el && el.getClientRects().length > 0;
const list = one('[data-search-list]');
return {
  summary: one('[data-search-summary]').textContent,
  status: one('[data-search-status]').textContent.replace(/\\u00a0/g, ' ').trim(),
  input: one('[data-search-input]').value,
  results: shown(list) ? [...list.children].map(li => ({
    title: li.querySelector('h3 a').textContent,
    href: li.querySelector('h3 a').href,
    kind: (li.querySelector('.search-result__kind') || {}).textContent || '',
    section: (li.querySelector('.search-result__section') || {}).textContent || '',
    excerpt: (li.querySelector('.search-result__excerpt') || {}).innerHTML || '',
    subs: [...li.querySelectorAll('.search-result__subs > li')].map(sub => ({
      title: sub.querySelector('a').textContent, href: sub.querySelector('a').href,
      excerpt: (sub.querySelector('.search-result__sub-excerpt') || {}).innerHTML || ''}))})) : [],
  help: shown(one('[data-search-help]')),
  none: shown(one('[data-search-none]')),
  partial: shown(one('[data-search-partial]')),
  more: shown(one('[data-search-more]')),
  failed: shown(one('[data-search-failed]')),
};
"""


def state(driver) -> dict:
    return driver.execute_script(STATE_JS)


def wait_for(driver, condition, what: str, timeout: float = 10):
    """Polls `condition(driver)` until it is truthy; fails with `what` and the page's state."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)
    except TimeoutException:
        pytest.fail(f"timed out waiting for {what}; page state: {state(driver)}", pytrace=False)


def open_search(driver, url: str):
    driver.get(url)
    assert state(driver) is not None, f"{url}: no search page"
    wait_for(driver, lambda d: not state(d)["failed"], "the engine")


def page_input(driver):
    return driver.find_element("css selector", "[data-search-page] [data-search-input]")


def type_query(driver, q: str, clear: bool = True):
    """Types `q` into the search page's box key by key (as a reader would), without submitting."""
    from selenium.webdriver.common.keys import Keys

    box = page_input(driver)
    box.click()
    if clear:
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
    box.send_keys(q)


def results_for(driver, q: str, filtered: bool = False) -> dict:
    """Waits until the page shows the results for `q` and returns its state."""

    def ready(d):
        now = state(d)
        n = summary_count(now["summary"], q, filtered)
        if n is None:
            return False
        return now if (now["none"] if n == 0 else len(now["results"]) == min(n, 20)) else False

    return wait_for(driver, ready, f"the results for {q!r}")


def all_paths(driver, site) -> list[str]:
    """Every result's site path, pressing "Visa fler träffar" until all are shown."""
    while state(driver)["more"]:
        before = len(state(driver)["results"])
        driver.find_element("css selector", "[data-search-more]").click()
        wait_for(driver, lambda d: len(state(d)["results"]) > before, "more results")
    return [site.path(result["href"]) for result in state(driver)["results"]]


def listing(now: dict, limit: int = 8) -> str:
    return "\n".join(f"  {i + 1}. {r['title']} ({r['kind'] or '-'})" for i, r in enumerate(now["results"][:limit]))


def query_params(driver) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(driver.current_url).query)


def assert_no_console_errors(driver, console_errors, where: str):
    errors = [message for message in console_errors(driver) if "favicon.ico" not in message]
    assert not errors, f"{where}: console errors:\n" + "\n".join(errors)


def facet_count(driver, param: str, value: str) -> str:
    return driver.execute_script(
        "const b = document.querySelector(`button.facet[data-param='${arguments[0]}'][data-slug='${arguments[1]}']`);"
        "return b.querySelector('.facet__count').firstChild.nodeValue.trim();",
        param,
        value,
    )


# ---------------------------------------------------------------- the search page


def test_inflected_word_finds_the_base_form(site, driver, console_errors):
    """"upphandlingar" finds pages that only say "upphandling", with the hits marked."""
    console_errors(driver)
    open_search(driver, site.url())
    type_query(driver, "upphandlingar")
    now = results_for(driver, "upphandlingar")
    found = {site.path(result["href"]) for result in now["results"]}
    base_form = with_word("upphandling")
    assert found & base_form, f"no page with the word 'upphandling' among\n{listing(now, 20)}"
    # (A page may match in text the index keeps but its excerpt file does not: no mark there.)
    assert "<mark>" in now["results"][0]["excerpt"], "the best result's excerpt marks no hit"
    assert_no_console_errors(driver, console_errors, "upphandlingar")


@pytest.mark.parametrize("query,first", EXPECTED_FIRST, ids=[q for q, _ in EXPECTED_FIRST])
def test_expected_first_result(query, first, site, driver, console_errors):
    """The issue's ranking cases: the named page comes first while typing."""
    console_errors(driver)
    open_search(driver, site.url())
    type_query(driver, query)
    now = results_for(driver, query)
    assert now["results"], f"{query!r}: no results"
    assert now["results"][0]["title"] == first, f"{query!r}: expected {first!r} first, got\n{listing(now)}"
    assert_no_console_errors(driver, console_errors, query)


def test_part_of_a_compound_finds_the_compound(site, driver, console_errors):
    """"flöden" finds the furniture project, whose text has it only inside "möbelflöden"."""
    console_errors(driver)
    open_search(driver, site.url())
    type_query(driver, "flöden")
    now = results_for(driver, "flöden")
    found = [site.path(result["href"]) for result in now["results"]]
    assert "/projekt/affarsmodellinnovation-for-cirkulara-mobelfloden/" in found, listing(now)
    assert_no_console_errors(driver, console_errors, "flöden")


def test_results_while_typing_a_prefix(site, driver, console_errors):
    """Results come while typing, without Enter: "cirk" already finds pages, "cirku" updates them."""
    console_errors(driver)
    open_search(driver, site.url())
    type_query(driver, "cirk")
    now = results_for(driver, "cirk")
    assert now["results"], "no results for the prefix 'cirk'"
    assert "<mark>cirk" in now["results"][0]["excerpt"].lower()
    assert site.path(driver.current_url) == "/sok/", "typing must not leave the page"
    type_query(driver, "u", clear=False)
    assert results_for(driver, "cirku")["input"] == "cirku"
    assert query_params(driver) == [("q", "cirku")]
    assert_no_console_errors(driver, console_errors, "prefix")


def test_query_in_the_url_is_restored_on_load_and_reload(site, driver, console_errors):
    """?q= fills the box and shows its results; typing rewrites ?q= without new history entries."""
    console_errors(driver)
    open_search(driver, site.url("sok/", "?q=m%C3%B6bel"))
    now = results_for(driver, "möbel")
    assert now["input"] == "möbel"
    titles = [result["title"] for result in now["results"]]
    length = driver.execute_script("return history.length")

    type_query(driver, " göteborg", clear=False)
    results_for(driver, "möbel göteborg")
    assert query_params(driver) == [("q", "möbel göteborg")]
    assert driver.execute_script("return history.length") == length, "typing added history entries"

    driver.refresh()
    now = results_for(driver, "möbel göteborg")
    assert now["input"] == "möbel göteborg"
    open_search(driver, site.url("sok/", "?q=m%C3%B6bel"))
    assert [result["title"] for result in results_for(driver, "möbel")["results"]] == titles
    assert_no_console_errors(driver, console_errors, "URL state")


def test_search_within_a_tag(site, driver, console_errors):
    """A search within cirkulär shows exactly the hits that are tagged cirkulär; the filter counts
    follow the search; the URL holds both; back undoes the filter."""
    q = "upphandling"
    console_errors(driver)
    open_search(driver, site.url("sok/", f"?q={q}"))
    results_for(driver, q)
    everything = all_paths(driver, site)
    circular = tagged("cirkular")
    expected = [path for path in everything if path in circular]
    assert expected and len(expected) < len(everything), "Content gives no useful 'upphandling' within cirkulär case"
    climate = [path for path in everything if path in tagged("klimatanpassad")]
    wait_for(
        driver,
        lambda d: (facet_count(d, TAGS, "cirkular"), facet_count(d, TAGS, "klimatanpassad")) == (str(len(expected)), str(len(climate))),
        f"the tag counts to follow the search ({len(expected)} cirkulär, {len(climate)} klimatanpassad)",
    )

    button = driver.find_element("css selector", f"button.facet[data-param='{TAGS}'][data-slug='cirkular']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    results_for(driver, q, filtered=True)
    within = all_paths(driver, site)
    assert within == expected, f"a search within cirkulär shows {within}, expected {expected}"
    assert button.get_attribute("aria-pressed") == "true"
    assert query_params(driver) == [("q", q), (TAGS, "cirkular")]

    # Back undoes the filter, forward brings it back.
    driver.back()
    now = results_for(driver, q)
    assert len(now["results"]) == min(len(everything), 20), "back did not undo the filter"
    assert query_params(driver) == [("q", q)]
    driver.forward()
    results_for(driver, q, filtered=True)
    assert all_paths(driver, site) == expected

    # A bookmarked search within a tag (parameters in any order) opens the same.
    open_search(driver, site.url("sok/", f"?{TAGS}=cirkular&q={q}"))
    results_for(driver, q, filtered=True)
    assert all_paths(driver, site) == expected
    assert_no_console_errors(driver, console_errors, "within a tag")


def test_filters_alone_list_their_projects(site, driver, console_errors):
    """No words: a short help; no words but a filter: the filter's projects."""
    console_errors(driver)
    open_search(driver, site.url())
    now = state(driver)
    assert now["help"] and not now["results"] and not now["none"]
    help_text = driver.find_element("css selector", "[data-search-help]").text
    assert help_text == TEXTS["searchHelp"]

    open_search(driver, site.url("sok/", f"?{TAGS}=cirkular"))
    expected = tagged("cirkular")
    n = len(expected)
    message = TEXTS["searchListCountOne" if n == 1 else "searchListCount"].replace("{n}", str(n))
    wait_for(driver, lambda d: state(d)["summary"] == message, f"the summary {message!r}")
    assert set(all_paths(driver, site)) == expected
    assert_no_console_errors(driver, console_errors, "filters alone")


def test_keyboard_between_box_and_results(site, driver, console_errors):
    """Arrow down from the box to the first result, up and down between results, up from the first
    and Esc back to the box; Tab keeps its order; the focus is visible."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def key(*keys):
        ActionChains(driver).send_keys(*keys).perform()

    def focused() -> dict:
        return driver.execute_script(
            "const el = document.activeElement, style = getComputedStyle(el);"
            "const links = [...document.querySelectorAll('[data-search-list] h3 a, [data-search-list] .search-result__subs a')];"
            "return {result: links.indexOf(el), input: el.matches('[data-search-input]'), tag: el.tagName,"
            " type: el.type || '', visible: el.matches(':focus-visible'), outline: style.outlineStyle,"
            " width: parseFloat(style.outlineWidth)}"
        )

    console_errors(driver)
    open_search(driver, site.url())
    type_query(driver, "upphandling")
    assert len(results_for(driver, "upphandling")["results"]) >= 3

    key(Keys.ARROW_DOWN)
    assert focused()["result"] == 0, f"ArrowDown from the box went to {focused()}"
    state_now = focused()
    assert state_now["visible"] and state_now["outline"] != "none" and state_now["width"] >= 2, state_now
    key(Keys.ARROW_DOWN)
    key(Keys.ARROW_DOWN)
    assert focused()["result"] == 2
    key(Keys.ARROW_UP)
    assert focused()["result"] == 1
    # Through a result's sections too: every link of the list in order, then back up.
    total = driver.execute_script(
        "return document.querySelectorAll('[data-search-list] h3 a, [data-search-list] .search-result__subs a').length")
    subs = driver.execute_script("return document.querySelectorAll('[data-search-list] .search-result__subs a').length")
    assert subs > 0, "no sub-results to move through for 'upphandling'"
    for _ in range(total + 2):
        key(Keys.ARROW_DOWN)
    assert focused()["result"] == total - 1, "ArrowDown does not reach the last link"
    assert driver.execute_script("return document.activeElement.closest('.search-result__subs, h3') !== null")
    key(Keys.ESCAPE)
    assert focused()["input"], "Escape does not go back to the box"
    assert page_input(driver).get_attribute("value") == "upphandling", "Escape from a result cleared the words"
    key(Keys.ARROW_DOWN)
    key(Keys.ARROW_UP)
    assert focused()["input"], "ArrowUp from the first result does not go back to the box"
    key(Keys.TAB)
    assert focused()["type"] == "submit", f"Tab from the box goes to {focused()}, not to the search button"
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert focused()["input"]
    key(Keys.ENTER)  # submitting searches in place
    results_for(driver, "upphandling")
    assert site.path(driver.current_url) == "/sok/"
    assert_no_console_errors(driver, console_errors, "keyboard")


def test_live_region_announces_the_number_of_hits(site, driver, console_errors):
    """A polite live region says "N träffar för ”q”" once typing pauses, and says when nothing is found."""
    console_errors(driver)
    open_search(driver, site.url())
    status = driver.find_element("css selector", "[data-search-page] [data-search-status]")
    assert status.get_attribute("role") == "status"
    assert driver.execute_script(
        "return document.querySelectorAll('[data-search-page] [role=status], [data-search-page] [aria-live]').length"
    ) == 1, "one live region on the search page"

    type_query(driver, "upphandling")
    now = results_for(driver, "upphandling")
    total = summary_count(now["summary"], "upphandling")
    expected = summary_text("upphandling", total)
    wait_for(driver, lambda d: state(d)["status"] == expected, f"the live region to say {expected!r}")
    assert total == len(all_paths(driver, site)), "the announced number is not the number of hits"

    type_query(driver, "zzyzxq", clear=False)
    expected = summary_text("upphandlingzzyzxq", 0)
    wait_for(driver, lambda d: state(d)["status"] == expected, f"the live region to say {expected!r}")

    open_search(driver, site.url("sok/", f"?q=upphandling&{TAGS}=cirkular"))
    now = results_for(driver, "upphandling", filtered=True)
    expected = summary_text("upphandling", summary_count(now["summary"], "upphandling", True), True)
    wait_for(driver, lambda d: state(d)["status"] == expected, f"the live region to say {expected!r}")
    assert_no_console_errors(driver, console_errors, "live region")


def test_no_results_helps(site, driver, console_errors):
    """Nothing found: tips, tag links to term pages, and (only with filters) a way to drop them."""
    console_errors(driver)
    open_search(driver, site.url("sok/", "?q=zzyzxq"))
    now = results_for(driver, "zzyzxq")
    assert now["none"] and not now["results"]
    box = driver.find_element("css selector", "[data-search-none]")
    for key in ("searchNoneSpelling", "searchNoneFewer", "searchNoneBrowse"):
        assert TEXTS[key] in box.text, f"the no-results help lacks {TEXTS[key]!r}"
    assert TEXTS["searchNoneFilters"] not in box.text, "offers to drop filters when none are chosen"
    links = [site.path(a.get_attribute("href")) for a in box.find_elements("css selector", "a[href]")]
    taxonomy = next(t for t in SITE["taxonomies"] if t["param"] == TAGS)
    assert links == [f"/{taxonomy['path']}/{value}/" for value in MODEL.slugs[TAGS]]

    open_search(driver, site.url("sok/", f"?q=zzyzxq&{TAGS}=cirkular"))
    results_for(driver, "zzyzxq", filtered=True)
    drop = driver.find_element("css selector", "[data-search-clear-filters]")
    assert drop.is_displayed() and drop.text == TEXTS["searchNoneFilters"]
    drop.click()
    results_for(driver, "zzyzxq")
    assert query_params(driver) == [("q", "zzyzxq")]
    assert driver.execute_script("return document.activeElement.matches('[data-search-input]')")
    assert_no_console_errors(driver, console_errors, "no results")


def test_partial_matches_are_explained(site, driver, console_errors):
    """When no page has every word, the pages with most of them come with a notice."""
    console_errors(driver)
    open_search(driver, site.url("sok/", "?q=trafikverket+zzyzxq"))
    now = results_for(driver, "trafikverket zzyzxq")
    assert now["partial"] and now["results"]
    notice = driver.find_element("css selector", "[data-search-partial]").text
    assert notice == TEXTS["searchPartial"]
    assert now["results"][0]["title"] == "Trafikverket"
    assert_no_console_errors(driver, console_errors, "partial")


# Titles of every page, organisation and glossary entry: a result shows its section path only
# where its title repeats.
TITLES = [page["title"] for page in PAGES.values()] + [
    str(record.get("namn") or record.get("term"))
    for name in ("organisationer", "ordlista")
    for record in yaml.safe_load((CONTENT / f"data/{name}.yaml").read_text(encoding="utf-8"))
]


def test_kinds_of_results(site, driver):
    """Every result says what it is: a project "Projekt", an organisation "Organisation", a
    glossary entry "Ordlista", the other pages "Sida"; no section path where no title repeats."""
    organisations = f"/{SITE['collections'][0]['path']}/"
    expected_kinds = {"Projekt", "Organisation", "Ordlista", "Sida"}
    seen = set()
    for q in ("cirkulär", "göteborg", "livscykel", "upphandling"):
        open_search(driver, site.url("sok/", "?q=" + q))
        now = results_for(driver, q)
        for result in now["results"]:
            path = site.path(result["href"])
            if path.startswith("/projekt/") and path != "/projekt/":
                kind = "Projekt"
            elif path.startswith(organisations) and path != organisations:
                kind = "Organisation"
            elif "#" in result["href"] and path == "/ordlista/":
                kind = "Ordlista"
            else:
                kind = "Sida"
            assert result["kind"] == kind, f"{result['href']}: kind {result['kind']!r}, expected {kind!r}"
            if TITLES.count(result["title"]) == 1:
                assert result["section"] == "", f"{path}: a section path though its title is the only one"
            else:
                assert result["section"], f"{path}: no section path though its title {result['title']!r} repeats"
            seen.add(kind)
    assert seen == expected_kinds, f"queries found only {seen}"


def test_name_and_term_matches_come_first(site, driver, console_errors):
    """An organisation's name puts its page first, above the projects it takes part in; an
    abbreviation puts its glossary entry first, linking to the entry's anchor."""
    console_errors(driver)
    organisations = SITE["collections"][0]["path"]
    for q, path in (("Kinnarps", f"/{organisations}/kinnarps/"), ("Göteborgs Stad", f"/{organisations}/goteborgs-stad/")):
        open_search(driver, site.url())
        type_query(driver, q)
        now = results_for(driver, q)
        first = now["results"][0]
        assert (site.path(first["href"]), first["kind"]) == (path, "Organisation"), listing(now)
    open_search(driver, site.url())
    type_query(driver, "LCA")
    now = results_for(driver, "LCA")
    first = now["results"][0]
    assert first["kind"] == "Ordlista" and first["title"].startswith("LCA"), listing(now)
    assert site.path(first["href"]) == "/ordlista/" and urlsplit(first["href"]).fragment == "lca", first["href"]
    assert "livscykel" in first["excerpt"].lower()
    # A general word still ranks the projects about it above the organisations in them.
    for q in ("upphandling", "elbussar", "möbel"):
        open_search(driver, site.url("sok/", "?q=" + q))
        now = results_for(driver, q)
        assert now["results"][0]["kind"] == "Projekt", listing(now)
    assert_no_console_errors(driver, console_errors, "names")


def test_sub_results_are_deep_links_with_excerpts(site, driver, console_errors):
    """A hit under a heading of a long page comes as a link to that heading (#id) under the
    page's result, with its own excerpt; the link carries the query for highlighting."""
    console_errors(driver)
    q = "klimatneutralitet"
    open_search(driver, site.url("sok/", "?q=" + q))
    now = results_for(driver, q)
    result = next(r for r in now["results"] if site.path(r["href"]) == "/projekt/genomlysning-av-klimatkompensation/")
    assert result["subs"], f"no sub-results under {result['title']}"
    sub = result["subs"][0]
    assert sub["title"] == "Klimatneutralitet och nettonollutsläpp"
    parts = urlsplit(sub["href"])
    assert parts.fragment == "klimatneutralitet-och-nettonollutslapp"
    assert parse_qsl(parts.query) == [("highlight", q)]
    assert "<mark>" in sub["excerpt"].lower()
    # The link opens the page at the heading with the words marked.
    driver.find_element("css selector", ".search-result__subs a").click()
    wait_for(driver, lambda d: d.find_elements("css selector", "main mark.search-hit"), "marks on the page")
    in_view = driver.execute_script(
        "const heading = document.getElementById('klimatneutralitet-och-nettonollutslapp');"
        "const mark = [...document.querySelectorAll('main mark.search-hit')]"
        "  .find(m => heading.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);"
        "const box = mark.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight;")
    assert in_view, "the first mark after the heading is not in view"
    assert_no_console_errors(driver, console_errors, "sub-results")


# ---------------------------------------------------------------- the header's suggestions


def header_state(driver) -> dict:
    return driver.execute_script(
        "const input = document.getElementById('kl_search_q');"
        "const list = document.getElementById(input.getAttribute('aria-controls'));"
        "return {role: input.getAttribute('role'), expanded: input.getAttribute('aria-expanded'),"
        " autocomplete: input.getAttribute('aria-autocomplete'), active: input.getAttribute('aria-activedescendant'),"
        " listRole: list && list.getAttribute('role'), shown: !!list && list.getClientRects().length > 0,"
        " options: list ? [...list.querySelectorAll('[role=option]')].map(o => ({id: o.id,"
        "   title: o.querySelector('.suggest__title').textContent, selected: o.getAttribute('aria-selected'),"
        "   kind: (o.querySelector('.suggest__kind') || {}).textContent || ''})) : []}"
    )


def test_header_suggestions(site, driver, console_errors):
    """The header's box is a combobox: suggestions while typing, arrows choose, Enter opens the
    chosen page, Esc closes; Enter without a choice goes to the search page."""
    from selenium.webdriver.common.keys import Keys

    console_errors(driver)
    driver.get(site.url("om/"))
    box = driver.find_element("id", "kl_search_q")
    box.click()
    box.send_keys("Goteborg")
    now = wait_for(driver, lambda d: (lambda s: s if s["shown"] and s["options"] else False)(header_state(d)), "suggestions")
    assert (now["role"], now["expanded"], now["autocomplete"], now["listRole"]) == ("combobox", "true", "list", "listbox")
    assert now["options"][-1]["title"] == TEXTS["searchSuggestAll"].replace("{q}", "Goteborg")
    assert len(now["options"]) <= 7
    # Each suggestion says what it is; "all results" does not.
    kinds = [option["kind"] for option in now["options"]]
    assert all(kinds[:-1]) and kinds[-1] == "", kinds
    assert {"Projekt", "Organisation"} <= set(kinds), kinds

    box.send_keys(Keys.ARROW_DOWN)
    now = header_state(driver)
    assert now["active"] == now["options"][0]["id"] and now["options"][0]["selected"] == "true"
    box.send_keys(Keys.ARROW_UP)  # wraps to the last: all results
    now = header_state(driver)
    assert now["active"] == now["options"][-1]["id"]
    box.send_keys(Keys.ARROW_DOWN)
    chosen = header_state(driver)["options"][0]["title"]
    box.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: d.find_elements("css selector", "main h1") and d.find_element("css selector", "main h1").text == chosen, f"the page {chosen!r}")

    box = driver.find_element("id", "kl_search_q")
    box.click()
    box.send_keys("cirk")
    wait_for(driver, lambda d: header_state(d)["shown"], "suggestions for 'cirk'")
    box.send_keys(Keys.ESCAPE)
    now = header_state(driver)
    assert now["expanded"] == "false" and not now["shown"] and box.get_attribute("value") == "cirk"
    box.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: state(d) is not None, "the search page")
    assert site.path(driver.current_url) == "/sok/" and query_params(driver) == [("q", "cirk")]
    assert results_for(driver, "cirk")["results"]
    assert_no_console_errors(driver, console_errors, "header suggestions")


# ---------------------------------------------------------------- accessibility and layout


def test_axe_clean(site_url, driver, console_errors):
    """axe-core finds nothing on the search page (results, none, help, a filter, narrow with the
    filters folded) nor on a page with the header's suggestions open. Over HTTP only: from
    file:// axe-core's own request for the stylesheet fails (origin null)."""
    from selenium_axe_python import Axe

    failures = []
    console_errors(driver)
    cases = [
        ("results", "sok/?q=upphandling", "upphandling", False),
        ("no results", "sok/?q=zzyzxq", "zzyzxq", False),
        ("partial", "sok/?q=trafikverket+zzyzxq", "trafikverket zzyzxq", False),
        ("within a tag", f"sok/?q=upphandling&{TAGS}=cirkular", "upphandling", True),
    ]
    for name, path, q, filtered in cases:
        open_search(driver, site_url + path)
        results_for(driver, q, filtered)
        violations = run_axe(driver)
        if violations:
            failures.append(f"{name}:\n{Axe.report(violations)}")
    open_search(driver, site_url + "sok/")
    if violations := run_axe(driver):
        failures.append(f"help:\n{Axe.report(violations)}")
    driver.set_window_size(360, 800)
    try:
        open_search(driver, site_url + "sok/?q=upphandling")
        results_for(driver, "upphandling")
        if violations := run_axe(driver):
            failures.append(f"narrow, filters folded:\n{Axe.report(violations)}")
        driver.find_element("css selector", ".facets__toggle").click()
        if violations := run_axe(driver):
            failures.append(f"narrow, filters unfolded:\n{Axe.report(violations)}")
    finally:
        driver.set_window_size(1280, 900)
    driver.get(site_url)
    box = driver.find_element("id", "kl_search_q")
    box.click()
    box.send_keys("cirk")
    wait_for(driver, lambda d: header_state(d)["shown"], "suggestions")
    from selenium.webdriver.common.keys import Keys

    box.send_keys(Keys.ARROW_DOWN)
    if violations := run_axe(driver):
        failures.append(f"header suggestions open:\n{Axe.report(violations)}")
    assert not failures, "\n".join(failures)
    assert_no_console_errors(driver, console_errors, "axe")


def test_narrow_screens(site_url, driver, console_errors):
    """At 320 px nothing scrolls sideways; the filters fold under a disclosure button that says how
    many values are chosen; on wide screens they are open and the heading is plain."""
    driver.set_window_size(320, 800)
    try:
        for path, q in (("sok/?q=upphandling", "upphandling"), (f"sok/?q=upphandlingskriterier&{TAGS}=cirkular", None)):
            open_search(driver, site_url + path)
            if q:
                results_for(driver, q)
            client, scroll = driver.execute_script(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
            )
            assert scroll <= client, f"{path}: {scroll}px wide in a {client}px window"
        toggle = driver.find_element("css selector", "#kl_filter_heading button.facets__toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not driver.find_element("id", "kl_filter_body").is_displayed()
        assert TEXTS["searchFilterChosenOne"] in toggle.text
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert driver.find_element("id", "kl_filter_body").is_displayed()
        driver.get(site_url)
        box = driver.find_element("id", "kl_search_q")
        box.click()
        box.send_keys("upphandling")
        wait_for(driver, lambda d: header_state(d)["shown"], "suggestions")
        client, scroll = driver.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
        )
        assert scroll <= client, f"suggestions: {scroll}px wide in a {client}px window"
    finally:
        driver.set_window_size(1280, 900)
    open_search(driver, site_url + "sok/")
    assert not driver.find_elements("css selector", "#kl_filter_heading button")
    assert driver.find_element("id", "kl_filter_body").is_displayed()


# ---------------------------------------------------------------- without JavaScript


def test_without_javascript(site, nojs_driver):
    """The header form goes to the search page, which says plainly that search needs JavaScript
    and offers the filters as links to the term pages."""
    driver = nojs_driver
    driver.get(site.url("om/"))
    form = driver.find_element("css selector", ".site-header form[role=search]")
    box = form.find_element("css selector", "input[name=q]")
    box.send_keys("möbel")
    box.submit()
    wait_for(driver, lambda d: site.path(d.current_url) == "/sok/", "the search page")
    assert query_params(driver) == [("q", "möbel")]
    text = driver.find_element("tag name", "main").text
    assert TEXTS["searchNeedsScript"] in text and TEXTS["searchNoScriptHelp"] in text, text
    assert TEXTS["searchFailed"] not in text
    assert not driver.find_element("css selector", "[data-search-results]").is_displayed()
    assert not driver.find_element("css selector", "[data-search-hint]").is_displayed()
    links = [
        (a.get_attribute("data-param"), a.get_attribute("data-slug"), site.path(a.get_attribute("href")))
        for a in driver.find_elements("css selector", "[data-facets-root] a.facet[href]")
    ]
    assert [(p, s) for p, s, _ in links] == [(p, s) for p in MODEL.params for s in MODEL.slugs[p]]
    assert all(path.endswith(f"/{value}/") for _, value, path in links)
