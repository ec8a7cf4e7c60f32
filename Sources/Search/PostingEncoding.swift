/// The compact text form of posting lists and document lists inside the index's `.js` files.
///
/// Numbers are written in base 32 with the 64-letter alphabet below, most significant group
/// first: letters 32–63 carry a group and say "more follows", letters 0–31 carry the last group.
/// A posting list is, per document in ascending order, the gap to the previous document minus
/// one (the first: its id) and then one letter 0–63 for the posting's impact.
enum PostingEncoding {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The letter of a digit 0…63 (the alphabet's order, computed: no table lookup in the loops).
    @inline(__always)
    static func letter(_ digit: UInt32) -> UInt8 {
        let digit = UInt8(truncatingIfNeeded: digit)
        switch digit {
        case 0..<26: return digit + UInt8(ascii: "A")
        case 26..<52: return digit - 26 + UInt8(ascii: "a")
        case 52..<62: return digit - 52 + UInt8(ascii: "0")
        case 62: return UInt8(ascii: "+")
        default: return UInt8(ascii: "/")
        }
    }

    /// Appends `value` as a variable-length number.
    static func appendNumber(_ value: UInt32, to output: inout [UInt8]) {
        var groups = 1
        while groups < 7 && value >> (5 * UInt32(groups)) != 0 { groups += 1 }
        for group in stride(from: groups - 1, through: 1, by: -1) {
            output.append(letter(32 + ((value >> (5 * UInt32(group))) & 31)))
        }
        output.append(letter(value & 31))
    }

    /// A posting list from (document, impact) pairs in ascending document order.
    static func postings(_ pairs: ArraySlice<UInt32>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(pairs.count + pairs.count / 2)
        var previous: Int64 = -1
        pairs.withUnsafeBufferPointer { pairs in
            for index in stride(from: 0, to: pairs.count, by: 2) {
                let document = pairs[index]
                appendNumber(UInt32(Int64(document) - previous - 1), to: &output)
                output.append(letter(min(pairs[index + 1], 63)))
                previous = Int64(document)
            }
        }
        return output
    }

    /// The same for a whole array.
    static func postings(_ pairs: [UInt32]) -> [UInt8] { postings(pairs[...]) }

    /// A list of documents in ascending order, as gaps minus one.
    static func documents(_ ids: [Int]) -> [UInt8] {
        var output: [UInt8] = []
        var previous = -1
        for id in ids {
            appendNumber(UInt32(id - previous - 1), to: &output)
            previous = id
        }
        return output
    }
}
