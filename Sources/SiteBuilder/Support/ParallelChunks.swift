import Dispatch
import Foundation

/// Runs `body` over `0..<count` split into contiguous ranges, one `concurrentPerform` iteration
/// per range, and returns when all have finished.
func forEachChunk(of count: Int, minimumChunk: Int = 8, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    // A few ranges per core balance uneven work; far fewer than one per item keeps the cost of
    // dispatching out of small jobs such as one mkdir or one unlink.
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumChunk))
    guard chunks > 1 else { return body(0..<count) }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body(count * chunk / chunks ..< count * (chunk + 1) / chunks)
    }
}
