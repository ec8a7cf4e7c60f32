import Foundation
import Testing

@testable import SiteBuilder

/// `kretslopp import astro.config.mjs`: a Starlight site's options read from its integration
/// (`StarlightImport`), its sidebar as `nav:`, each language's labels as its own `nav.LANG:`.
@Suite struct StarlightImportTests {
    static let config = """
        import { defineConfig } from 'astro/config';
        import starlight from '@astrojs/starlight';

        export const locales = {
          root: { label: 'English', lang: 'en' },
          de: { label: 'Deutsch', lang: 'de' },
          'pt-br': { label: 'Português do Brasil', lang: 'pt-BR' },
          ja: { label: '日本語', lang: 'ja' },
          chinese: { label: '简体中文', lang: 'zh-CN' },
        };

        export default defineConfig({
          site: 'https://docs.example.org',
          base: '/guide',
          integrations: [
            starlight({
              title: { en: 'Field guide', de: 'Feldführer' },
              description: 'All about fields.',
              locales,
              sidebar: [
                {
                  label: 'Start Here',
                  translations: { de: 'Beginne hier' },
                  items: [
                    'getting-started', { label: 'Install', slug: 'install', translations: { de: 'Installieren' } },
                  ],
                },
                { label: 'Guides', autogenerate: { directory: 'guides' } },
                { label: 'Changelog', link: 'https://example.org/changes' },
                'gone',
              ],
            }),
          ],
        });
        """

    @Test func theIntegrationsOptionsAreTheSite() throws {
        let files = ["astro.config.mjs": Self.config]
        var made = StarlightImport(
            url: URL(fileURLWithPath: "/p/astro.config.mjs"), file: "astro.config.mjs",
            read: { files[String($0.path.dropFirst("/p/".count))] })
        made.read(pages: [
            "index.mdx", "getting-started.md", "install.mdx", "guides/a.md", "de/getting-started.md",
            "pt-br/getting-started.md", "chinese/getting-started.md",
        ])
        #expect(made.diagnostics.isEmpty)
        let yaml = made.siteYAML
        #expect(yaml.contains("title: Field guide\ntitle.de: Feldführer\ndescription: All about fields.\n"), "\(yaml)")
        // A folder named by a tag in either case is a language, as in Starlight (`pt-br`, `/pt-br/`).
        #expect(yaml.contains("language: en\nlanguages: [en, de, pt-br]  # the locales with pages\n"), "\(yaml)")
        #expect(yaml.contains("baseURL: https://docs.example.org/guide/\n"))
        #expect(yaml.contains("  mdx: true"))
        #expect(
            yaml.contains(
                "ignore:  # locales whose folders are not named by a language tag (pt-br, not brasil)\n  - chinese\n"))
        #expect(
            yaml.contains(
                """
                nav:  # the sidebar
                  - Start Here:
                    - getting-started.md
                    - Install: install.mdx
                  - Guides: guides/
                  - Changelog: https://example.org/changes
                nav.de:
                  - Beginne hier:
                    - getting-started.md
                    - Installieren: install.mdx
                  - Guides: guides/
                  - Changelog: https://example.org/changes

                """), "\(yaml)")
        #expect(made.navEntryCount == 4)
        #expect(made.notes.contains { $0.contains("left out of the nav, as no page is there: gone") })
        #expect(made.notes.contains { $0.contains("the locales chinese are left out") })
    }

    @Test func settingsWithoutStarlightAreAnError() {
        let made = StarlightImport(
            url: URL(fileURLWithPath: "/p/astro.config.mjs"), file: "astro.config.mjs",
            read: { _ in "export default defineConfig({ integrations: [mdx()] })" })
        #expect(
            made.diagnostics.map(\.message) == ["no starlight({…}) integration with a title found in astro.config.mjs"])
    }
}
