/// GitBook's cards, which it keeps in Markdown as an HTML table (`<table data-view="cards">`):
/// each row a card, the column marked `data-card-target` the page it leads to, the one marked
/// `data-card-cover` its picture, columns marked `data-hidden` not shown. Read as the list of
/// cards it stands for (the theme's `.cards` of `.card`s), so a reader sees cards, not a table of
/// file names: the first shown cell is the card's title, a link to the target (the target's own
/// link when no cell is shown); the other shown cells its text.
enum GitBookCards {
    /// Whether `line` (without its indentation) opens a table of cards.
    static func opens(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: Array("<table data-view=\"cards\"".utf8))
    }

    /// The HTML of the cards `table` (the table's whole text) stands for; nil when it is not read
    /// (no rows).
    static func html(_ table: String) -> String? {
        let head = table.firstMatch(of: /<thead>(.*?)<\/thead>/.dotMatchesNewlines())?.output.1 ?? ""
        let columns = head.matches(of: /<th(\s[^>]*)?>/).map { String($0.output.1 ?? "") }
        guard let body = table.firstMatch(of: /<tbody>(.*?)<\/tbody>/.dotMatchesNewlines())?.output.1 else {
            return nil
        }
        let target = columns.firstIndex { $0.contains("data-card-target") }
        let cover = columns.firstIndex { $0.contains("data-card-cover") }
        var cards: [String] = []
        for row in body.matches(of: /<tr>(.*?)<\/tr>/.dotMatchesNewlines()) {
            let cells = row.output.1.matches(of: /<td(?:\s[^>]*)?>(.*?)<\/td>/.dotMatchesNewlines()).map {
                String($0.output.1).trimmingBlanks
            }
            func cell(_ index: Int?) -> String? { index.flatMap { cells.indices.contains($0) ? cells[$0] : nil } }
            let link = cell(target).flatMap(Self.address(in:))
            let picture = cell(cover).flatMap(Self.address(in:))
            let shown = cells.indices.filter {
                !(columns.indices.contains($0) && columns[$0].contains("data-hidden")) && !cells[$0].isEmpty
            }
            // A card with no text of its own is titled by its target, as GitBook titles it (the
            // link's text, the file's name, becomes the page's title).
            guard var title = shown.first.map({ cells[$0] }) ?? cell(target).flatMap({ $0.isEmpty ? nil : $0 })
            else { continue }
            if let link, !title.contains("<a ") { title = "<a href=\"\(link)\">\(title)</a>" }
            var card = "<li><div class=\"card\">"
            if let picture { card += "<img class=\"card__cover\" src=\"\(picture)\" alt=\"\">" }
            card += "<p class=\"card__title\">\(title)</p>"
            for index in shown.dropFirst() { card += "<p class=\"card__summary\">\(cells[index])</p>" }
            cards.append(card + "</div></li>")
        }
        guard !cards.isEmpty else { return nil }
        return "<ul class=\"cards gitbook-cards\">" + cards.joined() + "</ul>"
    }

    /// The first `href` or `src` in a cell.
    private static func address(in cell: String) -> String? {
        cell.firstMatch(of: /(?:href|src)="([^"]*)"/).map { String($0.output.1) }
    }
}
