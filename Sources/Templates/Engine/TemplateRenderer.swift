/// Renders compiled templates into UTF-8 bytes, with the Mustache semantics of swift-mustache:
/// names are looked up from the innermost value outwards, a list section repeats for each
/// element, `true` shows its section, any other value becomes the current value.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    private var stack: [Any]
    private var position: SequencePosition?
    private var indentation: [UInt8]?
    private var overrides: [String: [TemplateNode]]?

    init(templates: [String: CompiledTemplate], root: Any) {
        self.templates = templates
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        // Inside an indented partial: whatever starts a new line of this template's output
        // gets the indentation.
        let start = output.count
        for node in nodes {
            let mark = output.count
            let atLineStart = mark > start && output[mark - 1] == 0x0A
            render(node)
            if atLineStart && output.count > mark { output.insert(contentsOf: indentation, at: mark) }
        }
    }

    private mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text)
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            if escaped { appendEscaped(TemplateValues.text(value)) } else { append(TemplateValues.text(value)) }
        case .section(let name, let children, let inverted):
            let value = lookup(name)
            if inverted { renderInverted(value, children) } else { renderSection(value, children) }
        case .partial(let name, let indented, let newOverrides):
            guard let template = templates[name] else { return }
            let saved = (indentation, overrides, position)
            if let indented { indentation = (indentation ?? []) + indented }
            if let newOverrides {
                // The overrides of the template that asked first win over its parents' own.
                overrides = overrides.map { $0.merging(newOverrides) { outer, _ in outer } } ?? newOverrides
            }
            position = nil
            render(template.nodes)
            (indentation, overrides, position) = saved
        case .block(let name, let defaultNodes, let indented):
            let saved = (indentation, position)
            if let indented { indentation = (indentation ?? []) + indented }
            position = nil
            render(overrides?[name] ?? defaultNodes)
            (indentation, position) = saved
        }
    }

    private mutating func renderSection(_ value: Any?, _ children: [TemplateNode]) {
        guard let value else { return }
        if let list = TemplateValues.list(value) {
            let saved = position
            for (index, element) in list.enumerated() {
                position = SequencePosition(first: index == 0, last: index == list.count - 1, index: index)
                stack.append(element)
                render(children)
                stack.removeLast()
            }
            position = saved
        } else if let flag = value as? Bool {
            if flag { render(children) }
        } else {
            push(value, children)
        }
    }

    private mutating func renderInverted(_ value: Any?, _ children: [TemplateNode]) {
        guard let value else { return render(children) }
        if let list = TemplateValues.list(value) {
            if list.isEmpty { push(value, children) }
        } else if let flag = value as? Bool {
            if !flag { render(children) }
        }
    }

    private mutating func push(_ value: Any, _ children: [TemplateNode]) {
        let saved = position
        position = nil
        stack.append(value)
        render(children)
        stack.removeLast()
        position = saved
    }

    private func lookup(_ name: TemplateName) -> Any? {
        var value: Any?
        switch name.scope {
        case .current:
            value = stack.last
        case .sequence:
            value = position.map { $0 as Any }
        case .anchored(let parts):
            value = descend(stack.last, parts[...])
        case .path(let parts):
            var level = stack.count - 1
            while level >= 0 {
                if let found = TemplateValues.child(parts[0], of: stack[level]) {
                    value = descend(found, parts.dropFirst())
                    break
                }
                level -= 1
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms {
            guard let transformed = TemplateValues.transform(transform, result) else { return nil }
            result = transformed
        }
        return result
    }

    private func descend(_ value: Any?, _ parts: ArraySlice<String>) -> Any? {
        var current = value
        for part in parts {
            guard let object = current else { return nil }
            current = TemplateValues.child(part, of: object)
        }
        return current
    }

    private mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Appends `string` with `& < > " '` written as HTML character references.
    private mutating func appendEscaped(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            for k in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[k] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = k + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
