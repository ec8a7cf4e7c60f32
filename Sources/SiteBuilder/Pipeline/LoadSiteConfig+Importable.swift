import Foundation

/// What to tell a user whose folder has no site.yaml: the settings `kretslopp import` can read.
extension LoadSiteConfig {
    /// Another generator's settings beside the content folder (`book.toml` beside `src/`,
    /// `mkdocs.yml` beside `docs/`, a GitBook space's `.gitbook.yaml` beside `docs/`,
    /// `docusaurus.config.js` beside `docs/` or in `website/` beside it) or in it
    /// (Jekyll's `_config.yml`, `.gitbook.yaml`, VitePress' `.vitepress/config.ts`, a GitBook
    /// space's `SUMMARY.md` without one), as the path to give `kretslopp import`; nil without any.
    func importableSettings() -> String? {
        for name in ["_config.yml", ".gitbook.yaml"]
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) {
            return displayRoot + "/" + name
        }
        for name in VitePressImport.settingsNames
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(".vitepress/" + name).path) {
            return displayRoot + "/.vitepress/" + name
        }
        let parent = root.standardized.deletingLastPathComponent()
        let shown = (displayRoot as NSString).deletingLastPathComponent
        for name in ["mkdocs.yml", "hugo.toml", "hugo.yaml", "book.toml", "config.toml", ".gitbook.yaml"]
        where FileManager.default.fileExists(atPath: parent.appendingPathComponent(name).path) {
            return shown.isEmpty ? name : shown + "/" + name
        }
        for folder in ["", "website/"] {
            for name in DocusaurusImport.settingsNames
            where FileManager.default.fileExists(atPath: parent.appendingPathComponent(folder + name).path) {
                return (shown.isEmpty ? "" : shown + "/") + folder + name
            }
        }
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("SUMMARY.md").path) {
            return displayRoot + "/SUMMARY.md"
        }
        return nil
    }
}
