/// Content types of the files a site is made of, by file extension.
enum MediaType {
    /// The `Content-Type` value for an output path; text types carry `charset=utf-8`.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let type = byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
        return isText(type) ? type + "; charset=utf-8" : type
    }

    static func isText(_ type: String) -> Bool {
        type.hasPrefix("text/") || textApplicationTypes.contains(type)
    }

    private static let textApplicationTypes: Set<String> = [
        "application/json", "application/xml", "application/atom+xml", "application/rss+xml",
        "application/manifest+json", "application/geo+json", "image/svg+xml",
    ]

    private static let byExtension: [String: String] = [
        "html": "text/html", "htm": "text/html",
        "css": "text/css",
        "js": "text/javascript", "mjs": "text/javascript",
        "json": "application/json", "map": "application/json",
        "webmanifest": "application/manifest+json", "geojson": "application/geo+json",
        "xml": "application/xml", "atom": "application/atom+xml", "rss": "application/rss+xml",
        "txt": "text/plain", "md": "text/markdown", "csv": "text/csv",
        "yaml": "text/yaml", "yml": "text/yaml",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "ogg": "audio/ogg",
    ]
}
