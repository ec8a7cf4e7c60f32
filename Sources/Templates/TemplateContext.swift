/// The values a template sees at its root.
public struct TemplateContext: Sendable {
    public var values: TemplateMap
    /// A value the template starts inside of, as a section over it would push it: names are
    /// looked up in it first, then at the root (a card rendered on its own, without its values
    /// and the root's merged into one dictionary for each card).
    public var current: TemplateValue?

    public init(_ values: TemplateMap, current: TemplateValue? = nil) {
        self.values = values
        self.current = current
    }
}

/// A problem in a theme's templates, with its place in the template file.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template file, relative to the theme's templates folder.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
}
