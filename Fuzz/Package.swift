// swift-tools-version: 6.0
// libFuzzer targets for ScopeReport's input readers. A package of its own because a fuzzer executable
// only links with `--sanitize=fuzzer` (libFuzzer supplies `main`), so the main package's plain
// `swift build` / `swift test` must never see these targets. Build and run them with `make fuzz`.
import PackageDescription

let package = Package(
    name: "ScopeReportFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ScopeReport", path: ".."),
        // The XLSX target zips its input's parts itself (same version as the main package resolves).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // CSVReader.read over arbitrary bytes.
        .executableTarget(
            name: "FuzzCSVReader", dependencies: [.product(name: "ScopeLoad", package: "ScopeReport")]),
        // XLSXReader.read over arbitrary bytes written to a temporary .xlsx file.
        .executableTarget(
            name: "FuzzXLSXReader",
            dependencies: [
                .product(name: "ScopeLoad", package: "ScopeReport"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // ReviewLoader over a data folder whose review.yaml is the input and whose sheet is fixed.
        .executableTarget(
            name: "FuzzConfigLoader",
            dependencies: [
                .product(name: "ScopeLoad", package: "ScopeReport"),
                .product(name: "ScopeDiagnostics", package: "ScopeReport"),
            ]),
        // TemplateRenderer with the input as report.md against a small fixed context.
        .executableTarget(
            name: "FuzzTemplateRenderer",
            dependencies: [.product(name: "ScopeRender", package: "ScopeReport")]),
    ],
    swiftLanguageModes: [.v6]
)
