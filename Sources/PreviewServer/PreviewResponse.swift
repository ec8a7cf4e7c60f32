import Foundation

/// What the preview answers to one request, independent of any HTTP library.
struct PreviewResponse: Equatable, Sendable {
    var status: Int
    /// Header fields in a stable order (name, value).
    var headers: [(String, String)]
    var body: Data

    init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name` (case-insensitive), if any.
    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    static func == (a: PreviewResponse, b: PreviewResponse) -> Bool {
        a.status == b.status && a.body == b.body
            && a.headers.map { "\($0.0): \($0.1)" } == b.headers.map { "\($0.0): \($0.1)" }
    }
}
