import Markdown

/// A page's summary where it is shown (its card, its description, the feed): its own (front
/// matter `summary`, `description` or Jekyll's `excerpt`, else the text before `<!--more-->`),
/// else its first paragraph's text, as Jekyll, Docusaurus and Hugo make one.
struct PageSummary {
    var text: String
    /// The text is the content's own opening: the page shows it there, not once more above it.
    var inContent: Bool

    init(_ page: Page, body: RenderedBody?) {
        if !page.summary.isEmpty {
            (text, inContent) = (page.summary, page.summaryInContent)
        } else if let opening = body?.openingText {
            (text, inContent) = (opening, true)
        } else {
            (text, inContent) = ("", false)
        }
    }

    /// A summary written in front matter with inline Markdown, as HTML (`InlineMarkdown`); nil
    /// for one without, and for one cut from the content, which is its text already.
    var html: String? { inContent ? nil : InlineMarkdown.html(text) }

    /// The summary of `site`'s page `index`, `bodies` the site's (empty where none are rendered).
    init(of index: Int, in site: Site, bodies: [RenderedBody]) {
        self.init(site.pages[index], body: index < bodies.count ? bodies[index] : nil)
    }
}
