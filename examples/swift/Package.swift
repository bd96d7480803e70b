// swift-tools-version:5.9
// A command-line example of medbill's Swift bindings. The Swift and C files UniFFI generates are
// copied into Sources/Medbill and Sources/MedbillFFI first; see README.md for the exact commands.
import PackageDescription

// The Rust static library (libmedbill_uniffi.a). Defaults to the workspace's target/release;
// set MEDBILL_LIB_DIR to link one built elsewhere (e.g. target/aarch64-apple-darwin/release).
let libDir = Context.environment["MEDBILL_LIB_DIR"] ?? Context.packageDirectory + "/../../target/release"

let package = Package(
    name: "MedbillExample",
    platforms: [.macOS(.v12)],
    targets: [
        // The C side of the bindings: MedbillFFI.h and its module map (renamed module.modulemap).
        .systemLibrary(name: "MedbillFFI", path: "Sources/MedbillFFI"),
        // The generated Medbill.swift; linking it pulls in the Rust library.
        .target(
            name: "Medbill",
            dependencies: ["MedbillFFI"],
            path: "Sources/Medbill",
            linkerSettings: [
                // Passing the archive by path links it statically even when a .dylib sits beside it.
                .unsafeFlags(["-Xlinker", "\(libDir)/libmedbill_uniffi.a"]),
                // Rust's libc crate asks for libiconv on Apple platforms.
                .linkedLibrary("iconv"),
            ]
        ),
        .executableTarget(name: "Example", dependencies: ["Medbill"], path: "Sources/Example"),
    ]
)
