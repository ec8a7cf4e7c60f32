import Foundation
import Testing

@testable import SiteBuilder

/// `kretslopp import .vitepress/config.ts`: the settings read without running them, names,
/// imports, spreads and wrapping calls followed (`JSModule`); the sidebar as `nav:`, the top bar
/// as `menu:`, the locales with pages here as languages (`VitePressImport`, `VitePressSidebar`).
@Suite struct VitePressImportTests {
    /// Files in memory, by path below `/p/`.
    static func reader(_ files: [String: String]) -> (URL) -> String? {
        { url in files[String(url.standardized.path.dropFirst("/p/".count))] }
    }

    static func module(_ files: [String: String], _ path: String = "docs/.vitepress/config.ts") -> JSModule {
        let url = URL(fileURLWithPath: "/p/" + path)
        return JSModule(text: files[path] ?? "", file: url, read: reader(files))
    }

    /// Names (also a member of an imported JSON file's object), an import under another name, a
    /// spread whose keys a later key overrides in place, calls around the object, templates, and
    /// a comment whose apostrophe is no quote; what is code stays code.
    @Test func namesImportsSpreadsAndCallsAreFollowed() throws {
        let files = [
            "docs/.vitepress/config.ts": """
            import { defineConfig } from 'vitepress'
            import { shared as base, META_URL } from './shared'
            import pkg from '../../package.json' with { type: 'json' }
            const name = 'Vitest'
            const version = pkg.version
            export default ({ mode }: { mode: string }) => {
              return withPwa(defineConfig({
                ...base,
                title: name, // it's the name
                description: `${name} ${version} at ${META_URL}`,
                copyright: `© ${new Date().getFullYear()} us`,
                env: process.env.X,
                list: [...base.extra, 'c'],
              }))
            }
            """,
            "docs/.vitepress/shared.ts": """
            export const META_URL = 'https://vitest.dev'
            export const shared = defineConfig({ lang: 'en-US', title: 'Old', extra: ['a', 'b'] })
            """,
            "package.json": #"{"name": "vitest", "version": "4.0.1"}"#,
        ]
        let module = Self.module(files)
        let settings = try #require(module.settings)
        #expect(settings.pairs?.map(\.key) == ["lang", "title", "extra", "description", "copyright", "env", "list"])
        #expect(settings["title"]?.string == "Vitest")
        #expect(settings["lang"]?.string == "en-US")
        #expect(settings["description"]?.string == "Vitest 4.0.1 at https://vitest.dev")
        #expect(settings["list"]?.array?.compactMap(\.string) == ["a", "b", "c"])
        let copyright = try #require(module.text(of: settings["copyright"]))
        #expect(copyright.text == "©  us" && copyright.leftOut == ["new Date().getFullYear()"])
        if case .code(let code)? = settings["env"] { #expect(code == "process.env.X") } else { Issue.record("env") }
    }

    /// `export default config` after `const config = defineConfig({…})`, and `extendConfig(config)`;
    /// a call with TypeScript's type arguments (Vue's docs: `defineConfigWithTheme<ThemeConfig>({…})`).
    @Test func theDefaultExportIsFollowedThroughNames() throws {
        for ending in ["export default config", "export default extendConfig(config)"] {
            let files = ["docs/.vitepress/config.ts": "const config = defineConfig({ title: 'Vite' })\n\n" + ending]
            #expect(Self.module(files).settings?["title"]?.string == "Vite")
        }
        let typed = [
            "docs/.vitepress/config.ts": """
            const nav: ThemeConfig['nav'] = [{ text: 'Guide', link: '/guide/' }]
            export default defineConfigWithTheme<ThemeConfig>({ title: 'Vue.js', themeConfig: { nav } })
            """
        ]
        let settings = Self.module(typed).settings
        #expect(settings?["title"]?.string == "Vue.js")
        #expect(settings?["themeConfig"]?["nav"]?.array?.first?["text"]?.string == "Guide")
    }

    static let pages = [
        "index.md", "guide/index.md", "guide/features.md", "guide/cli.md", "config/index.md",
        "config/server-options.md", "zh/index.md", "zh/guide/index.md", "zh/guide/features.md", "team.md",
    ]

    static func imported(_ config: String, pages: [String] = pages, public: Bool = false) -> VitePressImport {
        let files = ["docs/.vitepress/config.mts": config]
        var made = VitePressImport(
            url: URL(fileURLWithPath: "/p/docs/.vitepress/config.mts"), file: "docs/.vitepress/config.mts",
            read: reader(files))
        made.read(pages: pages, hasPublicFolder: `public`)
        return made
    }

    /// A sidebar per part of the site is one nav: each part titled as the menu titles it, a
    /// group's own link first, links as VitePress writes them (`/guide/`, `/guide/cli.html`,
    /// `./features`, `server-options` after a part's `base:`) as files, a page that is not there
    /// left out and said; a drop-down is its first link in the menu.
    @Test func sidebarsAreTheNavAndTheTopBarTheMenu() throws {
        let made = Self.imported(
            """
            export default defineConfig({
              title: 'Vite', description: 'Tooling', lang: 'en-US', cleanUrls: true,
              sitemap: { hostname: 'https://vite.dev' }, base: '/docs/',
              srcExclude: ['**/examples/*'],
              themeConfig: {
                nav: [
                  { text: 'Guide', link: '/guide/', activeMatch: '/guide/' },
                  { text: 'Config', link: '/config/' },
                  { text: 'More', items: [{ items: [{ text: 'Team', link: '/team' }] }] },
                ],
                sidebar: {
                  '/guide/': [
                    { text: 'Introduction', link: '/guide/', items: [
                      { text: 'Features', link: '/guide/features' },
                      { text: 'CLI', link: '/guide/cli.html' },
                      { text: 'Gone', link: '/guide/gone' },
                    ] },
                    { text: 'Source', link: 'https://github.com/vitejs/vite' },
                  ],
                  '/config/': {
                    base: '/config/', items: [{ text: 'Config', items: [{ text: 'Server', link: 'server-options' }] }],
                  },
                },
              },
            })
            """, public: true)
        #expect(made.diagnostics.isEmpty)
        let yaml = made.siteYAML
        #expect(yaml.contains("title: Vite\ndescription: Tooling\nlanguage: en-US\nbaseURL: https://vite.dev/docs/\n"))
        #expect(!yaml.contains("keepHTML"), "cleanUrls: true")
        #expect(yaml.contains("static: public"))
        #expect(yaml.contains("  - '**/examples/*'  # srcExclude\n"))
        #expect(
            yaml.contains(
                """
                nav:  # themeConfig.sidebar
                  - Guide:
                    - Introduction:
                      - Introduction: guide/index.md
                      - Features: guide/features.md
                      - CLI: guide/cli.md
                    - Source: https://github.com/vitejs/vite
                  - Config:
                    - Server: config/server-options.md

                """), "\(yaml)")
        #expect(yaml.contains("  - title: More\n    url: /team/\n"))
        #expect(made.navEntryCount == 2)
        #expect(made.notes.contains { $0.contains("left out of the nav") && $0.contains("/guide/gone") })
        #expect(made.notes.contains { $0.contains("drop-downs (More)") })
    }

    /// The root locale's settings are the default language's; a locale with a folder of pages is
    /// a language with its own title, nav (the default language's files) and menu; a locale at
    /// another site is said; without cleanUrls the x.html URLs are kept.
    @Test func localesWithPagesHereAreLanguages() throws {
        let made = Self.imported(
            """
            const en = { description: 'In English', themeConfig: { sidebar: [{ text: 'Start', link: '/guide/' }] } }
            export default defineConfig({
              title: 'Pinia',
              themeConfig: { nav: [{ text: 'Guide', link: '/guide/' }] },
              locales: {
                root: { label: 'English', lang: 'en-US', ...en },
                zh: { label: '简体中文', lang: 'zh-CN', link: '/zh/', title: 'Pinia 中文',
                  themeConfig: { nav: [{ text: '指南', link: '/zh/guide/' }],
                    sidebar: [{ text: '开始', link: '/zh/guide/' }, { text: '特性', link: '/zh/guide/features' }] } },
                es: { label: 'Español', link: 'https://es.pinia.dev/' },
              },
            })
            """)
        let yaml = made.siteYAML
        #expect(yaml.contains("description: In English\nlanguage: en-US\nlanguages: [en-US, zh]"), "\(yaml)")
        #expect(yaml.contains("translations: partial"))
        #expect(yaml.contains("title.zh: Pinia 中文\n"))
        #expect(yaml.contains("nav:  # themeConfig.sidebar\n  - Start: guide/index.md\n"))
        #expect(yaml.contains("menu.zh:\n  - title: 指南\n    url: /guide/\n"))
        #expect(yaml.contains("nav.zh:\n  - 开始: guide/index.md\n  - 特性: guide/features.md\n"))
        #expect(yaml.contains("  keepHTML: true"))
        #expect(made.notes.contains { $0.contains("not imported: es") })
    }

    /// VitePress' own docs: the English pages in `en/`, moved to the root by `rewrites`, are the
    /// default language named after their folder; each locale's additional settings
    /// (`defineAdditionalConfig` in its folder's config.ts, the root's in the source folder) are
    /// merged over its own, their sidebars written by functions that return them.
    @Test func additionalSettingsFunctionsAndTheDefaultLanguagesFolder() throws {
        let files = [
            "docs/.vitepress/config.mts": """
            export default defineConfig({
              title: 'VitePress', rewrites: { 'en/:rest*': ':rest*' },
              locales: { root: { label: 'English', lang: 'en-US' }, zh: { label: '简体中文', lang: 'zh-Hans' } },
            })
            """,
            "docs/config.ts": """
            export default defineAdditionalConfig({
              description: 'Vite & Vue powered',
              themeConfig: { sidebar: { '/guide/': { base: '/guide/', items: sidebarGuide() } } },
            })

            function sidebarGuide(): DefaultTheme.SidebarItem[] {
              return [{ text: 'Introduction', items: [{ text: 'Getting Started', link: 'getting-started' }] }]
            }
            """,
            "docs/zh/config.ts": """
            import { zhNav } from './nav'
            export default defineAdditionalConfig({ description: '静态站点生成器', themeConfig: { nav: zhNav() } })
            """,
            "docs/zh/nav.ts":
                "export function zhNav() {\n  return [{ text: '指南', link: '/zh/guide/getting-started' }]\n}\n",
        ]
        var made = VitePressImport(
            url: URL(fileURLWithPath: "/p/docs/.vitepress/config.mts"), file: "docs/.vitepress/config.mts",
            read: Self.reader(files))
        made.read(pages: ["en/index.md", "en/guide/getting-started.md", "zh/index.md", "zh/guide/getting-started.md"])
        let yaml = made.siteYAML
        #expect(yaml.contains("description: Vite & Vue powered\nlanguage: en\nlanguages: [en, zh]"), "\(yaml)")
        #expect(yaml.contains("description.zh: 静态站点生成器\n"))
        #expect(
            yaml.contains(
                "nav:  # themeConfig.sidebar\n  - Introduction:\n    - Getting Started: guide/getting-started.md\n"))
        #expect(yaml.contains("menu.zh:\n  - title: 指南\n    url: /guide/getting-started/\n"))
        #expect(!made.notes.contains { $0.hasPrefix("rewrites") })
    }

    /// A settings file with no object in it is an error at its start.
    @Test func noSettingsIsAnError() {
        let made = Self.imported("import x from 'y'\n")
        #expect(made.diagnostics.map(\.message) == ["no settings object found in docs/.vitepress/config.mts"])
        #expect(made.siteYAML.isEmpty)
    }
}
