"""The command line on a site in Swedish and English (Tests/browser/bilingual/Content):
`report --pdf --language en` prints the English report, `check` lists the page without a
translation, and `translations: required` makes it an error with nothing written."""
import pathlib
import shutil
import subprocess

import prerequisites

# Not imported from conftest: `make test` collects Tests/browser in the same run, whose conftest
# module has the same name.
ROOT = pathlib.Path(__file__).resolve().parents[2]

BILINGUAL = ROOT / "Tests/browser/bilingual/Content"
THEME = ROOT / "Themes/default"


def pdf_text(path) -> str:
    prerequisites.command("pdftotext", "apt-get install poppler-utils")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_report_pdf_in_each_language(kretslopp, tmp_path):
    english = tmp_path / "report-en.pdf"
    code, out, err = kretslopp("report", "--pdf", "--language", "en", "--content", BILINGUAL, "--theme", THEME,
                               "--output", english, timeout=600)
    assert code == 0, out + err
    text = pdf_text(english)
    assert "Procurement criteria" in text and "Furniture in circulation" in text
    assert "Upphandlingskriterier" not in text
    swedish = tmp_path / "rapport.pdf"
    code, out, err = kretslopp("report", "--pdf", "--content", BILINGUAL, "--theme", THEME, "--output", swedish,
                               timeout=600)
    assert code == 0, out + err
    assert "Upphandlingskriterier" in pdf_text(swedish)


def test_report_in_an_undeclared_language_is_refused(kretslopp, tmp_path):
    code, out, err = kretslopp("report", "--pdf", "--language", "de", "--content", BILINGUAL, "--theme", THEME,
                               "--output", tmp_path / "x.pdf", timeout=600)
    assert code == 2
    assert "the site has no language 'de' (its languages: en, sv)" in err
    assert not (tmp_path / "x.pdf").exists()


def test_check_lists_missing_translations_and_required_makes_them_errors(kretslopp, tmp_path):
    code, out, err = kretslopp("check", "--content", BILINGUAL, "--theme", THEME)
    assert code == 0, out + err
    assert "projekt/bara-svenska.md:1:1: warning: this page has no translation into 'en'" in out + err
    content = tmp_path / "Content"
    shutil.copytree(BILINGUAL, content)
    with open(content / "site.yaml", "a", encoding="utf-8") as f:
        f.write("translations: required\n")
    output = tmp_path / "Output"
    code, out, err = kretslopp("build", "--content", content, "--theme", THEME, "--output", output)
    assert code != 0
    assert "projekt/bara-svenska.md:1:1: error: this page has no translation into 'en'" in out + err
    assert not output.exists()
