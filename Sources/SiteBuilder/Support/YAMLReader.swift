import Markdown
import Yams

/// Reads YAML (and JSON, which is YAML) into `DataValue`s with positions, reporting problems as
/// diagnostics. Scalars follow YAML 1.2's core schema: `no` stays text, only `true`/`false` are booleans.
enum YAMLReader {
    /// Limit on values after aliases are expanded: a few anchors can otherwise stand for billions.
    static let maxValues = 1_000_000

    /// Parses `text`; `lineOffset` is added to positions (front matter starts after its `---`).
    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> DataValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return DataValue(.null, at: SourcePosition(line: lineOffset + 1, column: 1))
            }
            var budget = maxValues
            return try convert(node, lineOffset: lineOffset, budget: &budget)
        } catch let problem as Problem {
            switch problem {
            case .tooManyValues:
                log.error(
                    file, SourcePosition(line: lineOffset + 1, column: 1),
                    "the YAML expands to more than \(maxValues) values (anchors and aliases nested too deep)",
                    hint: "write the values out instead of repeating aliases")
            case .mergeOfNoMapping(let position, let found):
                log.error(
                    file, position, "the merge key '<<' must be given a mapping or a list of mappings, not \(found)",
                    hint: "write '<<: *name' where '&name' marks a mapping, or '<<: [*a, *b]'")
            }
            return nil
        } catch let error as YamlError {
            let (position, message, hint) = describe(error, text: text, lineOffset: lineOffset)
            log.error(file, position, message, hint: hint)
            return nil
        } catch {
            log.error(file, SourcePosition(line: lineOffset + 1, column: 1), "cannot read YAML: \(error)")
            return nil
        }
    }

    /// Why a YAML tree cannot become a `DataValue`.
    private enum Problem: Error {
        case tooManyValues
        /// `<<:` given something else than a mapping or a list of mappings.
        case mergeOfNoMapping(SourcePosition, found: String)
    }

    private static func describe(_ error: YamlError, text: String, lineOffset: Int) -> (SourcePosition, String, String)
    {
        let hint = "check the indentation and quoting on this line"
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml reports where it gave up; the context says what it was reading and where that
            // began. The commonest mistakes are said in plain words, where they are.
            let said = YAMLProblem(
                problem: problem, context: context.flatMap { $0.text.isEmpty ? nil : $0.text },
                contextLine: context?.mark.line ?? mark.line, contextColumn: context?.mark.column ?? mark.column,
                line: mark.line, column: mark.column, text: text, lineOffset: lineOffset
            ).described
            return (SourcePosition(line: said.line + lineOffset, column: said.column), said.message, said.hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                at(context.mark),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in YAML mapping", hint
            )
        case .reader(let problem, _, _, _):
            return (SourcePosition(line: lineOffset + 1, column: 1), "invalid YAML text: \(problem)", hint)
        default:
            return (SourcePosition(line: lineOffset + 1, column: 1), "invalid YAML: \(error)", hint)
        }
    }

    private static func convert(_ node: Node, lineOffset: Int, budget: inout Int) throws -> DataValue {
        budget -= 1
        guard budget >= 0 else { throw Problem.tooManyValues }
        let position =
            node.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
            ?? SourcePosition(line: lineOffset + 1, column: 1)
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar.string, plain: isPlain(scalar), at: position)
        case .sequence(let sequence):
            var items: [DataValue] = []
            items.reserveCapacity(sequence.count)
            for child in sequence {
                items.append(try convert(child, lineOffset: lineOffset, budget: &budget))
            }
            return DataValue(.list(items), at: position)
        case .mapping(let mapping):
            var pairs: [(key: String, value: DataValue)] = []
            var merged: [(at: Int, pairs: [(key: String, value: DataValue)])] = []
            for (key, child) in mapping {
                let value = try convert(child, lineOffset: lineOffset, budget: &budget)
                if isMergeKey(key) {
                    merged.append((pairs.count, try mergedPairs(value, key: key, lineOffset: lineOffset)))
                } else {
                    pairs.append((key.string ?? "\(key)", value))
                }
            }
            return DataValue(.map(merged.isEmpty ? pairs : merge(merged, into: pairs)), at: position)
        case .alias:
            // `compose` gives an alias as the node it names; this case is for building YAML.
            return DataValue(.null, at: position)
        }
    }

    /// A plain scalar without a tag gets its type from its text; quoted scalars and those tagged
    /// `!!str` or `!` are text. (Yams gives quoted scalars the tag `!!str`.)
    private static func isPlain(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        let tag = scalar.tag.description
        return tag != Tag.Name.str.rawValue && tag != "!"
    }

    // MARK: Merge keys

    /// A plain `<<` key (or one tagged `!!merge`): YAML's merge key, https://yaml.org/type/merge.html.
    /// Yams' `compose` keeps it as a key; its tag says which it is.
    private static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key, scalar.string == "<<" else { return false }
        return key.tag.description == Tag.Name.merge.rawValue
    }

    /// The entries a merge key brings in: those of one mapping, or of a list of mappings where
    /// an earlier mapping's key wins over a later one's.
    private static func mergedPairs(_ value: DataValue, key: Node, lineOffset: Int) throws -> [(
        key: String, value: DataValue
    )] {
        if let pairs = value.pairs { return pairs }
        // Reported at the `<<`: the value may be an alias of something written far away.
        let at = key.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) } ?? value.position
        guard let items = value.list else { throw Problem.mergeOfNoMapping(at, found: value.typeName) }
        var result: [(key: String, value: DataValue)] = []
        var seen = Set<String>()
        for item in items {
            guard let pairs = item.pairs else {
                throw Problem.mergeOfNoMapping(at, found: "a list holding \(item.typeName)")
            }
            for pair in pairs where seen.insert(pair.key).inserted { result.append(pair) }
        }
        return result
    }

    /// `pairs` with each group of merged entries placed where its `<<` key stood; a key written
    /// in the mapping itself wins over a merged one, as the merge key type requires.
    private static func merge(
        _ merged: [(at: Int, pairs: [(key: String, value: DataValue)])],
        into pairs: [(key: String, value: DataValue)]
    ) -> [(key: String, value: DataValue)] {
        var seen = Set(pairs.map(\.key))
        var result: [(key: String, value: DataValue)] = []
        var next = 0
        for group in merged {
            result += pairs[next..<group.at]
            next = group.at
            for pair in group.pairs where seen.insert(pair.key).inserted { result.append(pair) }
        }
        return result + pairs[next...]
    }

    /// A scalar written as `s`, keeping `s` as its text.
    static func scalarValue(_ s: String, plain: Bool, at position: SourcePosition) -> DataValue {
        DataValue(scalarKind(s, plain: plain), written: s, at: position)
    }

    /// The value of a scalar written as `s`: quoted scalars are always text; plain ones may be
    /// null, booleans or numbers (YAML 1.2 core schema; `.inf` and `.nan` stay text).
    static func scalarKind(_ s: String, plain: Bool) -> DataValue.Kind {
        guard plain else { return .string(s) }
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let first = s.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (48...57).contains(first)
        {
            if let i = Int(s) { return .int(i) }
            if isCoreFloat(s), let d = Double(s), d.isFinite { return .double(d) }
        }
        return .string(s)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, the core schema's
    /// float: `1.5`, `1.`, `.5`, `1e3`; not `1_000`, `0x1F` or `1.2.3`, which stay text.
    static func isCoreFloat(_ s: String) -> Bool {
        var bytes = s.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (48...57).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
