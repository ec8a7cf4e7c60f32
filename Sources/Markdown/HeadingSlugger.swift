/// Gives each heading of one page an id that is a slug of its text and unique on the page.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    mutating func unique(for text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "avsnitt" }
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 1
        return "\(base)-\(n)"
    }
}
