/// A path as it is typed in a shell, for the commands Kretslopp tells its users to run
/// (`kretslopp build --content "My docs"`): as it is when nothing in it means anything to a
/// shell, else in double quotes with `"`, `$`, `` ` `` and `\` escaped.
public enum ShellWord {
    public static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.value > 0x7F
                    ? !scalar.properties.isWhitespace
                    : (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "_-./+@%:,=".unicodeScalars.contains(scalar))
            }
        guard !plain else { return word }
        var quoted = "\""
        for character in word {
            if "\"$`\\".contains(character) { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
