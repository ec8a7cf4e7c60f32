import Templates

/// A collection (docs/theme.md, "A collection").
struct CollectionValues: TemplateValueConvertible {
    var key: String
    var title: String
    var singular: String
    var url: String

    var templateValue: TemplateValue {
        ["key": .string(key), "title": .string(title), "singular": .string(singular), "url": .string(url)]
    }
}

/// A record of a collection (docs/theme.md, "A record"); `roles` on its own page.
struct RecordValues: TemplateValueConvertible {
    var id: String
    var title: String
    var url: String
    var description: String
    /// The record's data as written.
    var fields: TemplateValue
    var projectCount: Int
    var type: TypeValues?
    var roles: [RecordRole]? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "id": .string(id), "title": .string(title), "url": .string(url), "description": .string(description),
            "fields": fields, "projectCount": .int(projectCount),
        ]
        if let type { values["type"] = type.templateValue }
        if let roles { values["roles"] = roles.templateValue }
        return .map(values)
    }
}

/// A record's type.
struct TypeValues: TemplateValueConvertible {
    var id: String
    var title: String

    var templateValue: TemplateValue { ["id": .string(id), "title": .string(title)] }
}

/// The pages that name a record in one role.
struct RecordRole: TemplateValueConvertible {
    var role: String
    var title: String
    /// Cards.
    var projects: [TemplateValue]

    var templateValue: TemplateValue { ["role": .string(role), "title": .string(title), "projects": .list(projects)] }
}

/// The records of one type, on `records`.
struct RecordGroup: TemplateValueConvertible {
    var type: TypeValues
    var records: [RecordValues]

    var templateValue: TemplateValue { ["type": type.templateValue, "records": records.templateValue] }
}
