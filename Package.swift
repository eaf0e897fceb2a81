// swift-tools-version: 6.0
// ScopeReport: a build-style tool that turns a review's extraction sheet into its published results.
//
// The pipeline runs one way, and each stage is a module that never imports a later one:
//   ScopeLoad → ScopeSynthesis (with ScopeStatistics) → ScopeRender (with ScopeCharts) → ScopePublish
//   → ScopeDiff; ScopeBuild runs the first four as one build, and the `scopereport` executable holds
//   the commands.
import PackageDescription

let package = Package(
    name: "ScopeReport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scopereport", targets: ["scopereport"]),
        // For the fuzz targets in Fuzz/, a separate package that depends on this one by path.
        .library(name: "ScopeDiagnostics", targets: ["ScopeDiagnostics"]),
        .library(name: "ScopeLoad", targets: ["ScopeLoad"]),
        .library(name: "ScopeRender", targets: ["ScopeRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // OpenSSL's libcrypto from the system (Debian: libssl-dev), for SHA-256 alone.
        .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // What the C library gives every stage: files read safely, printf's numbers, memmem, threads
        // over large inputs; the one place that tells Linux from macOS (Platform.swift).
        .target(name: "ScopeSystem", dependencies: ["COpenSSLCrypto"]),
        // Compiler-style problems (file:line:column: error: …) and "did you mean", shared by every stage,
        // and the text formats every output needs (CSV and JSON fields, result keys).
        .target(name: "ScopeDiagnostics"),
        // Stage 1: files → typed, validated review (CSV/XLSX sheet + YAML config, PRISMA counts).
        .target(
            name: "ScopeLoad",
            dependencies: [
                "ScopeDiagnostics", "ScopeSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Pure numerics: distributions, ranks, correlations, descriptive statistics.
        .target(name: "ScopeStatistics"),
        // Stage 2: review → typed results (pure functions, no I/O).
        .target(
            name: "ScopeSynthesis",
            dependencies: ["ScopeDiagnostics", "ScopeLoad", "ScopeStatistics", "ScopeSystem"]),
        // SVG writing, the charts, and the PRISMA 2020 flow diagram drawn from the loaded counts.
        .target(name: "ScopeCharts", dependencies: ["ScopeDiagnostics", "ScopeLoad", "ScopeSystem"]),
        // Stage 3: results → Markdown report, tables (MD/CSV/LaTeX, and Word for all of them) and figures (SVG).
        .target(
            name: "ScopeRender",
            dependencies: [
                "ScopeLoad", "ScopeSynthesis", "ScopeCharts", "ScopeSystem",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The C Swift cannot reach: the atomic exchange of two folders (renameat2).
        .target(name: "CSystem"),
        // Stage 4: Markdown → HTML via cmark-gfm, manifest, atomic swap of the output folder.
        .target(
            name: "ScopePublish", dependencies: ["CCmarkGFM", "CSystem", "ScopeDiagnostics", "ScopeSystem"]),
        // `scopereport diff`: compares two report folders (their tables read with the loader's CSV reader); it
        // builds data through the executable.
        .target(name: "ScopeDiff", dependencies: ["ScopeDiagnostics", "ScopeLoad"]),
        // The build: the inputs' snapshot, load → synthesize → render → publish, the no-op check.
        .target(
            name: "ScopeBuild",
            dependencies: [
                "ScopeDiagnostics", "ScopeLoad", "ScopeSynthesis", "ScopeRender", "ScopePublish",
                "ScopeSystem",
            ]),
        // `scopereport serve`: the build served over HTTP, rebuilt on every save, the page reloading itself.
        .target(
            name: "ScopePreview",
            dependencies: [
                "ScopeBuild", "ScopeDiagnostics", "ScopePublish", "ScopeSystem",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),
        // The commands; each is a few lines over the libraries.
        .executableTarget(
            name: "scopereport",
            dependencies: [
                "ScopeBuild", "ScopeDiagnostics", "ScopeLoad", "ScopeStatistics", "ScopeSynthesis",
                "ScopeRender", "ScopePublish", "ScopeDiff", "ScopePreview", "ScopeSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "ScopeLoadTests", dependencies: ["ScopeLoad", "ScopeSystem"], resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScopeStatisticsTests", dependencies: ["ScopeStatistics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScopeSynthesisTests", dependencies: ["ScopeSynthesis", "ScopeLoad"]),
        .testTarget(name: "ScopeChartsTests", dependencies: ["ScopeCharts"], resources: [.copy("Golden")]),
        .testTarget(
            name: "PrismaTests", dependencies: ["ScopeLoad", "ScopeCharts", "ScopeDiagnostics"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScopeRenderTests",
            dependencies: [
                "ScopeRender", "ScopeLoad", "ScopeSynthesis",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "ScopePublishTests", dependencies: ["ScopePublish", "ScopeDiagnostics", "ScopeSystem"]),
        .testTarget(name: "ScopeDiffTests", dependencies: ["ScopeDiff", "ScopeDiagnostics"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "scopereport", "ScopeDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
