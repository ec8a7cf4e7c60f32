"""`kretslopp import docs`: a folder of Markdown that no generator's settings describe (a
project's docs/ as GitHub shows it) gets a site.yaml from its pages: the title of its first page,
its language guessed from its words, translations beside their pages as the site's other
languages; then it builds as GitHub reads it."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SWEDISH = {
    "README.md": "# Vägledning för upphandlare\n\nDet här är en vägledning som visar hur man ställer krav "
                 "på återbruk i upphandlingen. Läs [kom igång](kom-igang/) först och se sedan "
                 "[exemplen](exempel/krav.md) för att det ska bli lättare att välja.\n\n"
                 "<details><summary>Bakgrund</summary>\n\nProgrammet har pågått sedan 2021 och det är "
                 "kommunerna som har drivit arbetet med stöd från staten.\n\n</details>\n",
    "kom-igang/README.md": "# Kom igång\n\nFörst behöver du en behovsanalys. Det är inte svårt, men det tar tid att "
                           "göra den för hela organisationen och att få med alla som berörs av upphandlingen.\n",
    "exempel/krav.md": "# Krav på återbruk\n\nKraven ska vara tydliga och det ska gå att följa upp dem. Om det inte "
                       "finns en marknad för återbrukade möbler kan man i stället ställa krav på reparation av de "
                       "möbler som redan finns, och det är ofta billigare för kommunen än att köpa nytt.\n\n"
                       "```sh\nthe code is not Swedish and is not counted\n```\n",
}


def write(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(text.encode("utf-8"))


def build(kretslopp, content, output):
    return kretslopp("build", "--content", content, "--theme", ROOT / "Themes/default", "--output", output)


def test_a_plain_docs_folder_is_imported_from_its_pages_and_builds(kretslopp, tmp_path):
    write(tmp_path / "docs", SWEDISH)
    # Before the import, the build says how to make its site.yaml.
    code, _, err = build(kretslopp, "docs", tmp_path / "out")
    assert code == 1
    assert ("docs/site.yaml:1:1: error: site.yaml is missing; run 'kretslopp import docs' to write it from the "
            "folder's pages, or create it with at least 'title:' and 'language:'") in err
    code, out, err = kretslopp("import", "docs", cwd=tmp_path)
    assert code == 0, err
    assert out.startswith("Wrote docs/site.yaml (3 pages; title from README.md's heading, language sv, by the "
                          "pages' words). Build it with:\n  kretslopp build --content docs\n")
    settings = (tmp_path / "docs/site.yaml").read_text(encoding="utf-8")
    assert "\ntitle: Vägledning för upphandlare\n" in settings
    assert "\nlanguage: sv  # the pages' language, by their words" in settings
    assert "languages:" not in settings
    code, _, messages = build(kretslopp, tmp_path / "docs", tmp_path / "out")
    assert code == 0, messages
    assert "error" not in messages and "broken" not in messages and "points to no" not in messages, messages
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in home
    # A link to a folder is its README.md's page; raw HTML is kept, as GitHub keeps it.
    assert '<a href="kom-igang/">kom igång</a>' in home
    assert '<a href="exempel/krav/">exemplen</a>' in home
    assert "<details><summary>Bakgrund</summary>" in home
    assert "Kom igång" in (tmp_path / "out/kom-igang/index.html").read_text(encoding="utf-8")
    # Again: the site.yaml is the team's now, and is never overwritten.
    code, _, err = kretslopp("import", "docs", cwd=tmp_path)
    assert code == 1 and "docs/site.yaml already exists" in err


def test_translations_beside_their_pages_are_the_sites_other_language(kretslopp, tmp_path):
    files = dict(SWEDISH)
    files["README.en.md"] = "# Guide for buyers\n\nThis is a guide to the requirements of reuse.\n"
    files["exempel/_index.md"] = "---\ntitle: Exempel\n---\nExempel på krav.\n"
    files["exempel/_index.en.md"] = "---\ntitle: Examples\n---\nExamples of requirements.\n"
    write(tmp_path / "docs", files)
    code, out, err = kretslopp("import", "docs", cwd=tmp_path)
    assert code == 0, err
    settings = (tmp_path / "docs/site.yaml").read_text(encoding="utf-8")
    assert "\ntitle: Vägledning för upphandlare\ntitle.en: Guide for buyers\nlanguage: sv" in settings
    assert "\nlanguages: [sv, en]  # the default first" in settings
    code, _, messages = build(kretslopp, tmp_path / "docs", tmp_path / "out")
    assert code == 0, messages
    english = (tmp_path / "out/en/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Guide for buyers" in english
    assert "Examples" in (tmp_path / "out/en/exempel/index.html").read_text(encoding="utf-8")


def test_a_folder_with_a_projects_settings_is_that_project(kretslopp, tmp_path):
    """`kretslopp import .` in an MkDocs project reads its mkdocs.yml, not the pages."""
    write(tmp_path, {"mkdocs.yml": "site_name: Field guide\n", "docs/index.md": "# Home\n\nOch det är svenska.\n"})
    code, out, err = kretslopp("import", ".", cwd=tmp_path)
    assert code == 0, err
    assert out.startswith("Wrote docs/site.yaml (nav: auto)")
    assert "\ntitle: Field guide\nlanguage: en\n" in (tmp_path / "docs/site.yaml").read_text(encoding="utf-8")


def test_a_folder_that_is_not_there_is_said_to_be_missing(kretslopp, tmp_path):
    """A mistyped folder is not a folder without site.yaml: the build and the import say so."""
    code, _, err = build(kretslopp, "dosc", tmp_path / "out")
    assert code == 1
    assert ("dosc:1:1: error: there is no content folder 'dosc'; give the folder with the site's pages and its "
            "site.yaml: --content <folder>") in err
    assert "site.yaml is missing" not in err
    code, _, err = kretslopp("import", "dosc", cwd=tmp_path)
    assert code == 1 and "dosc does not exist; give the path of the project's settings, or of a folder" in err


def test_a_folder_without_pages_or_with_few_words(kretslopp, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty/notes.txt").write_text("not a page\n", encoding="utf-8")
    code, _, err = kretslopp("import", "empty", cwd=tmp_path)
    assert code == 1
    assert "empty/ has no Markdown pages (.md); give the folder with the pages" in err
    assert not (tmp_path / "empty/site.yaml").exists()
    # A page of few words: the guess is said to be one, and the title is the folder's name.
    write(tmp_path / "handbok", {"a.md": "Det är en sida.\n"})
    code, out, err = kretslopp("import", "handbok", cwd=tmp_path)
    assert code == 0, err
    assert "title from the folder's name, language sv, guessed from few words: check it" in out
    settings = (tmp_path / "handbok/site.yaml").read_text(encoding="utf-8")
    assert "\ntitle: handbok\nlanguage: sv  # guessed from the pages' few words: check it" in settings


def test_a_page_in_another_language_is_named_with_what_to_write(kretslopp, tmp_path):
    files = dict(SWEDISH)
    files["english/guide.md"] = ("# Guide\n\nThis is the guide for anyone who buys furniture, and it shows how to ask "
                                 "for reuse and repair in a tender. It is often cheaper than buying new, and we "
                                 "wrote it with the municipalities so that it can be used by all of them. If there is no "
                                 "market for used furniture in the area, you can ask the supplier to look after the "
                                 "furniture that is already there.\n")
    write(tmp_path / "docs", files)
    code, out, err = kretslopp("import", "docs", cwd=tmp_path)
    assert code == 0, err
    assert ("A page is in another language than the site's: english/guide.md (en). Give each its language in its "
            "front matter ('lang: en'), so that its text is read out in it.") in out


WIKI = {
    # Written on Windows, as wikis edited there are: lines end in \r\n.
    "Home.md": "# Widget wiki\r\n\r\nWelcome to the widget. Start with [[Getting Started]], then "
               "[[the levels|Alerts#levels]].\r\n",
    "Getting-Started.md": "Run the installer, then go back [[home]].\n",
    "guide/Alerts.md": "## Levels\n\nInfo and warning. See [Getting started](Getting-Started).\n",
    "_Sidebar.md": "**Start**\r\n* [[Home]]\r\n* [[Getting Started]]\r\n  * [[Alerts]]\r\n* [Site](https://example.org)\r\n",
    "_Footer.md": "Edit this wiki on GitHub.\n",
}


def test_a_github_wiki_is_imported_with_its_sidebar_and_builds_its_links(kretslopp, tmp_path):
    write(tmp_path / "widget.wiki", WIKI)
    code, out, err = kretslopp("import", "widget.wiki", cwd=tmp_path)
    assert code == 0, err
    assert "title from Home.md's heading" in out and "; a GitHub wiki, its sidebar of 1 top-level entries as nav)" in out, out
    settings = (tmp_path / "widget.wiki/site.yaml").read_text(encoding="utf-8")
    assert "\ntitle: Widget wiki\n" in settings, settings
    assert "\n  wiki: true " in settings and "\nhome: Home.md " in settings
    assert ("nav:  # the wiki's _Sidebar.md\n  - Start:\n      - Home: Home.md\n"
            "      - Getting Started: Getting-Started.md\n      - Alerts: guide/Alerts.md\n") in settings, settings
    code, _, messages = build(kretslopp, tmp_path / "widget.wiki", tmp_path / "out")
    assert code == 0, messages
    assert messages.count("warning") == 1 and "warning: no baseURL" in messages, messages
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert '<a href="Getting-Started/">Getting Started</a>, then <a href="guide/Alerts/#levels">the levels</a>' in home
    alerts = (tmp_path / "out/guide/Alerts/index.html").read_text(encoding="utf-8")
    assert '<a href="../../Getting-Started/">Getting started</a>' in alerts
    # The sidebar and footer are the wiki's frame, not pages of their own.
    assert not (tmp_path / "out/_Sidebar").exists() and not (tmp_path / "out/_Footer").exists()
