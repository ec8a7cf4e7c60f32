import Markdown

/// A page's dates: when it was published (`date`) and last changed (`updated`), as each
/// generator writes them.
extension ParseFrontMatter {
    /// The fields other generators give the day a page last changed, in the order they are read:
    /// Zola's and Kretslopp's `updated`, Hugo's `lastmod`, Jekyll's `last_modified_at`
    /// (jekyll-last-modified-at). Not Hugo's `modified`: a page may mean something else by it.
    static let updatedKeys = ["updated", "lastmod", "last_modified_at"]

    /// The day `map[key]` names, `YYYY-MM-DD`: a timestamp, as Hugo and Jekyll write dates, is
    /// the day it names. Nil when there is none; nil and `wrong` after an error at the field when
    /// it is no date (`named` is the field as the message calls it).
    func day(
        _ map: DataValue, _ key: String, named: String? = nil, read: FieldReader, file: SourceFile,
        required: Bool = false
    ) -> (day: String?, wrong: Bool) {
        let name = named ?? key
        let example = named == nil ? "\(key): 2024-05-31" : "\(name): {\(key): 2024-05-31}"
        guard let text = read.string(map, key, required: required, hint: example) else {
            return (nil, map[key].map { !$0.isNull } ?? required)
        }
        if CalendarDate.isValid(text) { return (text, false) }
        if let day = CalendarDate.dateOfTimestamp(text) { return (day, false) }
        log.error(
            file.displayPath, map[key]!.position, "\(name) '\(text)' is not a calendar date in the form YYYY-MM-DD",
            hint: CalendarDate.hint(example: example) + " (or a timestamp: 2024-05-31T10:00:00Z)")
        return (nil, true)
    }

    /// The day the page last changed: the first of `updatedKeys` it has, else Material's
    /// `date: {updated: …}` (`written`), else Docusaurus' `last_update: {date: …}`. A wrong one
    /// is an error at it, added to `reported`, and the page has none.
    func lastChange(
        _ map: DataValue, written: DataValue?, read: FieldReader, file: SourceFile, reported: inout Set<String>
    ) -> String? {
        var sources = Self.updatedKeys.map { (map, $0, Optional<String>.none) }
        if let written { sources.append((written, "updated", "date")) }
        if let docusaurus = map["last_update"], docusaurus.pairs != nil {
            sources.append((docusaurus, "date", "last_update"))
        }
        for (fields, key, named) in sources where fields[key].map({ !$0.isNull }) ?? false {
            let (day, wrong) = self.day(fields, key, named: named, read: read, file: file)
            if wrong { reported.insert(named ?? key) }
            return day
        }
        return nil
    }
}
