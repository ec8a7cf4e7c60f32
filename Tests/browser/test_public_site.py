"""The public site as a reader meets it (issue 20): the default build from file://, the first
screen of the front page, the header and menu on a phone, no sideways scrolling at 320 px, no
request that fails, no layout shift, legible charts, the footer, and the publishing metadata
(favicon, OpenGraph, schema.org JSON-LD, escaped).

Every page kind is opened at 320, 375 and 1280 px; a screenshot of each is written to
`KRETSLOPP_SCREENSHOTS` (a folder) when it is set, for a person to look at."""

from __future__ import annotations

import html
import http.server
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, find_binary, served
from test_pages import PAGE_KINDS, page_path

WIDTHS = (320, 375, 1280)
HEIGHTS = {320: 640, 375: 800, 1280: 900}

# Every page kind of test_pages (with the search page and the accessibility statement).
KINDS = dict(PAGE_KINDS)


# ---------------------------------------------------------------- a server that logs every answer


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records (path, status) of every request the browser makes."""

    log: list[tuple[str, int]]

    def log_request(self, code="-", size="-"):  # noqa: D401 - the base class's name
        self.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="module")
def logged_site(site_dir):
    """(base URL, request log) of the hosted build, served by a server that logs statuses."""
    log: list[tuple[str, int]] = []
    with served(site_dir, type("Handler", (LoggingHandler,), {"log": log})) as url:
        yield url, log


def screenshot(driver, name: str) -> None:
    """Saves the window to $KRETSLOPP_SCREENSHOTS/<name>.png when that folder is set."""
    folder = os.environ.get("KRETSLOPP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def rect(driver, selector: str) -> dict | None:
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); if (!e) return null;"
        "var r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left,"
        " right: r.right, height: r.height, width: r.width, shown: r.height > 0 && getComputedStyle(e).display !== 'none'};",
        selector,
    )


# ---------------------------------------------------------------- every page kind at every width


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_kind_at_width(width, site_dir, logged_site, driver, console_errors):
    """At 320, 375 and 1280 px: no sideways scrolling (the report excepted, its own helper fixes
    it), no console error, no request answered with an error, and at 375 px a header of at most
    120 px. Charts' text is never under 12 CSS px."""
    base, log = logged_site
    driver.set_window_size(width, HEIGHTS[width])
    problems = []
    try:
        for kind in KINDS:
            path = KINDS[kind] or page_path(site_dir, kind)
            console_errors(driver)
            log.clear()
            driver.get(base + path)
            driver.execute_script("return document.readyState")
            screenshot(driver, f"{kind}-{width}")
            client, scroll = driver.execute_script(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
            )
            if scroll > client:
                problems.append(f"{path} at {width}px: the page is {scroll}px wide in a {client}px window")
            for message in console_errors(driver):
                problems.append(f"{path} at {width}px: console: {message}")
            for requested, status in list(log):
                if status >= 400 or status == 0:
                    problems.append(f"{path} at {width}px: {requested} answered {status}")
            if width == 375:
                header = rect(driver, ".site-header")
                if header["height"] > 120:
                    problems.append(f"{path} at 375px: the header is {header['height']:.0f}px high (at most 120)")
            smallest = driver.execute_script(
                "var least = Infinity;"
                "document.querySelectorAll('figure.chart svg text').forEach(function (t) {"
                "  var size = parseFloat(t.getAttribute('font-size') || '13');"
                "  least = Math.min(least, size * t.ownerSVGElement.getScreenCTM().a); });"
                "return least === Infinity ? null : least;"
            )
            if smallest is not None and smallest < 11.95:
                problems.append(f"{path} at {width}px: chart text is {smallest:.1f} CSS px (at least 12)")
    finally:
        driver.set_window_size(1280, 900)
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the front page's first screen


@pytest.mark.parametrize("width,height", [(375, 800), (1280, 900)])
def test_front_page_first_screen(width, height, site_url, driver):
    """The introduction, the filters and the first project are in the first screen; the H1 is
    not the site's title again."""
    driver.set_window_size(width, height)
    try:
        driver.get(site_url)
        inner = driver.execute_script("return window.innerHeight")
        card = rect(driver, ".cards > li:first-child .card__title")
        assert card and card["bottom"] <= inner, f"first project's title ends at {card} in a {inner}px window"
        filters = rect(driver, "#kl_filter")
        assert filters and filters["top"] < inner, f"the filters start at {filters}"
        intro = rect(driver, ".home-intro .lead")
        assert intro and intro["bottom"] <= inner, f"the introduction ends at {intro}"
        h1 = driver.find_element("css selector", "main h1").text
        site_title = driver.find_element("css selector", ".site-title").text
        assert h1.strip() and h1.strip() != site_title.strip(), f"the H1 repeats the site title: {h1!r}"
        if width < 960:
            # Folded under their button; the body of the filters is not shown.
            assert rect(driver, ".facets__toggle")["shown"], "no filter button on a narrow screen"
            assert not rect(driver, "#kl_filter_body")["shown"], "the filters are not folded"
    finally:
        driver.set_window_size(1280, 900)


@pytest.mark.parametrize("width", [375, 1280])
def test_no_layout_shift_when_scripts_load(width, site_url, driver):
    """Nothing on the front page moves while its scripts load (cumulative layout shift ~ 0)."""
    driver.set_window_size(width, HEIGHTS[width])
    try:
        driver.get(site_url)
        shift = driver.execute_async_script(
            "var done = arguments[arguments.length - 1], total = 0;"
            "new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {"
            "  if (!e.hadRecentInput) total += e.value; }); }).observe({type: 'layout-shift', buffered: true});"
            "setTimeout(function () { done(total); }, 500);"
        )
        assert shift < 0.01, f"layout shift {shift:.3f} on the front page at {width}px"
    finally:
        driver.set_window_size(1280, 900)


# ---------------------------------------------------------------- header, menu and filters on a phone


def test_menu_behind_a_button_on_a_phone(site_url, driver):
    """At 375 px the menu is folded behind a button that opens and closes it (and Escape)."""
    driver.set_window_size(375, 800)
    try:
        driver.get(site_url + "om/")
        button = driver.find_element("css selector", ".menu-toggle")
        assert button.is_displayed() and button.get_attribute("aria-expanded") == "false"
        assert not driver.find_element("css selector", "#kl_menu").is_displayed()
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        links = driver.find_elements("css selector", "#kl_menu a")
        assert links and all(link.is_displayed() for link in links)
        links[0].send_keys("\ue00c")  # Escape
        assert button.get_attribute("aria-expanded") == "false"
        assert not driver.find_element("css selector", "#kl_menu").is_displayed()
        search = rect(driver, ".site-header .search-form input")
        submit = rect(driver, ".site-header .search-form button")
        assert abs(search["top"] - submit["top"]) < 2, "the search box and its button are not on one row"
    finally:
        driver.set_window_size(1280, 900)


def test_menu_shows_without_javascript(site_url, nojs_driver):
    """Without JavaScript there is no dead button: the menu is simply shown."""
    nojs_driver.set_window_size(375, 800)
    nojs_driver.get(site_url + "om/")
    assert not nojs_driver.find_element("css selector", ".menu-toggle").is_displayed()
    links = nojs_driver.find_elements("css selector", "#kl_menu a")
    assert links and all(link.is_displayed() for link in links)
    assert nojs_driver.find_element("css selector", "#kl_filter_body, main").is_displayed()


def test_folded_filters_show_what_is_chosen(site_url, driver):
    """On a phone the filters open under "Filtrera"; once folded again they name the choice."""
    driver.set_window_size(375, 800)
    try:
        driver.get(site_url)
        toggle = driver.find_element("css selector", ".facets__toggle")
        toggle.click()
        assert driver.find_element("css selector", "#kl_filter_body").is_displayed()
        facet = driver.find_element("css selector", "#kl_filter_body button.facet")
        name = facet.find_element("css selector", ".facet__name").text
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", facet)
        facet.click()
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", toggle)
        toggle.click()
        assert not driver.find_element("css selector", "#kl_filter_body").is_displayed()
        chosen = driver.find_element("css selector", "[data-facets-chosen]")
        assert chosen.is_displayed() and name in chosen.text, chosen.text
    finally:
        driver.set_window_size(1280, 900)


@pytest.mark.parametrize("width", [375, 1280])
def test_header_as_high_on_the_search_page(width, site_url, driver):
    driver.set_window_size(width, HEIGHTS[width])
    try:
        driver.get(site_url)
        home = rect(driver, ".site-header")["height"]
        driver.get(site_url + "sok/?q=m%C3%B6bler")
        search = rect(driver, ".site-header")["height"]
        assert abs(home - search) < 1, f"header {home}px on / but {search}px on /sok/"
    finally:
        driver.set_window_size(1280, 900)


def test_footer_at_the_bottom_of_a_short_page(site_url, driver):
    driver.set_window_size(1280, 900)
    driver.get(site_url + "404.html")
    footer = rect(driver, ".site-footer")
    inner = driver.execute_script("return window.innerHeight")
    assert abs(footer["bottom"] - inner) < 1, f"footer ends at {footer['bottom']} in a {inner}px window"


# ---------------------------------------------------------------- the default build from disk


def test_default_build_from_file_url(site_dir, driver, console_errors):
    """The default (pretty URL) build opened as Output/index.html: a project, an organisation, a
    term page, the glossary and a search, and back; each lands on a page, never a folder."""
    home = (site_dir / "index.html").as_uri()
    console_errors(driver)

    def landed(what: str):
        url = driver.current_url
        assert url.startswith("file://"), url
        assert re.search(r"\.html([?#].*)?$", url), f"{what}: {url} is a folder, not a page"
        assert driver.find_elements("css selector", "main h1"), f"{what}: {url} has no <h1>"
        errors = console_errors(driver)
        assert not errors, f"{what}: console errors:\n" + "\n".join(errors)

    def follow(selector: str, what: str):
        link = driver.find_element("css selector", selector)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        landed(what)

    driver.get(home)
    landed("front page")
    follow(".cards .card__title a", "a project")
    follow(".facts .term-links a", "a term page")
    driver.back()
    landed("back to the project")
    follow(".organisations a", "an organisation")
    follow('#kl_menu a[href*="ordlista"]', "the glossary")
    follow(".glossary-index a", "a letter of the glossary")
    driver.get(home)
    box = driver.find_element("css selector", ".site-header input[type=search]")
    box.send_keys("möbler")
    driver.find_element("css selector", ".site-header .search-form button").click()
    # Submitting a form navigates after the click returns (a link's click waits for its page).
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: "/sok/index.html?" in d.current_url)
    landed("the search page")
    driver.back()
    landed("back to the front page")


# ---------------------------------------------------------------- details


def test_project_page_details(site_dir, site_url, driver):
    """Organisations once, linked and in alphabetical order, and named in the page's contents;
    the tag badge not twice; numeric columns right-aligned and year spans on one line."""
    driver.get(site_url + "projekt/affarsmodellinnovation-for-cirkulara-mobelfloden/")
    toc = [a.text for a in driver.find_elements("css selector", ".toc a")]
    assert "Organisationer" in toc, toc
    names = [a.text for a in driver.find_elements("css selector", ".role-group") [2].find_elements("css selector", "a")]
    assert names == sorted(names, key=lambda n: n.lower().translate(str.maketrans("åäö", "{|}"))), names
    prose = driver.find_element("css selector", ".prose").text
    assert "Swedese Möbler" not in prose, "the organisations are listed in the text too"
    assert not driver.find_elements("css selector", ".page-header .badges"), "the tag shows as a badge and in the facts"

    driver.get(site_url + "projekt/trafikverket/")
    align = driver.execute_script(
        "return Array.from(document.querySelectorAll('.table-wrap th.num, .table-wrap td.num'))"
        ".map(function (c) { return getComputedStyle(c).textAlign; })"
    )
    assert align and set(align) == {"right"}, align
    span = driver.execute_script(
        "var cell = Array.from(document.querySelectorAll('.table-wrap th')).find(function (c) {"
        " return c.textContent === '2020–2024'; });"
        "var range = document.createRange(); range.selectNodeContents(cell); return range.getClientRects().length;"
    )
    assert span == 1, "2020–2024 wraps"


def test_organisation_page_names_its_type_once(site_dir, site_url, driver):
    path = page_path(site_dir, "record")
    driver.get(site_url + path)
    eyebrow = driver.find_elements("css selector", ".page-header .eyebrow")
    assert eyebrow, "no type above the name"
    text = driver.find_element("css selector", "main").text
    assert text.count(eyebrow[0].text) == 1, f"the type {eyebrow[0].text!r} shows more than once"


def test_card_titles_hyphenate(site_url, driver):
    driver.get(site_url + "taggar/cirkular/")
    styles = driver.execute_script(
        "return Array.from(document.querySelectorAll('.card__title')).map(function (t) {"
        " var s = getComputedStyle(t); return [s.hyphens || s.webkitHyphens, t.closest('[lang]').lang,"
        " t.scrollWidth <= t.clientWidth]; })"
    )
    assert styles and all(h == "auto" and lang == "sv" and fits for h, lang, fits in styles), styles


def test_glossary_letter_index(site_url, driver):
    driver.get(site_url + "ordlista/")
    letters = [a.text for a in driver.find_elements("css selector", ".glossary-index a")]
    assert len(letters) > 5 and letters[0] == "A", letters
    for link in driver.find_elements("css selector", ".glossary-index a"):
        target = link.get_attribute("href").split("#", 1)[1]
        term = driver.find_element("id", target).find_element("css selector", "dt").text
        assert term.upper().startswith(link.text), f"{link.text} leads to {term}"


def test_zero_hit_filter_looks_disabled(site_url, driver):
    """A value that would give no projects is greyed out, not a dashed (broken-looking) box."""
    driver.get(site_url + "?tagg=klimatanpassad")
    disabled = driver.find_elements("css selector", 'button.facet[aria-disabled="true"]')
    assert disabled, "no value gives zero projects with tagg=klimatanpassad"
    style = driver.execute_script(
        "var s = getComputedStyle(arguments[0], '::before'); return [s.borderTopStyle, s.backgroundColor];",
        disabled[0],
    )
    assert style[0] == "solid" and style[1] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), style


def test_tables_and_charts_show_they_scroll(site_url, driver):
    driver.set_window_size(320, 640)
    try:
        driver.get(site_url + "projekt/trafikverket/")
        marked = driver.execute_script(
            "return Array.from(document.querySelectorAll('.chart__scroll, .table-wrap')).map(function (b) {"
            " return [b.scrollWidth > b.clientWidth, b.classList.contains('is-scrollable'),"
            " getComputedStyle(b).maskImage || getComputedStyle(b).webkitMaskImage]; })"
        )
        wide = [m for m in marked if m[0]]
        assert wide, "nothing scrolls at 320 px"
        assert all(m[1] and m[2] not in ("", "none") for m in wide), marked
    finally:
        driver.set_window_size(1280, 900)


# ---------------------------------------------------------------- publishing metadata


def json_ld(source: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, re.S)
    return [json.loads(block) for block in blocks]


def types(data: list[dict]) -> set[str]:
    return {item["@type"] for block in data for item in block["@graph"]}


def test_metadata_on_every_kind(site_dir):
    """Favicon and touch icon the build wrote, OpenGraph and Twitter tags, and JSON-LD."""
    expected = {
        "home": {"WebSite"},
        "project": {"Project", "BreadcrumbList"},
        "record": {"Organization", "BreadcrumbList"},
        "single-ordlista": {"DefinedTermSet", "BreadcrumbList"},
        "term": {"BreadcrumbList"},
    }
    for kind, wanted in expected.items():
        path = KINDS[kind] or page_path(site_dir, kind)
        page = site_dir / path
        source = page.read_text(encoding="utf-8")
        for icon in re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', source):
            assert (page.parent / icon).resolve().is_file(), f"{path}: {icon} was not written"
        assert len(re.findall(r'<link rel="(?:icon|apple-touch-icon)"', source)) == 2, path
        for name in ("og:title", "og:description", "og:type", "og:url", "og:image"):
            assert f'<meta property="{name}" content="' in source, f"{path}: no {name}"
        assert '<meta name="twitter:card" content="summary">' in source, path
        data = json_ld(source)
        assert wanted <= types(data), f"{path}: JSON-LD has {types(data)}, wanted {wanted}"
    glossary = json_ld((site_dir / "ordlista/index.html").read_text(encoding="utf-8"))
    terms = [i for b in glossary for i in b["@graph"] if i["@type"] == "DefinedTermSet"][0]["hasDefinedTerm"]
    assert len(terms) > 40 and all(t["name"] and t["description"] and "#" in t["url"] for t in terms)
    favicon = (site_dir / "assets/favicon.svg").read_text(encoding="utf-8")
    logo = (REPO / "Themes/default/templates/partials/logo.mustache").read_text(encoding="utf-8")
    assert re.search(r' d="([^"]+)"', favicon).group(1) == re.search(r' d="([^"]+)"', logo).group(1), \
        "the favicon is not the logo"


PAYLOAD = '</script><script>window.__xss=1</script><!-- "\u2028'


@pytest.fixture(scope="module")
def hostile_metadata_site(tmp_path_factory) -> Path:
    """Content/ with a `</script>` payload in the fields JSON-LD and the footer carry."""
    root = tmp_path_factory.mktemp("metadata-xss")
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    site["title"] = "Webbplats " + PAYLOAD
    site["author"] = PAYLOAD
    site["contact"] = {"name": PAYLOAD, "email": "a@example.se", "phone": PAYLOAD}
    (content / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = content / "projekt/cirkulara-goteborg.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Cirkulära Göteborg", "title: 'Cirkulära Göteborg " + PAYLOAD.replace("'", "''") + "'", 1), encoding="utf-8")
    orgs = yaml.safe_load((content / "data/organisationer.yaml").read_text(encoding="utf-8"))
    for org in orgs:
        if org.get("id") == "goteborgs-stad":
            org["namn"] += " " + PAYLOAD
            org["beskrivning"] = PAYLOAD
    (content / "data/organisationer.yaml").write_text(yaml.safe_dump(orgs, allow_unicode=True), encoding="utf-8")
    glossary = yaml.safe_load((content / "data/ordlista.yaml").read_text(encoding="utf-8"))
    glossary[0]["definition"] = PAYLOAD
    (content / "data/ordlista.yaml").write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    output = root / "Output"
    result = subprocess.run(
        [str(find_binary()), "build", "--content", str(content), "--output", str(output)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_json_ld_escapes_script_end(hostile_metadata_site, driver):
    """`</script>` in any value stays inside the JSON-LD: the block parses, gives the value back
    as written, and no script runs."""
    pages = [
        "index.html", "projekt/cirkulara-goteborg/index.html", "organisationer/goteborgs-stad/index.html",
        "ordlista/index.html",
    ]
    for path in pages:
        source = (hostile_metadata_site / path).read_text(encoding="utf-8")
        data = json_ld(source)
        assert data, f"{path}: no JSON-LD"
        text = json.dumps(data, ensure_ascii=False)
        assert PAYLOAD.replace('"', '\\"') in text, f"{path}: the value did not survive: {text[:300]}"
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', source, re.S).group(1)
        assert "<" not in block and ">" not in block, f"{path}: raw < or > inside the JSON-LD"
        driver.get((hostile_metadata_site / path).as_uri())
        assert driver.execute_script("return window.__xss") is None, f"{path}: the payload ran"
        footer = driver.find_element("css selector", ".site-footer").text
        assert "</script>" in footer, f"{path}: the footer does not show the contact as text"
    assert html.escape("</script>") in (hostile_metadata_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path,width", [("", 375), ("projekt/trafikverket/", 320), ("ordlista/", 375)])
def test_axe_clean_on_a_phone(path, width, site_url, driver):
    """axe-core finds nothing with the menu and the filters folded, then open, and with charts
    and tables that scroll sideways."""
    from test_pages import run_axe

    driver.set_window_size(width, HEIGHTS[width])
    try:
        driver.get(site_url + path)
        for opened in (False, True):
            if opened:
                for button in driver.find_elements("css selector", "[data-disclosure]"):
                    if button.is_displayed():
                        driver.execute_script("arguments[0].click()", button)
            violations = run_axe(driver)
            assert not violations, f"{path} at {width}px (opened: {opened}): " + json.dumps(
                [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations])
    finally:
        driver.set_window_size(1280, 900)
