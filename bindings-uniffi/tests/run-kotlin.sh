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
[[ -f $lib_dir/libmedbill_uniffi.so || -f $lib_dir/libmedbill_uniffi.dylib ]] \
  || { echo "run-kotlin: no libmedbill_uniffi in $lib_dir" >&2; exit 1; }

# The jar bundles the Kotlin runtime (-include-runtime), so only JNA is added at run time.
mkdir -p "$out_dir"
jar=$out_dir/medbill-kotlin.jar
stale=0
if [[ ${MEDBILL_KOTLIN_REBUILD:-0} == 1 || ! -f $jar ]]; then
  stale=1
else
  for f in "${sources[@]}"; do [[ $f -nt $jar ]] && stale=1; done
  # A different bindings directory means different sources even if they are older.
  [[ $(cat "$jar.sources" 2>/dev/null) == "${sources[*]}" ]] || stale=1
fi
if [[ $stale == 1 ]]; then
  echo "run-kotlin: compiling with $KOTLINC ..." >&2
  start=$(date +%s)
  rm -f "$jar" "$jar.sources"
  "$KOTLINC" -nowarn -include-runtime -cp "$jna_jar" -d "$jar" "${sources[@]}"
  echo "${sources[*]}" > "$jar.sources"
  echo "run-kotlin: kotlinc took $(( $(date +%s) - start )) s" >&2
else
  echo "run-kotlin: $jar is up to date" >&2
fi

run() { "$java" -Djna.library.path="$lib_dir" -cp "$jar:$jna_jar" "$@"; }
status=0
if [[ $what == all || $what == tests ]]; then
  run org.medbill.tests.ScenariosKt "$repo/bindings-tests/scenarios.tsv" "$repo/examples/data" || status=1
fi
if [[ $what == all || $what == example ]]; then
  echo "--- examples/kotlin/Main.kt" >&2
  run com.example.medbill.MainKt "$repo/examples/data" || status=1
fi
exit $status
