import CCmark

/// The tag filter (GFM spec section 6.11), an option for raw HTML: `<title>`, `<textarea>`, `<style>`,
/// `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<script>` and `<plaintext>` in raw HTML are
/// written with `&lt;`, so they cannot change how the rest of the page is read.
enum GFMTagFilter {
    private static let tags: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed",
        "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    static func apply(to node: OpaquePointer) {
        let bytes = literalBytes(node)
        guard bytes.contains(UInt8(ascii: "<")) else { return }
        var result: [UInt8] = []
        var changed = false
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && isFiltered(bytes, index + 1) {
                result += Array("&lt;".utf8)
                changed = true
            } else {
                result.append(bytes[index])
            }
            index += 1
        }
        if changed { setLiteral(node, result) }
    }

    private static func isFiltered(_ bytes: [UInt8], _ start: Int) -> Bool {
        var start = start
        if start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
        for tag in tags where start + tag.count <= bytes.count {
            guard bytes[start..<(start + tag.count)].elementsEqual(tag, by: { $0 | 0x20 == $1 }) else { continue }
            let after = start + tag.count
            if after == bytes.count { return true }
            switch bytes[after] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, UInt8(ascii: ">"), UInt8(ascii: "/"): return true
            default: continue
            }
        }
        return false
    }
}
