/// Runs `body` for every index in `0..<count` across the cores and returns the results in index
/// order. `minimumChunk` splits the work as in `forEachIndex(_:minimumChunk:_:)`.
@inlinable
public func parallelMap<T: Sendable>(_ count: Int, minimumChunk: Int = 1, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = ResultSlots<T>(count: count)
    forEachIndex(count, minimumChunk: minimumChunk) { results[$0] = body($0) }
    return results.values
}
