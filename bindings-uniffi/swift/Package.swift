// swift-tools-version:5.9
// medbill for Swift apps (iOS and macOS): the generated Swift API over the Rust library, shipped
// as an XCFramework. Build MedbillFFI.xcframework and Sources/Medbill/Medbill.swift first, on a
// Mac, with ./build-xcframework.sh (see README.md); then add this package to an app:
//   .package(path: "path/to/medbill/bindings-uniffi/swift")   // product "Medbill"
import PackageDescription

let package = Package(
    name: "Medbill",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "Medbill", targets: ["Medbill"]),
    ],
    targets: [
        // The Rust static library for each platform, with the C header and module map UniFFI
        // generates (module MedbillFFI, as bindings-uniffi/uniffi.toml names it).
        .binaryTarget(name: "MedbillFFI", path: "MedbillFFI.xcframework"),
        // The generated Swift API (Medbill.swift), which imports MedbillFFI.
        .target(
            name: "Medbill",
            dependencies: ["MedbillFFI"],
            path: "Sources/Medbill",
            // Rust's libc crate asks for libiconv on Apple platforms.
            linkerSettings: [.linkedLibrary("iconv")]
        ),
    ]
)
