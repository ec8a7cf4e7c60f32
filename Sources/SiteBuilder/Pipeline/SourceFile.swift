import Foundation
import Markdown

/// A file read from `Content/`.
struct SourceFile: Sendable {
    /// Path relative to the content folder, with `/` separators (`projekt/x.md`).
    var relativePath: String
    /// Path as shown in messages (`Content/projekt/x.md`).
    var displayPath: String
    /// The file's bytes.
    var data: Data {
        get { bytes ?? textOnce?.data ?? Data() }
        set {
            bytes = newValue
            textOnce = nil
        }
    }
    private var bytes: Data?
    /// A page's text when a build read it as text (`LoadContent.readsText`), until it is parsed.
    private var textOnce: TextOnce?
    /// On a site in several languages, the language folder the file was read from (`no/` for
    /// `no/docs/x.md`, whose `relativePath` is its original's, `docs/x.md`); empty otherwise.
    var languageFolder = ""
    /// The page's file's extension as written: `md`; `mdx` (`markdown: {mdx: true}`) or `markdown`
    /// (Jekyll's), whose `relativePath` names the file as the `.md` file it stands for (`x.mdx` is
    /// the page `x.md` would be).
    var writtenExtension = "md"

    /// Whether the file is MDX (`.mdx`).
    var isMDX: Bool { writtenExtension == "mdx" }

    /// The path relative to the content folder as the file is named (`x.mdx`).
    var writtenPath: String {
        writtenExtension == "md" ? relativePath : relativePath.dropLast(2) + writtenExtension
    }

    /// The page a path names (`x.mdx` is the page `x.md` would be where `.mdx` files are pages,
    /// `mdx`; `x.markdown` always); the path as it is otherwise. What links, `nav:`, `home:` and
    /// the preview find pages by.
    static func pagePath(_ path: String, mdx: Bool) -> String {
        guard let written = pageExtension(of: path, mdx: mdx), written != "md" else { return path }
        return path.dropLast(written.count) + "md"
    }

    /// The extension of a page's file (`md`, `markdown`, and `mdx` with `mdx`); nil for other files.
    static func pageExtension(of path: String, mdx: Bool) -> String? {
        if path.hasSuffix(".md") { return "md" }
        if path.hasSuffix(".markdown") { return "markdown" }
        return mdx && path.hasSuffix(".mdx") ? "mdx" : nil
    }

    init(
        relativePath: String, displayPath: String, data: Data, languageFolder: String = "",
        writtenExtension: String = "md"
    ) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = data
        self.languageFolder = languageFolder
        self.writtenExtension = writtenExtension
    }

    /// A page's file read as text (`TextFile`).
    init(relativePath: String, displayPath: String, text: TextOnce, writtenExtension: String = "md") {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.textOnce = text
        self.writtenExtension = writtenExtension
    }

    /// The same file in another place: a translation's, read from its language folder.
    func moved(to relativePath: String, languageFolder: String) -> SourceFile {
        var file = self
        file.relativePath = relativePath
        file.languageFolder = languageFolder
        return file
    }

    /// The same file without its bytes: what a page keeps once its text has been taken apart.
    var withoutBytes: SourceFile {
        SourceFile(
            relativePath: relativePath, displayPath: displayPath, data: Data(), languageFolder: languageFolder,
            writtenExtension: writtenExtension)
    }
}

extension SourceFile {
    /// Where a file copied as it is gets published: `static/pdf/rapport.pdf` -> `pdf/rapport.pdf`;
    /// a file of the page tree in its folder's URL, its own name kept as written, so that it sits
    /// beside the pages of that folder: `Min mapp/bild 1.png` -> `min-mapp/bild 1.png`
    /// (`names`: the folder's URL made as the pages' are).
    static func publishedPath(
        of relativePath: String, names: URLNames = .asWritten, staticFolder: String = "static"
    ) -> String {
        if relativePath.hasPrefix(staticFolder + "/") { return String(relativePath.dropFirst(staticFolder.count + 1)) }
        guard let slash = relativePath.lastIndex(of: "/") else { return relativePath }
        let folder = PageLocation.sitePath(ofFolder: String(relativePath[..<slash]), names: names)
        return String(folder.dropFirst()) + relativePath[relativePath.index(after: slash)...]
    }

    /// The file as UTF-8 text without a byte order mark; reports invalid bytes at their line and column.
    func text(log: DiagnosticLog) -> String? {
        if let text = textOnce?.take() { return text }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Through the contiguous bytes: `String(validating:)` over `Data` goes one byte at a time.
        let decoded = bytes.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text = decoded {
            if let nul = text.firstUTF8Offset(of: 0) {
                log.error(
                    displayPath, position(of: nul, in: bytes),
                    "file contains a NUL byte", hint: "remove it; the file may be binary or damaged")
                return nil
            }
            return text
        }
        let offset = firstInvalidUTF8(bytes)
        log.error(
            displayPath, position(of: offset, in: bytes), "file is not valid UTF-8 text",
            hint: "save the file as UTF-8 in your editor")
        return nil
    }

    private func position(of offset: Int, in bytes: Data.SubSequence) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    private func firstInvalidUTF8(_ bytes: Data.SubSequence) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset = consumed
                consumed += UTF8.width(scalar)
            case .emptyInput: return consumed
            case .error: return offset == consumed ? consumed : consumed
            }
        }
    }
}
