import Foundation

/// Where the theme is when `--theme` is not given: `Themes/default` in the working folder (the
/// project's own), else the default theme that came with the `kretslopp` being run, so that
/// `kretslopp build --content docs` works in any project folder, as `kretslopp import` says.
public enum DefaultTheme {
    /// The path as the user would type it.
    public static let relativePath = "Themes/default"

    /// `Themes/default` when the working folder has one; else the first `Themes/default` (or
    /// `share/kretslopp/Themes/default`, an installed layout) in a folder above the executable,
    /// symbolic links followed (a checkout's `.build/release/kretslopp`); else `Themes/default`,
    /// whose absence the build then reports.
    public static func folder(
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) -> String {
        if isTheme(workingDirectory.appendingPathComponent(relativePath)) { return relativePath }
        guard let executable else { return relativePath }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            for candidate in [relativePath, "share/kretslopp/" + relativePath] {
                let theme = folder.appendingPathComponent(candidate)
                if isTheme(theme) { return theme.path }
            }
            folder.deleteLastPathComponent()
        }
        return relativePath
    }

    /// A theme folder is one with templates in it.
    private static func isTheme(_ folder: URL) -> Bool {
        var isFolder: ObjCBool = false
        let templates = folder.appendingPathComponent("templates").path
        return FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) && isFolder.boolValue
    }
}
