extension ParseFrontMatter {
    /// The source paths of `files` that are no page of `pages` because they could not be read:
    /// an error was reported at them (a draft left out is not one). What only their absence
    /// breaks is not reported again (`Site.unreadablePages`).
    static func unreadable(_ files: [SourceFile], pages: [Page], log: DiagnosticLog) -> Set<String> {
        guard pages.count < files.count else { return [] }
        let failed = Set(log.all.lazy.filter { $0.severity == .error }.map(\.file))
        guard !failed.isEmpty else { return [] }
        let read = Set(pages.lazy.map(\.source.relativePath))
        return Set(
            files.lazy.filter { !read.contains($0.relativePath) && failed.contains($0.displayPath) }.map(\.relativePath)
        )
    }
}
