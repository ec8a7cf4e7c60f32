import Foundation
import Testing

@testable import SiteBuilder

/// What a stage is done with: freed on another thread, or kept for the exit of a one-shot build.
@Suite struct LeftoversTests {
    final class Object: Sendable {}

    /// A weak reference to an object kept by leftovers that were then let go with `freeing`.
    final class Watched: @unchecked Sendable {
        weak var object: Object?

        init(freeing: Bool) {
            let leftovers = Leftovers()
            let object = Object()
            self.object = object
            leftovers.keep(object)
            leftovers.letGo(freeing: freeing)
        }
    }

    @Test func objectsLetGoWithFreeingAreFreed() async throws {
        let watched = Watched(freeing: true)
        // Freed on a background queue: wait for it, at most five seconds.
        for _ in 0..<500 where watched.object != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(watched.object == nil)
    }

    @Test func objectsLetGoWithoutFreeingStayUntilExit() async throws {
        let watched = Watched(freeing: false)
        try await Task.sleep(for: .milliseconds(200))
        #expect(watched.object != nil)
    }
}
