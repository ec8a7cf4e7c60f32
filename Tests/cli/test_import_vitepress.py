"""`kretslopp import docs` for a VitePress site: its pages build after one command, at VitePress'
URLs, in its sidebar's order, in its languages, with its public/ folder at the site's root, Vue
read as VitePress reads it (blocks left out, <Badge> drawn) and its heading ids kept, so that its
links to headings still land. The fixture is modelled on Vite's and Pinia's docs."""
import re
from pathlib import Path

from site_html import nav_order

ROOT = Path(__file__).resolve().parents[2]

CONFIG = """\
import { defineConfig } from 'vitepress'
import { sharedConfig, META_URL } from './shared'

const ogDescription = 'Nästa generations verktyg'

// The root locale's settings are the default language's (Pinia writes them so).
const svConfig = {
  description: ogDescription,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/', activeMatch: '/guide/' },
      { text: 'Resurser', items: [{ text: 'Team', link: '/team' }] },
    ],
    sidebar: {
      '/guide/': [
        {
          text: 'Introduktion',
          items: [
            { text: 'Kom igång', link: '/guide/' },
            { text: 'Funktioner', link: '/guide/features' },
          ],
        },
        { text: 'Källkod', link: 'https://github.com/x/y' },
      ],
      '/config/': [{ text: 'Inställningar', items: [{ text: 'Server', link: '/config/server-options' }] }],
    },
  },
}

export default ({ mode }) => withPwa(defineConfig({
  ...sharedConfig,
  sitemap: { hostname: META_URL },
  locales: {
    root: { label: 'Svenska', lang: 'sv', ...svConfig },
    en: {
      label: 'English', lang: 'en-US', link: '/en/',
      description: 'Next generation tooling',
      themeConfig: { sidebar: [{ text: 'Getting started', link: '/en/guide/' }] },
    },
    de: { label: 'Deutsch', link: 'https://de.example.org/' },
  },
}))
"""

SHARED = """\
export const META_URL = 'https://verktyg.example.org'
export const sharedConfig = defineConfig({
  title: 'Verktyg',
  srcExclude: ['**/drafts/*'],
})
"""

PAGES = {
    "index.md": "---\nlayout: home\ntitle: Verktyg\n---\n\n<script setup>\nimport Home from './Home.vue'\n</script>\n\n"
                "<Home />\n\nLäs [guiden](/guide/).\n",
    "guide/index.md": "# Kom igång\n\nSe [server.watch](/config/server-options#server-watch) och "
                      "[funktionerna](./features.md).\n",
    "guide/features.md": "# Funktioner\n\n## Snabb start <Badge type=\"tip\" text=\"ny\" />\n\n"
                         "::: code-group\n\n```sh [npm]\nnpm add verktyg\n```\n\n```sh [pnpm]\npnpm add verktyg\n```\n\n"
                         ":::\n\n<style scoped>\n.x { color: red }\n</style>\n",
    "config/server-options.md": "# Serverinställningar\n\n## server.watch\n\nText.\n\n## Dev Containers & VS Code\n",
    "team.md": "# Team\n\n<VPTeamMembers :members=\"members\" />\n",
    "drafts/wip.md": "# Inte klar\n",
    "en/index.md": "---\nlayout: home\ntitle: Tools\n---\nRead [the guide](/en/guide/).\n",
    "en/guide/index.md": "# Getting started\n\nSee [server.watch](/config/server-options#server-watch).\n",
}


def project(tmp_path):
    docs = tmp_path / "project/docs"
    (docs / ".vitepress").mkdir(parents=True)
    (docs / ".vitepress/config.mts").write_text(CONFIG, encoding="utf-8")
    (docs / ".vitepress/shared.ts").write_text(SHARED, encoding="utf-8")
    (docs / ".vitepress/theme").mkdir()
    (docs / ".vitepress/theme/index.ts").write_text("export default {}\n", encoding="utf-8")
    for name, text in PAGES.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (docs / "public").mkdir()
    (docs / "public/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (docs / "Home.vue").write_text("<template><h1>Home</h1></template>\n", encoding="utf-8")
    return docs


def test_a_vitepress_site_builds_at_its_urls_in_its_languages(kretslopp, tmp_path):
    docs = project(tmp_path)
    # Built before the import: the message names the settings to import.
    code, _, err = kretslopp("build", "--content", "project/docs", "--output", tmp_path / "early", cwd=tmp_path)
    assert code != 0
    assert "site.yaml is missing; run 'kretslopp import project/docs/.vitepress/config.mts'" in err
    code, out, err = kretslopp("import", "project/docs", cwd=tmp_path)
    assert code == 0, err
    assert "Wrote project/docs/site.yaml (its sidebar of 2 top-level entries as nav)" in out
    assert "not imported: de" in out and "drop-downs (Resurser)" in out
    settings = (docs / "site.yaml").read_text(encoding="utf-8")
    assert "title: Verktyg\ndescription: Nästa generations verktyg\nlanguage: sv\n" in settings
    assert "languages: [sv, en]" in settings and "description.en: Next generation tooling\n" in settings
    assert "baseURL: https://verktyg.example.org/\n" in settings
    assert "static: public" in settings and "  keepHTML: true" in settings

    output = tmp_path / "out"
    code, _, messages = kretslopp(
        "build", "--content", docs, "--theme", ROOT / "Themes/default", "--output", output)
    assert code == 0, messages
    # VitePress' heading ids: the links to `#server-watch` land, nothing is broken.
    assert "no heading or anchor" not in messages and "points to no" not in messages
    server = (output / "config/server-options/index.html").read_text(encoding="utf-8")
    assert '<h2 id="server-watch">' in server and '<h2 id="dev-containers-vs-code">' in server
    guide = (output / "guide/index.html").read_text(encoding="utf-8")
    assert 'href="../config/server-options/#server-watch"' in guide
    assert 'href="../guide/features/">funktionerna' in guide
    # VitePress' URLs answer too: guide/features.html sends readers on.
    assert (output / "guide/features.html").is_file()
    # public/ at the site's root; srcExclude and the theme's code not published, nor pages.
    assert (output / "logo.svg").is_file()
    assert not (output / "drafts").exists() and not (output / "Home.vue").exists()
    assert not list(output.rglob("*.ts"))
    # Vue: the blocks gone, the badge drawn and out of the heading's id, other components said.
    features = (output / "guide/features/index.html").read_text(encoding="utf-8")
    assert "color: red" not in features
    assert re.search(r'<h2 id="snabb-start">\s*Snabb start <span class="badge badge--tip">ny</span>', features)
    assert "npm add verktyg" in features and "pnpm add verktyg" in features
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Home.vue" not in home and "<Home" not in home
    assert "team.md:3:1: warning: a Vue component is left out" in messages
    # The sidebar's order, the parts titled as the menu titles them.
    assert nav_order(guide) == ["Kom igång", "Funktioner", "Källkod", "Server"]
    # The English pages at /en/, in English, with their own nav.
    english = (output / "en/guide/index.html").read_text(encoding="utf-8")
    assert '<html lang="en-US"' in english or '<html lang="en"' in english
    assert 'href="../../config/server-options/#server-watch"' in english


def test_settings_without_an_object_are_an_error(kretslopp, tmp_path):
    docs = tmp_path / "project/docs/.vitepress"
    docs.mkdir(parents=True)
    (docs / "config.js").write_text("module.exports = require('./base')\n", encoding="utf-8")
    code, _, err = kretslopp("import", "project/docs/.vitepress/config.js", cwd=tmp_path)
    assert code != 0
    assert "project/docs/.vitepress/config.js:1:1: error: no settings object found" in err
