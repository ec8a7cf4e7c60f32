import Foundation
import SiteBuilder

/// The report's table of contents as the PDF needs it: which headings it lists, on which page of
/// the printed PDF each one landed (pdfinfo's list of the PDF's destinations), and the page
/// numbers written into its HTML.
///
/// The template marks each entry as `<a href="#ID"><span class="report-toc__title">TITLE</span>
/// <span class="report-toc__page" data-page="ID"></span></a>` (docs/theme.md, "The report"); the
/// numbers go into the empty spans.
public enum ReportContents {
    /// One line of the contents: the anchor it links to and the heading's text.
    public struct Entry: Equatable, Sendable {
        public var anchor: String
        public var title: String

        public init(anchor: String, title: String) {
            self.anchor = anchor
            self.title = title
        }
    }

    /// The entries of the contents in `html`, in document order.
    public static func entries(in html: String) -> [Entry] {
        let pattern = #/<a href="#([^"]+)"><span class="report-toc__title">([^<]*)</span>/#
        return html.matches(of: pattern).map {
            Entry(anchor: HTML.unescape(String($0.output.1)), title: HTML.unescape(String($0.output.2)))
        }
    }

    /// `html` with the page number of each entry in its page span; an entry without a number
    /// keeps an empty span.
    public static func fill(_ html: String, pages: [String: Int]) -> String {
        let pattern = #/<span class="report-toc__page" data-page="([^"]*)">[^<]*</span>/#
        return html.replacing(pattern) { match in
            let anchor = String(match.output.1)
            let number = pages[HTML.unescape(anchor)].map(String.init) ?? ""
            return "<span class=\"report-toc__page\" data-page=\"\(anchor)\">\(number)</span>"
        }
    }

    /// The page (from 1) of each named destination in `pdfinfo -dests` output. Chromium makes a
    /// destination of every element a link in the document points to, so each entry of the
    /// contents has one, on the page its element starts on.
    public static func destinations(inPdfinfo output: String) -> [String: Int] {
        var pages: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            guard let match = line.wholeMatch(of: #/\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*/#),
                let page = Int(match.output.1)
            else { continue }
            pages[String(match.output.2)] = page
        }
        return pages
    }
}
