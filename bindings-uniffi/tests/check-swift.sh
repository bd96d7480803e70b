#!/usr/bin/env bash
# Checks the Swift bindings and examples/swift as far as possible WITHOUT a Swift compiler:
# the generated files declare the API, the example only calls what they declare (with the right
# argument labels, for free functions, constructors and methods), the JSON it decodes has the
# fields it reads (per core/schema), the C header and module map match what Medbill.swift uses, the header's
# symbols are exported by the built library, the API checksums Medbill.swift will verify at
# start-up equal the library's, and the README's copy steps produce the layout Package.swift wants.
#
#   bindings-uniffi/tests/check-swift.sh
#
# MEDBILL_UNIFFI_DIR  generated bindings; swift/ inside                 [<repo>/target/uniffi]
# MEDBILL_LIB_DIR     directory holding libmedbill_uniffi.so or .dylib  [<repo>/target/release]
# Prints `ok - NAME` / `not ok - NAME: DETAIL`, then `swift-check: N passed, M failed`; exits 1 on failure.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
gen=${MEDBILL_UNIFFI_DIR:-$repo/target/uniffi}/swift
lib_dir=${MEDBILL_LIB_DIR:-$repo/target/release}
pkg=$repo/examples/swift
swift=$gen/Medbill.swift
header=$gen/MedbillFFI.h
modulemap=$gen/MedbillFFI.modulemap
main=$pkg/Sources/Example/main.swift

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1: $2"; }
# check NAME DETAIL-IF-FAILED COMMAND...
check() { local name=$1 detail=$2; shift 2; if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "$detail"; fi; }
# Text with every run of whitespace collapsed to one space (declarations may span lines).
flat() { tr -s ' \t\r\n' '    ' < "$1" | tr -s ' '; }
has_flat() { flat "$1" | grep -qF -- "$2"; }

finish() {
  echo "swift-check: $passed passed, $failed failed"
  [[ $failed == 0 && $passed -gt 0 ]]
  exit
}

# --- the generated files -------------------------------------------------------------------
for f in "$swift" "$header" "$modulemap" "$main" "$pkg/Package.swift" "$pkg/README.md"; do
  check "exists: ${f#"$repo"/}" "missing $f" test -s "$f"
done
[[ -s $swift && -s $header && -s $modulemap && -s $main ]] || finish

for decl in 'public func version(' 'public func checkCode(' 'public func allocate(' \
            'public func allocateEvenly(' 'public func validateClaimJson(' \
            'public func prepareClaimJson(' 'public enum MedbillError' \
            'case Failed( /** * Stable' 'public enum CodeKind' 'public struct CodeCheck' \
            'public struct Finding' 'public enum Severity' 'public typealias Money = String' \
            'open class Pricer' \
            'public convenience init(rvu: Data?, gpci: Data?, anesthesia: Data?, zip: Data?, version: String? = nil)throws' \
            'open func priceJson(claimJson: String, contractJson: String, asOf: String, options: PriceOptions? = nil)throws -> String' \
            'open func priceManyJson(claimsJson: String, contractJson: String, asOf: String, options: PriceOptions? = nil)throws -> String' \
            'open func rvuRows() -> UInt64' \
            'open func estimateJson(requestJson: String, asOf: String)throws -> String' \
            'open func estimateWithEligibilityJson(requestJson: String, x12: Data, patientJson: String, asOf: String)throws -> String' \
            'public func eligibilityBenefitsJson(x12: Data, checkJson: String)throws -> String' \
            'public static func fromPack(bytes: Data)throws -> CodeSets' \
            'open func toPack(first: String? = nil, last: String? = nil)throws -> Data' \
            'public func adjudicateJson(pricedJson: String, planJson: String, accumulatorsJson: String, network: Network, unchecked: Bool = false)throws -> String' \
            'public func coordinateJson(priorJson: String, secondaryJson: String, methodJson: String)throws -> String' \
            'public enum Network' \
            'public func readX12Json(bytes: Data)throws -> String' \
            'public func summarizeX12Json(bytes: Data)throws -> String' \
            'public func summarizeX12(bytes: Data)throws -> [SetSummary]' \
            'public func readRemittances(bytes: Data)throws -> [Remittance]' \
            'public func validateClaim(claim: Claim)throws -> [Finding]' \
            'public func prepareClaim(encounterJson: String, practiceJson: String)throws -> Claim' \
            'open func price(claim: Claim, contractJson: String, asOf: String, options: PriceOptions? = nil)throws -> PricedClaim' \
            'open func estimate(requestJson: String, asOf: String)throws -> Estimate' \
            'public func adjudicate(priced: PricedClaim, planJson: String, accumulatorsJson: String, network: Network, unchecked: Bool = false)throws -> Adjudication' \
            'public func coordinate(prior: Adjudication, secondary: Adjudication, methodJson: String)throws -> Coordination' \
            'public func chargeClaims(claimsJson: String, entries: [Entry], billed: String, posted: String)throws -> [Entry]' \
            'public func balances(entries: [Entry], asOf: AsOf? = nil)throws -> Balances' \
            'public func claimFromFhir(fhirJson: String)throws -> Claim' \
            'public func fhirClaim(claim: Claim, created: String)throws -> String' \
            'public func fhirClaimJson(claimJson: String, created: String)throws -> String' \
            'public func fhirClaimResponseJson(claimJson: String, adjudicationJson: String, created: String)throws -> String' \
            'public func fhirCoverageJson(responseJson: String)throws -> String' \
            'public func fhirEligibilityResponseJson(responseJson: String, created: String)throws -> String' \
            'public func fhirEobJson(claimJson: String, adjudicationJson: String, created: String)throws -> String' \
            'public func fhirGoodFaithEstimateJson(requestJson: String, estimateJson: String, created: String)throws -> String' \
            'public func fhirRemittanceEobJson(remittanceJson: String, created: String)throws -> String' \
            'public struct Claim: Equatable, Hashable' 'public struct PricedClaim: Equatable, Hashable' \
            'public struct Adjudication: Equatable, Hashable' 'public struct Estimate: Equatable, Hashable' \
            'public struct Coordination: Equatable, Hashable' 'public struct Remittance: Equatable, Hashable' \
            'public struct SetSummary: Equatable, Hashable' 'public struct Entry: Equatable, Hashable' \
            'public struct Balances: Equatable, Hashable' 'public enum ClaimForm: Equatable, Hashable' \
            'public indirect enum EntryKind: Equatable, Hashable' \
            'public func write837Json(claimsJson: String, submissionJson: String, envelopeJson: String)throws -> String' \
            'public func write270Json(requestsJson: String, envelopeJson: String)throws -> String' \
            'public func write276Json(requestsJson: String, envelopeJson: String)throws -> String' \
            'public func write835Json(remittancesJson: String, envelopeJson: String)throws -> String' \
            'public func secondaryClaimJson(claimJson: String, payerJson: String, coverageJson: String, priorJson: String, adjudicated: String, nextPayerJson: String?)throws -> String' \
            'public func chargeClaimsJson(claimsJson: String, entriesJson: String, billed: String, posted: String)throws -> String' \
            'public func postRemittanceJson(remittanceJson: String, claimsJson: String, entriesJson: String, optionsJson: String)throws -> String' \
            'public func kpisJson(entriesJson: String, requestJson: String)throws -> String' \
            'public func denialQueueJson(entriesJson: String, claimsJson: String, packsJson: String, asOf: String)throws -> String' \
            'public func correctedClaimJson(claimJson: String, payerClaimNumber: String, changesJson: String)throws -> String' \
            'public func voidClaimJson(claimJson: String, payerClaimNumber: String)throws -> String' \
            'public func appealLetterJson(claimJson: String, denialJson: String, requestJson: String)throws -> String' \
            'public func followUpQueueJson(entriesJson: String, packsJson: String, asOf: String)throws -> String' \
            'public func statusRequestJson(itemJson: String, claimJson: String, receiverJson: String, reference: String)throws -> String' \
            'public func postStatusesJson(responsesJson: String, claimsJson: String, entriesJson: String, posted: String)throws -> String' \
            'public func fixListJson(fileJson: String)throws -> String' \
            'public func patientStatementJson(patient: String, entriesJson: String, claimsJson: String, optionsJson: String)throws -> String' \
            'public func paymentPlanJson(requestJson: String)throws -> String' \
            'public func planStandingJson(planJson: String, patient: String, entriesJson: String, asOf: String)throws -> String' \
            'public func allocatePaymentJson(requestJson: String, entriesJson: String)throws -> String' \
            'public func creditBalancesJson(entriesJson: String, optionsJson: String)throws -> String' \
            'public func smallBalanceWriteOffsJson(entriesJson: String, ruleJson: String, asOf: String, posted: String)throws -> String' \
            'public func explainVisitJson(claim: String, entriesJson: String, claimsJson: String, asOf: String, audience: String)throws -> String'; do
  check "Medbill.swift declares '${decl%% /\*\**}'" "not found (whitespace-insensitive)" has_flat "$swift" "$decl"
done
# MedbillError.Failed carries code: and detail: (doc comments sit between them in the generated file).
check "MedbillError.Failed has code: and detail:" "labels not found" \
  bash -c "tr -s ' \t\r\n' ' ' < '$swift' | grep -qE 'case Failed\( (/\*\*[^/]*\*/ ?)?code: String, (/\*\*[^/]*\*/ ?)?detail: String ?\)'"

# --- what examples/swift/Sources/Example/main.swift uses -------------------------------------
# Free functions called (not methods: no '.' before the name), minus Swift/Foundation ones.
# String literals are blanked first so words like "finding(s)" in messages are not taken for calls.
calls=$(grep -v '^\s*//' "$main" | sed -E 's/"[^"]*"/""/g' | grep -oE '(^|[^.A-Za-z0-9_])[a-z][A-Za-z0-9_]*\(' \
  | sed -E 's/^[^a-z]//; s/\($//' | sort -u | grep -vxE 'print|exit|if|for|while|switch|guard|catch|return')
[[ -n $calls ]] || not_ok "main.swift calls medbill functions" "no free function calls found"
for fn in $calls; do
  decl=$(flat "$swift" | grep -oE "public func $fn\([^)]*\)" | head -1)
  if [[ -z $decl ]]; then
    not_ok "main.swift calls $fn()" "Medbill.swift declares no 'public func $fn('"
    continue
  fi
  # Declared argument labels, in order, must appear in the call (calls are one line each);
  # a parameter with a default value (`= false`, `= nil`) may be left out.
  labels=$(echo "$decl" | sed -E 's/^[^(]*\(//; s/\)$//' | tr ',' '\n' | grep -v '=' \
    | grep -oE '^ *[A-Za-z_][A-Za-z0-9_]*:' | tr -d ' ')
  pattern="(^|[^.A-Za-z0-9_])$fn\\("
  for label in $labels; do pattern+=".*$label "; done
  check "main.swift calls $fn($(echo $labels | tr -d ' ')) as declared" "declared as: $decl" grep -qE "$pattern" "$main"
done
for case_ in $(grep -oE 'kind: \.[a-z0-9]+' "$main" | sed 's/.*\.//' | sort -u); do
  check "CodeKind has case $case_" "no 'case $case_' in Medbill.swift" grep -qE "^ *case $case_$" "$swift"
done
# Network cases used (network: .inNetwork) must be cases of the Network enum itself.
network_enum=$(sed -n '/^public enum Network\b/,/^}/p' "$swift")
for case_ in $(grep -oE 'network: \.[A-Za-z0-9]+' "$main" | sed 's/.*\.//' | sort -u); do
  check "Network has case $case_" "no 'case $case_' in Medbill.swift's enum Network" \
    grep -qE "^ *case $case_$" <<< "$network_enum"
done
if grep -q 'MedbillError\.Failed' "$main"; then
  check "MedbillError has case Failed" "no 'case Failed(' in Medbill.swift" grep -q 'case Failed(' "$swift"
fi
for field in $(grep -oE '\b(f|npi)\.[a-z][A-Za-z]*' "$main" | sed 's/.*\.//' | sort -u); do
  check "record field .$field exists" "no 'public var $field:' in Medbill.swift" grep -qE "public var $field:" "$swift"
done
# Constructions of the generated classes (Pricer(...)) and calls of their methods (.priceJson(...)):
# every argument label, in order, as a convenience init / open func of Medbill.swift declares it
# (calls may span lines). And every `struct NAME: Decodable` in main.swift reads only fields that
# core/schema's NAME has, non-optional ones only where the schema requires them.
if command -v python3 >/dev/null; then
  while IFS=$'\t' read -r verdict name detail; do
    if [[ $verdict == OK ]]; then ok "$name"; else not_ok "$name" "$detail"; fi
  done < <(python3 - "$swift" "$main" "$repo/core/schema" <<'PY' 2>&1 || echo $'FAIL\tmain.swift classes, methods and Decodable structs\tthe checker failed'
import json, pathlib, re, sys
swift = open(sys.argv[1], encoding="utf-8").read()
main = open(sys.argv[2], encoding="utf-8").read()
schema_dir = pathlib.Path(sys.argv[3])
code = "\n".join(l for l in main.splitlines() if not l.lstrip().startswith("//"))

def say(ok, name, detail=""):
    print(("OK" if ok else "FAIL") + "\t" + name + "\t" + detail.replace("\t", " ").replace("\n", " "))

def args_after(text, open_paren):
    # The top-level arguments of the call whose '(' is at open_paren (string literals skipped).
    depth, in_str, start, args, i = 0, False, open_paren + 1, [], open_paren
    while i < len(text):
        c = text[i]
        if c == "\\" and in_str:
            i += 2
            continue
        if c == '"':
            in_str = not in_str
        elif not in_str:
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
                if depth == 0:
                    args.append(text[start:i])
                    return [a for a in args if a.strip()]
            elif c == "," and depth == 1:
                args.append(text[start:i])
                start = i + 1
        i += 1
    return None

def call_labels(args):
    return [m.group(1) if (m := re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*:(?!:)", a)) else "_" for a in args]

def decl_labels(params):
    """Every label list a call may use: all the labels, then without each trailing parameter
    that has a default value (`= nil`)."""
    parts = [p for p in params.split(",") if p.strip()]
    labels = [(p.split(":")[0].split() or ["_"])[0] for p in parts]
    choices = [labels]
    while labels and "=" in parts[len(labels) - 1]:
        labels = labels[:-1]
        choices.append(labels)
    return choices

def check_call(what, decls, at):
    got = call_labels(args_after(code, at) or [])
    if not decls:
        say(False, f"main.swift {what} is declared", "no matching declaration in Medbill.swift")
        return
    want = [labels for d in decls for labels in decl_labels(d)]
    say(got in want, f"main.swift {what} with labels ({','.join(got)}) as declared",
        "declared: " + " | ".join("(" + ",".join(w) + ")" for w in want))

classes = re.findall(r"^open class ([A-Z][A-Za-z0-9_]*)\b", swift, re.M)
seen_class = False
for cls in classes:
    end = swift.find(f"struct FfiConverterType{cls}")
    body = swift[swift.find(f"open class {cls}"):end if end > 0 else len(swift)]
    inits = re.findall(r"public convenience init\(([^)]*)\)", body)
    for m in re.finditer(rf"(?<![.A-Za-z0-9_]){cls}\(", code):
        seen_class = True
        check_call(f"constructs {cls}", inits, m.end() - 1)
methods = {}
for name, params in re.findall(r"open func ([a-z][A-Za-z0-9_]*)\(([^)]*)\)", swift):
    methods.setdefault(name, []).append(params)
for m in re.finditer(r"\.([a-z][A-Za-z0-9_]*)\(", code):
    if m.group(1) in methods:
        check_call(f"calls .{m.group(1)}()", methods[m.group(1)], m.end() - 1)
if "Pricer" in classes and not seen_class:
    say(False, "main.swift constructs Pricer", "no 'Pricer(' in main.swift")

schemas = {}
for f in sorted(schema_dir.glob("*.schema.json")):
    doc = json.loads(f.read_text(encoding="utf-8"))
    if doc.get("title"):
        schemas.setdefault(doc["title"], doc)
    for key, sub in (doc.get("definitions") or doc.get("$defs") or {}).items():
        schemas.setdefault(key, sub)
for name, body in re.findall(r"^struct ([A-Za-z0-9_]+)\s*:\s*Decodable\s*\{(.*?)^\}", code, re.M | re.S):
    sch = schemas.get(name)
    if sch is None:
        say(False, f"Decodable {name} is a core/schema type", f"no title or definition {name} in {schema_dir}")
        continue
    props, required = sch.get("properties", {}), set(sch.get("required", []))
    for field, typ in re.findall(r"\blet ([A-Za-z0-9_]+)\s*:\s*([^\n=]+)", body):
        typ = typ.strip()
        bad = "not a property" if field not in props else (
            "optional in the schema: declare it as optional" if field not in required and not typ.endswith("?") else "")
        say(not bad, f"Decodable {name}.{field} is in the schema", f"{field}: {bad}")
PY
  )
else
  not_ok "main.swift classes, methods and Decodable structs" "no python3"
fi
check "main.swift imports Medbill" "no 'import Medbill'" grep -qx 'import Medbill' "$main"
for f in "$main" "$pkg/Package.swift"; do
  opens=$(tr -cd '{' < "$f" | wc -c); closes=$(tr -cd '}' < "$f" | wc -c)
  check "braces balance in ${f#"$pkg"/}" "$opens '{' vs $closes '}'" test "$opens" -eq "$closes"
done

# --- the C side ----------------------------------------------------------------------------
check "modulemap declares module MedbillFFI" "no 'module MedbillFFI {'" grep -qE '^module MedbillFFI \{' "$modulemap"
check "modulemap names header MedbillFFI.h" "no 'header \"MedbillFFI.h\"'" grep -qE 'header "MedbillFFI\.h"' "$modulemap"
for fn in func_version func_check_code func_allocate func_allocate_evenly func_validate_claim_json \
          func_prepare_claim_json func_adjudicate_json func_coordinate_json func_read_x12_json \
          func_summarize_x12_json func_write_837_json func_write_270_json func_write_276_json \
          func_write_835_json func_secondary_claim_json constructor_pricer_new \
          method_pricer_price_json method_pricer_price_many_json method_pricer_estimate_json method_pricer_rvu_rows free_pricer clone_pricer; do
  check "header declares uniffi_medbill_uniffi_fn_$fn" "not in MedbillFFI.h" \
    grep -qE "\buniffi_medbill_uniffi_fn_$fn\(" "$header"
done
missing=$(for s in $(grep -oE '\b(uniffi|ffi)_medbill_uniffi_[A-Za-z0-9_]+' "$swift" | sort -u); do
  grep -qE "\b$s\(" "$header" || echo "$s"; done)
check "header declares every FFI symbol Medbill.swift uses" "undeclared: $(echo $missing)" test -z "$missing"

# --- against the built library (same Rust source as the macOS build) -------------------------
lib=$lib_dir/libmedbill_uniffi.so
[[ -f $lib ]] || lib=$lib_dir/libmedbill_uniffi.dylib
if [[ -f $lib ]] && command -v nm >/dev/null; then
  exported=$(nm -D --defined-only "$lib" 2>/dev/null || nm -gU "$lib")
  missing=$(for s in $(grep -oE '\b(uniffi|ffi)_medbill_uniffi_[A-Za-z0-9_]+\(' "$header" | tr -d '(' | sort -u); do
    grep -qE "\b_?$s$" <<< "$exported" || echo "$s"; done)
  check "library exports every function in the header" "missing from $lib: $(echo $missing)" test -z "$missing"
else
  not_ok "library exports every function in the header" "no libmedbill_uniffi in $lib_dir (or no nm)"
fi
if [[ -f $lib ]] && command -v python3 >/dev/null; then
  # What Medbill.swift's uniffiEnsureInitialized() will compare at start-up, asked of the library.
  detail=$(python3 - "$lib" "$swift" <<'PY' 2>&1
import ctypes, re, sys
lib = ctypes.CDLL(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
bad = []
m = re.search(r"let bindings_contract_version = (\d+)", text)
fn = lib.ffi_medbill_uniffi_uniffi_contract_version
fn.restype = ctypes.c_uint32
if not m or int(m.group(1)) != fn():
    bad.append(f"contract version: Swift {m and m.group(1)}, library {fn()}")
sums = re.findall(r"\((uniffi_medbill_uniffi_checksum_\w+)\(\) != (\d+)\)", text)
if not sums:
    bad.append("no checksums found in Medbill.swift")
for name, want in sums:
    f = getattr(lib, name)
    f.restype = ctypes.c_uint16
    if f() != int(want):
        bad.append(f"{name}: Swift {want}, library {f()}")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
  )
  check "Medbill.swift checksums and contract version match the library" "$detail" test -z "$detail"
fi

# --- examples/swift: README step 3 gives the layout Package.swift declares ----------------------
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$pkg/." "$stage/"
# The same copies as README.md step 3 (with target/uniffi/swift replaced by $gen).
mkdir -p "$stage/Sources/Medbill" "$stage/Sources/MedbillFFI"
cp "$swift" "$stage/Sources/Medbill/"
cp "$header" "$stage/Sources/MedbillFFI/"
cp "$modulemap" "$stage/Sources/MedbillFFI/module.modulemap"
for line in 'cp target/uniffi/swift/Medbill.swift examples/swift/Sources/Medbill/' \
            'cp target/uniffi/swift/MedbillFFI.h examples/swift/Sources/MedbillFFI/' \
            'cp target/uniffi/swift/MedbillFFI.modulemap examples/swift/Sources/MedbillFFI/module.modulemap'; do
  check "README.md has: $line" "not in examples/swift/README.md" grep -qF -- "$line" "$pkg/README.md"
done
for path in $(grep -oE 'path: "[^"]+"' "$pkg/Package.swift" | sed -E 's/path: "(.*)"/\1/'); do
  check "Package.swift target path $path exists once bindings are copied" "no $path" test -d "$stage/$path"
done
check "Package.swift declares systemLibrary MedbillFFI, Medbill and Example" "targets not found" \
  bash -c "grep -q '.systemLibrary(name: \"MedbillFFI\"' '$pkg/Package.swift' && grep -q 'name: \"Medbill\"' '$pkg/Package.swift' && grep -q '.executableTarget(name: \"Example\"' '$pkg/Package.swift'"
check "Sources/MedbillFFI has module.modulemap and its header" "layout incomplete" \
  test -f "$stage/Sources/MedbillFFI/module.modulemap" -a -f "$stage/Sources/MedbillFFI/MedbillFFI.h"
check "Package.swift links libmedbill_uniffi.a" "no libmedbill_uniffi.a in Package.swift" grep -q 'libmedbill_uniffi\.a' "$pkg/Package.swift"

# --- the Swift package for apps (bindings-uniffi/swift) ------------------------------------
# What Linux can run of build-xcframework.sh: its syntax, the full command list (--dry-run),
# and --layout, which generates the Swift API and the XCFramework headers from the built library.
xc=$repo/bindings-uniffi/swift
script=$xc/build-xcframework.sh
check "build-xcframework.sh parses" "bash -n failed" bash -n "$script"
plan=$(bash "$script" --dry-run 2>&1) || true
for want in 'cargo build --manifest-path' '--target aarch64-apple-ios ' '--target aarch64-apple-ios-sim' \
            '--target x86_64-apple-ios' '--target aarch64-apple-darwin' '--target x86_64-apple-darwin' \
            'lipo -create' 'xcodebuild -create-xcframework' 'MedbillFFI.xcframework' 'module.modulemap'; do
  check "build-xcframework.sh --dry-run: $want" "not among the commands" grep -qF -- "$want" <<<"$plan"
done
library=$(ls "$lib_dir"/libmedbill_uniffi.so "$lib_dir"/libmedbill_uniffi.dylib 2>/dev/null | head -1)
if [[ -n $library ]] && bash "$script" --layout "$library" >/dev/null 2>&1; then
  ok "build-xcframework.sh --layout generates the Swift API and headers"
  built=$repo/target/xcframework
  check "the package's Medbill.swift is the generated one" "differs from $swift" cmp -s "$xc/Sources/Medbill/Medbill.swift" "$swift"
  check "XCFramework headers: MedbillFFI.h and module.modulemap" "missing in $built/headers" \
    test -f "$built/headers/MedbillFFI.h" -a -f "$built/headers/module.modulemap"
  ffi=$(sed -nE 's/^module ([A-Za-z0-9_]+) \{.*/\1/p' "$built/headers/module.modulemap")
  check "the binaryTarget is named as the module map's module ($ffi)" "Package.swift has no binaryTarget $ffi" \
    grep -qF ".binaryTarget(name: \"$ffi\", path: \"$ffi.xcframework\")" "$xc/Package.swift"
  check "Medbill.swift imports $ffi" "no 'import $ffi'" grep -qE "^ *import $ffi\b" "$xc/Sources/Medbill/Medbill.swift"
  check "the Medbill target depends on $ffi and is the library product" "Package.swift targets" \
    bash -c "grep -qF 'dependencies: [\"$ffi\"]' '$xc/Package.swift' && grep -qF '.library(name: \"Medbill\", targets: [\"Medbill\"])' '$xc/Package.swift'"
else
  not_ok "build-xcframework.sh --layout generates the Swift API and headers" "no library in $lib_dir, or the script failed"
fi
for f in "$xc/Package.swift"; do
  opens=$(tr -cd '{([' < "$f" | wc -c); closes=$(tr -cd '})]' < "$f" | wc -c)
  check "brackets balance in bindings-uniffi/swift/Package.swift" "$opens vs $closes" test "$opens" -eq "$closes"
done

finish
