/// A name a template uses, and where: the 1-based line and column of the partial tag, or of the
/// value's name inside a tag (`i18n` in `{{i18n.title}}`).
public struct TemplateReference: Equatable, Sendable {
    public var name: String
    public var line: Int
    public var column: Int
}

/// What a compiled template uses, found by walking its nodes: only tags count, whatever
/// delimiters they were written with; text and comments that look like tags do not.
extension CompiledTemplate {
    /// Every partial and parent template the template includes, in the order of its text.
    var partials: [TemplateReference] {
        var found: [TemplateReference] = []
        Self.visit(nodes) { node in
            if case .partial(let name, _, _, let position) = node { found.append(TemplateReference(name, position)) }
        }
        return Self.inTextOrder(found)
    }

    /// Every key of the value `root` that a variable or section tag names, in the order of the
    /// text: `{{i18n.title}}` and `{{#lowercased(i18n.more)}}` use `title` and `more` of `i18n`.
    func keys(below root: String) -> [TemplateReference] {
        var found: [TemplateReference] = []
        Self.visit(nodes) { node in
            let name: TemplateName
            switch node {
            case .variable(let tagName, _), .section(let tagName, _, _): name = tagName
            default: return
            }
            if case .path(let parts) = name.scope, parts.count > 1, parts[0] == root {
                found.append(TemplateReference(parts[1], name.position))
            }
        }
        return Self.inTextOrder(found)
    }

    private static func visit(_ nodes: [TemplateNode], _ body: (TemplateNode) -> Void) {
        for node in nodes {
            body(node)
            switch node {
            case .section(_, let children, _): visit(children, body)
            case .partial(_, _, let overrides?, _): for blockNodes in overrides.values { visit(blockNodes, body) }
            case .block(_, let defaultNodes, _): visit(defaultNodes, body)
            case .text, .variable, .partial: break
            }
        }
    }

    /// Block overrides are kept by name, not in order: the positions give the order back.
    private static func inTextOrder(_ references: [TemplateReference]) -> [TemplateReference] {
        references.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}

extension TemplateReference {
    init(_ name: String, _ position: TemplatePosition) {
        self.init(name: name, line: position.line, column: position.column)
    }
}
