import Synchronization

/// What making the site model found in the preview's last build that the next one can take
/// unchanged: the locale's comparisons of titles, the listing order when no title, weight or
/// place in the nav changed, the page indexes when no page came, went or moved, and each unchanged page's terms
/// placed in their taxonomies.
final class SiteModelMemo: Sendable {
    /// The locale's answers when titles were last sorted.
    let collation = CollationMemo()
    private let state = Mutex(State())

    private struct State {
        var order: (titles: [String], weights: [Int], places: [Int?], ordered: [Int])?
        var indexes: (sources: [String], paths: [String], indexes: PageIndexes)?
        /// The taxonomies' keys and term ids the placements were made with.
        var vocabulary: [[String]] = []
        /// By source path: the page (the very value placed, compared by identity) and its terms.
        var placed: [String: (page: Page, placed: [[BuildSiteModel.PlacedTerm]])] = [:]
    }

    /// The listing order of pages with these titles, weights and places in the nav, when it was
    /// made for exactly them.
    func order(titles: [String], weights: [Int], places: [Int?]) -> [Int]? {
        state.withLock { state in
            guard let order = state.order, order.weights == weights, order.places == places, order.titles == titles
            else { return nil }
            return order.ordered
        }
    }

    func keep(order ordered: [Int], titles: [String], weights: [Int], places: [Int?]) {
        state.withLock { $0.order = (titles, weights, places, ordered) }
    }

    /// The page indexes of pages with these sources and paths, when made for exactly them.
    func indexes(sources: [String], paths: [String]) -> PageIndexes? {
        state.withLock { state in
            // Unchanged pages share their strings with the last build's: comparing is cheap.
            guard let kept = state.indexes, kept.sources == sources, kept.paths == paths else { return nil }
            return kept.indexes
        }
    }

    func keep(_ indexes: PageIndexes, sources: [String], paths: [String]) {
        state.withLock { $0.indexes = (sources, paths, indexes) }
    }

    /// Starts a build whose taxonomies have `vocabulary` (each one's key, then its term ids):
    /// placements made with another are forgotten.
    func use(vocabulary: [[String]]) {
        state.withLock { state in
            guard state.vocabulary != vocabulary else { return }
            state.vocabulary = vocabulary
            state.placed = [:]
        }
    }

    /// The terms of `page` as placed before, if this very page was placed.
    func placed(_ page: Page) -> [[BuildSiteModel.PlacedTerm]]? {
        state.withLock { state in
            guard let kept = state.placed[page.source.relativePath], kept.page.isSame(as: page) else { return nil }
            return kept.placed
        }
    }

    func keep(_ placed: [[BuildSiteModel.PlacedTerm]], of page: Page) {
        state.withLock { $0.placed[page.source.relativePath] = (page, placed) }
    }
}
