import Testing

@testable import Markdown

/// GitBook's coloured text (`<mark style="color:red;">`) is written with the theme's classes,
/// whose shades meet WCAG AA; anything GitBook does not write stays as written.
@Suite struct GitBookColorsTests {
    func render(_ markdown: String, gitbook: Bool = true, unsafeHTML: Bool = true) -> String {
        var options = MarkdownOptions()
        options.gitbook = gitbook
        options.unsafeHTML = unsafeHTML
        return MarkdownRenderer(options: options).render(markdown).html
    }

    @Test func textAndHighlightColoursAreClasses() {
        #expect(
            render(
                "A <mark style=\"color:red;\">**red**</mark> and <mark style=\"background-color:green;\">green</mark>.")
                == "<p>A <mark class=\"gitbook-text-red\"><strong>red</strong></mark> and "
                + "<mark class=\"gitbook-highlight-green\">green</mark>.</p>\n")
    }

    /// GitBook keeps a table as one HTML block: the marks in its cells are rewritten too.
    @Test func marksInsideAnHTMLBlock() {
        let html = render(
            "<table><tr><td><mark style=\"color:$danger;\">x</mark></td>"
                + "<td><MARK STYLE='background-color: Purple'>y</MARK></td><td><mark>z</mark></td></tr></table>\n")
        #expect(
            html
                == "<table><tr><td><mark class=\"gitbook-text-red\">x</mark></td>"
                + "<td><mark class=\"gitbook-highlight-purple\">y</MARK></td><td><mark>z</mark></td></tr></table>\n")
    }

    @Test func theClassesOfAStyle() {
        #expect(
            GitBookColors.classes(for: "color:blue;background-color:$warning;")
                == "gitbook-text-blue gitbook-highlight-orange")
        #expect(GitBookColors.classes(for: " color : $primary ") == "gitbook-text-primary")
        // Not GitBook's: a colour of CSS's own, another property, nothing.
        #expect(GitBookColors.classes(for: "color:#ff0000;") == nil)
        #expect(GitBookColors.classes(for: "color:red;font-weight:bold") == nil)
        #expect(GitBookColors.classes(for: ";") == nil)
    }

    @Test func otherTagsAndOtherSitesStayAsWritten() {
        #expect(GitBookColors.rewritten("<mark style=\"color:red;\" title=\"t\">") == nil)
        #expect(GitBookColors.rewritten("<mark style=\"color:teal;\">") == nil)
        #expect(GitBookColors.rewritten("<span style=\"color:red;\">") == nil)
        // In code, and on a site not read as GitBook's, nothing changes.
        #expect(
            render("`<mark style=\"color:red;\">`") == "<p><code>&lt;mark style=&quot;color:red;&quot;&gt;</code></p>\n"
        )
        #expect(
            render("<mark style=\"color:red;\">x</mark>", gitbook: false)
                == "<p><mark style=\"color:red;\">x</mark></p>\n")
    }
}
