/// The values a template sees: nested dictionaries, arrays, strings, numbers and booleans.
public struct TemplateContext: @unchecked Sendable {
    // Values are plain immutable trees built by the caller; nothing mutates them after creation.
    public var values: [String: Any]
    public init(_ values: [String: Any]) { self.values = values }
}

/// A problem in a theme's templates, with its place in the template file.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template file, relative to the theme's templates folder.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
}

/// Renders named templates with a context. The core sees only this.
public protocol TemplateRendering: Sendable {
    /// Whether a template with this name (`page`, `partials/nav`) exists.
    func has(_ name: String) -> Bool
    /// Renders the named template; nil when there is no such template.
    func render(_ name: String, context: TemplateContext) -> String?
    /// The same as `render`, as UTF-8 bytes (what is written to disk, without a String between).
    func renderUTF8(_ name: String, context: TemplateContext) -> [UInt8]?
    /// The same, writing again what partials rendered from `ReusedValues` where `memo` shows
    /// it is the same output.
    func renderUTF8(_ name: String, context: TemplateContext, memo: PartialMemo?) -> [UInt8]?
    /// An equal set of templates that shares no reference-counted storage with this one. Each
    /// thread rendering in parallel takes its own, so the cores do not fight over the counters
    /// of the same template nodes on every tag.
    func copyForThread() -> any TemplateRendering
}

extension TemplateRendering {
    public func renderUTF8(_ name: String, context: TemplateContext) -> [UInt8]? {
        render(name, context: context).map { Array($0.utf8) }
    }

    public func renderUTF8(_ name: String, context: TemplateContext, memo: PartialMemo?) -> [UInt8]? {
        renderUTF8(name, context: context)
    }

    public func copyForThread() -> any TemplateRendering { self }
}

/// Text that is already UTF-8 bytes, such as a rendered Markdown body: templates show it like a
/// string, and it is copied into the page without becoming a String first.
public struct UTF8Text: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    // Described as the string it holds, also inside a described dictionary (`{{.}}` at the root).
    public var description: String { String(decoding: bytes, as: UTF8.self) }
    public var debugDescription: String { description.debugDescription }
}
