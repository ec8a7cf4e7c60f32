import Markdown

/// Reads typed fields out of a YAML mapping, reporting a missing or mistyped field at its place.
struct FieldReader {
    let file: String
    let log: DiagnosticLog

    /// A text field; numbers and booleans are accepted as their text.
    func string(_ map: DataValue, _ key: String, required: Bool = false, hint: String? = nil) -> String? {
        guard let value = map[key], !value.isNull else {
            if required { missing(map, key, hint: hint) }
            return nil
        }
        guard let text = value.text else {
            log.error(file, value.position, "'\(key)' must be text, not \(value.typeName)", hint: hint)
            return nil
        }
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(file, value.position, "'\(key)' must not be empty", hint: hint)
            return nil
        }
        return text
    }

    func bool(_ map: DataValue, _ key: String) -> Bool? {
        guard let value = map[key], !value.isNull else { return nil }
        guard case .bool(let b) = value.kind else {
            log.error(file, value.position, "'\(key)' must be true or false, not \(value.typeName)")
            return nil
        }
        return b
    }

    func int(_ map: DataValue, _ key: String) -> Int? {
        guard let value = map[key], !value.isNull else { return nil }
        guard case .int(let i) = value.kind else {
            log.error(file, value.position, "'\(key)' must be a whole number, not \(value.typeName)")
            return nil
        }
        return i
    }

    /// A list field; a single scalar is taken as a list of one (`tags: cirkulär`).
    func list(_ map: DataValue, _ key: String, required: Bool = false) -> [DataValue]? {
        guard let value = map[key], !value.isNull else {
            if required { missing(map, key) }
            return nil
        }
        switch value.kind {
        case .list(let items): return items
        case .string, .int, .double, .bool: return [value]
        default:
            log.error(file, value.position, "'\(key)' must be a list, not \(value.typeName)")
            return nil
        }
    }

    /// A list of text values, each with its position.
    func strings(_ map: DataValue, _ key: String, required: Bool = false) -> [(String, SourcePosition)]? {
        guard let items = list(map, key, required: required) else { return nil }
        var result: [(String, SourcePosition)] = []
        for item in items {
            if let text = item.text {
                result.append((text, item.position))
            } else {
                log.error(file, item.position, "each item of '\(key)' must be text, not \(item.typeName)")
            }
        }
        return result
    }

    func mapping(_ value: DataValue, what: String) -> DataValue? {
        guard case .map = value.kind else {
            log.error(file, value.position, "\(what) must be a mapping of 'key: value' lines, not \(value.typeName)")
            return nil
        }
        return value
    }

    private func missing(_ map: DataValue, _ key: String, hint: String? = nil) {
        log.error(file, map.position, "missing required field '\(key)'", hint: hint ?? "add '\(key): …'")
    }
}
