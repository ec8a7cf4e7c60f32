"""The offline bundle and the printable report, as their readers use them: the zip unzipped into a
temporary folder and driven from file://, the report page and its PDF."""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import zipfile

import pytest
import yaml

import prerequisites
from conftest import REPO, find_binary


def projects():
    """Titles of every activity, from the front matter."""
    titles = []
    for page in sorted((REPO / "Content/projekt").glob("*.md")):
        if page.name == "_index.md":
            continue
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
    tagged = sum(1 for p in (REPO / "Content/projekt").glob("*.md") if p.name != "_index.md"
                 and "klimatanpassad" in yaml.safe_load(p.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))["tags"])
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


def test_report_pdf_has_a_page_per_activity_and_extractable_text(tmp_path):
    binary = find_binary()
    prerequisites.command("chromium", "kretslopp report --pdf prints with Chromium: apt-get install chromium")
    for tool in ("pdftotext", "pdfinfo"):
        prerequisites.command(tool, "the PDF checks need poppler-utils: apt-get install poppler-utils")
    pdf = tmp_path / "rapport.pdf"
    result = subprocess.run([str(binary), "report", "--pdf", "--output", str(pdf)], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= len(projects()) + 2  # cover and contents too
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for title in projects():
        assert " ".join(title.split()) in flat, title
    # Each activity starts a page: its title is at the top of some page.
    # Each activity starts a page: its title is among the first lines of some page (after the
    # running title; long titles wrap).
    tops = [" ".join(" ".join(page.strip().splitlines()[:5]).split()) for page in text.split("\f") if page.strip()]
    starting = [title for title in projects() if any(" ".join(title.split()) in top for top in tops)]
    assert starting == projects()


def test_report_pdf_without_chromium_says_how_to_install(tmp_path):
    binary = find_binary()
    result = subprocess.run([str(binary), "report", "--pdf", "--output", str(tmp_path / "r.pdf")], cwd=REPO,
                            capture_output=True, text=True, env={"PATH": str(tmp_path)}, timeout=600)
    assert result.returncode == 2
    assert "apt-get install chromium" in result.stderr
    assert not (tmp_path / "r.pdf").exists()
