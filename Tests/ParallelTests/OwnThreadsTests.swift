import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Parallel

/// Parallel loops on a thread marked with `OwnThreads.markCurrent` leave the dispatch pool free.
@Suite struct OwnThreadsTests {
    /// Runs `body` on a new thread marked for own threads and waits for it.
    func onMarkedThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread {
            OwnThreads.markCurrent()
            body()
            done.signal()
        }.start()
        done.wait()
    }

    @Test func everyIndexRunsOnce() {
        let counts = Mutex([Int](repeating: 0, count: 1000))
        onMarkedThread {
            forEachIndex(1000) { index in counts.withLock { $0[index] += 1 } }
        }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 1000))
        let squares = Mutex<[Int]>([])
        onMarkedThread { squares.withLock { $0 = parallelMap(50) { $0 * $0 } } }
        #expect(squares.withLock { $0 } == (0..<50).map { $0 * $0 })
    }

    /// The items run on the marked thread and on threads it started, never on the dispatch
    /// pool's (which are not marked): the server's requests and events, which run there, are not
    /// kept waiting by the preview's background render.
    @Test func itemsRunOnMarkedThreadsOnly() {
        let marked = Mutex<[Bool]>([])
        onMarkedThread {
            forEachIndex(8) { _ in
                // Long enough that one thread cannot take every item before the others start.
                usleep(20_000)
                let isMarked = OwnThreads.isCurrent
                marked.withLock { $0.append(isMarked) }
            }
        }
        #expect(marked.withLock { $0 }.count == 8)
        #expect(marked.withLock { $0 }.allSatisfy { $0 })
        #expect(!OwnThreads.isCurrent)
    }

    /// The marked thread and the threads its loops start run in the idle class: a rebuild after
    /// the next edit (on threads not marked) gets the cores first. The caller's thread is not.
    @Test func markedThreadsYieldToOthers() {
        let yielding = Mutex<[Bool]>([])
        onMarkedThread {
            let own = OwnThreads.isYielding
            yielding.withLock { $0.append(own) }
            forEachIndex(8) { _ in
                usleep(20_000)
                let isYielding = OwnThreads.isYielding
                yielding.withLock { $0.append(isYielding) }
            }
        }
        #expect(yielding.withLock { $0 }.count == 9)
        #expect(yielding.withLock { $0 }.allSatisfy { $0 })
        #expect(!OwnThreads.isYielding)
    }
}
