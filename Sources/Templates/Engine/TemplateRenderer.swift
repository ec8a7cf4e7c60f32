/// Renders compiled templates into UTF-8 bytes, with the Mustache semantics of swift-mustache:
/// names are looked up from the innermost value outwards, a list section repeats for each
/// element, `true` shows its section, any other value becomes the current value.
struct TemplateRenderer {
    typealias Body = TemplateProgram.Body

    let program: TemplateProgram
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    private var position: SequencePosition?
    private var indentation: [UInt8]?
    private var overrides: [String: Body]?
    private let memo: PartialMemo?
    /// While a partial renders for the memo: where its reused values sit on the stack, whether a
    /// lookup made the output depend on this page, and the stable root names it read.
    private var memoLevel: Int?
    private var memoTainted = false
    private var memoRootNames: [String] = []
    // The program's buffers, read without reference counting on every instruction.
    private let ops: UnsafeMutableBufferPointer<TemplateProgram.Op>
    private let text: UnsafeMutableBufferPointer<UInt8>
    private let names: UnsafeMutableBufferPointer<TemplateProgram.Name>
    private let keys: UnsafeMutableBufferPointer<String>
    private let keyHashes: UnsafeMutableBufferPointer<UInt32>
    private let transforms: UnsafeMutableBufferPointer<TemplateTransform>

    init(
        program: TemplateProgram, root: TemplateMap, current: TemplateValue? = nil,
        memo: PartialMemo? = nil
    ) {
        self.program = program
        self.memo = memo
        stack = [.map(root)]
        if let current { stack.append(current) }
        ops = program.ops
        text = program.text
        names = program.names
        keys = program.keys
        keyHashes = program.keyHashes
        transforms = program.transforms
        output.reserveCapacity(32 * 1024)
    }

    /// Renders the template named `name`; false when there is none.
    mutating func render(template name: String) -> Bool {
        guard let id = program.templateIDs[name] else { return false }
        render(program.templateBodies[id])
        return true
    }

    private mutating func render(_ body: Body) {
        var i = Int(body.start)
        let end = Int(body.end)
        guard let indentation, !indentation.isEmpty else {
            while i < end { i = step(i) }
            return
        }
        // Inside an indented partial: whatever starts a new line of this template's output
        // gets the indentation.
        let start = output.count
        while i < end {
            let mark = output.count
            let atLineStart = mark > start && output[mark - 1] == 0x0A
            i = step(i)
            if atLineStart && output.count > mark { output.insert(contentsOf: indentation, at: mark) }
        }
    }

    /// Renders the instruction at `i` (with its body); returns the index of the next one.
    private mutating func step(_ i: Int) -> Int {
        let op = ops[i]
        switch op.kind {
        case .text:
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(op.a)..<Int(op.end)]))
            return i + 1
        case .variable:
            if let value = lookup(op.a) { write(value, escaped: op.escaped) }
            return i + 1
        case .section:
            renderSection(lookup(op.a), Body(start: Int32(i + 1), end: op.end))
        case .invertedSection:
            renderInverted(lookup(op.a), Body(start: Int32(i + 1), end: op.end))
        case .partial:
            renderPartial(op)
        case .block:
            let saved = (indentation, position)
            if op.indentation >= 0 { indentation = (indentation ?? []) + program.indentations[Int(op.indentation)] }
            position = nil
            render(overrides?[program.blockNames[Int(op.a)]] ?? Body(start: Int32(i + 1), end: op.end))
            (indentation, position) = saved
        }
        return Int(op.end)
    }

    private mutating func renderPartial(_ op: TemplateProgram.Op) {
        guard op.a >= 0 else { return }
        let id = Int(op.a)
        let saved = (indentation, overrides, position)
        defer { (indentation, overrides, position) = saved }
        if op.indentation >= 0 { indentation = (indentation ?? []) + program.indentations[Int(op.indentation)] }
        if let memo, memoLevel == nil, op.overrides < 0, program.blockFree[id],
            case .reused(let values)? = stack.last, values.memoizable
        {
            let key = PartialMemo.Key(
                partial: program.templateNames[id], indentation: indentation,
                values: ObjectIdentifier(values))
            return renderMemoized(program.templateBodies[id], key, values, memo)
        }
        if op.overrides >= 0 {
            let new = program.overrides[Int(op.overrides)]
            // The overrides of the template that asked first win over its parents' own.
            overrides = overrides.map { $0.merging(new) { outer, _ in outer } } ?? new
        }
        position = nil
        render(program.templateBodies[id])
    }

    /// Writes the kept output of a partial for reused values, or renders it and keeps the output
    /// when nothing in it depended on this page.
    private mutating func renderMemoized(
        _ body: Body, _ key: PartialMemo.Key, _ values: ReusedValues,
        _ memo: PartialMemo
    ) {
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
        render(body)
        if !memoTainted {
            // Copied through a buffer pointer: `Array(output[start...])` of the whole output (a
            // template that starts with the partial) would keep the page's 32 KiB buffer for one card.
            let kept = output.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[start...])) }
            memo.store(PartialMemo.Entry(output: kept, rootNames: memoRootNames, values: values), for: key)
        }
        memoLevel = nil
    }

    /// True when a value between the root and the top of the stack has one of `names`, so a
    /// lookup would find it there instead of at the root.
    private func hidesRoot(_ names: [String]) -> Bool {
        guard !names.isEmpty, stack.count > 2 else { return false }
        for level in 1..<(stack.count - 1) {
            for name in names where stack[level].child(name) != nil { return true }
        }
        return false
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: Body) {
        switch value {
        case nil: return
        case .list(let items)?: renderList(items, body)
        case .bool(let flag)?: if flag { render(body) }
        case let value?: push(value, body)
        }
    }

    private mutating func renderList(_ list: [TemplateValue], _ body: Body) {
        let saved = position
        let last = list.count - 1
        for index in list.indices {
            position = SequencePosition(first: index == 0, last: index == last, index: index)
            stack.append(list[index])
            render(body)
            stack.removeLast()
        }
        position = saved
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: Body) {
        switch value {
        case nil: render(body)
        case .list(let items)?: if items.isEmpty { push(.list(items), body) }
        case .bool(let flag)?: if !flag { render(body) }
        default: break
        }
    }

    private mutating func push(_ value: TemplateValue, _ body: Body) {
        let saved = position
        position = nil
        stack.append(value)
        render(body)
        stack.removeLast()
        position = saved
    }

    private mutating func lookup(_ nameIndex: Int32) -> TemplateValue? {
        let name = names[Int(nameIndex)]
        let first = Int(name.partsStart)
        let end = Int(name.partsEnd)
        var transformsStart = Int(name.transformsStart)
        var value: TemplateValue?
        switch name.scope {
        case .current:
            value = stack.last
        case .sequence:
            // The parser gives a name without a value at least one transform.
            guard let position, transformsStart < Int(name.transformsEnd) else { return nil }
            value = position.transform(transforms[transformsStart])
            transformsStart += 1
        case .anchored:
            value = descend(stack.last, from: first, to: end)
        case .path:
            // The stack is read through a buffer pointer: its values are borrowed where they
            // lie, not copied (retained and released) at every level a name is looked for on.
            let (key, hash) = (keys[first], keyHashes[first])
            let top = stack.count - 1
            var level = top
            let found: TemplateValue? = stack.withUnsafeBufferPointer { stack in
                while level >= 0 {
                    if let found = stack[level].child(key, hash: hash) { return found }
                    level -= 1
                }
                return nil
            }
            if let memo, let memoLevel, max(level, 0) < memoLevel {
                // Beyond the reused values (the levels below `memoLevel` the search went
                // through): only stable root values keep the output reusable.
                if max(level, 1) <= min(top, memoLevel - 1) || (level <= 0 && !memo.stableKeys.contains(key)) {
                    memoTainted = true
                } else if level <= 0 && !memoRootNames.contains(key) {
                    memoRootNames.append(key)
                }
            }
            if let found { value = first + 1 == end ? found : descend(found, from: first + 1, to: end) }
        }
        guard var result = value else { return nil }
        for t in transformsStart..<Int(name.transformsEnd) {
            guard let transformed = result.transform(transforms[t]) else { return nil }
            result = transformed
        }
        return result
    }

    /// The value at the path `keys[from..<to]` inside `value`.
    private func descend(_ value: TemplateValue?, from: Int, to end: Int) -> TemplateValue? {
        var current = value
        for k in from..<end {
            guard let object = current else { return nil }
            current = object.child(keys[k], hash: keyHashes[k])
        }
        return current
    }

    /// A variable tag's value, HTML-escaped or as is.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            if escaped { appendEscaped(string) } else { append(string) }
        case .bytes(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { appendEscaped($0) } } else { output.append(contentsOf: bytes) }
        default:
            if escaped { appendEscaped(value.text) } else { append(value.text) }
        }
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
        var k = 0
        let count = bytes.count
        while k < count {
            // Eight bytes at a time past text with nothing to escape (most of it).
            if k + 8 <= count, let base = bytes.baseAddress,
                !Self.mayNeedEscaping(UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            {
                k += 8
                continue
            }
            guard let replacement = Self.escape(bytes[k]) else {
                k += 1
                continue
            }
            // swift-mustache escapes whole characters: a mark joined to the character (a combining
            // accent after it, a prepended mark before it) makes it another character, left as
            // it is. Only a non-ASCII neighbour can join; then the rest goes character by character.
            if (k > 0 && bytes[k - 1] >= 0x80) || (k + 1 < bytes.count && bytes[k + 1] >= 0x80) {
                return appendEscapedCharacters(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            k += 1
            runStart = k
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// False when none of the eight bytes of `word` is one `escape` replaces (`& < > " '`); true
    /// may be wrong, and the bytes are then looked at one by one.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Nonzero exactly when some byte of `value` is zero.
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & (ones &* 0x80) != 0 }
        return hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C))
            || hasZeroByte(word ^ (ones &* 0x3E)) || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x27))
    }

    /// Escapes `bytes`, which start a character, as swift-mustache does: character by character.
    private mutating func appendEscapedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) {
        for character in String(decoding: bytes, as: UTF8.self) {
            if let ascii = character.asciiValue, let replacement = Self.escape(ascii) {
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            } else {
                output.append(contentsOf: character.utf8)
            }
        }
    }

    private static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }
}
