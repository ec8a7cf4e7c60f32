import Foundation
import Mustache

/// Templates of a theme folder (`*.mustache`, names relative to it without the extension),
/// compiled once, with every partial and parent template checked to exist.
public struct MustacheTheme: TemplateRendering {
    private let library: MustacheLibrary
    private let names: Set<String>
    private let sources: [String: String]

    /// Loads and compiles every template below `directory`; throws all problems found.
    public init(directory: URL) throws(TemplateErrors) {
        var library = MustacheLibrary()
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
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                errors.append(TemplateError(file: name + ".mustache", line: error.context.lineNumber,
                                            column: error.context.columnNumber,
                                            message: "template syntax: \(Self.describe(error.error))"))
            } catch {
                errors.append(TemplateError(file: name + ".mustache", line: 1, column: 1, message: "\(error)"))
            }
        }
        let known = Set(sources.keys)
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateReferences.find(in: text) where reference.name.contains("/") && text.contains("{{<\(reference.name)") {
                errors.append(TemplateError(
                    file: name + ".mustache", line: reference.line, column: reference.column,
                    message: "parent template '\(reference.name)' must sit directly in templates/ (its closing tag cannot contain '/'); move it and use {{<\(reference.name.split(separator: "/").last!)}}"))
            }
            for reference in TemplateReferences.find(in: text) where !known.contains(reference.name) {
                errors.append(TemplateError(
                    file: name + ".mustache", line: reference.line, column: reference.column,
                    message: "template '\(reference.name)' does not exist; add \(reference.name).mustache to the theme's templates folder or fix the name"))
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors: errors) }
        self.library = library
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

    public func render(_ name: String, context: TemplateContext) -> String? {
        library.render(context.values, withTemplate: name)
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

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag {{/…}} does not match the open section"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section {{#…}} is never closed with {{/…}}"
        case .invalidSetDelimiter?: return "bad set-delimiter tag"
        case .textInsideInheritSection?, .illegalTokenInsideInheritSection?:
            return "only {{$block}} overrides may stand inside {{<parent}}…{{/parent}}"
        default: return "\(error)"
        }
    }
}

/// Every problem found while loading a theme.
public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]
}
