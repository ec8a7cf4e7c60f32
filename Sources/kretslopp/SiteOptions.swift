import ArgumentParser
import SiteBuilder

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with site.yaml, data/ and the Markdown pages.")
    var content = "Content"

    @Option(
        help: ArgumentHelp(
            "Theme folder (templates/, assets/, icons/, i18n/).",
            discussion: "Default: Themes/default here, else the default theme that came with kretslopp."))
    var theme: String?

    @Option(
        name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides site.yaml's baseURL).")
    var baseURL: String?

    @Flag(help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(
        name: .customLong("relative-urls"),
        help: "Link to index.html files, so the site also works from file:// without a server.")
    var relativeURLs = false

    @Flag(help: "Print how long each stage of the build took (the stages then run one after another).")
    var timings = false

    var buildOptions: BuildOptions {
        var options = BuildOptions(
            content: content, theme: theme ?? DefaultTheme.folder(), baseURL: baseURL, includeDrafts: drafts,
            linkStyle: relativeURLs ? .files : .pretty)
        options.timings = timings
        return options
    }
}
