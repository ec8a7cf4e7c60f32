/// The files a preview session serves, by output path (`projekt/x/index.html`), and how many
/// times they were changed.
///
/// A swap of thousands of files is worked out (which paths change, byte for byte) before the
/// session's lock is taken, against the files published at that moment; under the lock it
/// applies as worked out when nothing was published since, and is worked out again only if
/// something was. The next edit's rebuild waits for that lock: it must not wait for a byte-wise
/// comparison of the whole site.
struct PublishedFiles {
    private(set) var files: [String: OutputFile] = [:]
    /// Increases with every change.
    private(set) var version = 0

    subscript(path: String) -> OutputFile? {
        get { files[path] }
        set {
            files[path] = newValue
            version += 1
        }
    }

    /// A replacement of every file, worked out against the files as they are now.
    func replacement(by newFiles: [OutputFile]) -> Swap {
        var next = [String: OutputFile](minimumCapacity: newFiles.count)
        for file in newFiles { next[file.path] = file }
        return Swap(kind: .everything(next), basis: version, changed: changes(to: .everything(next)))
    }

    /// An update of some files (`files` added or replaced; those under `dropping` that are not
    /// among them removed), worked out against the files as they are now.
    func update(_ newFiles: [OutputFile], dropping isDropped: @escaping @Sendable (String) -> Bool) -> Swap {
        let kind = Swap.Kind.some(newFiles, dropping: isDropped)
        return Swap(kind: kind, basis: version, changed: changes(to: kind))
    }

    /// What `apply` did: the paths it changed (added, modified or removed), sorted, and the
    /// files published before, for the caller to let go of outside its lock (freeing thousands
    /// of files takes time).
    typealias Swapped = (changed: [String], before: [String: OutputFile])

    /// Applies `swap`, worked out again first if the files changed since.
    mutating func apply(_ swap: Swap) -> Swapped {
        let changed = swap.basis == version ? swap.changed : changes(to: swap.kind)
        let before = files
        switch swap.kind {
        case .everything(let next):
            files = next
        case .some(let newFiles, let isDropped):
            let kept = Set(newFiles.map(\.path))
            for path in files.keys where isDropped(path) && !kept.contains(path) { files[path] = nil }
            for file in newFiles { files[file.path] = file }
        }
        version += 1
        return (changed, before)
    }

    private func changes(to kind: Swap.Kind) -> [String] {
        var changed: [String] = []
        switch kind {
        case .everything(let next):
            for (path, file) in next where files[path]?.bytes != file.bytes { changed.append(path) }
            for path in files.keys where next[path] == nil { changed.append(path) }
        case .some(let newFiles, let isDropped):
            let kept = Set(newFiles.map(\.path))
            for path in files.keys where isDropped(path) && !kept.contains(path) { changed.append(path) }
            for file in newFiles where files[file.path]?.bytes != file.bytes { changed.append(file.path) }
        }
        return changed.sorted()
    }

    /// A change to the published files, worked out against one version of them.
    struct Swap: Sendable {
        enum Kind: Sendable {
            /// Every file replaced by these (by output path).
            case everything([String: OutputFile])
            /// These files added or replaced; the others whose path `dropping` accepts removed.
            case some([OutputFile], dropping: @Sendable (String) -> Bool)
        }
        let kind: Kind
        let basis: Int
        let changed: [String]
    }
}
