import Dispatch
import Foundation
import Synchronization

/// Runs `body` for every index in `0..<count` across the cores and returns when all have run.
///
/// With `minimumChunk` 1 (the default) the threads take one index at a time as they come free, so
/// a few large items do not hold up the rest. A larger `minimumChunk` hands out contiguous runs
/// of at least that many indices instead, at most four runs per core, and runs fewer than two
/// runs' worth on the caller's thread: for many small items (one system call each), where waking
/// threads and handing out every index alone would cost about as much as the items.
public func forEachIndex(_ count: Int, minimumChunk: Int = 1, _ body: @Sendable (Int) -> Void) {
    guard count > 1 else {
        if count == 1 { body(0) }
        return
    }
    guard minimumChunk > 1 else { return concurrentlyPerform(count, body) }
    // A few runs per core balance uneven work.
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumChunk))
    guard chunks > 1 else {
        for index in 0..<count { body(index) }
        return
    }
    concurrentlyPerform(chunks) { chunk in
        for index in count * chunk / chunks..<count * (chunk + 1) / chunks { body(index) }
    }
}

/// Runs `body` for every index in `0..<count` on one thread per core. Each thread first makes
/// its own `state` (a copy of what it would otherwise share with the other threads) and takes
/// the next index whenever it finishes one, so a few large jobs do not hold up the rest; when no
/// index is left it passes its state to `finish`.
@inlinable
public func forEachIndex<State>(
    _ count: Int, state makeState: @Sendable () -> State, _ body: @Sendable (inout State, Int) -> Void,
    finish: @Sendable (inout State) -> Void = { _ in }
) {
    guard count > 0 else { return }
    let next = Atomic<Int>(0)
    onEveryCore(atMost: count) {
        var state = makeState()
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { break }
            body(&state, index)
        }
        finish(&state)
    }
}

/// Runs `body` once on each of `limit` threads at most, one per core, and returns when all have
/// returned: for workers that take their items from a queue of their own.
public func onEveryCore(atMost limit: Int, _ body: @Sendable () -> Void) {
    let threads = min(limit, ProcessInfo.processInfo.activeProcessorCount)
    concurrentlyPerform(threads) { _ in body() }
}
