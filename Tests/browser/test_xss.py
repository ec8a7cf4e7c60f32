"""No script gets in: XSS payloads written into every field a site takes (front matter, data
files, CSV cells, site.yaml, Markdown) are built into a site and every page is opened in headless
Chromium; no payload may run and none may inject an element."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, find_binary, served

# Each payload, if it ran, would set window.__xss or add an element with data-xss.
PAYLOADS = [
    '"><script>window.__xss=1</script>',
    "<img src=x onerror=\"window.__xss=1\" data-xss>",
    "'><svg onload=window.__xss=1 data-xss>",
    "</script><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "{{{page.content}}}<b data-xss>{{x}}</b>",
    "\u2028\u2029</style><style>*{}</style><iframe data-xss srcdoc=\"<script>parent.__xss=1</script>\">",
]
P = " | ".join(PAYLOADS)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    binary = find_binary()
    root = tmp_path_factory.mktemp("xss")
    content = root / "Content"
    shutil.copytree(REPO / "Content", content)
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    site["title"] = "Webbplats " + P
    site["description"] = P
    site["menu"][0]["title"] = "Projekt " + P
    site["taxonomies"][0]["terms"][0]["title"] = "Klimatanpassad " + P
    site["taxonomies"][0]["terms"][0]["description"] = P
    site["report"]["title"] = "Rapport " + P
    (content / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")

    orgs = yaml.safe_load((content / "data/organisationer.yaml").read_text(encoding="utf-8"))
    orgs[0]["namn"] = orgs[0]["namn"] + " " + P
    orgs[0]["beskrivning"] = P
    (content / "data/organisationer.yaml").write_text(yaml.safe_dump(orgs, allow_unicode=True), encoding="utf-8")

    glossary = yaml.safe_load((content / "data/ordlista.yaml").read_text(encoding="utf-8"))
    glossary[0]["term"] = glossary[0]["term"] + " " + PAYLOADS[1]
    glossary[0]["definition"] = P
    (content / "data/ordlista.yaml").write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")

    csv = (content / "data/trafikverket-mal.csv").read_text(encoding="utf-8").splitlines()
    csv[1] = '"2015 ' + PAYLOADS[1].replace('"', '""') + '",0,"' + P.replace('"', '""') + '"'
    (content / "data/trafikverket-mal.csv").write_text("\n".join(csv) + "\n", encoding="utf-8")

    page = content / "projekt/cirkulara-goteborg.md"
    text = page.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    meta["title"] = "Cirkulära Göteborg " + P
    meta["summary"] = P
    meta["kontakt"] = {"namn": P, "epost": P}
    meta["status"] = "pågående"
    hostile_body = "\n\n".join([
        "## Rubrik " + PAYLOADS[1],
        PAYLOADS[0], PAYLOADS[2],
        '[länk](../om.md "titel\\"><script>window.__xss=1</script>")',
        "![" + PAYLOADS[1].replace("[", "").replace("]", "") + "](../static/finns-inte.png)".replace("../static/finns-inte.png", "https://example.invalid/x.png"),
        "<a href=\"javascript:window.__xss=1\" data-xss>klick</a>",
        "```\n" + P + "\n```",
    ])
    page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n\n" + hostile_body + "\n", encoding="utf-8")

    output = root / "Output"
    result = subprocess.run([str(binary), "build", "--content", str(content), "--theme", str(REPO / "Themes/default"),
                             "--output", str(output)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return output


def test_no_payload_runs_or_injects_an_element(hostile_site, driver):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) > 50
    with served(hostile_site) as base:
        for path in pages:
            driver.get(base + path)
            try:
                alert = driver.switch_to.alert
                pytest.fail(f"{path}: an alert opened: {alert.text}")
            except Exception as error:  # noqa: BLE001 - no alert is the good case
                if "no such alert" not in str(error).lower():
                    raise
            ran = driver.execute_script("return window.__xss === 1 || document.querySelectorAll('[data-xss]').length > 0")
            assert not ran, f"{path}: a payload ran or injected an element"


def test_payload_text_is_shown_as_text(hostile_site, driver):
    with served(hostile_site) as base:
        driver.get(base + "projekt/cirkulara-goteborg/")
        heading = driver.find_element("css selector", "h1").text
    assert "<script>window.__xss=1</script>" in heading


def test_script_urls_in_front_matter_are_refused(tmp_path):
    binary = find_binary()
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    page = content / "projekt/trafikverket.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nlänk: \"javascript:alert(1)\"\n", 1), encoding="utf-8")
    result = subprocess.run([str(binary), "check", "--content", str(content), "--theme", str(REPO / "Themes/default")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "projekt/trafikverket.md:2:7: error: 'javascript:alert(1)' is a script URL" in result.stderr


def test_the_detector_catches_a_payload_that_does_run(tmp_path, driver):
    """The check above can fail: with raw HTML allowed (site.yaml's choice), a body payload runs."""
    binary = find_binary()
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    site = (content / "site.yaml").read_text(encoding="utf-8").replace("unsafeHTML: false", "unsafeHTML: true")
    (content / "site.yaml").write_text(site, encoding="utf-8")
    page = content / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + PAYLOADS[1] + "\n", encoding="utf-8")
    output = tmp_path / "Output"
    subprocess.run([str(binary), "build", "--content", str(content), "--theme", str(REPO / "Themes/default"),
                    "--output", str(output)], check=True, capture_output=True, timeout=600)
    with served(output) as base:
        driver.get(base + "om/")
        assert driver.execute_script("return document.querySelectorAll('[data-xss]').length") == 1
