// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kretslopp",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kretslopp", targets: ["kretslopp"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Parallel"),
        .target(name: "Search", dependencies: ["CStemmer", "Parallel"], resources: [.copy("Resources")]),
        .target(name: "Templates"),
        .target(
            name: "SiteBuilder",
            dependencies: ["Markdown", "Templates", "Search", "Parallel", "Yams"]
        ),
        .target(
            name: "PreviewServer",
            dependencies: [
                "SiteBuilder",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "OfflineBundle", dependencies: ["SiteBuilder", "ZIPFoundation"]),
        .executableTarget(
            name: "kretslopp",
            dependencies: [
                "SiteBuilder", "PreviewServer", "OfflineBundle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc replaces the C allocator for the whole process (Swift allocates a great
            // deal): 10% less CPU time for a 10,000-page build than glibc's malloc (`make bench`).
            // Its defaults stay: 2 MiB pages (`large_os_pages`, transparent huge pages) with freed
            // memory kept gave no gain that held (paired 10,000-page builds on 2026-12-05: 2-4% less
            // CPU time with most memory free, 4.17 against 4.15 CPU-s once the page cache had filled
            // it) and 10% more peak memory.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "MarkdownTests",
            dependencies: ["Markdown", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "TemplatesTests",
            dependencies: [
                "Templates", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(
            name: "SearchTests",
            dependencies: ["Search", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: ["SiteBuilder", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "OfflineBundleTests", dependencies: ["OfflineBundle", "ZIPFoundation"]),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: ["PreviewServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
