import Foundation
import Testing

@testable import SiteBuilder

/// What a stage is done with: freed on another thread, or kept for the exit of a one-shot build.
@Suite struct LeftoversTests {
    final class Object: Sendable {}

    @Test func objectsLetGoWithFreeingAreFreed() async throws {
        weak var watched: Object?
        do {
            let leftovers = Leftovers()
            let object = Object()
            watched = object
            leftovers.keep(object)
            leftovers.letGo(freeing: true)
        }
        // Freed on a background queue: wait for it, at most five seconds.
        for _ in 0..<500 where watched != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(watched == nil)
    }

    @Test func objectsLetGoWithoutFreeingStayUntilExit() async throws {
        weak var watched: Object?
        do {
            let leftovers = Leftovers()
            let object = Object()
            watched = object
            leftovers.keep(object)
            leftovers.letGo(freeing: false)
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(watched != nil)
    }
}
