"""Checks of the site's real content in Content/.

Run with `python3 -m pytest Tests/content -q`. Needs PyYAML; everything else is stdlib.
The build test runs the kretslopp binary (KRETSLOPP_BIN, else .build/release, else .build/debug)
and fails when there is none; the copy check fails when the source page (the seed) is missing.
"""

import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests"))
import prerequisites  # noqa: E402

CONTENT = REPO / "Content"
PROJECTS = CONTENT / "projekt"
DATA = CONTENT / "data"
SEED = (REPO / ".." / "shared" / "seeds" / "000_2b01af607921aa6d.txt").resolve()

# The specification: the eleven activities and the one tag each carries in the source
# (a circle of two arrows = cirkulär, a foot = klimatanpassad). The electric-bus item has no
# marker in the source and is tagged klimatanpassad by editorial decision.
EXPECTED_TAGS = {
    "affarsmodellinnovation-for-cirkulara-mobelfloden": ["cirkulär"],
    "centrum-for-cirkulart-byggande": ["cirkulär"],
    "cirkulara-goteborg": ["cirkulär"],
    "circular-sweden": ["cirkulär"],
    "genomlysning-av-klimatkompensation": ["klimatanpassad"],
    "offentlig-upphandling-som-klimatpolitiskt-styrmedel": ["klimatanpassad"],
    "trafikverket": ["klimatanpassad"],
    "upphandla-cirkulart-i-praktiken": ["cirkulär"],
    "upphandlingskriterier-for-cirkulara-produkter": ["cirkulär"],
    "upphandlingsmodell-for-cirkulara-floden": ["cirkulär"],
    "miljokrav-for-elbussar": ["klimatanpassad"],
}

# Source order, used for `weight`.
SOURCE_ORDER = list(EXPECTED_TAGS)

GLOSSARY_IDS = [
    "lca", "epd", "lou", "rfi", "klimatkompensation", "klimatneutralitet", "nettonollutslapp",
    "cirkular-ekonomi", "aterbruk", "avfallshierarkin", "producentansvar", "livscykelperspektiv",
    "iso-14021", "klimatkalkyl", "co2-ekvivalenter", "ramavtal", "fornyad-konkurrensutsattning",
    "marknadsdialog", "incitamentsavtal", "cirkularitetsdeklaration", "design-for-environment",
    "materialatervinning", "energiatervinning", "deponi",
]

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NGRAM = 8
MAX_SHARED = 0.02


# --- helpers -------------------------------------------------------------------------------


def split_page(path):
    """Returns (front matter dict, body) of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n?(.*)$", text, re.S)
    assert match, f"{path.relative_to(REPO)}: no front matter between --- lines"
    meta = yaml.safe_load(match.group(1)) or {}
    assert isinstance(meta, dict), f"{path.relative_to(REPO)}: front matter is not a mapping"
    return meta, match.group(2)


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def site():
    return load_yaml(CONTENT / "site.yaml")


def taxonomies():
    return {t["key"]: t for t in site()["taxonomies"]}


def collection():
    (org,) = [c for c in site()["collections"] if c["key"] == "organisationer"]
    return org


def organisations():
    return load_yaml(DATA / f"{collection()['data']}.yaml")


def is_translation(path):
    """Whether a Markdown file is a translation (`X.en.md`) rather than an original in the default language."""
    return len(path.suffixes) > 1 and path.suffixes[-1] == ".md"


def project_files():
    """The activities in the default language (Swedish); their translations are checked in test_translations.py."""
    return sorted(p for p in PROJECTS.glob("*.md") if p.name != "_index.md" and not is_translation(p))


def markdown_files():
    """Every page, originals and translations."""
    return sorted(CONTENT.rglob("*.md"))


def words(text):
    text = text.lower()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return text.split()


def ngrams(tokens, n=NGRAM):
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def is_one_sentence(text):
    text = text.strip()
    if not text or text[-1] not in ".!?":
        return False
    # Another sentence would start after an end mark followed by a space and a capital letter.
    return re.search(r"[.!?]\s+[A-ZÅÄÖ]", text[:-1]) is None


# --- the eleven activities -----------------------------------------------------------------


def test_all_eleven_activities_exist():
    found = {p.stem for p in project_files()}
    assert found == set(EXPECTED_TAGS), (
        f"missing: {sorted(set(EXPECTED_TAGS) - found)}, unexpected: {sorted(found - set(EXPECTED_TAGS))}"
    )


@pytest.mark.parametrize("slug", list(EXPECTED_TAGS))
def test_activity_front_matter(slug):
    meta, body = split_page(PROJECTS / f"{slug}.md")
    where = f"Content/projekt/{slug}.md"
    assert isinstance(meta.get("title"), str) and meta["title"].strip(), f"{where}: no title"
    summary = meta.get("summary")
    assert isinstance(summary, str) and is_one_sentence(summary), (
        f"{where}: summary must be exactly one sentence: {summary!r}"
    )
    assert meta.get("tags") == EXPECTED_TAGS[slug], (
        f"{where}: tags {meta.get('tags')!r}, expected {EXPECTED_TAGS[slug]!r}"
    )
    assert meta.get("område"), f"{where}: no område"
    assert meta.get("organisationer"), f"{where}: no organisation referenced"
    assert meta.get("status") in ("pågående", "avslutad"), f"{where}: status {meta.get('status')!r}"
    assert meta.get("weight") == SOURCE_ORDER.index(slug) + 1, f"{where}: weight out of source order"
    assert body.strip(), f"{where}: empty body"


def test_electric_bus_item_explains_its_tag_and_contact():
    meta, body = split_page(PROJECTS / "miljokrav-for-elbussar.md")
    assert meta.get("redaktörsnotering"), "the editorial note on the tag is missing"
    assert meta.get("kontakt") == {"namn": "Lisbeth Dahllöf", "epost": "lisbeth.dahllof@ivl.se"}
    assert "## Kontakt" in body and "lisbeth.dahllof@ivl.se" in body


def test_trafikverket_page_shows_both_tables():
    _, body = split_page(PROJECTS / "trafikverket.md")
    for name in ("trafikverket-mal", "trafikverket-fakta"):
        assert re.search(rf"^```tabell data={name} rubrik=\"[^\"]+\"\s*$", body, re.M), (
            f"no tabell block for {name}"
        )


# --- taxonomies and organisations ----------------------------------------------------------


def test_taxonomy_values_are_declared_terms():
    problems = []
    for path in markdown_files():
        meta, _ = split_page(path)
        for key, taxonomy in taxonomies().items():
            declared = {term["id"] for term in taxonomy["terms"]}
            values = meta.get(key) or []
            if not isinstance(values, list):
                problems.append(f"{path.relative_to(REPO)}: {key} is not a list")
                continue
            problems += [
                f"{path.relative_to(REPO)}: unknown {key} term {v!r} (known: {sorted(declared)})"
                for v in values
                if v not in declared
            ]
    assert not problems, "\n".join(problems)


def test_organisation_records_are_valid():
    records = organisations()
    assert isinstance(records, list) and records
    types = {t["id"] for t in collection()["types"]}
    ids = [r.get("id") for r in records]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    allowed = {"id", "namn", "kortnamn", "typ", "beskrivning", "land"}
    # Text fields may have an English value (`namn.en`); ids and types are the same in every language.
    allowed |= {f"{key}.en" for key in ("namn", "kortnamn", "beskrivning", "land")}
    for record in records:
        assert SLUG.match(str(record.get("id"))), f"id is not an ASCII slug: {record.get('id')!r}"
        assert record.get("namn"), f"{record['id']}: no namn"
        assert record.get("typ") in types, f"{record['id']}: unknown typ {record.get('typ')!r}"
        assert set(record) <= allowed, f"{record['id']}: unexpected keys {sorted(set(record) - allowed)}"


def test_organisation_references_resolve_and_every_record_is_used():
    ids = {r["id"] for r in organisations()}
    roles = {r["id"] for r in collection()["roles"]}
    used, problems = set(), []
    for path in markdown_files():
        meta, _ = split_page(path)
        for ref in meta.get("organisationer") or []:
            where = path.relative_to(REPO)
            if ref.get("id") not in ids:
                problems.append(f"{where}: unknown organisation {ref.get('id')!r}")
            if ref.get("roll") not in roles:
                problems.append(f"{where}: unknown role {ref.get('roll')!r} for {ref.get('id')}")
            used.add(ref.get("id"))
    problems += [f"organisation {i!r} is not referenced by any page" for i in sorted(ids - used)]
    assert not problems, "\n".join(problems)


def test_shared_organisations_link_activities():
    counts = {}
    for path in project_files():
        meta, _ = split_page(path)
        for ref in meta["organisationer"]:
            counts.setdefault(ref["id"], set()).add(path.stem)
    for org in ("ivl", "skl-kommentus-inkopscentral", "upphandlingsmyndigheten", "re-source"):
        assert len(counts.get(org, ())) >= 2, f"{org} should link at least two activities"


def test_the_furniture_project_has_25_partners_and_9_in_the_reference_group():
    meta, _ = split_page(PROJECTS / "affarsmodellinnovation-for-cirkulara-mobelfloden.md")
    roles = [ref["roll"] for ref in meta["organisationer"]]
    assert roles.count("partner") == 25
    assert roles.count("referensgrupp") == 9


# --- data files ----------------------------------------------------------------------------


def test_trafikverket_targets():
    with (DATA / "trafikverket-mal.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, rows = rows[0], rows[1:]
    assert len(header) >= 2 and all(h.strip() for h in header)
    numbers = [float(row[1]) for row in rows]
    assert numbers == [0, 15, 30, 50, 100]


def test_trafikverket_facts():
    facts = load_yaml(DATA / "trafikverket-fakta.yaml")
    assert isinstance(facts, list) and len(facts) >= 3
    assert all(set(f) == {"Uppgift", "Värde"} for f in facts)
    text = " ".join(str(f["Värde"]) for f in facts)
    for needle in ("40 miljarder", "15 februari 2016", "femtedel"):
        assert needle in text


def test_glossary():
    records = load_yaml(DATA / "ordlista.yaml")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate glossary ids"
    missing = [i for i in GLOSSARY_IDS if i not in ids]
    assert not missing, f"glossary lacks {missing}"
    for record in records:
        assert SLUG.match(record["id"]), f"glossary id is not an ASCII slug: {record['id']!r}"
        assert record.get("term") and record.get("definition"), f"{record['id']}: term or definition missing"
    _, body = split_page(CONTENT / "ordlista.md")
    assert re.search(r"^```ordlista data=ordlista\s*$", body, re.M)


def names(value):
    """A glossary record's `förkortning` (text or list) or `synonymer` (list) as a list of texts."""
    return [value] if isinstance(value, str) else list(value or [])


def test_glossary_abbreviations_and_synonyms():
    records = load_yaml(DATA / "ordlista.yaml")
    for record in records:
        where = f"ordlista.yaml: {record['id']}"
        assert set(record) <= {"id", "term", "definition", "förkortning", "synonymer"}, f"{where}: unknown field"
        abbreviation = record.get("förkortning")
        assert abbreviation is None or isinstance(abbreviation, (str, list)), f"{where}: förkortning is text or a list"
        synonyms = record.get("synonymer")
        assert synonyms is None or isinstance(synonyms, list), f"{where}: synonymer is a list of texts"
        variants = names(abbreviation) + names(synonyms)
        for variant in variants:
            assert isinstance(variant, str) and variant.strip() == variant and variant, f"{where}: {variant!r}"
        assert len({v.lower() for v in variants}) == len(variants), f"{where}: a name twice"
        assert record["term"].lower() not in {v.lower() for v in names(synonyms)}, f"{where}: the term as a synonym"
    # A name belongs to one entry, or a search for it could not tell the entries apart.
    owners = {}
    for record in records:
        for variant in names(record.get("förkortning")) + names(record.get("synonymer")):
            assert variant.lower() not in owners, f"{variant!r} names both {owners[variant.lower()]} and {record['id']}"
            owners[variant.lower()] = record["id"]
    # The abbreviations and long forms the site's pages use, from the glossary.
    by_id = {r["id"]: r for r in records}
    assert names(by_id["lca"]["förkortning"]) == ["LCA"] and "livscykelanalys" in by_id["lca"]["synonymer"]
    assert names(by_id["lou"]["förkortning"]) == ["LOU"]
    assert "lagen om offentlig upphandling" in by_id["lou"]["synonymer"]
    assert "miljövarudeklaration" in by_id["epd"]["synonymer"]
    assert "koldioxidekvivalenter" in by_id["co2-ekvivalenter"]["synonymer"]
    assert "Request for Information" in by_id["rfi"]["synonymer"]


# Pages written for this site, not taken from the programme's source: the accessibility statement
# links where to report a problem, as the law asks.
WRITTEN_HERE = {
    "tillganglighet.md": ("mailto:info@ivl.se",),
    "tillganglighet.en.md": ("mailto:info@ivl.se",),
}


def test_internal_links_resolve():
    glossary = {r["id"] for r in load_yaml(DATA / "ordlista.yaml")}
    problems = []
    for path in markdown_files():
        _, body = split_page(path)
        for target in re.findall(r"\]\(([^)\s]+)\)", body):
            where = path.relative_to(REPO)
            if re.match(r"^[a-z]+:", target):
                if target not in WRITTEN_HERE.get(path.name, ()):
                    problems.append(f"{where}: external link {target} (the source gives none)")
                continue
            file, _, anchor = target.partition("#")
            resolved = (path.parent / file).resolve()
            if not resolved.is_file():
                problems.append(f"{where}: link to missing file {target}")
            elif resolved == (CONTENT / "ordlista.md").resolve() and anchor and anchor not in glossary:
                problems.append(f"{where}: unknown glossary anchor #{anchor}")
    assert not problems, "\n".join(problems)


def test_no_raw_html():
    for path in markdown_files():
        _, body = split_page(path)
        assert not re.search(r"<[a-zA-Z/][^>]*>", body), f"{path.relative_to(REPO)}: raw HTML"


# --- no copying from the source ------------------------------------------------------------


def test_pages_are_not_copies_of_the_source():
    prerequisites.file(SEED, "the source page the content was written from (the seed, in ../shared/seeds/)")
    seed = ngrams(words(SEED.read_text(encoding="utf-8")))
    problems = []
    for path in markdown_files():
        meta, body = split_page(path)
        grams = ngrams(words(f"{meta.get('summary', '')}\n{body}"))
        if not grams:
            continue
        shared = sorted(grams & seed)
        share = len(shared) / len(grams)
        if share > MAX_SHARED:
            listed = "\n    ".join(" ".join(g) for g in shared)
            problems.append(
                f"{path.relative_to(REPO)}: {share:.1%} of {len(grams)} {NGRAM}-grams occur in the source:\n    {listed}"
            )
    assert not problems, "\n".join(problems)


# --- the real build ------------------------------------------------------------------------


def test_content_builds_without_warnings():
    binary = prerequisites.kretslopp_binary()
    with tempfile.TemporaryDirectory() as output:
        result = subprocess.run(
            [str(binary), "build", "--content", "Content", "--output", output],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, f"build failed ({result.returncode}):\n{result.stderr}"
    flagged = [line for line in result.stderr.splitlines() if "warning:" in line or "error:" in line]
    assert not flagged, "\n".join(flagged)


def build_glossaries(content, pages):
    """The glossary pages `pages` (paths in the output) of one build of `content`: for each, entry id -> <dd> HTML."""
    binary = prerequisites.kretslopp_binary()
    with tempfile.TemporaryDirectory() as output:
        result = subprocess.run(
            [str(binary), "build", "--content", str(content), "--output", output],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, f"build failed ({result.returncode}):\n{result.stderr}"
        htmls = [(Path(output) / page).read_text(encoding="utf-8") for page in pages]
    pattern = r'<div class="glossary-entry" id="([^"]+)"><dt>.*?</dt><dd>(.*?)</dd></div>'
    return [dict(re.findall(pattern, html)) for html in htmls]


def test_glossary_page_shows_abbreviations_and_synonyms():
    # The Swedish glossary at /ordlista/, the English one (ordlista.en.md, slug glossary) at /en/glossary/.
    entries, english = build_glossaries(CONTENT, ["ordlista/index.html", "en/glossary/index.html"])
    records = {r["id"]: r for r in load_yaml(DATA / "ordlista.yaml")}
    assert set(entries) == set(records)
    # Names the term already shows are not repeated: "LCA (livscykelanalys)" has nothing below it.
    assert "<p" not in entries["lca"]
    assert entries["co2-ekvivalenter"].endswith(
        '<p class="glossary-abbreviation">Förkortning: CO2e</p>'
        '<p class="glossary-synonyms">Även kallat: koldioxidekvivalenter</p>'
    )
    assert entries["lou"].endswith('<p class="glossary-synonyms">Även kallat: lagen om offentlig upphandling</p>')
    for id, record in records.items():
        for name in names(record.get("förkortning")) + names(record.get("synonymer")):
            assert name in entries[id] or name.lower() in record["term"].lower(), f"{id}: {name} not shown"

    # The English page shows the English records (ordlista.en.yaml) with English labels.
    english_records = {r["id"]: r for r in load_yaml(DATA / "ordlista.en.yaml")}
    assert set(english) == set(english_records)
    # "LCA (life cycle assessment)" names two of its three names: only the third is listed.
    assert english["lca"].endswith('<p class="glossary-synonyms">Also called: life cycle analysis</p>')
    assert english["co2-ekvivalenter"].endswith(
        '<p class="glossary-abbreviation">Abbreviation: CO2e</p>'
        '<p class="glossary-synonyms">Also called: carbon dioxide equivalents</p>'
    )
    for id, record in english_records.items():
        for name in names(record.get("förkortning")) + names(record.get("synonymer")):
            assert name in english[id] or name.lower() in record["term"].lower(), f"{id}: {name} not shown"
