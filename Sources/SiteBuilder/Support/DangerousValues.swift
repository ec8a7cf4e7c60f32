/// Refuses `javascript:` and similar values anywhere in front matter or data: a template that
/// puts such a value into a link would run it.
enum DangerousValues {
    static func check(_ value: DataValue, file: String, log: DiagnosticLog) {
        switch value.kind {
        case .string(let text) where SafeURL.isDangerous(text):
            log.error(
                file, value.position, "'\(text.prefix(40))' is a script URL, which is never allowed in content",
                hint: "links must be http(s), mailto: or relative")
        case .list(let items): for item in items { check(item, file: file, log: log) }
        case .map(let pairs): for (_, item) in pairs { check(item, file: file, log: log) }
        default: break
        }
    }
}
