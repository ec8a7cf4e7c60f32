import Templates

/// A taxonomy (docs/theme.md, "A taxonomy"); `terms` where a page or listing gives them.
struct TaxonomyValues: TemplateValueConvertible {
    var key: String
    var title: String
    var singular: String
    var path: String
    var param: String
    var url: String
    var terms: TemplateValue? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "key": .string(key), "title": .string(title), "singular": .string(singular), "path": .string(path),
            "param": .string(param), "url": .string(url),
        ]
        if let terms { values["terms"] = terms }
        return .map(values)
    }
}

/// A term (docs/theme.md, "A term"); `count` and `isEmpty` where a listing counts its pages.
struct TermValues: TemplateValueConvertible {
    var id: String
    var title: String
    var slug: String
    var url: String
    var icon: String
    var description: String
    var param: String
    var count: Int? = nil
    var isEmpty: Bool? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "id": .string(id), "title": .string(title), "slug": .string(slug), "url": .string(url),
            "icon": .string(icon), "description": .string(description), "param": .string(param),
        ]
        if let count { values["count"] = .int(count) }
        if let isEmpty { values["isEmpty"] = .bool(isEmpty) }
        return .map(values)
    }
}
