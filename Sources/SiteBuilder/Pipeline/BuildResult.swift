import Foundation

/// The outcome of a build: the site's files (when there were no errors) and every diagnostic.
public struct BuildResult: Sendable {
    /// The files to write; without the pages already written while the build went on.
    public var files: [OutputFile]
    /// Pages written into the output while the build went on (`build(_:to:outputDisplay:)`).
    var streamedFileCount = 0
    /// How many files the site has.
    public var fileCount: Int { streamedFileCount + files.count }
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    /// When the content was last updated: site.yaml's `updated`, else the newest page date.
    public var contentDate: String? = nil
    /// Output path of the report page, when the site has one.
    public var reportPath: String? = nil
    /// Output path of each language's report page, by language (`sv`, `en`); the one language's
    /// on a site in one language.
    public var reportPaths: [String: String] = [:]
    public var siteTitle: String = ""
    /// Every link to another site, where it is written, for `check --external`.
    public var externalLinks: [ExternalLink] = []
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

extension BuildResult {
    /// A build stopped by errors: its diagnostics, and the links to other sites it found.
    init(failed log: DiagnosticLog, externalLinks: [ExternalLink] = []) {
        self.init(files: [], diagnostics: log.all, pageCount: 0, externalLinks: externalLinks)
    }

    /// A good build of `site`: `files` to write, and the paths of the pages already written.
    init(
        _ site: Site, files: [OutputFile], streamed: [String], pageCount: Int, externalLinks: [ExternalLink],
        log: DiagnosticLog
    ) {
        let config = site.config
        self.init(
            files: files, streamedFileCount: streamed.count, diagnostics: log.all, pageCount: pageCount,
            contentDate: config.updated ?? site.pages.compactMap(\.date).max(),
            reportPath: config.report.map { "\($0.path)/index.html" }, siteTitle: config.title,
            externalLinks: externalLinks)
        if let reportPath { reportPaths[config.language] = reportPath }
    }
}

extension ExternalLink {
    /// Every link to another site in the bodies of `site`'s pages, where it is written.
    static func all(in site: Site, bodies: [RenderedBody]) -> [ExternalLink] {
        bodies.indices.flatMap { i in
            bodies[i].externalLinks.map {
                ExternalLink(url: $0.url, file: site.pages[i].source.displayPath, position: $0.position)
            }
        }
    }
}
