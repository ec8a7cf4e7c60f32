import Foundation

/// site.yaml's `markdown: {includes: <folder>}`, resolved.
struct IncludeSettings: Sendable, Equatable {
    /// The folder files may be included from, its real path.
    var root: URL
    /// The content folder, its real path (pages' paths are below it).
    var content: URL
    /// The setting as written, for messages (`markdown: {includes: ..}`).
    var written: String
    /// GitBook's `{% include "file" %}` is read too (`markdown: {gitbook: true}`).
    var gitbook = false
    /// VitePress' `<!--@include: file-->` is read too (`markdown: {vue: true}`).
    var vue = false
    /// MDX's partials, Markdown files a page imports and shows as a component (`import Note from
    /// './_note.md'`, `<Note />`), are read too (`markdown: {mdx: true}`).
    var mdx = false
}

/// The lines of a file to include, taken as mdBook takes them.
struct IncludedLines {
    /// Lines as Rust's `lines()` gives them: no `\r` at their ends, no empty line after a final newline.
    let lines: [Substring]

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// What part of a file a directive takes: a range of lines or the lines of an anchor.
    enum Selection: Equatable {
        /// Lines from `start` (from 0, included) to `end` (excluded); nil: from the first, to the last.
        case range(start: Int?, end: Int?)
        case anchor(String)

        /// From what follows the file's `:` (`2`, `2:10`, `:10`, `2:`, `name`), as mdBook reads it.
        init(_ written: String?) {
            guard let written else {
                self = .range(start: nil, end: nil)
                return
            }
            let parts = written.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            let first = parts[0]
            var start: Int? = nil
            if let number = Int(first) {
                start = max(0, number - 1)
            } else if !first.isEmpty {
                self = .anchor(String(first))
                return
            }
            let end = parts.count > 1 ? Int(parts[1]) : nil
            switch (start, parts.count > 1) {
            case (let start?, true): self = .range(start: start, end: end)
            case (let start?, false): self = .range(start: start, end: start + 1)
            case (nil, _): self = .range(start: nil, end: end)
            }
        }

        var anchor: String? {
            if case .anchor(let name) = self { return name }
            return nil
        }
    }

    /// The selected lines, joined by newlines; nil for an anchor the file does not have.
    func take(_ selection: Selection) -> String? {
        switch selection {
        case .range(let start, let end):
            let from = min(start ?? 0, lines.count)
            let to = max(from, min(end ?? lines.count, lines.count))
            return lines[from..<to].joined(separator: "\n")
        case .anchor(let name):
            var kept: [Substring] = []
            var found = false
            for line in lines {
                if found {
                    if let end = Self.anchorName(line, "ANCHOR_END:") {
                        if end == name { return kept.joined(separator: "\n") }
                    } else if Self.anchorName(line, "ANCHOR:") == nil {
                        kept.append(line)
                    }
                } else if Self.anchorName(line, "ANCHOR:") == name {
                    found = true
                }
            }
            return found ? kept.joined(separator: "\n") : nil
        }
    }

    /// Every line, those outside the selection hidden (`# ` before them), anchors' lines left out.
    func rustdoc(_ selection: Selection) -> String {
        var out: [String] = []
        switch selection {
        case .range(let start, let end):
            for (index, line) in lines.enumerated() {
                let inside = index >= (start ?? 0) && index < (end ?? Int.max)
                out.append(inside ? String(line) : "# " + line)
            }
        case .anchor(let name):
            var inside = false
            for line in lines {
                if inside {
                    if let end = Self.anchorName(line, "ANCHOR_END:") {
                        if end == name { inside = false }
                    } else if Self.anchorName(line, "ANCHOR:") == nil {
                        out.append(String(line))
                    }
                } else if let start = Self.anchorName(line, "ANCHOR:") {
                    if start == name { inside = true }
                } else if Self.anchorName(line, "ANCHOR_END:") == nil {
                    out.append("# " + line)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The name after `marker` (`ANCHOR:` or `ANCHOR_END:`) in `line`, as mdBook's
    /// `ANCHOR:\s*([\w_-]+)` finds it; nil without one.
    static func anchorName(_ line: Substring, _ marker: String) -> String? {
        var rest = line
        // (`ANCHOR:` is not inside `ANCHOR_END:`.)
        while let range = rest.range(of: marker) {
            rest = rest[range.upperBound...]
            let name = rest.drop { $0 == " " || $0 == "\t" }
                .prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }
}
