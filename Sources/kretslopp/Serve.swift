import ArgumentParser

/// `kretslopp serve`: preview the site from memory with live reload.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the site from memory with live reload.")
    func run() throws { throw ExitCode.failure }
}
