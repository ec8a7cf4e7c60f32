import Foundation
import Synchronization

/// Values shown the same way in many places, such as a listing card: when a partial is rendered
/// with one of these as the current value, the engine may keep its output in a `PartialMemo` and
/// write it again instead of rendering it again. Templates see the values as a dictionary.
///
/// The values may come in two parts: those of these values alone, and a dictionary `shared` with
/// other reused values (a card's at every depth of the site; only its links differ), so that what
/// is the same is kept once. The two have no name in common.
public final class ReusedValues: Sendable {
    private let own: TemplateMap
    private let shared: TemplateMap
    /// Whether a partial rendered with these values as the current value may be kept: true for a
    /// card, shown in many places; false for values shown once (a page's own, which share its
    /// card's values instead of copying them).
    let memoizable: Bool

    public init(_ values: TemplateMap, sharing shared: TemplateMap = [:], memoizable: Bool = true) {
        assert(values.keys.allSatisfy { shared[$0] == nil }, "a name both shared and own")
        self.own = values
        self.shared = shared
        self.memoizable = memoizable
    }

    /// These values and `more` (which win where both have a name), still sharing what these
    /// share: a page's values on top of its card's, without copying the card's shared ones.
    public func adding(_ more: TemplateMap, memoizable: Bool) -> ReusedValues {
        // A shared name is looked up first: one that `more` gives again takes all into one.
        for (name, _) in more where shared[name] != nil {
            return ReusedValues(values.merging(more) { _, new in new }, memoizable: memoizable)
        }
        return ReusedValues(own.merging(more) { _, new in new }, sharing: shared, memoizable: memoizable)
    }

    /// The value named `name`.
    @inline(__always)
    public subscript(name: String) -> TemplateValue? { self[name, hash: TemplateMap.hash(name)] }

    /// The value named `name`, whose `TemplateMap.hash` is `hash`.
    @inline(__always)
    public subscript(name: String, hash hash: UInt32) -> TemplateValue? {
        shared.isEmpty ? own[name, hash: hash] : shared[name, hash: hash] ?? own[name, hash: hash]
    }

    /// Calls `body` with each name and value, the own ones first.
    public func forEveryValue(_ body: (String, TemplateValue) -> Void) {
        for (name, value) in own { body(name, value) }
        for (name, value) in shared { body(name, value) }
    }

    /// Every value, in one dictionary.
    public var values: TemplateMap { shared.isEmpty ? own : own.merging(shared) { mine, _ in mine } }
}

/// What partials rendered from `ReusedValues`, shared by the pages that render alike: the caller
/// names the root values (`stableKeys`) that are equal on every page using one memo.
///
/// Output is kept only when it is sure to be the same elsewhere: every name the partial looked up
/// was found in the reused values (or in what sections opened inside them), or is a stable root
/// value. Names that reached the root are remembered, and the output is reused only where no
/// value between the root and the reused values has them (a section could hide the root's).
public final class PartialMemo: Sendable {
    struct Key: Hashable {
        var partial: String
        var indentation: [UInt8]?
        var values: ObjectIdentifier
    }

    struct Entry {
        var output: [UInt8]
        /// Root names the partial read; the output holds where no value in between has them.
        var rootNames: [String]
        /// Keeps the object alive, so its identifier is not reused for another one.
        var values: ReusedValues
    }

    let stableKeys: Set<String>
    private let entries = Mutex<[Key: Entry]>([:])
    /// How many times kept output was written instead of rendering, for tests.
    var reused: Int { reuseCount.load(ordering: .relaxed) }
    // Counted on every reuse by every thread: an atomic, not the lock.
    private let reuseCount = Atomic<Int>(0)

    public init(stableKeys: Set<String>) {
        self.stableKeys = stableKeys
    }

    func entry(_ key: Key) -> Entry? {
        entries.withLock { $0[key] }
    }

    func store(_ entry: Entry, for key: Key) {
        entries.withLock { $0[key] = entry }
    }

    func countReuse() {
        reuseCount.wrappingAdd(1, ordering: .relaxed)
    }
}
