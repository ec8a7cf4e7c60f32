"""`kretslopp import`: an MkDocs project's docs folder builds after one command, in its nav's
order, with its excluded files left out, and so does a Hugo project's content folder, with its
main menu; an existing site.yaml is never overwritten."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MKDOCS = """\
site_name: Field guide
site_url: https://example.org/guide/
exclude_docs: |
  *.py
markdown_extensions:
  - pymdownx.emoji:
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
nav:
- Home: index.md
- Zebra first: zebra.md
- Setup:
  - setup/index.md
  - setup/apple.md
"""


def project(tmp_path):
    root = tmp_path / "project"
    (root / "docs/setup").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "docs/index.md").write_text("# Field guide\n\nStart with [the zebra](zebra.md).\n", encoding="utf-8")
    (root / "docs/zebra.md").write_text("# Zebra\n\nStripes.\n", encoding="utf-8")
    (root / "docs/setup/index.md").write_text("# Setup\n", encoding="utf-8")
    (root / "docs/setup/apple.md").write_text("# Apple\n", encoding="utf-8")
    (root / "docs/hooks.py").write_text("print('not a page')\n", encoding="utf-8")
    return root


def imported_and_built(kretslopp, settings, content, output, cwd):
    """`kretslopp import settings` run in `cwd`, then a build of `content` into `output`: what the
    import printed, and the build's messages."""
    code, out, err = kretslopp("import", *([settings] if settings else []), cwd=cwd)
    assert code == 0, err
    code, _, messages = kretslopp(
        "build", "--content", content, "--theme", ROOT / "Themes/default", "--output", output)
    assert code == 0, messages
    return out, messages


def next_link(html):
    found = re.search(r'<a href="([^"]*)" rel="next"><span class="page-nav__label">[^<]*</span> ([^<]*)</a>', html)
    return found and (found.group(1), found.group(2))


def test_an_mkdocs_project_builds_in_its_nav_order(kretslopp, tmp_path):
    root = project(tmp_path)
    output = tmp_path / "out"
    out, err = imported_and_built(kretslopp, "project/mkdocs.yml", root / "docs", output, cwd=tmp_path)
    assert "Wrote project/docs/site.yaml (its nav of 3 top-level entries)" in out
    assert "kretslopp build --content project/docs" in out
    settings = (root / "docs/site.yaml").read_text(encoding="utf-8")
    assert 'title: Field guide\n' in settings and "- Zebra first: zebra.md" in settings
    assert "warning" not in err, err
    # The nav's order, not the titles': Home, Zebra, Setup, Apple.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert next_link(home) == ("zebra/", "Zebra first")
    assert next_link((output / "zebra/index.html").read_text(encoding="utf-8")) == ("../setup/", "Setup")
    assert next_link((output / "setup/index.html").read_text(encoding="utf-8")) == ("../setup/apple/", "Apple")
    # The nav's top level is the menu; exclude_docs kept hooks.py out.
    assert '<a href="zebra/">Zebra first</a>' in home
    assert not (output / "hooks.py").exists()


def test_materials_blog_authors_are_pointed_to_data(kretslopp, tmp_path):
    """Material's blog keeps its authors in blog/.authors.yml, a hidden file no build reads: the
    import says where to copy it, and copied there, a post shows its author's name."""
    root = project(tmp_path)
    (root / "docs/blog/posts").mkdir(parents=True)
    authors = "authors:\n  ada:\n    name: Ada Lovelace\n    description: Writer\n"
    (root / "docs/blog/.authors.yml").write_text(authors, encoding="utf-8")
    (root / "docs/blog/posts/hello.md").write_text(
        "---\ndate: 2024-05-31\nauthors: [ada]\n---\n# Hello\n\nFirst post.\n", encoding="utf-8")
    code, out, err = kretslopp("import", cwd=root)
    assert code == 0, err
    assert "copy it to docs/data/authors.yaml, and the posts show their authors' names" in out, out
    (root / "docs/data").mkdir()
    (root / "docs/data/authors.yaml").write_text(authors, encoding="utf-8")
    output = tmp_path / "out"
    code, _, messages = kretslopp(
        "build", "--content", root / "docs", "--theme", ROOT / "Themes/default", "--output", output)
    assert code == 0, messages
    post = (output / "blog/posts/hello/index.html").read_text(encoding="utf-8")
    assert "<dt>Author</dt><dd>Ada Lovelace</dd>" in post


def test_an_existing_site_yaml_is_never_overwritten(kretslopp, tmp_path):
    root = project(tmp_path)
    (root / "docs/site.yaml").write_text("title: Mine\n", encoding="utf-8")
    code, out, err = kretslopp("import", cwd=root)
    assert code == 1
    assert "error: docs/site.yaml already exists" in err
    assert (root / "docs/site.yaml").read_text(encoding="utf-8") == "title: Mine\n"


def test_a_missing_site_name_or_file_is_an_error(kretslopp, tmp_path):
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text("nav:\n  - index.md\n", encoding="utf-8")
    code, out, err = kretslopp("import", cwd=root)
    assert code == 1
    assert "mkdocs.yml:1:1: error: mkdocs.yml has no site_name" in err
    assert not (root / "docs/site.yaml").exists()
    code, out, err = kretslopp("import", "nowhere/mkdocs.yml", cwd=root)
    assert code == 1 and "nowhere/mkdocs.yml does not exist; give the path of the project's settings" in err


HUGO = """\
baseURL = "https://example.org/"
languageCode = "en-us"
title = "Field notes"

[[menus.main]]
name = "Guide"
pageRef = "/guide"
weight = 1
"""


def test_a_hugo_project_builds_with_its_menu(kretslopp, tmp_path):
    root = tmp_path / "site"
    (root / "content/guide").mkdir(parents=True)
    (root / "static").mkdir()
    (root / "hugo.toml").write_text(HUGO, encoding="utf-8")
    (root / "content/_index.md").write_text("---\ntitle: Field notes\n---\nWelcome.\n", encoding="utf-8")
    (root / "content/guide/_index.md").write_text("+++\ntitle = 'Guide'\n+++\nRead on.\n", encoding="utf-8")
    (root / "content/guide/first.md").write_text("+++\ntitle = 'First'\nweight = 1\n+++\nText.\n", encoding="utf-8")
    output = tmp_path / "out"
    out, err = imported_and_built(kretslopp, None, root / "content", output, cwd=root)
    assert "Wrote content/site.yaml (Hugo, its menu of 1)" in out
    assert "copy it to content/static/" in out
    page = (output / "guide/first/index.html").read_text(encoding="utf-8")
    assert '<a href="../../guide/" aria-current="page">Guide</a>' in page
    assert '<html lang="en">' in page


DOCSY = """\
baseURL: https://example.org/
title: Goldydocs
contentDir: content/en
uglyURLs: true
"""


def test_a_docsy_tree_builds_as_hugo_builds_it(kretslopp, tmp_path):
    """What Hugo's Docsy example writes, after `kretslopp import hugo.yaml` (which leaves out the
    theme's search page, where the build makes the site's own): pages in the menu by their front
    matter, a theme's block shortcodes around Markdown, its `pageinfo` box, a paragraph's
    attribute list, a wildcard alias, old x.html URLs."""
    root = tmp_path / "site"
    content = root / "content/en"
    (content / "docs").mkdir(parents=True)
    (root / "hugo.yaml").write_text(DOCSY, encoding="utf-8")
    (content / "_index.md").write_text(
        "---\ntitle: Goldydocs\n---\n\n{{% blocks/cover\n  title=\"Welcome\"\n  height=\"full\"\n%}}\n"
        "Porridge in the cloud.\n{.display-6}\n\n{{% /blocks/cover %}}\n", encoding="utf-8")
    (content / "docs/_index.md").write_text(
        "---\ntitle: Documentation\nlinkTitle: Docs\nmenu: { main: { weight: 20 } }\n---\n\n"
        "{{% pageinfo %}}\nA placeholder.\n{{% /pageinfo %}}\n", encoding="utf-8")
    (content / "about.md").write_text(
        "---\ntitle: About\nmenu: { main: { weight: 10 } }\naliases: [/blog/2018/*]\ntags: [team, docs]\n"
        "categories: Examples\n---\nAbout us.\n", encoding="utf-8")
    (content / "search.md").write_text("---\ntitle: Search Results\nlayout: search\n---\n", encoding="utf-8")
    code, out, err = kretslopp("import", "hugo.yaml", cwd=root)
    assert code == 0, err
    assert "tags (2 terms), categories (1 term)" in out, out
    output = tmp_path / "out"
    build = ("build", "--content", content, "--theme", ROOT / "Themes/default", "--output", output)
    assert "ignore:  # the theme's search page (layout: search)" in (content / "site.yaml").read_text(encoding="utf-8")
    code, out, err = kretslopp(*build)
    assert code == 0, err
    assert "search" not in err and "Search Results" not in (output / "search/index.html").read_text(encoding="utf-8")
    assert "about.md:4:11: warning: alias '/blog/2018/*' has a wildcard" in err
    # Hugo's tags and categories, each term a page listing its pages.
    for term in ("tags/team", "tags/docs", "categories/examples"):
        assert '<a href="../../about/">About</a>' in (output / term / "index.html").read_text(encoding="utf-8"), term
    home = (output / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<li><a href="about/">About</a></li>\s*<li><a href="docs/">Docs</a></li>', home), home
    assert '<p class="display-6">Porridge in the cloud.' in home
    assert "blocks/cover" not in home and "{.display-6}" not in home
    docs = (output / "docs/index.html").read_text(encoding="utf-8")
    assert '<a href="../docs/" aria-current="page">Docs</a>' in docs
    assert "<p>A placeholder.</p>" in docs and "pageinfo" not in docs and "admonition note" in docs
    assert "content/en/docs/_index.md:7:1: warning" not in err, err
    assert (output / "about.html").exists()


DOCSY_LANGUAGES = """\
baseURL: https://example.org/
title: Goldydocs
contentDir: content/en
defaultContentLanguage: en
languages:
  en:
    params: {description: A Docsy example site}
  "no":
    contentDir: content/no
    title: Gulldoks
  fa:
    direction: rtl
    contentDir: content/fa
    title: اسناد گلدی
"""


def test_a_docsy_tree_in_three_languages_builds_as_one_site(kretslopp, tmp_path):
    """Docsy's example in English, Norwegian and Persian, each language in its own folder: after
    `kretslopp import hugo.yaml` one build makes the three, each at its URLs, in its language and
    direction, a page bundle's image beside its pages."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "hugo.yaml").write_text(DOCSY_LANGUAGES, encoding="utf-8")
    pages = {
        "en/_index.md": "---\ntitle: Goldydocs\n---\nPorridge in the cloud.\n",
        "en/docs/_index.md": "---\ntitle: Documentation\n---\n![The bear](bear.png)\n",
        "no/_index.md": "---\ntitle: Gulldoks\n---\nGrøt i skyen.\n",
        "no/docs/_index.md": "---\ntitle: Dokumentasjon\n---\n![Bjørnen](bear.png)\n",
        "fa/_index.md": "---\ntitle: اسناد گلدی\n---\nفرنی در ابر.\n",
    }
    for path, text in pages.items():
        (root / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / path).write_text(text, encoding="utf-8")
    (root / "content/en/docs/bear.png").write_bytes(b"\x89PNG bear")
    code, out, err = kretslopp("import", "hugo.yaml", cwd=root)
    assert code == 0, err
    assert "Wrote content/site.yaml" in out, out
    site_yaml = (root / "content/site.yaml").read_text(encoding="utf-8")
    assert "\nlanguages: [en, fa, no]\n" in site_yaml and "\ntitle.no: Gulldoks\n" in site_yaml, site_yaml
    output = tmp_path / "out"
    code, out, err = kretslopp("build", "--content", root / "content", "--theme", ROOT / "Themes/default",
                               "--output", output)
    assert code == 0, err
    assert not (output / "en").exists()
    assert (output / "docs/bear.png").read_bytes() == b"\x89PNG bear"
    english = (output / "docs/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and 'src="../docs/bear.png"' in english
    norwegian = (output / "no/docs/index.html").read_text(encoding="utf-8")
    assert '<html lang="no">' in norwegian and 'src="../../docs/bear.png" alt="Bjørnen"' in norwegian
    persian = (output / "fa/index.html").read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in persian and "<title>اسناد گلدی</title>" in persian
    assert 'hreflang="no" lang="no">Norsk</a>' in persian
    # As in Hugo, a page may be in one language only: the import says so.
    assert "translations: partial" in site_yaml and "has no translation" not in err, err


BOOK_TOML = """\
[book]
title = "Field book"
authors = ["Ada"]

[output.html.redirect]
"/old.html" = "zebra.html"
"""

SUMMARY = """\
# Summary

[Introduction](README.md)

# Animals

- [Zebra](zebra.md)
    - [Stripes](zebra/stripes.md)
- [Birds](birds/README.md) (a part of the summary mdBook leaves)
    - [Owl](birds/owl.md)
    - [Draft]()
"""


def book(tmp_path):
    root = tmp_path / "book"
    (root / "src/birds").mkdir(parents=True)
    (root / "book.toml").write_text(BOOK_TOML, encoding="utf-8")
    (root / "src/SUMMARY.md").write_text(SUMMARY, encoding="utf-8")
    (root / "src/README.md").write_text("# Field book\n\nStart at [the birds](birds/index.html).\n", encoding="utf-8")
    (root / "src/zebra.md").write_text("# Zebra\n\nStripes; see [the owl](birds/owl.html#hoot).\n", encoding="utf-8")
    (root / "src/zebra").mkdir()
    (root / "src/zebra/stripes.md").write_text("# Stripes\n\nBack to [the zebra](../zebra.md).\n", encoding="utf-8")
    (root / "src/birds/README.md").write_text("# Birds\n", encoding="utf-8")
    (root / "src/birds/owl.md").write_text(
        "# Owl\n\n## Hoot\n\n```rust,ignore\n{{#rustdoc_include ../../listings/owl.rs:2}}\n```\n\n"
        "{{#title The owl}}\n", encoding="utf-8")
    (root / "listings").mkdir()
    (root / "listings/owl.rs").write_text('fn main() {\n    println!("hoo");\n}\n', encoding="utf-8")
    (root / "src/notes.md").write_text("# Notes\n\nNot in the book.\n", encoding="utf-8")
    return root


def test_an_mdbook_builds_in_its_summarys_order_at_its_urls(kretslopp, tmp_path):
    root = book(tmp_path)
    # Before the import, the build says how to make its site.yaml.
    code, out, err = kretslopp("build", "--content", "book/src", "--output", tmp_path / "out", cwd=tmp_path)
    assert code == 1
    assert ("book/src/site.yaml:1:1: error: site.yaml is missing; run 'kretslopp import book/book.toml' to write "
            "it from that file, or create it with at least 'title:' and 'language:' (the pages' language: en, sv, de …)") in err
    output = tmp_path / "out"
    out, err = imported_and_built(kretslopp, "book/book.toml", root / "src", output, cwd=tmp_path)
    assert "Wrote book/src/site.yaml (SUMMARY.md's 5 chapters as its nav)" in out
    assert "redirect" not in out
    # The summary's order: Introduction, Zebra, Stripes, Birds, Owl; notes.md is in no page. The
    # chapter beside its sub-chapters' folder is the folder's page, at its URL.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert next_link(home) == ("zebra/", "Zebra")
    assert next_link((output / "zebra/index.html").read_text(encoding="utf-8")) == ("../zebra/stripes/", "Stripes")
    stripes = (output / "zebra/stripes/index.html").read_text(encoding="utf-8")
    assert next_link(stripes) == ("../../birds/", "Birds")
    assert '<a href="../../zebra/">the zebra</a>' in stripes
    assert next_link((output / "birds/index.html").read_text(encoding="utf-8")) == ("../birds/owl/", "Owl")
    assert not (output / "notes").exists()
    # mdBook's links (x.html, a folder's index.html) reach their pages, and its URLs still answer.
    assert '<a href="birds/">the birds</a>' in home
    assert '<a href="../birds/owl/#hoot">the owl</a>' in (output / "zebra/index.html").read_text(encoding="utf-8")
    assert (output / "zebra.html").exists() and (output / "birds/owl.html").exists()
    # book.toml's redirect sends readers on from the old URL.
    assert '<meta http-equiv="refresh" content="0; url=zebra/">' in (output / "old.html").read_text(encoding="utf-8")
    # The listing beside the book's source is included, its hidden lines hidden as mdBook hides them.
    owl = (output / "birds/owl/index.html").read_text(encoding="utf-8")
    assert ('<pre><code class="language-rust"><span class="boring">fn main() {\n</span>    println!(&quot;hoo&quot;);\n'
            '<span class="boring">}\n</span></code></pre>') in owl
    # The one thing not read is said where it is.
    assert err.count("warning") == 2, err  # {{#title}}, and no baseURL
    assert ("book/src/birds/owl.md:9:1: warning: mdBook's {{#title}} is not read: the page shows it as written "
            "(here)") in err.replace(str(tmp_path) + "/", "")


def jekyll_site(tmp_path):
    """A Jekyll site with Just the Docs' front matter, as GitHub Pages builds it."""
    root = tmp_path / "site"
    files = {
        "_config.yml": "title: Field guide\nurl: https://example.org\nbaseurl: /guide\nexclude:\n  - notes/\n",
        "Gemfile": "source 'https://rubygems.org'\n",
        "404.html": "---\npermalink: /404.html\n---\n{% include 404.html %}\n",
        "robots.txt": "---\n---\nSitemap: {{ site.url }}/sitemap.xml\n",
        "_includes/nav.html": "<nav></nav>\n",
        "index.md": "---\ntitle: Home\nnav_order: 1\npermalink: /\n---\n# Home\n\nStart with [the animals]({% link docs/animals.md %}).\n",
        "docs/animals.md": ("---\ntitle: Animals\nnav_order: 2\nredirect_from: /beasts/\n---\n# Animals\n{: .no_toc }\n\n"
                            "## Contents\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## Zebra\n\n{: .note }\nStripes.\n\n"
                            "## Owl\n\nBy [{{ site.title }}]({{ site.baseurl }}/docs/birds.html), seen {{ page.date }}.\n"),
        "docs/birds.md": "---\ntitle: Birds\nparent: Animals\n---\n# Birds\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n",
        "notes/todo.md": "---\ntitle: Todo\nparent: Animals\n---\nLater.\n",
        "_posts/2024-01-15-spotted-an-owl.markdown": ("---\nlayout: post\ntitle: Spotted an owl\n"
                                                     "date: 2024-01-15 21:30:00 +0100\ncategories: birding\n---\n"
                                                     "Back to [the birds]({% link docs/birds.md %}).\n"),
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_a_jekyll_site_builds_with_its_nav_urls_and_liquid(kretslopp, tmp_path):
    root = jekyll_site(tmp_path)
    code, _, err = kretslopp("build", "--content", "site", "--output", tmp_path / "out", cwd=tmp_path)
    assert code == 1
    assert "run 'kretslopp import site/_config.yml' to write it from that file" in err
    output = tmp_path / "out"
    out, err = imported_and_built(kretslopp, "site/_config.yml", root, output, cwd=tmp_path)
    assert "Wrote site/site.yaml (a nav of 3 pages from their parent:, 1 post at Jekyll's URLs)" in out
    assert "Left out, as Liquid templates Kretslopp does not run: 404.html, robots.txt." in out
    # The nav from parent: and nav_order:: Home, Animals, Birds (the excluded folder's page is in none).
    home = (output / "index.html").read_text(encoding="utf-8")
    assert next_link(home) == ("docs/animals/", "Animals")
    animals = (output / "docs/animals/index.html").read_text(encoding="utf-8")
    assert next_link(animals) == ("../../docs/birds/", "Birds")
    assert not (output / "notes").exists() and not (output / "Gemfile").exists()
    assert not (output / "_includes").exists()
    assert "{% include" not in (output / "404.html").read_text(encoding="utf-8")
    assert "{{" not in (output / "robots.txt").read_text(encoding="utf-8")
    # Liquid: {% link %} and {{ site.baseurl }} reach their pages; {% highlight %} is code.
    assert '<a href="docs/animals/">the animals</a>' in home
    # {{ site.title }}: _config.yml's value, which the import carries over (markdown: {liquid: {site: …}}).
    assert '<a href="../../docs/birds/">Field guide</a>' in animals
    birds = (output / "docs/birds/index.html").read_text(encoding="utf-8")
    assert '<pre><code class="language-ruby">puts 1\n</code></pre>' in birds
    # kramdown: the {:toc} list is the page's contents (but .no_toc headings), the callout has its class.
    assert "TOC" not in animals and "{:" not in animals
    assert ('<ol id="markdown-toc">\n<li><a href="#zebra">Zebra</a></li>\n<li><a href="#owl">Owl</a></li>\n'
            '</ol>') in animals
    assert '<p class="note">Stripes.</p>' in animals
    contents = re.search(r'<nav class="toc"[^>]*>(.*?)</nav>', animals, re.S)
    assert contents and "#zebra" in contents.group(1) and "#contents" not in contents.group(1)
    # Jekyll's URLs still answer: permalink: /, redirect_from:, and x.html (permalink: date).
    assert (output / "docs/animals.html").exists()
    assert 'url=../docs/animals/' in (output / "beasts/index.html").read_text(encoding="utf-8")
    # The post, at Jekyll's URL (permalink: date), listed at /posts/.
    post = (output / "birding/2024/01/15/spotted-an-owl.html").read_text(encoding="utf-8")
    assert '<a href="../../../../docs/birds/">the birds</a>' in post
    assert "Spotted an owl" in (output / "posts/index.html").read_text(encoding="utf-8")
    # What is not read is said: the Liquid output left as written.
    shown = err.replace(str(tmp_path) + "/", "")
    assert "site/docs/animals.md:22:65: warning: a Liquid tag is shown as written (first here; {{ page.date }})" in shown


def gitbook_space(tmp_path):
    """A GitBook space synced to Git: its pages below docs/ (`root:`), the summary with a group,
    GitBook's blocks, an image in .gitbook/assets and a redirect."""
    root = tmp_path / "space"
    files = {
        ".gitbook.yaml": "root: ./docs/\n\nredirects:\n  old-start: getting-started/quick-start.md\n",
        "docs/SUMMARY.md": ("# Table of contents\n\n* [Welcome](README.md)\n\n## Getting started\n\n"
                            "* [Quick start](getting-started/quick-start.md)\n"
                            "* [Install](getting-started/install/README.md)\n"
                            "  * [On Linux](getting-started/install/linux.md)\n"),
        "docs/README.md": "# Welcome\n\nStart with [the quick start](getting-started/quick-start.md).\n",
        "docs/getting-started/quick-start.md": (
            "---\ndescription: Up and running.\n---\n\n# Quick start\n\n"
            "{% hint style=\"warning\" %}\nBack up first.\n{% endhint %}\n\n"
            "{% tabs %}\n{% tab title=\"npm\" %}\n{% code title=\"shell\" %}\n```sh\nnpm i kretslopp\n```\n"
            "{% endcode %}\n{% endtab %}\n\n{% tab title=\"yarn\" %}\nWith yarn.\n{% endtab %}\n{% endtabs %}\n\n"
            "<figure><img src=\"../.gitbook/assets/image (1).png\" alt=\"The start screen\">"
            "<figcaption><p>The start screen</p></figcaption></figure>\n\n"
            "Then [install](install/#id-2.-on-linux) it.\n"),
        "docs/getting-started/install/README.md": "# Install\n\n## 2. On Linux\n\nSee [Linux](linux.md).\n",
        "docs/getting-started/install/linux.md": "# On Linux\n\n[Back](../../)\n",
        "docs/drafts/idea.md": "# Not in the summary\n",
        "docs/.gitbook/assets/image (1).png": "png",
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_a_gitbook_space_builds_with_its_summary_blocks_and_assets(kretslopp, tmp_path):
    root = gitbook_space(tmp_path)
    code, _, err = kretslopp("build", "--content", "space/docs", "--output", tmp_path / "out", cwd=tmp_path)
    assert code == 1
    assert "run 'kretslopp import space/.gitbook.yaml' to write it from that file" in err
    output = tmp_path / "out"
    out, err = imported_and_built(kretslopp, "space/.gitbook.yaml", root / "docs", output, cwd=tmp_path)
    assert "Wrote space/docs/site.yaml (SUMMARY.md's 4 pages as its nav)" in out
    assert "set title: in site.yaml, and check language: (en, guessed from the pages' words)" in out
    # The summary's order, its group in the nav; the page it leaves out is none.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert next_link(home) == ("getting-started/quick-start/", "Quick start")
    assert not (output / "drafts").exists()
    start = (output / "getting-started/quick-start/index.html").read_text(encoding="utf-8")
    nav = start.split('id="kl_site_nav"', 1)[1].split("</nav>", 1)[0]
    assert nav.index("Welcome") < nav.index("Getting started") < nav.index("Quick start") < nav.index("On Linux")
    # GitBook's blocks as what they are: a warning box, tabs, titled code; the image is published.
    assert 'class="markdown-alert markdown-alert-warning admonition warning"' in start
    assert start.count('class="tabs__panel"') == 2
    assert '<figcaption class="code-block__title">shell</figcaption>' in start
    assert '<img src="../../.gitbook/assets/image%20(1).png" alt="The start screen">' in start
    assert (output / ".gitbook/assets/image (1).png").exists()
    # Links reach their pages and GitBook's heading ids; the old URL sends readers on.
    assert '<a href="../../getting-started/install/#id-2.-on-linux">install</a>' in start
    assert '<h2 id="id-2.-on-linux">' in (output / "getting-started/install/index.html").read_text(encoding="utf-8")
    assert '<a href="../../../">Back</a>' in (output / "getting-started/install/linux/index.html").read_text(
        encoding="utf-8")
    assert "url=../getting-started/quick-start/" in (output / "old-start/index.html").read_text(encoding="utf-8")
    assert "GitBook block" not in err and err.count("warning") == 1, err  # no baseURL
