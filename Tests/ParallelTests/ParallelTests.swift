import Foundation
import Parallel
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ParallelTests {
    static let counts = [0, 1, 2, 15, 16, 17, 100, 1_000]

    @Test(arguments: [1, 8])
    func parallelMapKeepsIndexOrder(minimumChunk: Int) {
        for count in Self.counts {
            let squares = parallelMap(count, minimumChunk: minimumChunk) { $0 * $0 }
            #expect(squares == (0..<count).map { $0 * $0 }, "count \(count)")
        }
    }

    @Test(arguments: [1, 8])
    func forEachIndexRunsEveryIndexOnce(minimumChunk: Int) {
        for count in Self.counts {
            let seen = Mutex([Int](repeating: 0, count: count))
            forEachIndex(count, minimumChunk: minimumChunk) { index in seen.withLock { $0[index] += 1 } }
            #expect(seen.withLock { $0 } == [Int](repeating: 1, count: count), "count \(count)")
        }
    }

    @Test func fewItemsInChunksStayOnTheCallersThread() {
        let caller = pthread_self()
        let threads = Mutex(Set<UInt>())
        forEachIndex(15, minimumChunk: 8) { _ in
            let current = UInt(pthread_self())
            threads.withLock { _ = $0.insert(current) }
        }
        #expect(threads.withLock { $0 } == [UInt(caller)])
    }

    @Test func chunksAreRunWholeByOneThread() {
        // Every stretch of neighbouring indices that one thread ran is whole runs, so at least
        // the minimum long.
        let count = 1_000
        let runner = ResultSlots<UInt>(count: count)
        forEachIndex(count, minimumChunk: 100) { runner[$0] = UInt(pthread_self()) }
        let threads = runner.values
        var stretches: [Int] = []
        for index in 0..<count {
            if index > 0 && threads[index] == threads[index - 1] {
                stretches[stretches.count - 1] += 1
            } else {
                stretches.append(1)
            }
        }
        #expect(stretches.allSatisfy { $0 >= 100 }, "\(stretches)")
    }

    @Test func eachThreadKeepsItsStateAndFinishesIt() {
        let count = 500
        let finished = Mutex([[Int]]())
        forEachIndex(count, state: { [Int]() }) { indices, index in
            indices.append(index)
        } finish: { indices in
            let done = indices
            finished.withLock { $0.append(done) }
        }
        let states = finished.withLock { $0 }
        #expect(states.count >= 1 && states.count <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(states.joined().sorted() == Array(0..<count))
        // Each thread takes the next index, so its own indices ascend.
        for indices in states { #expect(indices == indices.sorted()) }
    }

    @Test func noStateIsMadeForNoWork() {
        let made = Atomic(0)
        forEachIndex(0, state: { made.add(1, ordering: .relaxed) }) { _, _ in }
        #expect(made.load(ordering: .relaxed) == 0)
    }

    @Test func onEveryCoreRunsAtMostTheLimit() {
        let runs = Atomic(0)
        onEveryCore(atMost: 1) { runs.add(1, ordering: .relaxed) }
        #expect(runs.load(ordering: .relaxed) == 1)
        onEveryCore(atMost: 64) { runs.add(1, ordering: .relaxed) }
        #expect(runs.load(ordering: .relaxed) == 1 + ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test func resultSlotsGiveTheirValuesInOrder() {
        let slots = ResultSlots<String>(count: 3)
        forEachIndex(3) { slots[$0] = "v\($0)" }
        #expect(slots[1] == "v1")
        #expect(slots.values == ["v0", "v1", "v2"])
    }

    @Test(arguments: [true, false])
    func backgroundWorkGivesItsValue(inBackground: Bool) {
        let ran = Atomic(false)
        let work = BackgroundWork(inBackground: inBackground) {
            ran.store(true, ordering: .relaxed)
            return (1...100).reduce(0, +)
        }
        // Without a background thread the work is done before the initialiser returns.
        if !inBackground { #expect(ran.load(ordering: .relaxed) == true) }
        #expect(work.wait() == 5_050)
    }
}
