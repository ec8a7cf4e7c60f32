import Testing

@testable import Templates

/// The templates' dictionary: a Swift dictionary's answers, in the order names were added.
@Suite struct TemplateMapTests {
    /// Maps of every size around the one where lookups switch from a row to a table.
    static let sizes = [0, 1, 7, 8, 9, 16, 17, 100]

    static func names(_ count: Int) -> [String] { (0..<count).map { "name\($0 * 7919 % 1000)" } }

    @Test(arguments: sizes) func answersAsADictionaryDoes(count: Int) {
        var map = TemplateMap()
        var dictionary: [String: TemplateValue] = [:]
        for (i, name) in Self.names(count).enumerated() {
            map[name] = .int(i)
            dictionary[name] = .int(i)
        }
        // Replacing, removing and adding again, as the build's dictionaries are changed.
        for (i, name) in Self.names(count).enumerated() where i % 3 == 0 {
            map[name] = .string("again")
            dictionary[name] = .string("again")
        }
        for (i, name) in Self.names(count).enumerated() where i % 5 == 1 {
            #expect(map.removeValue(forKey: name) == dictionary.removeValue(forKey: name))
        }
        map["added"] = true
        dictionary["added"] = true
        #expect(map.count == dictionary.count)
        for name in Self.names(count) + ["added", "missing", ""] {
            #expect(map[name] == dictionary[name], "\(name)")
            #expect(map[name, hash: TemplateMap.hash(name)] == dictionary[name])
        }
        #expect(map == TemplateMap(dictionary))
    }

    @Test func keepsTheOrderNamesWereAddedIn() {
        var map: TemplateMap = ["b": 1, "a": 2, "c": 3]
        map["a"] = 20
        map["d"] = 4
        #expect(map.keys == ["b", "a", "c", "d"])
        #expect(map.map(\.value) == [1, 20, 3, 4])
        // A Swift dictionary's order changes from run to run: made from one, names are sorted.
        #expect(TemplateMap(["z": 1, "y": 2, "x": 3]).keys == ["x", "y", "z"])
    }

    @Test func equalMapsHaveEqualValuesInAnyOrder() {
        let one: TemplateMap = ["a": 1, "b": "x"]
        #expect(one == ["b": "x", "a": 1])
        #expect(one != ["a": 1, "b": "y"])
        #expect(one != ["a": 1])
        #expect(one != ["a": 1, "b": "x", "c": true])
    }

    @Test func mergingAndMappingValues() {
        let merged = TemplateMap(["a": 1, "b": 2]).merging(["b": 3, "c": 4]) { mine, _ in mine }
        #expect(merged == ["a": 1, "b": 2, "c": 4])
        #expect(merged.mapValues { _ in true } == ["a": true, "b": true, "c": true])
    }
}
