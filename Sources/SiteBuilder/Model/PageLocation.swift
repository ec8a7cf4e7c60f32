import Markdown

/// Where a Markdown file's page sits: its kind, its folder and its site path, from its path below
/// the content folder. Names keep their characters where a URL path allows them unencoded.
struct PageLocation: Equatable {
    var kind: Page.Kind
    /// The page's folder below the content folder, as written (`docs/v26.2`); empty at the top.
    var folder: String
    /// Site path: `/docs/v26.2/getting_started/`.
    var path: String
    /// The day a dated file name starts with (`2018-10-10-hello.md`), where names are read so.
    var nameDate: String? = nil

    init(kind: Page.Kind, folder: String, path: String) {
        self.kind = kind
        self.folder = folder
        self.path = path
    }

    /// The location of the file at `relativePath` (`docs/v26.2/getting_started.md`); a folder's
    /// `_index.md` or `index.md` is its page (`docs/index.md` -> `/docs/`), and so are the files in
    /// `folderPages` (`PageLocation.folderPages`): a `README.md`, or `x.md` for the folder `x/`
    /// beside it. `names`: how file and folder names become URL segments (lower case as Hugo
    /// writes them, slugs as Zola does). `home`: site.yaml's `home:`, the file that is the site's
    /// front page instead of a README.md at the top. `datedNames`: a page's file name that starts
    /// with a day (`2018-10-10-hello-world.md`, `2018-10-10_hello.md`) gives the page that date
    /// (`nameDate`) and the rest of the name, as Zola reads names (and Jekyll its posts').
    init(
        of relativePath: String, folderPages: FolderPages = FolderPages(), names: URLNames = .asWritten,
        home: String? = nil, datedNames: Bool = false
    ) {
        if let home, relativePath == home {
            (kind, folder, path) = (.home, "", "/")
            return
        }
        // Over bytes where every byte is a character (ASCII): this runs for every page; a slash
        // with a combining mark on it is no separator, so other paths are split by Character.
        var parts =
            ASCIIPath.isASCII(relativePath)
            ? relativePath.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
            : relativePath.split(separator: "/").map(String.init)
        var name = String(parts.removeLast().dropLast(3))
        folder = parts.joined(separator: "/")
        let folderPath = Self.sitePath(ofFolder: folder, names: names)
        let isFolderPage = folderPages.pages.contains(relativePath) && !(home != nil && relativePath == "README.md")
        // `index.md` is the folder's page in MkDocs, Hugo (a leaf bundle), Zola and Jekyll alike:
        // it keeps the URL those gave it.
        if (name == "index" || (name == "README" && isFolderPage)) && folderPages.leaves.contains(relativePath) {
            // A folder of one page (Hugo's and Zola's leaf bundle: the page and its images): a
            // page of the section above, at the folder's URL.
            parts.removeLast()
            folder = parts.joined(separator: "/")
            kind = parts.isEmpty ? .standalone : .regular
            path = folderPath
        } else if name == "_index" || name == "index" || (name == "README" && isFolderPage) {
            kind = parts.isEmpty ? .home : .sectionIndex
            path = folderPath
        } else if isFolderPage {
            // `x.md` beside `x/`: the folder's page, at the URL it had (`/x/`).
            folder = folder.isEmpty ? name : folder + "/" + name
            kind = .sectionIndex
            path = folderPath + URLSegment.make(name, names: names) + "/"
        } else {
            kind = parts.isEmpty ? .standalone : .regular
            if datedNames, let (day, rest) = Self.dated(name) {
                nameDate = day
                name = rest ?? day
            }
            path = folderPath + URLSegment.make(name, names: names) + "/"
        }
    }

    /// The day a file name starts with and the name after it (nil when nothing follows):
    /// `2018-10-10-hello-world` -> (`2018-10-10`, `hello-world`), `2018-10-10` -> (`2018-10-10`,
    /// nil); nil for a name that does not start with a calendar day and then `-`, `_` or nothing.
    /// Zola's RFC 3339 times in names (`2018-10-10T10:00:00Z-x`) are read as their day.
    static func dated(_ name: String) -> (day: String, rest: String?)? {
        let bytes = Array(name.utf8)
        guard bytes.count >= 10 else { return nil }
        let day = String(decoding: bytes[..<10], as: UTF8.self)
        guard CalendarDate.isValid(day) else { return nil }
        var end = 10
        // A time after the day (`T10:00:00Z`): the longest one that ends the name or a `-`/`_`.
        if end < bytes.count, bytes[end] == UInt8(ascii: "T") {
            guard bytes.count >= 17 else { return nil }
            let ends = (17...bytes.count).reversed().filter {
                $0 == bytes.count || bytes[$0] == UInt8(ascii: "-") || bytes[$0] == UInt8(ascii: "_")
            }
            guard
                let timed = ends.first(where: {
                    CalendarDate.dateOfTimestamp(String(decoding: bytes[..<$0], as: UTF8.self)) != nil
                })
            else { return nil }
            end = timed
        }
        if end == bytes.count { return (day, nil) }
        guard bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "_") else { return nil }
        let rest = String(decoding: bytes[(end + 1)...], as: UTF8.self)
        return (day, rest.isEmpty ? nil : rest)
    }

    /// The Markdown files that are their folder's page besides `_index.md` and `index.md`: a
    /// folder's `README.md`, as MkDocs and GitHub show it, and `x.md` beside a folder `x/` of
    /// pages, as mdBook and MkDocs trees keep a chapter and its sub-chapters; each only for a
    /// folder without `index.md` or `_index.md` (then it is a page of its own), and `x.md` only
    /// for a folder without a README.md either. `paths` are the Markdown files below the content
    /// folder.
    static func folderPages(_ paths: some Sequence<String>) -> FolderPages {
        var readmes = Set<Substring>()
        var indexed = Set<Substring>()
        /// Every folder with a Markdown file in it or below it, and whether it has more than one.
        var withPages = Set<Substring>()
        var withSeveral = Set<Substring>()
        var named: [(path: String, folder: Substring)] = []
        var indexFiles: [String] = []
        // Bytes: this runs over every page's path on every build, the preview's too.
        for path in paths {
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let name = path.utf8[(slash.map { path.utf8.index(after: $0) } ?? path.utf8.startIndex)...]
            let folder = slash.map { path[..<$0] } ?? ""
            var above = folder
            // Up to the first folder that had several already: those above it have too.
            while !above.isEmpty, !withSeveral.contains(above) {
                if !withPages.insert(above).inserted { withSeveral.insert(above) }
                above = above.utf8.lastIndex(of: UInt8(ascii: "/")).map { above[..<$0] } ?? ""
            }
            if name.elementsEqual("index.md".utf8) { indexFiles.append(path) }
            if name.elementsEqual("README.md".utf8) {
                readmes.insert(folder)
            } else if name.elementsEqual("index.md".utf8) || name.elementsEqual("_index.md".utf8) {
                indexed.insert(folder)
            } else if path.utf8.count > 3 {
                // `docs/x.md` names the folder `docs/x`.
                named.append((path, path.dropLast(3)))
            }
        }
        var pages = Set(readmes.subtracting(indexed).map { $0.isEmpty ? "README.md" : $0 + "/README.md" })
        for (path, folder) in named
        where withPages.contains(folder) && !indexed.contains(folder) && !readmes.contains(folder) {
            pages.insert(path)
        }
        // A folder's index.md or README.md that is the only Markdown file in it and below it.
        let leaves = (indexFiles + pages.filter { $0.hasSuffix("README.md") }).filter { path in
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
            return !withSeveral.contains(path[..<slash])
        }
        let unpaged = withPages.filter { folder in
            !indexed.contains(folder) && !readmes.contains(folder) && !pages.contains(folder + ".md")
        }
        return FolderPages(pages: pages, leaves: Set(leaves), unpaged: Set(unpaged.map(String.init)))
    }

    /// The site path of a folder below the content folder: `docs/v26.2` -> `/docs/v26.2/`. A
    /// folder whose name starts with `_` (read through `include:`) is at its name without it, as
    /// Jekyll writes its collections and posts: `_posts` -> `/posts/`.
    static func sitePath(ofFolder folder: String, names: URLNames = .asWritten) -> String {
        "/"
            + folder.split(separator: "/").map { part in
                let name = part.drop { $0 == "_" }
                return URLSegment.make(String(name.isEmpty ? part : name), names: names) + "/"
            }.joined()
    }
}

/// A file or folder name, or a `slug:`, as one segment of a URL path.
enum URLSegment {
    /// The name as written when every character may stand unencoded in a URL path and in a file
    /// name on any system (`v26.2`, `API_Guide`, `getting_started`); else its slug (spaces, å ä ö,
    /// `&`, `%`...: `Åtgärder för Östersund` -> `atgarder-for-ostersund`), or `sida` when no letter
    /// or digit is left.
    /// `.lowercase`: a name kept is lower-cased too (`Chomp` -> `chomp`), as Hugo writes URLs
    /// (`links: {lowercase: true}`); a slug always is. `.slug`: every name is a slug, as Zola
    /// makes them (`links: {slugify: true}`: `getting_started` -> `getting-started`, `v0.17` ->
    /// `v0-17`). A number prefix is left out where `names` says so (`01-intro` -> `intro`).
    static func make(_ written: String, names: URLNames = .asWritten) -> String {
        let name = names.withoutPrefix(written)
        if names.style == .slug { return nonEmpty(Slug.transliterated(name), for: name) }
        if isKept(name) { return names.style == .lowercase ? name.lowercased() : name }
        return nonEmpty(Slug.make(name), for: name)
    }

    /// `slug`, or for a name of no letter or digit (tldr's `[.md`, `%.md`) its characters'
    /// Unicode names (`left-square-bracket`, `percent-sign`): a page of its own, not one `sida`
    /// for all of them.
    private static func nonEmpty(_ slug: String, for name: String) -> String {
        guard slug.isEmpty else { return slug }
        let spelt = Slug.make(name.unicodeScalars.compactMap(\.properties.name).joined(separator: " "))
        return spelt.isEmpty ? "sida" : spelt
    }

    /// True when `name` is made only of the characters RFC 3986 calls unreserved
    /// (`A–Z a–z 0–9 - . _ ~`) and the sub-delimiters a path keeps as they are, which every file
    /// system takes and HTML needs no escape for (`+ , ; = ! $ ( ) ' @`: `clang++`, `C++`, `,`, as
    /// Hugo and MkDocs keep them; not `&`, nor `*` and `:`, which Windows refuses), and is not
    /// `.` or `..`.
    static func isKept(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
                UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"),
                UInt8(ascii: "@"):
                return true
            default:
                return false
            }
        }
    }
}

/// The Markdown files that stand for their folder (`PageLocation.folderPages`).
struct FolderPages: Sendable, Equatable, Hashable {
    /// Those besides `_index.md` and `index.md`: a folder's README.md, `x.md` beside `x/`.
    var pages: Set<String> = []
    /// A folder's `index.md` (or README.md that is its page) with no other Markdown file in the
    /// folder or below it: Hugo's and Zola's leaf bundle, a page of the section above at the
    /// folder's URL, not a section of its own.
    var leaves: Set<String> = []
    /// The folders with pages in them (or below) and no page of their own: a doc whose `id:` or
    /// `slug:` gives it one's URL is that folder's page (`links: {docIDs: true}`).
    var unpaged: Set<String> = []
}

/// How the names of files and folders become the segments of their URLs.
struct URLNames: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        /// As written where a URL allows them unencoded, else slugs.
        case asWritten
        /// The same in lower case, as Hugo writes them (`links: {lowercase: true}`).
        case lowercase
        /// Every name a slug, as Zola's `slugify.paths = "on"` makes them (`links: {slugify: true}`).
        case slug
    }

    var style: Style
    /// A name's number prefix is left out (`01-intro` -> `intro`), as Docusaurus leaves it out of
    /// a doc's URL (`links: {docIDs: true}`; `NumberPrefix`).
    var withoutNumberPrefixes = false

    static let asWritten = URLNames(style: .asWritten)
    static let lowercase = URLNames(style: .lowercase)
    static let slug = URLNames(style: .slug)

    /// The same, number prefixes kept: for names written for the URL (a `slug:`, an `id:`).
    var keepingNumberPrefixes: URLNames { URLNames(style: style) }

    /// `name` without its number prefix where these names leave it out.
    func withoutPrefix(_ name: String) -> String {
        withoutNumberPrefixes ? NumberPrefix(name)?.rest ?? name : name
    }
}

/// Docusaurus' number prefix of a file or folder name, which orders a sidebar and is left out of
/// the URL and the title: `01-intro` -> 1 and `intro`, `003 - Setup` -> 3 and `Setup`. A name
/// that starts like a version (`1.2-notes`, `2021-11-recap`) has none, as Docusaurus reads it.
struct NumberPrefix: Equatable {
    var number: Int
    var rest: String

    init?(_ name: String) {
        let bytes = Array(name.utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func isSeparator(_ i: Int) -> Bool {
            i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "_") || bytes[i] == 0x2E)
        }
        var i = 0
        while isDigit(i) { i += 1 }
        guard i > 0, i <= 9, !(isSeparator(i) && isDigit(i + 1)) else { return nil }
        let digits = i
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        let separators = i
        while isSeparator(i) { i += 1 }
        guard i > separators else { return nil }
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, !isSeparator(i), bytes[i] != 0x20,
            let number = Int(String(decoding: bytes[..<digits], as: UTF8.self))
        else { return nil }
        self.number = number
        rest = String(decoding: bytes[i...], as: UTF8.self)
    }
}
