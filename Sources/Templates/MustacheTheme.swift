import Foundation

/// Templates of a theme folder (`*.mustache`, names relative to it without the extension),
/// compiled once, with every partial and parent template checked to exist. The site builder
/// renders its pages with it.
public struct MustacheTheme: Sendable {
    private let program: TemplateProgram
    private let compiled: [String: CompiledTemplate]
    private let sources: [String: String]

    /// Loads and compiles every template below `directory`; throws all problems found.
    public init(directory: URL) throws(TemplateErrors) {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        var sources: [String: String] = [:]
        // Templates there but wrong (said at their mistake): a reference to one is no second error.
        var unreadable = Set<String>()
        for (name, file) in Self.templateFiles(in: directory) {
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else {
                errors.append(
                    TemplateError(
                        file: name + ".mustache", line: 1, column: 1,
                        message: "cannot read the template as UTF-8 text"))
                unreadable.insert(name)
                continue
            }
            do {
                compiled[name] = try TemplateParser.parse(text)
                sources[name] = text
            } catch {
                unreadable.insert(name)
                errors.append(
                    TemplateError(
                        file: name + ".mustache", line: error.line, column: error.column,
                        message: "template syntax: \(error.message)"))
            }
        }
        for (name, template) in compiled.sorted(by: { $0.key < $1.key }) {
            for reference in template.partials
            where compiled[reference.name] == nil && !unreadable.contains(reference.name) {
                errors.append(
                    TemplateError(
                        file: name + ".mustache", line: reference.line, column: reference.column,
                        message:
                            "template '\(reference.name)' does not exist; add \(reference.name).mustache to the "
                            + "theme's templates folder or fix the name"
                    ))
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors) }
        self.init(program: TemplateProgram(compiled), compiled: compiled, sources: sources)
    }

    private init(program: TemplateProgram, compiled: [String: CompiledTemplate], sources: [String: String]) {
        self.program = program
        self.compiled = compiled
        self.sources = sources
    }

    /// Every key of the value `root` (`i18n`) that a tag in the templates names (`{{i18n.title}}`),
    /// by template file.
    public func keys(below root: String) -> [(file: String, reference: TemplateReference)] {
        compiled.sorted { $0.key < $1.key }.flatMap { name, template in
            template.keys(below: root).map { (name + ".mustache", $0) }
        }
    }

    /// Whether a template with this name (`page`, `partials/nav`) exists.
    public func has(_ name: String) -> Bool { compiled[name] != nil }

    /// An equal set of templates that shares no reference-counted storage with this one. Each
    /// thread rendering in parallel takes its own, so the cores do not fight over the counters
    /// of the same template names and texts on every tag.
    public func copyForThread() -> MustacheTheme {
        // Parsing again allocates every name and text anew.
        MustacheTheme(
            program: TemplateProgram(sources.mapValues { try! TemplateParser.parse($0) }), compiled: compiled,
            sources: sources)
    }

    /// Renders the named template; nil when there is no such template.
    public func render(_ name: String, context: TemplateContext) -> String? {
        renderUTF8(name, context: context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same as `render`, as UTF-8 bytes (what is written to disk, without a String between).
    public func renderUTF8(_ name: String, context: TemplateContext) -> [UInt8]? {
        renderUTF8(name, context: context, memo: nil)
    }

    /// The same, writing again what partials rendered from `ReusedValues` where `memo` shows
    /// it is the same output.
    public func renderUTF8(_ name: String, context: TemplateContext, memo: PartialMemo?) -> [UInt8]? {
        var renderer = TemplateRenderer(program: program, root: context.values, current: context.current, memo: memo)
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
