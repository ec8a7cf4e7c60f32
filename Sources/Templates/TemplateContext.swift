/// The values a template sees at its root.
public struct TemplateContext: Sendable {
    public var values: [String: TemplateValue]
    public init(_ values: [String: TemplateValue]) { self.values = values }
}

/// A problem in a theme's templates, with its place in the template file.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template file, relative to the theme's templates folder.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
}
