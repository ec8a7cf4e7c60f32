import Dispatch
import Markdown

/// Stage 3: splits each Markdown file into YAML front matter and body, and reads the fields the
/// build knows. Positions are reported in the `.md` file's own lines.
struct ParseFrontMatter {
    let config: SiteConfig
    let includeDrafts: Bool
    let log: DiagnosticLog

    func run(_ files: [SourceFile]) -> [Page] {
        let pages = ResultSlots<Page?>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { pages[$0] = .some(parse(files[$0])) }
        return pages.values.compactMap { $0 }
    }

    func parse(_ file: SourceFile) -> Page? {
        guard let raw = file.text(log: log) else { return nil }
        let text = raw.firstUTF8Offset(of: 13) != nil ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : raw
        let split = FrontMatterSplitter.split(text)
        if split.unterminated {
            log.error(file.displayPath, .start, "front matter starts with '---' but is never closed",
                      hint: "add a line with only '---' after the last front matter field")
            return nil
        }
        guard let yaml = split.yaml else {
            log.error(file.displayPath, .start, "page has no front matter",
                      hint: "start the file with '---', a line 'title: …', and '---'")
            return nil
        }
        // Most front matter is a few `key: value` lines, read without Yams; the rest, and every
        // problem, goes through Yams.
        guard let root = SimpleYAML.parse(yaml, lineOffset: 1) ?? YAMLReader.parse(yaml, file: file.displayPath, lineOffset: 1, log: log) else {
            return nil
        }
        let read = FieldReader(file: file.displayPath, log: log)
        let map: DataValue
        if root.isNull {
            map = DataValue(.map([]), at: SourcePosition(line: 1, column: 1))
        } else {
            guard let m = read.mapping(root, what: "front matter") else { return nil }
            map = m
        }
        let title = read.string(map, "title", required: true, hint: "add 'title: …' to the front matter")
        let draft = read.bool(map, "draft") ?? false
        if draft && !includeDrafts { return nil }
        var date = read.string(map, "date")
        // Fields whose value was found wrong here: the schema's check would say it once more.
        var reported = Set<String>()
        if let d = date, !CalendarDate.isValid(d) {
            log.error(file.displayPath, map["date"]!.position, "date '\(d)' is not a calendar date in the form YYYY-MM-DD",
                      hint: CalendarDate.hint(example: "date: 2024-05-31"))
            date = nil
            reported.insert("date")
        }

        var terms: [String: [(id: String, position: SourcePosition)]] = [:]
        for taxonomy in config.taxonomies {
            if let values = read.strings(map, taxonomy.key) { terms[taxonomy.key] = values.map { ($0.0, $0.1) } }
        }
        var references: [Reference] = []
        for collection in config.collections {
            for item in read.list(map, collection.key) ?? [] {
                switch item.kind {
                case .string:
                    references.append(Reference(collection: collection.key, id: item.text!, role: nil, position: item.position))
                case .map:
                    guard let id = read.string(item, "id", required: true) else { continue }
                    references.append(Reference(collection: collection.key, id: id, role: read.string(item, "roll"),
                                                position: item["id"]!.position))
                default:
                    log.error(file.displayPath, item.position,
                              "each entry of '\(collection.key)' must be an id or 'id: …' with 'roll: …', not \(item.typeName)")
                }
            }
        }
        let (kind, section, path) = Self.location(of: file.relativePath)
        for rule in config.schema[kind == .regular || kind == .sectionIndex ? section : ""] ?? [] where kind != .sectionIndex {
            guard let value = map[rule.field], !value.isNull else {
                if rule.required {
                    log.error(file.displayPath, map.position, "missing required field '\(rule.field)'",
                              hint: "site.yaml's schema requires it on these pages")
                }
                continue
            }
            if !reported.contains(rule.field), let problem = rule.problem(with: value) {
                log.error(file.displayPath, value.position, problem)
            }
        }
        DangerousValues.check(map, file: file.displayPath, log: log)
        return Page(kind: kind, section: section, source: file, path: path, title: title ?? "",
                    summary: read.string(map, "summary") ?? "", date: date, weight: read.int(map, "weight") ?? 0,
                    draft: draft, status: read.string(map, "status"), terms: terms, references: references,
                    frontMatter: map, frontMatterText: yaml, body: split.body, bodyLineOffset: split.bodyLineOffset)
    }

    /// Kind, section and site path of a Markdown file from its path below the content folder.
    static func location(of relativePath: String) -> (Page.Kind, String, String) {
        var parts = relativePath.split(separator: "/").map(String.init)
        let name = String(parts.removeLast().dropLast(3))
        let folders = parts.map(Slug.make)
        let section = folders.first ?? ""
        if name == "_index" {
            return (folders.isEmpty ? .home : .sectionIndex, section, "/" + folders.map { $0 + "/" }.joined())
        }
        let slug = Slug.make(name).isEmpty ? "sida" : Slug.make(name)
        return (folders.isEmpty ? .standalone : .regular, section, "/" + (folders + [slug]).map { $0 + "/" }.joined())
    }
}

/// Splits `---` front matter from the body.
enum FrontMatterSplitter {
    struct Result: Equatable {
        /// The YAML between the fences; nil when the text has no front matter.
        var yaml: String?
        var body: String
        /// Number of lines before the body.
        var bodyLineOffset: Int
        /// Opened with `---` but never closed.
        var unterminated: Bool
    }

    static func split(_ text: String) -> Result {
        // Only the front matter's lines are looked at; the body is taken whole, as it is.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index? = nil
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = Substring(text[lineStart..<lineEnd]).trimmingTrailingSpaces
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            lineNumber += 1
            if lineNumber == 1 {
                guard line == "---" else { return Result(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false) }
                yamlStart = next
            } else if line == "---" || line == "..." {
                let yaml = String(text[yamlStart!..<lineStart].dropLast(lineStart > yamlStart! ? 1 : 0))
                return Result(yaml: yaml, body: String(text[next...]), bodyLineOffset: lineNumber, unterminated: false)
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
        }
        if lineNumber >= 1 && yamlStart != nil { return Result(yaml: nil, body: "", bodyLineOffset: 0, unterminated: true) }
        return Result(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
