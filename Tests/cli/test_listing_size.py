"""Listings stay small at any size: at 10,000 projects the front page and /projekt/ are at most
300 kB of HTML each, and the filter data counts every project exactly (issue 17's goal)."""

from __future__ import annotations

import base64
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROJECTS = 10_000
LIMIT = 300 * 1024


def test_front_page_and_section_stay_small_at_ten_thousand_projects(tmp_path, kretslopp):
    rng = random.Random(3)
    content = tmp_path / "Content"
    (content / "projekt").mkdir(parents=True)
    areas = [f"omrade-{n}" for n in range(12)]
    (content / "site.yaml").write_text(
        "title: Stor\nlanguage: sv\ntaxonomies:\n"
        "  - {key: tags, title: Taggar, singular: Tagg, path: taggar, param: tagg, sections: [projekt],\n"
        "     terms: [{id: klimatanpassad, title: Klimatanpassad}, {id: cirkular, title: Cirkulär}]}\n"
        "  - key: område\n    title: Områden\n    singular: Område\n    path: omraden\n    param: omrade\n    terms:\n"
        + "".join(f"      - {{id: {a}, title: Område {a[-1]}}}\n" for a in areas),
        encoding="utf-8")
    truth: dict[str, set[int]] = {}
    for n in range(PROJECTS):
        tags = rng.sample(["klimatanpassad", "cirkular"], rng.choice([1, 2]))
        area = rng.choice(areas)
        for key in [f"tagg:{t}" for t in tags] + [f"omrade:{area}"]:
            truth.setdefault(key, set()).add(n)
        (content / "projekt" / f"p{n:05d}.md").write_text(
            f"---\ntitle: Projekt nummer {n:05d}\nsummary: Ett projekt om upphandling av sak {n}.\n"
            f"tags: [{', '.join(tags)}]\nområde: {area}\n---\nText.\n", encoding="utf-8")
    out = tmp_path / "Output"
    code, _, stderr = kretslopp("build", "--content", content, "--theme", ROOT / "Themes/default", "--output", out)
    assert code == 0, stderr

    for page in ("index.html", "projekt/index.html"):
        size = (out / page).stat().st_size
        assert size <= LIMIT, f"{page} is {size:,} bytes (goal: at most {LIMIT:,})"
    last = (PROJECTS + 23) // 24
    assert (out / f"projekt/sida/{last}/index.html").exists()
    assert not (out / f"projekt/sida/{last + 1}/index.html").exists()

    # The filter data the page names counts every project of the listing exactly.
    page = (out / "projekt/index.html").read_text(encoding="utf-8")
    link = re.search(r'data-facets-data="([^"]+)"', page).group(1)
    script = (out / "projekt" / link).resolve().read_text(encoding="utf-8-sig")
    data = json.loads(script[script.index("{"):script.rindex("}") + 1])
    assert data["count"] == PROJECTS
    for key, members in truth.items():
        raw = base64.b64decode(data["values"][key])
        bits = {i for i in range(PROJECTS) if raw[i >> 3] >> (i & 7) & 1}
        assert bits == members, key
    # The filter counts on the page are the whole listing's.
    for key, members in truth.items():
        param, slug = key.split(":")
        count = re.search(rf'data-param="{param}" data-slug="{re.escape(slug)}">.*?<span class="facet__count">(\d+)', page)
        assert count and int(count.group(1)) == len(members), key
