import Foundation
import Markdown

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A link to another site, where it is written.
public struct ExternalLink: Sendable {
    public var url: String
    var file: String
    var position: SourcePosition
}

/// Checks links to other sites over the network: HEAD, then GET when a server refuses HEAD, with a
/// timeout and a limit on parallel requests. Never part of a build.
public enum ExternalLinkChecker {
    /// One diagnostic per link that did not answer with a success or a redirect to one.
    public static func check(_ links: [ExternalLink], timeout: TimeInterval = 10, concurrency: Int = 8) async
        -> [Diagnostic]
    {
        let unique = Array(Set(links.map(\.url))).sorted()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration)
        var problems: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            var next = 0
            func start() {
                guard next < unique.count else { return }
                let url = unique[next]
                next += 1
                group.addTask { (url, await problem(url, session: session)) }
            }
            for _ in 0..<min(concurrency, unique.count) { start() }
            for await (url, problem) in group {
                if let problem { problems[url] = problem }
                start()
            }
        }
        return links.compactMap { link in
            problems[link.url].map {
                Diagnostic(.warning, link.file, link.position, "external link \(link.url): \($0)")
            }
        }.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    private static func problem(_ text: String, session: URLSession) async -> String? {
        guard let url = URL(string: text) else { return "not a valid URL" }
        var request = URLRequest(url: url)
        request.httpMethod = "HEAD"
        request.setValue("kretslopp-linkcheck", forHTTPHeaderField: "User-Agent")
        do {
            var (_, response) = try await session.data(for: request)
            if let status = (response as? HTTPURLResponse)?.statusCode, status == 405 || status == 403 || status == 501
            {
                request.httpMethod = "GET"
                (_, response) = try await session.data(for: request)
            }
            guard let status = (response as? HTTPURLResponse)?.statusCode else { return "no HTTP answer" }
            return (200..<400).contains(status) ? nil : "HTTP \(status)"
        } catch {
            return (error as? URLError)?.code == .timedOut
                ? "no answer within the time limit" : error.localizedDescription
        }
    }
}
