import ArgumentParser

/// The `kretslopp` command line.
@main
struct Kretslopp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kretslopp",
        abstract: "Builds a searchable static knowledge site from Markdown and data.",
        discussion: """
            Reads Content/ (Markdown with YAML front matter, site.yaml, data/) and a theme, and \
            writes a complete static site. Problems are reported as path:line:col: error: message.
            """,
        version: "0.1.0",
        subcommands: [
            Build.self, Check.self, Serve.self, New.self, Import.self, BundleCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: Build.self)
}
