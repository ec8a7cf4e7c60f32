/// Escaping for text the build writes into HTML and XML itself, and reading it back.
public enum HTML {
    /// Escapes `& < > " '` for element text and quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The text of HTML the build wrote: tags removed, the entities `escape` and cmark write
    /// turned back into characters (the JSON-LD, the report's contents and the PDF's bookmarks).
    public static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return unescape(text)
    }

    /// The characters of the entities `escape` and cmark write (`&amp;` last, so `&amp;lt;` stays `&lt;`).
    public static func unescape(_ text: String) -> String {
        guard text.firstUTF8Offset(of: UInt8(ascii: "&")) != nil else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
