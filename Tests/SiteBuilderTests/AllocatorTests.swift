import Testing

@testable import SiteBuilder

/// The allocator's settings for a process that builds once and exits.
@Suite struct AllocatorTests {
    @Test func aOneBuildProcessTakesLargePagesAndKeepsWhatItFrees() throws {
        Allocator.tuneForOneBuild()
        #if os(Linux)
            // The build links mimalloc on Linux; without it the settings are unknown.
            let settings = try #require(Allocator.settings)
            #expect(settings.largePages)
            #expect(!settings.givesBack)
        #else
            #expect(Allocator.settings == nil)
        #endif
    }
}
