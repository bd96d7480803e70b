#!/usr/bin/env bash
# Builds MedbillFFI.xcframework (the Rust library for macOS, iOS devices and the iOS simulator,
# with UniFFI's C header and module map) and Sources/Medbill/Medbill.swift, for Package.swift
# beside this script. Needs a Mac with Xcode and rustup.
#
#   bindings-uniffi/swift/build-xcframework.sh              # build everything (on a Mac)
#   bindings-uniffi/swift/build-xcframework.sh --dry-run    # print the commands, run nothing
#   bindings-uniffi/swift/build-xcframework.sh --layout LIB # only generate the Swift API and the
#       headers directory from an already built library LIB (.so, .dylib or .a): what Linux can
#       check (bindings-uniffi/tests/check-swift.sh does)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
mode=${1:-build}
build=$repo/target/xcframework
mac_targets=(aarch64-apple-darwin x86_64-apple-darwin)
sim_targets=(aarch64-apple-ios-sim x86_64-apple-ios)
device_target=aarch64-apple-ios
lib=libmedbill_uniffi.a

run() {
  if [[ $mode == --dry-run ]]; then printf '%q ' "$@"; echo; else "$@"; fi
}

# The Swift API and the headers directory (MedbillFFI.h and module.modulemap, as an XCFramework
# library's headers must be named), generated from one built library.
layout() {
  local from=$1
  run rm -rf "$build/swift" "$build/headers"
  run cargo run -q -p uniffi-bindgen --manifest-path "$repo/Cargo.toml" -- generate --no-format \
    --library "$from" --language swift --out-dir "$build/swift"
  run mkdir -p "$build/headers" "$here/Sources/Medbill"
  run cp "$build/swift/MedbillFFI.h" "$build/headers/MedbillFFI.h"
  run cp "$build/swift/MedbillFFI.modulemap" "$build/headers/module.modulemap"
  run cp "$build/swift/Medbill.swift" "$here/Sources/Medbill/Medbill.swift"
}

case $mode in
  --layout)
    [[ -f ${2:-} ]] || { echo "usage: $0 --layout LIBRARY" >&2; exit 2; }
    layout "$2"
    exit 0
    ;;
  build | --dry-run) ;;
  *) echo "usage: $0 [--dry-run | --layout LIBRARY]" >&2; exit 2 ;;
esac

if [[ $mode == build && $(uname -s) != Darwin ]]; then
  echo "build-xcframework: needs macOS and Xcode (use --dry-run or --layout elsewhere)" >&2
  exit 1
fi

# 1. The static library for every Apple target (release: size and speed for apps).
run rustup target add "${mac_targets[@]}" "${sim_targets[@]}" "$device_target"
for target in "${mac_targets[@]}" "${sim_targets[@]}" "$device_target"; do
  run cargo build --manifest-path "$repo/Cargo.toml" -p medbill-uniffi --release --target "$target"
done

# 2. One library per platform: macOS and the simulator are fat (both architectures).
run mkdir -p "$build/macos" "$build/ios-simulator" "$build/ios"
run lipo -create "$repo/target/${mac_targets[0]}/release/$lib" "$repo/target/${mac_targets[1]}/release/$lib" \
  -output "$build/macos/$lib"
run lipo -create "$repo/target/${sim_targets[0]}/release/$lib" "$repo/target/${sim_targets[1]}/release/$lib" \
  -output "$build/ios-simulator/$lib"
run cp "$repo/target/$device_target/release/$lib" "$build/ios/$lib"

# 3. The Swift API and the headers, from the macOS library.
layout "$build/macos/$lib"

# 4. The XCFramework, beside Package.swift.
run rm -rf "$here/MedbillFFI.xcframework"
run xcodebuild -create-xcframework \
  -library "$build/macos/$lib" -headers "$build/headers" \
  -library "$build/ios/$lib" -headers "$build/headers" \
  -library "$build/ios-simulator/$lib" -headers "$build/headers" \
  -output "$here/MedbillFFI.xcframework"
echo "built $here/MedbillFFI.xcframework and $here/Sources/Medbill/Medbill.swift" >&2
