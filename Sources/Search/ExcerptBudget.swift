/// How much of a document's text its `d/` file keeps for excerpts: the intro and each section's
/// text together at most a budget of bytes. When they are longer, each part gets a fair share
/// (a short part keeps all of its text and leaves the rest to the longer ones), so the sections
/// near the end of a long page still have text to show.
enum ExcerptBudget {
    /// The intro (before the first section) and then each section's text, each cut at a space.
    static func parts(of document: SearchDocument, budget: Int) -> [ArraySlice<UInt8>] {
        let body = document.bodyUTF8
        var parts: [ArraySlice<UInt8>] = []
        parts.reserveCapacity(document.sections.count + 1)
        parts.append(body[..<clamp(document.sections.first?.headingStart ?? body.count, body)])
        for (index, section) in document.sections.enumerated() {
            let end = index + 1 < document.sections.count ? document.sections[index + 1].headingStart : body.count
            let start = clamp(section.textStart, body)
            parts.append(body[start..<max(start, clamp(end, body))])
        }
        let shares = fairShares(parts.map(\.count), budget: budget)
        return zip(parts, shares).map { cut($0, at: $1) }
    }

    /// Shares of `budget` for parts of the given lengths: each part gets its length or an equal
    /// share of what the shorter parts leave, whichever is smaller.
    static func fairShares(_ lengths: [Int], budget: Int) -> [Int] {
        guard lengths.reduce(0, +) > budget else { return lengths }
        var shares = lengths
        var remaining = budget
        let order = lengths.indices.sorted { lengths[$0] < lengths[$1] }
        for (rank, index) in order.enumerated() {
            let share = remaining / (order.count - rank)
            shares[index] = min(lengths[index], share)
            remaining -= shares[index]
        }
        return shares
    }

    /// The first `limit` bytes of `text` at most, cut after a space or line break (or, in one long
    /// word, at a character boundary).
    static func cut(_ text: ArraySlice<UInt8>, at limit: Int) -> ArraySlice<UInt8> {
        guard text.count > limit else { return text }
        let start = text.startIndex
        var cut = start + limit
        while cut > start, text[cut - 1] != UInt8(ascii: " "), text[cut - 1] != UInt8(ascii: "\n") { cut -= 1 }
        if cut == start {
            cut = start + limit
            while cut > start, text[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        return text[start..<cut]
    }

    private static func clamp(_ offset: Int, _ body: [UInt8]) -> Int { min(max(0, offset), body.count) }
}
