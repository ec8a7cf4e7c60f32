/// A theme's compiled templates as one flat list of instructions that the renderer walks by
/// index: a template, a section's body or a block is a range of it.
///
/// Reading an instruction copies a few integers. Walking the tree of enum nodes it is made from
/// retained and released each node, name and text on every visit: a large share of the time
/// pages took to render.
final class TemplateProgram: @unchecked Sendable {
    // Immutable after init; the buffers are owned here and freed in deinit.

    /// One instruction. Bodies (a section's, a block's default, a partial's block overrides)
    /// follow their instruction; `end` is the index after the body.
    struct Op {
        enum Kind: UInt8 { case text, variable, section, invertedSection, partial, block }
        var kind: Kind
        /// Variables: whether the value is HTML-escaped.
        var escaped = false
        /// Text: start in `text`. Variable, section: the name. Partial: the template (-1: none).
        /// Block: the block name.
        var a: Int32 = 0
        /// Text: end in `text`. Section, block, partial: the index after the body.
        var end: Int32 = 0
        /// Partial, block: the indentation (-1: none).
        var indentation: Int32 = -1
        /// Partial: the block overrides (-1: none).
        var overrides: Int32 = -1
    }

    /// A name of a tag, its parts and transforms as ranges of `keys` and `transforms`.
    struct Name {
        enum Scope: UInt8 { case current, sequence, anchored, path }
        var scope: Scope
        var partsStart: Int32
        var partsEnd: Int32
        var transformsStart: Int32
        var transformsEnd: Int32
    }

    /// A range of instructions.
    struct Body: Equatable {
        var start: Int32
        var end: Int32
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let text: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    let keys: UnsafeMutableBufferPointer<String>
    /// `TemplateMap.hash` of each key, so that a lookup does not hash the name again.
    let keyHashes: UnsafeMutableBufferPointer<UInt32>
    let transforms: UnsafeMutableBufferPointer<TemplateTransform>
    /// By template id (templates in name order).
    let templateNames: [String]
    let templateBodies: [Body]
    let templateIDs: [String: Int]
    /// Whether the template's output never depends on block overrides (see `blockFree`).
    let blockFree: UnsafeMutableBufferPointer<Bool>
    let indentations: [[UInt8]]
    let blockNames: [String]
    /// The block overrides of partial instructions: block name -> body.
    let overrides: [[String: Body]]

    init(_ templates: [String: CompiledTemplate]) {
        var builder = Builder()
        let sortedNames = templates.keys.sorted()
        builder.templateIDs = Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($0.element, $0.offset) })
        var bodies: [Body] = []
        for name in sortedNames {
            let start = Int32(builder.ops.count)
            builder.emit(templates[name]!.nodes)
            bodies.append(Body(start: start, end: Int32(builder.ops.count)))
        }
        let free = Self.blockFree(templates)
        ops = Self.copy(builder.ops)
        text = Self.copy(builder.text)
        names = Self.copy(builder.names)
        keys = Self.copy(builder.keys)
        keyHashes = Self.copy(builder.keys.map(TemplateMap.hash))
        transforms = Self.copy(builder.transforms)
        blockFree = Self.copy(sortedNames.map { free.contains($0) })
        templateNames = sortedNames
        templateBodies = bodies
        templateIDs = builder.templateIDs
        indentations = builder.indentations
        blockNames = builder.blockNames
        overrides = builder.overrides
    }

    deinit {
        for buffer in [
            ops.baseAddress.map(UnsafeMutableRawPointer.init), text.baseAddress.map(UnsafeMutableRawPointer.init),
            names.baseAddress.map(UnsafeMutableRawPointer.init),
            keyHashes.baseAddress.map(UnsafeMutableRawPointer.init),
            transforms.baseAddress.map(UnsafeMutableRawPointer.init),
            blockFree.baseAddress.map(UnsafeMutableRawPointer.init),
        ] {
            buffer?.deallocate()
        }
        keys.deinitialize().deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
    }

    /// Turns node trees into instructions.
    private struct Builder {
        var ops: [Op] = []
        var text: [UInt8] = []
        var names: [Name] = []
        var keys: [String] = []
        var transforms: [TemplateTransform] = []
        var templateIDs: [String: Int] = [:]
        var indentations: [[UInt8]] = []
        var blockNames: [String] = []
        var overrides: [[String: Body]] = []

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes { emit(node) }
        }

        private mutating func emit(_ node: TemplateNode) {
            switch node {
            case .text(let bytes):
                ops.append(Op(kind: .text, a: Int32(text.count), end: Int32(text.count + bytes.count)))
                text += bytes
            case .variable(let name, let escaped):
                ops.append(Op(kind: .variable, escaped: escaped, a: self.name(name)))
            case .section(let name, let children, let inverted):
                let at = ops.count
                ops.append(Op(kind: inverted ? .invertedSection : .section, a: self.name(name)))
                emit(children)
                ops[at].end = Int32(ops.count)
            case .partial(let name, let indented, let blockOverrides, _):
                let at = ops.count
                ops.append(Op(kind: .partial, a: Int32(templateIDs[name] ?? -1), indentation: indentation(indented)))
                if let blockOverrides {
                    var bodies: [String: Body] = [:]
                    for (block, nodes) in blockOverrides.sorted(by: { $0.key < $1.key }) {
                        let start = Int32(ops.count)
                        emit(nodes)
                        bodies[block] = Body(start: start, end: Int32(ops.count))
                    }
                    ops[at].overrides = Int32(overrides.count)
                    overrides.append(bodies)
                }
                ops[at].end = Int32(ops.count)
            case .block(let name, let defaultNodes, let indented):
                let at = ops.count
                ops.append(Op(kind: .block, a: Int32(blockNames.count), indentation: indentation(indented)))
                blockNames.append(name)
                emit(defaultNodes)
                ops[at].end = Int32(ops.count)
            }
        }

        private mutating func indentation(_ bytes: [UInt8]?) -> Int32 {
            guard let bytes else { return -1 }
            indentations.append(bytes)
            return Int32(indentations.count - 1)
        }

        private mutating func name(_ name: TemplateName) -> Int32 {
            let scope: Name.Scope
            var parts: [String] = []
            switch name.scope {
            case .current: scope = .current
            case .sequence: scope = .sequence
            case .anchored(let p):
                scope = .anchored
                parts = p
            case .path(let p):
                scope = .path
                parts = p
            }
            let partsStart = Int32(keys.count)
            keys += parts
            let transformsStart = Int32(transforms.count)
            // The parser accepts only known transforms.
            transforms += name.transforms.map { TemplateTransform(rawValue: $0)! }
            names.append(
                Name(
                    scope: scope, partsStart: partsStart, partsEnd: Int32(keys.count),
                    transformsStart: transformsStart, transformsEnd: Int32(transforms.count)))
            return Int32(names.count - 1)
        }
    }

    /// The templates that contain no block and use only such partials: their output is the same
    /// whatever blocks the page overrides.
    static func blockFree(_ templates: [String: CompiledTemplate]) -> Set<String> {
        var verdicts: [String: Bool] = [:]
        func isFree(_ name: String) -> Bool {
            if let verdict = verdicts[name] { return verdict }
            verdicts[name] = false // a partial that includes itself is not judged free
            let verdict = templates[name].map { nodesFree($0.nodes) } ?? true
            verdicts[name] = verdict
            return verdict
        }
        func nodesFree(_ nodes: [TemplateNode]) -> Bool {
            nodes.allSatisfy { node in
                switch node {
                case .text, .variable: return true
                case .section(_, let children, _): return nodesFree(children)
                case .partial(let name, _, let overrides, _): return overrides == nil && isFree(name)
                case .block: return false
                }
            }
        }
        return Set(templates.keys.filter(isFree))
    }
}
