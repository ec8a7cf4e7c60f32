/// The preview's error box and warnings in the page's language: the theme's UI strings
/// `previewFailed`, `previewFailedOne`, `previewWarnings`, `previewWarningsOne` and `previewClose`,
/// handed to the live-reload script (`kretslopp serve`) in an inert `<template>` just before it.
/// The script keeps English words for a theme without them.
enum PreviewWords {
    /// The UI strings, by the `data-` attribute that carries each.
    static let strings = [
        ("failed", "previewFailed"), ("failed-one", "previewFailedOne"), ("warnings", "previewWarnings"),
        ("warnings-one", "previewWarningsOne"), ("close", "previewClose"),
    ]

    /// The element, with `data-lang` naming the language the words are in.
    static func element(_ theme: Theme) -> String {
        var html = "<template id=\"kretslopp-preview-words\" data-lang=\"\(HTML.escape(theme.stringsLanguage))\""
        for (attribute, key) in strings {
            guard let text = theme.strings[key] else { continue }
            html += " data-\(attribute)=\"\(HTML.escape(text))\""
        }
        return html + "></template>"
    }

    /// What the preview injects into every page: the words, then `snippet` (the script);
    /// nothing outside the preview.
    static func injected(_ snippet: String, theme: Theme) -> String {
        snippet.isEmpty ? "" : element(theme) + snippet
    }
}
