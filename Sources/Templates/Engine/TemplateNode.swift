/// A compiled template: the tree of nodes its text parses into.
struct CompiledTemplate: Sendable {
    var nodes: [TemplateNode]
}

/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Literal text, at most one line (a line's text ends with its line break).
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or inverted `{{^name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with block overrides; indentation when standalone.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?, at: TemplatePosition)
    /// `{{$name}}default{{/name}}` where a parent template can be overridden.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8]?)
}

/// A value's name in a tag: a dotted path, `.` for the current value, or the current list
/// position, with the transforms wrapped around it (`count(projects)`, `first()`).
struct TemplateName: Sendable, Equatable {
    enum Scope: Sendable, Equatable {
        /// `.`: the value the innermost section is about.
        case current
        /// `first()` and friends without a value: the position in the list being iterated.
        case sequence
        /// `.a.b`: looked up in the current value only.
        case anchored([String])
        /// `a.b`: `a` is looked up from the innermost value outwards, then `.b` inside it.
        case path([String])
    }

    var scope: Scope
    /// Applied innermost first: `lowercased(count(x))` is `["count", "lowercased"]`.
    var transforms: [String]
    /// The text between the braces, to match a section's closing tag.
    var text: String
    /// Where the value's name starts in the text: `i18n` in `{{#lowercased(i18n.x)}}`.
    var position: TemplatePosition
}

/// Where a tag starts in its template's text: 1-based line and column (in characters).
struct TemplatePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
