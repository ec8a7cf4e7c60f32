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

/// Text that is already UTF-8 bytes, such as a rendered Markdown body: templates show it like a
/// string, and it is copied into the page without becoming a String first.
public struct UTF8Text: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    // Described as the string it holds, also inside a described dictionary (`{{.}}` at the root).
    public var description: String { String(decoding: bytes, as: UTF8.self) }
    public var debugDescription: String { description.debugDescription }
}
