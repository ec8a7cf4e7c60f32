import Foundation

/// Templates of a theme folder (`*.mustache`, names relative to it without the extension),
/// compiled once, with every partial and parent template checked to exist.
public struct MustacheTheme: TemplateRendering {
    private let program: TemplateProgram
    private let names: Set<String>
    private let sources: [String: String]

    /// Loads and compiles every template below `directory`; throws all problems found.
    public init(directory: URL) throws(TemplateErrors) {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        var sources: [String: String] = [:]
        for (name, file) in Self.templateFiles(in: directory) {
            guard let data = FileManager.default.contents(atPath: file.path),
                  let text = String(data: data, encoding: .utf8) else {
                errors.append(TemplateError(file: name + ".mustache", line: 1, column: 1,
                                            message: "cannot read the template as UTF-8 text"))
                continue
            }
            do {
                compiled[name] = try TemplateParser.parse(text)
                sources[name] = text
            } catch {
                errors.append(TemplateError(file: name + ".mustache", line: error.line, column: error.column,
                                            message: "template syntax: \(error.message)"))
            }
        }
        let known = Set(sources.keys)
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateReferences.find(in: text) where !known.contains(reference.name) {
                errors.append(TemplateError(
                    file: name + ".mustache", line: reference.line, column: reference.column,
                    message: "template '\(reference.name)' does not exist; add \(reference.name).mustache to the theme's templates folder or fix the name"))
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors) }
        self.program = TemplateProgram(compiled)
        self.names = known
        self.sources = sources
    }

    /// Every use of a `prefix.key` value (`i18n.title`) in the templates, by template file.
    public func keys(withPrefix prefix: String) -> [(file: String, reference: TemplateReferences.Reference)] {
        sources.sorted { $0.key < $1.key }.flatMap { name, text in
            TemplateReferences.keys(withPrefix: prefix, in: text).map { (name + ".mustache", $0) }
        }
    }

    public func has(_ name: String) -> Bool { names.contains(name) }

    public func copyForThread() -> any TemplateRendering {
        // Parsing again allocates every name and text anew.
        MustacheTheme(program: TemplateProgram(sources.mapValues { try! TemplateParser.parse($0) }), names: names, sources: sources)
    }

    private init(program: TemplateProgram, names: Set<String>, sources: [String: String]) {
        self.program = program
        self.names = names
        self.sources = sources
    }

    public func render(_ name: String, context: TemplateContext) -> String? {
        renderUTF8(name, context: context).map { String(decoding: $0, as: UTF8.self) }
    }

    public func renderUTF8(_ name: String, context: TemplateContext) -> [UInt8]? {
        renderUTF8(name, context: context, memo: nil)
    }

    public func renderUTF8(_ name: String, context: TemplateContext, memo: PartialMemo?) -> [UInt8]? {
        var renderer = TemplateRenderer(program: program, root: context.values, memo: memo)
        guard renderer.render(template: name) else { return nil }
        return renderer.output
    }

    private static func templateFiles(in directory: URL) -> [(String, URL)] {
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, URL)] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            files.append((String(path.dropLast(".mustache".count)), URL(fileURLWithPath: root + "/" + path)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

/// Every problem found while loading a theme.
public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]
}
