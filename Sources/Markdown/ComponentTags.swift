/// Components written inside a line of text (`<Badge text="New" />`,
/// `<LinkButton href="/x/">Go</LinkButton>`), each replaced by what it stands for, outside code
/// spans (VitePress' and Starlight's badges, Starlight's link buttons).
enum ComponentTags {
    /// `line` with each tag starting with `opening` outside code spans replaced by what
    /// `replacement` makes of the tag at an index (its HTML, and the index after it); a tag it
    /// makes nothing of stays as written.
    static func replacing(
        in line: [UInt8], opening: String, _ replacement: ([UInt8], Int) -> (html: String, end: Int)?
    ) -> [UInt8] {
        let open = Array(opening.utf8)
        guard line.firstRange(of: open) != nil else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 32)
        var index = 0
        var inCode = false
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if !inCode, line[index...].starts(with: open), let (html, end) = replacement(line, index) {
                out += Array(html.utf8)
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }
}
