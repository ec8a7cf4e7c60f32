"""Browser tests of the project filters (Themes/default/assets/filters.js) on the real Content/.

Every expectation is computed from Content/site.yaml and the front matter of
Content/projekt/*.md (term ids mapped to slugs as the build does), never from a list of titles.
Each scenario runs over HTTP and from file:// (the --relative-urls build); the no-JavaScript
checks use a second Chromium with JavaScript switched off.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from conftest import REPO
from test_pages import run_axe

CONTENT = REPO / "Content"
I18N = REPO / "Themes/default/i18n/sv.yaml"

# The listing pages with filters: (name, path in the hosted build, path in the relative build).
LISTINGS = [("home", "", "index.html"), ("section", "projekt/", "projekt/index.html")]
MODES = ["http", "file"]


# ---------------------------------------------------------------- the expected model


def slug(text: str) -> str:
    """The build's slug (Sources/Markdown/Slug.swift): folded to ASCII, a-z0-9 and single hyphens."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)) or {}


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@dataclass
class Model:
    """The facets of the project section and each project's values, as the build should see them."""

    params: list[str] = field(default_factory=list)  # in site.yaml order
    slugs: dict[str, list[str]] = field(default_factory=dict)  # param -> term slugs
    projects: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # title -> param -> slugs

    def matches(self, values: dict[str, set[str]], selection: dict[str, list[str]], skip: str | None = None) -> bool:
        """OR within a group, AND across groups (ignoring the group `skip`)."""
        return all(
            values[param] & set(chosen) for param, chosen in selection.items() if chosen and param != skip
        )

    def expected(self, selection: dict[str, list[str]]) -> set[str]:
        return {title for title, values in self.projects.items() if self.matches(values, selection)}

    def count(self, selection: dict[str, list[str]], param: str, value: str) -> int:
        """Projects with `value` among those the OTHER groups' choices let through."""
        return sum(
            1
            for values in self.projects.values()
            if value in values[param] and self.matches(values, selection, skip=param)
        )

    def with_value(self, param: str, value: str) -> set[str]:
        return self.expected({param: [value]})


def load_model() -> Model:
    site = yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))
    model = Model()
    keys = {}
    for taxonomy in site.get("taxonomies", []):
        sections = taxonomy.get("sections") or []
        if sections and "projekt" not in sections:
            continue
        param = taxonomy["param"]
        model.params.append(param)
        keys[taxonomy["key"]] = param
        model.slugs[param] = [term.get("slug") or slug(str(term["id"])) for term in taxonomy.get("terms", [])]
    for path in sorted((CONTENT / "projekt").glob("*.md")):
        # The filters at / and /projekt/ are the Swedish site's: translations (x.en.md) are not there.
        if path.name.startswith("_") or path.name.endswith(".en.md"):
            continue
        meta = front_matter(path)
        if meta.get("draft") is True:
            continue
        model.projects[meta["title"]] = {
            param: {slug(str(term)) for term in as_list(meta.get(key))} for key, param in keys.items()
        }
    return model


MODEL = load_model()
TEXTS = yaml.safe_load(I18N.read_text(encoding="utf-8"))


def status_text(selection: dict[str, list[str]], shown: int) -> str:
    if shown == 0:
        return TEXTS["filterStatusNone"]
    if any(selection.values()):
        return TEXTS["filterStatus"].replace("{n}", str(shown))
    return TEXTS["filterStatusAll"].replace("{n}", str(shown))


def combination(model: Model) -> tuple[str, str, str, str, str]:
    """(tag param, tag, second param, value A, value B): the tag AND A is a proper part of both,
    and B adds projects with the tag that A does not have (so OR within the group shows)."""
    tag_param, other_param = model.params[0], model.params[1]
    for tag in model.slugs[tag_param]:
        tagged = model.with_value(tag_param, tag)
        for a in model.slugs[other_param]:
            in_a = model.with_value(other_param, a)
            both = tagged & in_a
            if not both or both == tagged or both == in_a:
                continue
            for b in model.slugs[other_param]:
                extra = tagged & model.with_value(other_param, b)
                if b != a and extra - both:
                    return tag_param, tag, other_param, a, b
    pytest.fail("Content has no tag and two values of the second facet that make a useful combination")


def empty_combination(model: Model) -> dict[str, list[str]]:
    """A tag and a value of the second facet that no project has together (each has projects)."""
    tag_param, other_param = model.params[0], model.params[1]
    for tag in model.slugs[tag_param]:
        for value in model.slugs[other_param]:
            if model.with_value(other_param, value) and not model.expected({tag_param: [tag], other_param: [value]}):
                return {tag_param: [tag], other_param: [value]}
    pytest.fail("every tag meets every value of the second facet: no empty combination in Content")


# ---------------------------------------------------------------- page helpers


@pytest.fixture(params=MODES)
def mode(request):
    return request.param


@pytest.fixture
def listing_url(mode, site_url, relative_site_dir):
    """A function: the URL of a listing page ('home' or 'section') in this test's mode."""

    def url(name: str = "home", query: str = "") -> str:
        hosted, relative = next((h, r) for n, h, r in LISTINGS if n == name)
        base = site_url + hosted if mode == "http" else (relative_site_dir / relative).as_uri()
        return base + query

    return url


def open_page(driver, url: str):
    driver.get(url)
    assert driver.execute_script("return !!document.querySelector('[data-facets-root].facets--enhanced')"), (
        f"{url}: the filters were not enhanced (filters.js did not run)"
    )


def visible_titles(driver) -> set[str]:
    """Titles of the cards a reader can see (rendered boxes, not just the hidden attribute)."""
    return set(
        driver.execute_script(
            "return [...document.querySelectorAll('main article.card')]"
            ".filter(card => card.getClientRects().length > 0)"
            ".map(card => card.querySelector('h3').textContent.replace(/\\s+/g, ' ').trim())"
        )
    )


def facet_states(driver) -> dict[tuple[str, str], dict]:
    """(param, slug) -> {tag, pressed, disabled, count, shown} for every filter value."""
    rows = driver.execute_script(
        "return [...document.querySelectorAll('[data-facets-root] .facet')].map(el => ({"
        " param: el.dataset.param, slug: el.dataset.slug, tag: el.tagName.toLowerCase(),"
        " pressed: el.getAttribute('aria-pressed'), disabled: el.getAttribute('aria-disabled'),"
        " count: el.querySelector('.facet__count').firstChild.nodeValue.trim(),"
        " shown: el.getClientRects().length > 0 }))"
    )
    return {(row["param"], row["slug"]): row for row in rows}


def button(driver, param: str, value: str):
    return driver.find_element("css selector", f'button.facet[data-param="{param}"][data-slug="{value}"]')


def press(driver, param: str, value: str):
    element = button(driver, param, value)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def query_of(driver) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(driver.current_url).query)


def selection_query(selection: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The query the page should write: groups in page order, values in page order."""
    return [
        (param, value)
        for param in MODEL.params
        for value in MODEL.slugs[param]
        if value in selection.get(param, [])
    ]


def assert_state(driver, selection: dict[str, list[str]], where: str):
    """Cards, counts, pressed and disabled states, URL, heading count and live region all agree
    with the model for `selection`."""
    expected = MODEL.expected(selection)
    assert visible_titles(driver) == expected, f"{where}: visible cards differ for {selection}"
    states = facet_states(driver)
    assert set(states) == {(p, s) for p in MODEL.params for s in MODEL.slugs[p]}, f"{where}: filter values"
    problems = []
    for (param, value), state in states.items():
        chosen = value in selection.get(param, [])
        want = MODEL.count(selection, param, value)
        if state["tag"] != "button":
            problems.append(f"{param}={value}: is a <{state['tag']}>, not a button")
        if state["pressed"] != ("true" if chosen else "false"):
            problems.append(f"{param}={value}: aria-pressed={state['pressed']!r}, chosen={chosen}")
        if state["count"] != str(want):
            problems.append(f"{param}={value}: count {state['count']!r}, expected {want}")
        disabled = want == 0 and not chosen
        if (state["disabled"] == "true") != disabled:
            problems.append(f"{param}={value}: aria-disabled={state['disabled']!r}, expected {disabled}")
        if not state["shown"]:
            problems.append(f"{param}={value}: hidden (values that give nothing must stay visible)")
    assert not problems, f"{where}:\n" + "\n".join(problems)
    assert query_of(driver) == selection_query(selection), f"{where}: URL {driver.current_url}"
    heading = driver.find_element("css selector", "[data-facets-count]").text
    assert heading == f"({len(expected)})", f"{where}: heading count {heading!r}"


def status(driver) -> str:
    element = driver.find_element("css selector", "[data-facets-root] [role=status]")
    return element.get_attribute("textContent").replace("\u00a0", " ").strip()


def assert_no_console_errors(driver, console_errors, where: str):
    errors = [message for message in console_errors(driver) if "favicon.ico" not in message]
    assert not errors, f"{where}: console errors:\n" + "\n".join(errors)


# ---------------------------------------------------------------- with JavaScript


@pytest.mark.parametrize("page", [name for name, _, _ in LISTINGS])
@pytest.mark.parametrize("tag", MODEL.slugs[MODEL.params[0]])
def test_tag_shows_exactly_its_projects(tag, page, listing_url, driver, console_errors):
    """Selecting a tag shows exactly the projects tagged so; counts follow; the live region says how many."""
    tag_param = MODEL.params[0]
    console_errors(driver)
    open_page(driver, listing_url(page))
    order = driver.execute_script(
        "return [...document.querySelectorAll('[data-facets-root] [role=group][data-param]')].map(g => g.dataset.param)"
    )
    assert order == MODEL.params, f"filter groups in order {order}, expected site.yaml's {MODEL.params}"
    assert_state(driver, {}, f"{page}: before any choice")
    assert status(driver) == "", "the live region speaks before anything was chosen"

    press(driver, tag_param, tag)
    selection = {tag_param: [tag]}
    assert MODEL.expected(selection), f"no project is tagged {tag!r} in Content"
    assert_state(driver, selection, f"{page}: {tag} chosen")
    assert status(driver) == status_text(selection, len(MODEL.expected(selection)))

    press(driver, tag_param, tag)
    assert_state(driver, {}, f"{page}: {tag} chosen and unchosen")
    assert status(driver) == status_text({}, len(MODEL.projects))
    assert_no_console_errors(driver, console_errors, page)


def test_groups_intersect_and_values_unite(listing_url, driver, console_errors):
    """AND across groups, OR within a group, and the counts each further choice would give."""
    tag_param, tag, other, a, b = combination(MODEL)
    console_errors(driver)
    open_page(driver, listing_url("home"))

    press(driver, tag_param, tag)
    press(driver, other, a)
    selection = {tag_param: [tag], other: [a]}
    assert MODEL.expected(selection) == MODEL.with_value(tag_param, tag) & MODEL.with_value(other, a)
    assert_state(driver, selection, f"{tag} and {a}")

    press(driver, other, b)
    selection = {tag_param: [tag], other: [a, b]}
    assert_state(driver, selection, f"{tag} and ({a} or {b})")
    assert status(driver) == status_text(selection, len(MODEL.expected(selection)))

    # "Visa alla" comes after the groups, and resets everything.
    reset = driver.find_element("css selector", "[data-facets-root] [data-facets-reset]")
    assert reset.is_displayed()
    reset.click()
    assert_state(driver, {}, "after Visa alla")
    assert not reset.is_displayed(), "the reset button stays visible with nothing to reset"
    focused = driver.execute_script("return document.activeElement.matches('[data-facets-root] button.facet')")
    assert focused, "after Visa alla the focus is lost (expected on the first filter value)"
    assert_no_console_errors(driver, console_errors, "combination")


def test_url_state_round_trips(listing_url, driver, console_errors):
    """The URL holds the state: reload restores it, back and forward walk through the choices."""
    tag_param, tag, other, a, _ = combination(MODEL)
    one = {tag_param: [tag]}
    two = {tag_param: [tag], other: [a]}
    console_errors(driver)
    open_page(driver, listing_url("section"))
    start = driver.current_url
    press(driver, tag_param, tag)
    press(driver, other, a)
    assert_state(driver, two, "after two choices")
    assert urlsplit(driver.current_url).path == urlsplit(start).path, "filtering must not leave the page"

    driver.refresh()
    assert_state(driver, two, "after reload")
    driver.back()
    assert_state(driver, one, "after back")
    driver.back()
    assert_state(driver, {}, "after back twice")
    assert driver.current_url == start
    driver.forward()
    assert_state(driver, one, "after forward")
    driver.forward()
    assert_state(driver, two, "after forward twice")
    assert_no_console_errors(driver, console_errors, "history")


def test_bookmarked_url_is_restored_and_normalised(listing_url, driver, console_errors):
    """A shared link in any order, with an unknown value, opens the same view under one clean URL."""
    tag_param, tag, other, a, b = combination(MODEL)
    selection = {tag_param: [tag], other: [a, b]}
    messy = f"?{other}={b}&{tag_param}={tag}&{tag_param}=finns-inte&{other}={a}"
    console_errors(driver)
    open_page(driver, listing_url("home", messy))
    assert_state(driver, selection, "bookmarked URL")
    assert status(driver) == status_text(selection, len(MODEL.expected(selection))), (
        "a restored filter must be announced"
    )
    # Comma-separated values (as a person might type them) mean the same.
    open_page(driver, listing_url("home", f"?{tag_param}={tag}&{other}={a},{b}"))
    assert_state(driver, selection, "comma-separated URL")
    assert_no_console_errors(driver, console_errors, "bookmark")


def test_empty_result_explains_and_resets(listing_url, driver, console_errors):
    """A combination without projects says so, keeps its choices undoable, and offers a reset."""
    selection = empty_combination(MODEL)
    query = "?" + "&".join(f"{param}={values[0]}" for param, values in selection.items())
    console_errors(driver)
    open_page(driver, listing_url("home", query))
    assert_state(driver, selection, "empty combination")
    assert status(driver) == TEXTS["filterStatusNone"]
    empty = driver.find_element("css selector", "[data-facets-empty]")
    assert empty.is_displayed(), "no message for an empty result"
    assert TEXTS["filterEmpty"] in empty.text
    reset = empty.find_element("css selector", "[data-facets-reset]")
    assert reset.text == TEXTS["filterReset"]
    reset.click()
    assert_state(driver, {}, "after the reset in the empty message")
    assert not empty.is_displayed()
    assert driver.execute_script("return document.activeElement.id") == "kl_projects_heading"
    assert_no_console_errors(driver, console_errors, "empty result")


def focused(driver) -> dict:
    return driver.execute_script(
        "const el = document.activeElement, style = getComputedStyle(el);"
        "return {param: el.dataset.param || null, slug: el.dataset.slug || null, tag: el.tagName.toLowerCase(),"
        " reset: el.matches('[data-facets-reset]'), visible: el.matches(':focus-visible'),"
        " outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}"
    )


def test_keyboard_alone(site_url, driver, console_errors):
    """Tab reaches every value (also those that give nothing) and then Visa alla; Space and Enter
    toggle; the focus is always visible and stays put."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def key(*keys):
        ActionChains(driver).send_keys(*keys).perform()

    tag_param, tag, other, a, _ = combination(MODEL)
    console_errors(driver)
    open_page(driver, site_url + f"?{other}={a}")  # some values give nothing now
    all_values = [(p, s) for p in MODEL.params for s in MODEL.slugs[p]]
    for _ in range(200):
        key(Keys.TAB)
        if focused(driver)["slug"]:
            break
    reached = []
    while True:
        state = focused(driver)
        assert state["visible"] and state["outline"] != "none" and state["width"] >= 2, (
            f"focus not visible on {state}"
        )
        if not state["slug"]:
            break
        assert state["tag"] == "button"
        reached.append((state["param"], state["slug"]))
        key(Keys.TAB)
    assert reached == all_values, "Tab does not reach every filter value in order"
    assert state["reset"], f"after the last value Tab goes to {state}, not to Visa alla"

    key(Keys.SHIFT, Keys.TAB)  # back to the last value
    while focused(driver)["slug"] != tag or focused(driver)["param"] != tag_param:
        key(Keys.SHIFT, Keys.TAB)
    key(Keys.SPACE)
    selection = {tag_param: [tag], other: [a]}
    assert_state(driver, selection, "after Space")
    assert focused(driver)["slug"] == tag, "focus moved away from the button that was pressed"
    key(Keys.ENTER)
    assert_state(driver, {other: [a]}, "after Enter")
    assert focused(driver)["visible"]
    assert_no_console_errors(driver, console_errors, "keyboard")


def test_axe_clean_with_filters_applied(site_url, driver, console_errors):
    """axe-core finds nothing with a filter applied (pressed and disabled values) nor in the empty state.

    Over HTTP only: from file:// axe-core's own request for the stylesheet fails (origin null)."""
    tag_param, tag, other, a, _ = combination(MODEL)
    empty = empty_combination(MODEL)
    queries = {
        "one group": f"?{tag_param}={tag}",
        "two groups": f"?{tag_param}={tag}&{other}={a}",
        "empty": "?" + "&".join(f"{param}={values[0]}" for param, values in empty.items()),
    }
    failures = []
    console_errors(driver)
    for name, query in queries.items():
        for page, path, _ in LISTINGS:
            open_page(driver, site_url + path + query)
            violations = run_axe(driver)
            if violations:
                from selenium_axe_python import Axe

                failures.append(f"{page} {name} ({query}):\n{Axe.report(violations)}")
    assert not failures, "\n".join(failures)
    assert_no_console_errors(driver, console_errors, "axe")


# ---------------------------------------------------------------- without JavaScript


@pytest.mark.parametrize("page", [name for name, _, _ in LISTINGS])
def test_without_javascript_every_value_links_to_its_term_page(page, mode, listing_url, nojs_driver, console_errors):
    """Without JavaScript the values are links; each term page lists exactly that term's projects."""
    driver = nojs_driver
    driver.get(listing_url(page, f"?{MODEL.params[0]}={MODEL.slugs[MODEL.params[0]][0]}"))
    assert driver.execute_script("return document.querySelector('.facets--enhanced')") is None
    assert visible_titles(driver) == set(MODEL.projects), "without JavaScript the listing must show every project"
    # The fold button of narrow screens is in the page but not shown (display: none) without it.
    shown = [b for b in driver.find_elements("css selector", "[data-facets-root] button") if b.is_displayed()]
    assert not shown, "a button that needs JavaScript is visible without it"
    driver.set_window_size(375, 800)
    try:
        shown = [b for b in driver.find_elements("css selector", "[data-facets-root] button") if b.is_displayed()]
        assert not shown, "a button that needs JavaScript is visible without it on a narrow screen"
        assert driver.find_element("css selector", "[data-facets-root] a.facet").is_displayed()
    finally:
        driver.set_window_size(1280, 900)
    links = [
        (link.get_attribute("data-param"), link.get_attribute("data-slug"), link.get_attribute("href"))
        for link in driver.find_elements("css selector", "[data-facets-root] a.facet[href]")
    ]
    assert [(p, s) for p, s, _ in links] == [(p, s) for p in MODEL.params for s in MODEL.slugs[p]]
    for param, value, href in links:
        driver.get(href)
        if mode == "file":
            assert driver.current_url.endswith("/index.html"), f"{href}: a file:// link must name a file"
        assert driver.find_elements("css selector", "main h1"), f"{href} did not load"
        assert visible_titles(driver) == MODEL.with_value(param, value), f"term page {href} ({param}={value})"
    assert_no_console_errors(driver, console_errors, f"no JavaScript, {page}")
