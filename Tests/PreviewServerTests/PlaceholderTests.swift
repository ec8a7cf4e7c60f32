import Testing
@testable import PreviewServer

@Test func placeholder() {}
