#!/usr/bin/env bash
# Compiles the generated Kotlin bindings, the scenario runner and the Kotlin example in ONE kotlinc
# run (kotlinc is slow: about 20-30 s for these three files on a 2-core machine), then runs them.
#
#   bindings-uniffi/tests/run-kotlin.sh            # scenarios, then the example
#   bindings-uniffi/tests/run-kotlin.sh tests      # scenarios only
#   bindings-uniffi/tests/run-kotlin.sh example    # the example only
#
# Environment (defaults in brackets):
#   MEDBILL_UNIFFI_DIR  generated bindings; kotlin/org/medbill/medbill.kt inside [<repo>/target/uniffi]
#   MEDBILL_LIB_DIR     directory holding libmedbill_uniffi.so                  [<repo>/target/release]
#   KOTLINC             kotlinc [<repo>/xtask/tools/..., <repo>/target/tools/..., or kotlinc on PATH]
#   JNA_JAR             JNA jar                                                [/usr/share/java/jna.jar]
#   JAVA                java launcher                                          [java]
#   MEDBILL_KOTLIN_OUT  where the jar goes      [uniffi-tests/kotlin beside MEDBILL_UNIFFI_DIR, i.e.
#                       <repo>/target/uniffi-tests/kotlin by default]
#   MEDBILL_KOTLIN_REBUILD=1  recompile even when the jar is newer than every source
# Exit status: 0 when everything run passed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
uniffi_dir=${MEDBILL_UNIFFI_DIR:-$repo/target/uniffi}
lib_dir=${MEDBILL_LIB_DIR:-$repo/target/release}
jna_jar=${JNA_JAR:-/usr/share/java/jna.jar}
java=${JAVA:-java}
out_dir=${MEDBILL_KOTLIN_OUT:-$(dirname "$uniffi_dir")/uniffi-tests/kotlin}
what=${1:-all}

case $what in
  all | tests | example) ;;
  *) echo "usage: $0 [all|tests|example]" >&2; exit 2 ;;
esac

if [[ -z ${KOTLINC:-} ]]; then
  for candidate in "$repo/xtask/tools/node_modules/kotlin-compiler/bin/kotlinc" \
                   "$repo/target/tools/node_modules/kotlin-compiler/bin/kotlinc"; do
    if [[ -x $candidate ]]; then KOTLINC=$candidate; break; fi
  done
  KOTLINC=${KOTLINC:-kotlinc}
fi

bindings=$uniffi_dir/kotlin/org/medbill/medbill.kt
sources=("$bindings" "$here/kotlin/Scenarios.kt" "$repo/examples/kotlin/Main.kt")
for f in "${sources[@]}" "$jna_jar"; do
  [[ -f $f ]] || { echo "run-kotlin: missing $f" >&2; exit 1; }
done

# Two jars, as an app consumes medbill: medbill.jar is the library (the generated bindings and
# the native library as a JNA resource under <os>-<arch>/, so nothing is set at run time but
# the classpath); medbill-kotlin.jar is the scenario runner and the example, compiled against
# it (with the Kotlin runtime included). JNA is the only other jar.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86-64; native=libmedbill_uniffi.so ;;
  Linux-aarch64) platform=linux-aarch64; native=libmedbill_uniffi.so ;;
  Darwin-x86_64) platform=darwin-x86-64; native=libmedbill_uniffi.dylib ;;
  Darwin-arm64) platform=darwin-aarch64; native=libmedbill_uniffi.dylib ;;
  *) echo "run-kotlin: no JNA platform name for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$out_dir"
library_jar=$out_dir/medbill.jar
jar=$out_dir/medbill-kotlin.jar
stale=0
if [[ ${MEDBILL_KOTLIN_REBUILD:-0} == 1 || ! -f $jar || ! -f $library_jar ]]; then
  stale=1
else
  for f in "${sources[@]}" "$lib_dir/$native"; do [[ $f -nt $jar ]] && stale=1; done
  # A different bindings directory means different sources even if they are older.
  [[ $(cat "$jar.sources" 2>/dev/null) == "${sources[*]}" ]] || stale=1
fi
if [[ $stale == 1 ]]; then
  echo "run-kotlin: compiling with $KOTLINC ..." >&2
  start=$(date +%s)
  rm -rf "$jar" "$jar.sources" "$library_jar" "$out_dir/library"
  mkdir -p "$out_dir/library/$platform"
  "$KOTLINC" -nowarn -cp "$jna_jar" -d "$out_dir/library" "$bindings"
  # The native library without its debug sections (the debug build's are most of its size).
  if command -v strip > /dev/null; then
    strip --strip-debug -o "$out_dir/library/$platform/$native" "$lib_dir/$native"
  else
    cp "$lib_dir/$native" "$out_dir/library/$platform/$native"
  fi
  (cd "$out_dir/library" && jar cf "$library_jar" .)
  "$KOTLINC" -nowarn -include-runtime -cp "$library_jar:$jna_jar" -d "$jar" "${sources[@]:1}"
  echo "${sources[*]}" > "$jar.sources"
  echo "run-kotlin: kotlinc took $(( $(date +%s) - start )) s; $(basename "$library_jar"): $(du -k "$library_jar" | cut -f1) KB" >&2
else
  echo "run-kotlin: $jar is up to date" >&2
fi

# No jna.library.path: JNA finds the native library inside medbill.jar.
run() { "$java" -cp "$jar:$library_jar:$jna_jar" "$@"; }
status=0
if [[ $what == all || $what == tests ]]; then
  run org.medbill.tests.ScenariosKt "$repo/bindings-tests/scenarios.tsv" "$repo/examples/data" || status=1
fi
if [[ $what == all || $what == example ]]; then
  echo "--- examples/kotlin/Main.kt" >&2
  run com.example.medbill.MainKt "$repo/examples/data" || status=1
fi
exit $status
