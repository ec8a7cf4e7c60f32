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
    private let memo: PartialMemo?
    /// Templates whose output never depends on block overrides: only these are kept in the memo.
    private let blockFree: Set<String>
    /// While a partial renders for the memo: where its reused values sit on the stack, whether a
    /// lookup made the output depend on this page, and the stable root names it read.
    private var memoLevel: Int?
    private var memoTainted = false
    private var memoRootNames: [String] = []

    init(templates: [String: CompiledTemplate], root: Any, memo: PartialMemo? = nil, blockFree: Set<String> = []) {
        self.templates = templates
        self.memo = memo
        self.blockFree = blockFree
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
            if let bytes = TemplateValues.utf8Bytes(value) {
                if escaped { bytes.withUnsafeBufferPointer { appendEscaped($0) } } else { output.append(contentsOf: bytes) }
                return
            }
            if escaped { appendEscaped(TemplateValues.text(value)) } else { append(TemplateValues.text(value)) }
        case .section(let name, let children, let inverted):
            let value = lookup(name)
            if inverted { renderInverted(value, children) } else { renderSection(value, children) }
        case .partial(let name, let indented, let newOverrides):
            guard let template = templates[name] else { return }
            let saved = (indentation, overrides, position)
            if let indented { indentation = (indentation ?? []) + indented }
            if let memo, memoLevel == nil, newOverrides == nil, blockFree.contains(name),
               let top = stack.last, let values = TemplateValues.reusedValues(top) {
                renderMemoized(template, PartialMemo.Key(partial: name, indentation: indentation, values: ObjectIdentifier(values)), values, memo)
                (indentation, overrides, position) = saved
                return
            }
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

    /// Writes the kept output of a partial for reused values, or renders it and keeps the output
    /// when nothing in it depended on this page.
    private mutating func renderMemoized(_ template: CompiledTemplate, _ key: PartialMemo.Key, _ values: ReusedValues, _ memo: PartialMemo) {
        if let entry = memo.entry(key), !hidesRoot(entry.rootNames) {
            output.append(contentsOf: entry.output)
            memo.countReuse()
            return
        }
        let start = output.count
        memoLevel = stack.count - 1
        memoTainted = false
        memoRootNames = []
        position = nil
        render(template.nodes)
        if !memoTainted {
            memo.store(PartialMemo.Entry(output: Array(output[start...]), rootNames: memoRootNames, values: values), for: key)
        }
        memoLevel = nil
    }

    /// True when a value between the root and the top of the stack has one of `names`, so a
    /// lookup would find it there instead of at the root.
    private func hidesRoot(_ names: [String]) -> Bool {
        guard !names.isEmpty, stack.count > 2 else { return false }
        for level in 1..<(stack.count - 1) {
            for name in names where TemplateValues.child(name, of: stack[level]) != nil { return true }
        }
        return false
    }

    /// The templates that contain no block and use only such partials: their output is the same
    /// whatever blocks the page overrides.
    static func blockFree(_ templates: [String: CompiledTemplate]) -> Set<String> {
        var verdicts: [String: Bool] = [:]
        func isFree(_ name: String) -> Bool {
            if let verdict = verdicts[name] { return verdict }
            verdicts[name] = false  // a partial that includes itself is not judged free
            let verdict = templates[name].map { nodesFree($0.nodes) } ?? true
            verdicts[name] = verdict
            return verdict
        }
        func nodesFree(_ nodes: [TemplateNode]) -> Bool {
            nodes.allSatisfy { node in
                switch node {
                case .text, .variable: return true
                case .section(_, let children, _): return nodesFree(children)
                case .partial(let name, _, let overrides): return overrides == nil && isFree(name)
                case .block: return false
                }
            }
        }
        return Set(templates.keys.filter(isFree))
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
        } else if let flag = TemplateValues.bool(value) {
            if flag { render(children) }
        } else {
            push(value, children)
        }
    }

    private mutating func renderInverted(_ value: Any?, _ children: [TemplateNode]) {
        guard let value else { return render(children) }
        if let list = TemplateValues.list(value) {
            if list.isEmpty { push(value, children) }
        } else if let flag = TemplateValues.bool(value) {
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

    private mutating func lookup(_ name: TemplateName) -> Any? {
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
                if let memo, let memoLevel, level < memoLevel {
                    // Beyond the reused values: only stable root values keep the output reusable.
                    if level > 0 || !memo.stableKeys.contains(parts[0]) {
                        memoTainted = true
                    } else if !memoRootNames.contains(parts[0]) {
                        memoRootNames.append(parts[0])
                    }
                }
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
        string.withUTF8 { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
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
