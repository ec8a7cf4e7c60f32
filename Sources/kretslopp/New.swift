import ArgumentParser

/// `kretslopp new`: a new page from a template.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new page in a section.")
    func run() throws { throw ExitCode.failure }
}
