"""Checks of the English translation of Content/ (issue 21): every page and data file in both languages.

Run with `python3 -m pytest Tests/content -q`. Needs PyYAML; everything else is stdlib; no build.
Each check is a function from a content folder to a list of problems. The real content must have none,
and every check is also run on a copy of Content/ broken on purpose, where it must find the damage:
a check that cannot fail would prove nothing.
"""

import csv
import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "Content"

DEFAULT = "sv"
ENGLISH = "en"

# Front matter a translation writes in its own words; every other key (tags, område, finansiär,
# organisationer, status, weight, kontakt, dates) must be the same as the original's.
# `aliases` are a language's own old URLs.
TRANSLATED_KEYS = {"title", "summary", "slug", "translated", "redaktörsnotering", "aliases"}

# Data files that have an English file of their own (NAME.en.ext); the collection's data file
# (organisationer.yaml) is translated field by field instead (`beskrivning.en`).
DATA_FILES_PER_LANGUAGE = {"ordlista.yaml", "trafikverket-fakta.yaml", "trafikverket-mal.csv"}

# Words that only occur in Swedish text; an English page using one has Swedish left in it.
# (Names keep their Swedish words, so words that names here use, such as "för", are not listed.)
SWEDISH_WORDS = {"och", "att", "som", "är", "inte", "eller", "ska", "också", "finns", "eftersom", "sidor"}

# Titles that are names, the same in both languages.
NAMES = {"Circular Sweden"}

# Words English readers search for, which the English pages and glossary must use.
SEARCH_WORDS = {"procurement", "criteria", "criterion", "circular", "climate"}

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK = re.compile(r"\]\(([^)\s]+)\)")
DIRECTIVE = re.compile(r"^```(\w+)(.*)$", re.M)


# --- reading the content -------------------------------------------------------------------


def split_page(path):
    """(front matter dict, body) of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n?(.*)$", text, re.S)
    assert match, f"{path}: no front matter between --- lines"
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def language_of(path):
    """`en` for `X.en.md` (or `X.en.yaml`), the default language for `X.md`."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 else DEFAULT


def original_of(path):
    """The default-language file a translation `X.en.md` translates: `X.md`."""
    parts = path.name.split(".")
    return path.with_name(".".join(parts[:-2] + parts[-1:]))


def translation_of(path, language=ENGLISH):
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def originals(content):
    return sorted(p for p in content.rglob("*.md") if language_of(p) == DEFAULT)


def translations(content):
    return sorted(p for p in content.rglob("*.md") if language_of(p) != DEFAULT)


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def words(text):
    return re.sub(r"[^\w\s]|_", " ", text.lower()).split()


def prose(body):
    """A page's text without link targets and directive lines: what a reader reads."""
    body = DIRECTIVE.sub("", body)
    return LINK.sub("]", body)


def directives(body):
    """Each directive block as (name, data file, attribute names): what must be the same in every language."""
    found = []
    for name, rest in DIRECTIVE.findall(body):
        attributes = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', rest))
        found.append((name, attributes.get("data"), tuple(sorted(attributes))))
    return found


def is_one_sentence(text):
    text = text.strip()
    return bool(text) and text[-1] in ".!?" and re.search(r"[.!?]\s+[A-Z]", text[:-1]) is None


# --- the checks ----------------------------------------------------------------------------


def page_problems(content):
    """Every page has its English translation, every translation an original, with the same ids."""
    problems = []
    for original in originals(content):
        where = original.relative_to(content)
        if not translation_of(original).is_file():
            problems.append(f"{where}: no English translation ({translation_of(original).name})")
    slugs = {}
    for translation in translations(content):
        where = translation.relative_to(content)
        if language_of(translation) != ENGLISH:
            problems.append(f"{where}: language {language_of(translation)!r} is not declared in site.yaml")
            continue
        original = original_of(translation)
        if not original.is_file():
            problems.append(f"{where}: no Swedish original ({original.name})")
            continue
        meta, body = split_page(translation)
        sv_meta, sv_body = split_page(original)
        for key in sorted((set(meta) | set(sv_meta)) - TRANSLATED_KEYS):
            if meta.get(key) != sv_meta.get(key):
                problems.append(f"{where}: {key} {meta.get(key)!r} differs from the original's {sv_meta.get(key)!r}")
        if not isinstance(meta.get("title"), str) or not meta["title"].strip():
            problems.append(f"{where}: no title")
        elif meta["title"] == sv_meta.get("title") and meta["title"] not in NAMES:
            problems.append(f"{where}: the title is the original's, untranslated")
        if ("summary" in meta) != ("summary" in sv_meta):
            problems.append(f"{where}: summary present in one language only")
        if ("redaktörsnotering" in meta) != ("redaktörsnotering" in sv_meta):
            problems.append(f"{where}: redaktörsnotering present in one language only")
        if original.parent.name == "projekt" and original.name != "_index.md":
            if not is_one_sentence(str(meta.get("summary", ""))):
                problems.append(f"{where}: summary must be exactly one sentence")
        translated = meta.get("translated")
        if not isinstance(translated, datetime.date) or translated > datetime.date.today():
            problems.append(f"{where}: translated must be the date of the translation, not {translated!r}")
        home = translation.parent == content and original.name == "_index.md"
        slug = meta.get("slug")
        if not home:
            if not isinstance(slug, str) or not SLUG.match(slug):
                problems.append(f"{where}: slug must be an English ASCII slug, not {slug!r}")
            else:
                key = (translation.parent, slug)
                if key in slugs:
                    problems.append(f"{where}: slug {slug!r} also used by {slugs[key]}")
                slugs[key] = where
        if directives(body) != directives(sv_body):
            problems.append(f"{where}: directive blocks {directives(body)} differ from {directives(sv_body)}")
        if sorted(LINK.findall(body)) != sorted(LINK.findall(sv_body)):
            missing = sorted(set(LINK.findall(sv_body)) ^ set(LINK.findall(body)))
            problems.append(f"{where}: links differ from the original's: {missing}")
        swedish = sorted(set(words(prose(body) + " " + str(meta.get("summary", "")))) & SWEDISH_WORDS)
        if swedish:
            problems.append(f"{where}: Swedish words left in the English text: {swedish}")
    return problems


def site_problems(content):
    """site.yaml: two languages, and every `.en` key beside the key it replaces; the English URLs resolve."""
    site = load_yaml(content / "site.yaml")
    problems = []
    if site.get("languages") != [DEFAULT, ENGLISH]:
        problems.append(f"site.yaml: languages must be [{DEFAULT}, {ENGLISH}], not {site.get('languages')!r}")
    if "language" in site:
        problems.append("site.yaml: `language` is replaced by `languages`")
    if site.get("translations") != "required":
        problems.append("site.yaml: translations must be `required`")
    problems += suffix_problems(site, "site.yaml")

    def needs(mapping, keys, where):
        for key in keys:
            if key in mapping and f"{key}.{ENGLISH}" not in mapping:
                problems.append(f"site.yaml: {where}: {key} has no {key}.{ENGLISH}")

    needs(site, ["title", "description", "menu", "footer"], "site")
    for group in site.get("taxonomies", []) + site.get("collections", []):
        needs(group, ["title", "singular", "path"], group["key"])
        for item in group.get("terms", []) + group.get("roles", []) + group.get("types", []):
            needs(item, ["title", "description"], f"{group['key']} {item['id']}")
    needs(site.get("report", {}), ["title", "subtitle", "path"], "report")

    urls = english_urls(content, site)
    clashes = english_page_urls(content) & english_listing_urls(site)
    if clashes:
        problems.append(f"site.yaml: English pages and listings share the URLs {sorted(clashes)}")
    paths = [g.get(f"path.{ENGLISH}") for g in site.get("taxonomies", []) + site.get("collections", [])]
    paths.append(site.get("report", {}).get(f"path.{ENGLISH}"))
    for path in paths:
        if not isinstance(path, str) or not SLUG.match(path):
            problems.append(f"site.yaml: path.{ENGLISH} {path!r} is not an ASCII slug")
    for key in ("menu", "footer"):
        english = site.get(f"{key}.{ENGLISH}") or []
        if len(english) != len(site.get(key) or []):
            problems.append(f"site.yaml: {key}.{ENGLISH} has {len(english)} links, {key} {len(site.get(key) or [])}")
        for link in english:
            if link.get("url") not in urls:
                problems.append(f"site.yaml: {key}.{ENGLISH} links to {link.get('url')}, which no English page has")
    return problems


def suffix_problems(value, where):
    """Every `K.en` key stands beside `K` (a translation of nothing is a typo); no undeclared language."""
    problems = []
    if isinstance(value, list):
        for item in value:
            problems += suffix_problems(item, where)
    elif isinstance(value, dict):
        for key in value:
            base, dot, language = str(key).rpartition(".")
            if dot and re.fullmatch(r"[a-z]{2,3}(-[A-Z0-9]{2,3})?", language):
                if language != ENGLISH:
                    problems.append(f"{where}: {key}: language {language!r} is not declared")
                elif base not in value:
                    problems.append(f"{where}: {key} has no {base} beside it")
            problems += suffix_problems(value[key], where)
    return problems


def english_folder(content, folder):
    """A folder's URL path in English: each level by its `_index.en.md` slug (`projekt` -> `projects`)."""
    parts, here = [], content
    for name in folder.relative_to(content).parts:
        here = here / name
        index = here / f"_index.{ENGLISH}.md"
        parts.append(split_page(index)[0].get("slug", name) if index.is_file() else name)
    return "".join(f"{part}/" for part in parts)


def english_urls(content, site):
    """The URLs the English site has: pages by their English slugs, and the generated listings."""
    return english_page_urls(content) | english_listing_urls(site)


def english_page_urls(content):
    urls = {f"/{ENGLISH}/"}
    for translation in translations(content):
        meta, _ = split_page(translation)
        if original_of(translation).name == "_index.md":
            urls.add(f"/{ENGLISH}/{english_folder(content, translation.parent)}")
        else:
            slug = meta.get("slug", original_of(translation).stem)
            urls.add(f"/{ENGLISH}/{english_folder(content, translation.parent)}{slug}/")
    return urls


def english_listing_urls(site):
    urls = set()
    for group in site.get("taxonomies", []) + site.get("collections", []) + [site.get("report", {})]:
        if group.get(f"path.{ENGLISH}"):
            urls.add(f"/{ENGLISH}/{group[f'path.{ENGLISH}']}/")
    return urls


def data_problems(content):
    """Every data file in English: the same records (ids, rows, numbers) with English text."""
    data = content / "data"
    problems = []
    for path in sorted(data.iterdir()):
        english = language_of(path) == ENGLISH
        if english and not original_of(path).is_file():
            problems.append(f"data/{path.name}: no Swedish original ({original_of(path).name})")
        if english or path.name not in DATA_FILES_PER_LANGUAGE:
            continue
        translation = translation_of(path)
        if not translation.is_file():
            problems.append(f"data/{path.name}: no English file ({translation.name})")
        elif path.suffix == ".csv":
            problems += table_problems(path, translation)
        else:
            problems += record_problems(load_yaml(path), load_yaml(translation), f"data/{translation.name}")
    for path in sorted(data.glob("*.yaml")):
        problems += suffix_problems(load_yaml(path), f"data/{path.name}")
    for record in load_yaml(data / "organisationer.yaml"):
        for key in ("beskrivning", "land"):
            if key in record and f"{key}.{ENGLISH}" not in record:
                problems.append(f"data/organisationer.yaml: {record['id']}: {key} has no {key}.{ENGLISH}")
    return problems


def record_problems(swedish, english, where):
    if not isinstance(english, list) or len(english) != len(swedish):
        return [f"{where}: {len(english or [])} records, the Swedish file has {len(swedish)}"]
    problems = []
    if any("id" in record for record in swedish):
        ids, sv_ids = [r.get("id") for r in english], [r.get("id") for r in swedish]
        if sorted(map(str, ids)) != sorted(map(str, sv_ids)):
            problems.append(f"{where}: ids differ: {sorted(set(map(str, ids)) ^ set(map(str, sv_ids)))}")
        # The same field names as the Swedish file, so the templates read both alike.
        sv_fields = set().union(*map(set, swedish))
        for record in english:
            if not set(record) <= sv_fields:
                problems.append(f"{where}: {record.get('id')}: fields {sorted(set(record) - sv_fields)} not in Swedish")
    return problems


def table_problems(path, translation):
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    english = list(csv.reader(translation.open(encoding="utf-8", newline="")))
    where = f"data/{translation.name}"
    if [len(r) for r in english] != [len(r) for r in rows]:
        return [f"{where}: not the same rows and columns as {path.name}"]
    problems = []
    if english[0] == rows[0]:
        problems.append(f"{where}: the header row is the Swedish one")
    for sv_row, en_row in zip(rows[1:], english[1:]):
        # Numbers, years and periods are facts: the same in both languages.
        for sv_cell, en_cell in zip(sv_row, en_row):
            if re.fullmatch(r"[\d\s.,–-]+", sv_cell) and sv_cell != en_cell:
                problems.append(f"{where}: {en_cell!r} where {path.name} has {sv_cell!r}")
    return problems


def glossary_problems(content):
    """The English glossary's own rules: names unique, the abbreviations and search words English pages need."""
    records = load_yaml(content / "data" / "ordlista.en.yaml")
    problems, owners = [], {}
    for record in records:
        if not record.get("term") or not record.get("definition"):
            problems.append(f"ordlista.en.yaml: {record.get('id')}: term or definition missing")
        abbreviation = record.get("förkortning")
        variants = ([abbreviation] if isinstance(abbreviation, str) else list(abbreviation or []))
        variants += list(record.get("synonymer") or [])
        for variant in variants:
            if variant.lower() in owners:
                other = owners[variant.lower()]
                problems.append(f"ordlista.en.yaml: {variant!r} names both {other} and {record['id']}")
            owners[variant.lower()] = record["id"]
        if str(record.get("term", "")).lower() in {v.lower() for v in variants if v != abbreviation}:
            problems.append(f"ordlista.en.yaml: {record['id']}: the term as a synonym")
    expected = {
        "lca": ["life cycle assessment"],
        "lou": ["Swedish Public Procurement Act"],
        "co2-ekvivalenter": ["carbon dioxide equivalents"],
        "epd": ["environmental product declaration"],
        "upphandlingskriterium": ["criteria", "criterion"],
        "rfi": ["Request for Information"],
    }
    for id, names in expected.items():
        for name in names:
            if owners.get(name.lower()) != id:
                problems.append(f"ordlista.en.yaml: {id} should list {name!r} (English search finds it by it)")
    return problems


def search_word_problems(content):
    """The English pages and glossary use the words English readers search for."""
    text = " ".join(split_page(p)[1] + str(split_page(p)[0].get("summary", "")) for p in translations(content))
    text += (content / "data" / "ordlista.en.yaml").read_text(encoding="utf-8")
    missing = sorted(SEARCH_WORDS - set(words(text)))
    return [f"the English content never uses {missing}"] if missing else []


CHECKS = [page_problems, site_problems, data_problems, glossary_problems, search_word_problems]


# --- the real content has no problems ------------------------------------------------------


@pytest.mark.parametrize("check", CHECKS, ids=[c.__name__ for c in CHECKS])
def test_content(check):
    problems = check(CONTENT)
    assert not problems, "\n".join(problems)


def test_every_activity_is_translated():
    # The eleven activities and the pages around them, by name: the checks above compare pairs, this counts them.
    projects = [p for p in translations(CONTENT) if p.parent.name == "projekt" and not p.name.startswith("_")]
    assert len(projects) == 11
    pages = {p.relative_to(CONTENT).as_posix() for p in translations(CONTENT)}
    for name in ("_index.en.md", "projekt/_index.en.md", "om.en.md", "ordlista.en.md", "tillganglighet.en.md"):
        assert name in pages


def test_english_figures_keep_the_facts():
    facts = load_yaml(CONTENT / "data" / "trafikverket-fakta.en.yaml")
    assert all(set(fact) == {"Figure", "Value"} for fact in facts)
    values = " ".join(str(fact["Value"]) for fact in facts)
    for needle in ("SEK 40 billion", "15 February 2016", "fifth", "2015"):
        assert needle in values
    rows = list(csv.reader((CONTENT / "data" / "trafikverket-mal.en.csv").open(encoding="utf-8", newline="")))
    assert [float(row[1]) for row in rows[1:]] == [0, 15, 30, 50, 100]


# --- each check finds what it is for -------------------------------------------------------


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found (the breakage no longer applies)"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


TRAFIKVERKET = "projekt/trafikverket.en.md"


def in_page(old, new):
    """A breakage of the English Trafikverket page."""
    return lambda content: edit(content / TRAFIKVERKET, old, new)


def in_site(old, new):
    return lambda content: edit(content / "site.yaml", old, new)

BREAKAGES = {
    "missing translation": (page_problems, lambda c: (c / TRAFIKVERKET).unlink(), "no English translation"),
    "orphan translation": (
        page_problems,
        lambda c: shutil.copy(c / TRAFIKVERKET, c / "projekt/new.en.md"),
        "no Swedish original",
    ),
    "undeclared language": (
        page_problems,
        lambda c: shutil.copy(c / TRAFIKVERKET, c / "projekt/trafikverket.de.md"),
        "is not declared",
    ),
    "other tags": (page_problems, in_page("tags: [klimatanpassad]", "tags: [cirkulär]"), "tags"),
    "other organisation": (
        page_problems,
        in_page("{id: trafikverket, roll: ägare}", "{id: ivl, roll: ägare}"),
        "organisationer",
    ),
    "other status": (page_problems, in_page("status: pågående", "status: avslutad"), "status"),
    "title untranslated": (
        page_problems,
        in_page("title: Trafikverket (Swedish Transport Administration)", "title: Trafikverket"),
        "untranslated",
    ),
    "no slug": (page_problems, in_page("slug: swedish-transport-administration\n", ""), "slug"),
    "no translated date": (page_problems, in_page("translated: 2026-12-03\n", ""), "translated"),
    "Swedish left": (page_problems, in_page("## Related pages", "## Relaterade sidor"), "Swedish"),
    "a table lost": (
        page_problems,
        in_page("```tabell data=trafikverket-fakta", "```tabell data=trafikverket-mal"),
        "directive",
    ),
    "a link lost": (page_problems, in_page("(../ordlista.md#ramavtal)", ""), "links differ"),
    "one language": (site_problems, in_site("languages: [sv, en]", "language: sv"), "languages"),
    "a key without original": (
        site_problems,
        in_site("author.en:", "autor.en:"),
        "autor.en has no autor",
    ),
    "a term without English": (
        site_problems,
        in_site("        title.en: Furniture\n", ""),
        "möbler: title has no title.en",
    ),
    "a menu link to nowhere": (site_problems, in_site("url: /en/about/", "url: /en/om/"), "/en/om/"),
    "a page on a listing's URL": (
        site_problems,
        lambda c: edit(c / "om.en.md", "slug: about", "slug: tags"),
        "share the URLs ['/en/tags/']",
    ),
    "a section slug changed": (
        site_problems,
        lambda c: edit(c / "projekt/_index.en.md", "slug: projects", "slug: activities"),
        "/en/projects/",
    ),
    "a glossary entry lost": (
        data_problems,
        lambda c: edit(c / "data/ordlista.en.yaml", "- id: agenda-2030\n", "- id: agenda\n"),
        "ids differ",
    ),
    "a glossary field renamed": (
        data_problems,
        lambda c: edit(c / "data/ordlista.en.yaml", "  synonymer: [net zero]", "  synonyms: [net zero]"),
        "synonyms",
    ),
    "a description untranslated": (
        data_problems,
        lambda c: edit(c / "data/organisationer.yaml", "  beskrivning.en: Swedish furniture manufacturer.\n", ""),
        "beskrivning has no beskrivning.en",
    ),
    "a field without original": (
        data_problems,
        lambda c: edit(c / "data/organisationer.yaml", "  namn.en: Flanders", "  name.en: Flanders"),
        "name.en has no name",
    ),
    "a target changed": (
        data_problems,
        lambda c: edit(c / "data/trafikverket-mal.en.csv", "2030,50,", "2030,40,"),
        "'40' where",
    ),
    "no English figures": (
        data_problems,
        lambda c: (c / "data/trafikverket-fakta.en.yaml").unlink(),
        "no English file",
    ),
    "a search word lost": (
        glossary_problems,
        lambda c: edit(c / "data/ordlista.en.yaml", "[criterion, criteria, procurement criteria]", "[criterion]"),
        "'criteria'",
    ),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_check_finds_breakage(name, tmp_path):
    check, damage, needle = BREAKAGES[name]
    copy = tmp_path / "Content"
    shutil.copytree(CONTENT, copy)
    damage(copy)
    problems = check(copy)
    assert any(needle in problem for problem in problems), f"{check.__name__} missed it: {problems}"
