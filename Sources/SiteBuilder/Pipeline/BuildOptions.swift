import Foundation

/// What to build and how.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    /// Paths as the user typed them, for messages.
    var contentDisplay: String
    var themeDisplay: String
    public var baseURL: String?
    public var includeDrafts: Bool
    public var linkStyle: LinkStyle
    /// HTML injected into every page by the preview server.
    public var liveReload: String
    /// Print how long each stage took to standard error; stages then run one after another.
    public var timings = false
    /// Build the search index; off only to measure what the index costs (`make bench`), since the
    /// theme's search then finds nothing.
    public var searchIndex = true
    /// Whether the build frees what it is done with. `kretslopp build` ends its process right
    /// after, and the exit returns the memory at once: freeing the cards, the model and the
    /// bodies object by object would cost it CPU time for nothing.
    public var freesWhenDone = true

    public init(
        content: String = "Content", theme: String = "Themes/default", baseURL: String? = nil,
        includeDrafts: Bool = false, linkStyle: LinkStyle = .pretty, liveReload: String = ""
    ) {
        self.content = URL(fileURLWithPath: content)
        self.theme = URL(fileURLWithPath: theme)
        self.contentDisplay = content.hasSuffix("/") ? String(content.dropLast()) : content
        self.themeDisplay = theme.hasSuffix("/") ? String(theme.dropLast()) : theme
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.linkStyle = linkStyle
        self.liveReload = liveReload
    }
}
