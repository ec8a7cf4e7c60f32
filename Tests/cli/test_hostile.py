"""Very large input through the real binary: a 50 MB page builds, and every page stays searchable."""


def test_fifty_megabyte_page_builds(kretslopp, site):
    paragraph = "Upphandling av **möbler** med [länk](../om.md) och `kod`.\n\n"
    body = paragraph * (50_000_000 // len(paragraph.encode()))
    page = site / "Content/projekt/stor.md"
    page.write_text("---\ntitle: Stor\nsummary: En mycket stor sida.\nstatus: pågående\ntags: [cirkulär]\n"
                    "område: [möbler]\n---\n" + body, encoding="utf-8")
    code, out, err = kretslopp("build", "--output", "Output", cwd=site, timeout=900)
    assert code == 0, err
    html = (site / "Output/projekt/stor/index.html").read_bytes()
    assert len(html) > 50_000_000
    assert b"<strong>m\xc3\xb6bler</strong>" in html
