import Synchronization
import Testing

@testable import SiteBuilder

/// The caches the rendering threads share make each value once and hand out the first one
/// stored, by key and by number alike, however many threads ask at once.
@Suite struct SharedCacheTests {
    @Test func eachKeyAndNumberGetsTheFirstValueStored() async {
        let byKey = LockedCache<String, Int>()
        let byNumber = IndexedCache<Int>(count: 100)
        let made = Counter()
        await withTaskGroup(of: [Int].self) { group in
            for thread in 0..<8 {
                group.addTask {
                    (0..<100).map { number in
                        let first = byNumber.value(number) {
                            made.count.add(1, ordering: .relaxed)
                            return number * 1_000 + thread
                        }
                        let second = byKey.value("k\(number)") { first }
                        let again = byNumber.value(number) { -1 }
                        return second == first && again == first ? first : -1
                    }
                }
            }
            var seen: [[Int]] = []
            for await values in group { seen.append(values) }
            // Every thread saw the same value for each number, made by one of them.
            for values in seen { #expect(values == seen[0]) }
            #expect(seen[0].enumerated().allSatisfy { $0.element / 1_000 == $0.offset })
        }
        // A value may be made twice when two threads ask at once, never more often than asked.
        let count = made.count.load(ordering: .relaxed)
        #expect(count >= 100 && count <= 800)
    }

    final class Counter: Sendable {
        let count = Atomic<Int>(0)
    }
}
