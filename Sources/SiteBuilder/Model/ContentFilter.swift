/// What below the content folder is content: every file but names starting with `.`, names
/// starting with `_` outside `static/` and `data/`, and what an `ignore:` pattern matches, unless
/// site.yaml's `include:` names it, as Jekyll's `include:` does (`.gitbook/assets`, where a space
/// synced from GitBook keeps its images).
struct ContentFilter: Sendable, Equatable {
    /// site.yaml's `ignore:` patterns.
    var ignore: [ContentGlob] = []
    /// site.yaml's `include:` paths, without `./` before or `/` after: each file or folder, with
    /// all below it, is content whatever the rules above say.
    var include: [String] = []

    /// Whether an `include:` path is `relative` or a folder above it.
    func isIncluded(_ relative: String) -> Bool {
        include.contains { relative == $0 || relative.hasPrefix($0 + "/") }
    }

    /// Whether an `include:` path lies below the folder `relative`, which must then be read.
    func leadsToIncluded(_ relative: String) -> Bool {
        include.contains { $0.hasPrefix(relative + "/") }
    }
}
