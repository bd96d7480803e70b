#!/usr/bin/env python3
"""Runs the shared scenarios (bindings-tests/scenarios.tsv) against the Python UniFFI bindings,
plus a few checks of how values and errors cross the boundary. A plain script, no pytest:

    python3 bindings-uniffi/tests/python/test_scenarios.py [SCENARIOS_TSV [FIXTURES_DIR]]

MEDBILL_UNIFFI_DIR: directory holding the generated bindings (default <repo>/target/uniffi);
medbill.py and libmedbill_uniffi.so are expected in its python/ subdirectory.

Prints `ok - NAME` or `not ok - NAME: DETAIL` per check, then `python: N passed, M failed`.
Exits 1 when anything failed or nothing ran. Interprets every expectation exactly as
bindings-wasm/tests/scenarios.mjs does; malformed lines and unknown functions FAIL.
"""

import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
UNIFFI_DIR = Path(os.environ.get("MEDBILL_UNIFFI_DIR") or REPO / "target" / "uniffi")
FUNCTIONS = ["checkCode", "allocate", "allocateEvenly", "validateClaim", "prepareClaim", "priceClaim", "priceMany",
             "estimateVisit", "adjudicateClaim", "adjudicateUnchecked", "coordinateClaim", "readX12", "summarizeX12",
             "write837", "write270", "write276", "write835", "secondaryClaim", "chargeClaims", "postRemittance",
             "printClaim", "kpis", "denialQueue", "correctedClaim", "voidClaim", "appealLetter", "followUpQueue",
             "statusRequest", "postStatuses", "fixList", "eligibilityBenefits", "scrubClaim", "scrubClaimPacked", "fhirClaim", "fhirRemittanceEob", "patientStatement", "paymentPlan", "planStanding",
             "allocatePayment", "creditBalances", "smallBalanceWriteOffs", "explainVisit"]
# The X12 functions: their expectations are FACTS (see scenarios.tsv).
X12_FUNCTIONS = ("readX12", "summarizeX12", "write837", "write270", "write276", "write835")
# The X12File lists a FACTS key can count.
FILE_KEYS = ("remittances", "claims", "eligibilityRequests", "eligibility", "statusRequests", "claimStatus",
             "acknowledgments", "interchangeAcknowledgments")
# FACTS keys about the SetSummary list, and the summary field each one reads.
SUMMARY_KEYS = {"set": "id", "version": "version", "segments": "segments", "claimCount": "claims",
                "charge": "charge", "paid": "paid", "balanced": "balanced"}
# The functions whose scenarios use the run's one Pricer.
NEEDS_PRICER = ("priceClaim", "priceMany", "estimateVisit", "adjudicateClaim", "adjudicateUnchecked", "coordinateClaim")
# The scenario functions that call adjudicate (adjudicateUnchecked with unchecked=True).
ADJUDICATES = ("adjudicateClaim", "adjudicateUnchecked")
AMOUNT_LIST = re.compile(r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?)*$")
# The Pricer every priceClaim, estimateVisit and adjudicateClaim scenario uses: these files (under
# examples/data/), this version, and this pricing date.
PRICER_FILES = ("pfs-sample/rvu-sample.csv", "pfs-sample/gpci-sample.csv",
                "pfs-sample/anes-sample.csv", "pfs-sample/zip-sample.txt")
PRICER_VERSION = "SAMPLE"
PRICE_AS_OF = "2026-11-27"
# The dates every chargeClaims scenario bills and posts on.
# The date every fhirClaim and fhirRemittanceEob scenario creates its resources on.
FHIR_CREATED = "2026-11-27"
BOOKS_BILLED = "2026-11-20"
BOOKS_POSTED = "2026-11-21"
# The date every denialQueue and followUpQueue scenario counts deadlines and ages to.
QUEUE_AS_OF = "2026-12-15"
# The date every postStatuses scenario enters its status entries on.
STATUS_POSTED = "2026-11-23"
# The reference every statusRequest scenario passes.
STATUS_REFERENCE = "FU-20261215"
# The date every planStanding, smallBalanceWriteOffs and explainVisit scenario reads the books as of.
PATIENT_AS_OF = "2027-02-20"
# The code-set files (under examples/data/, loaded by their published names) every scrubClaim
# scenario loads, and the date it scrubs as of.
SCRUB_FILES = ("codesets/ccipra-v314r0-f1.txt", "codesets/ccioph-v314r0-f1.txt",
               "codesets/MCR_MUE_PractitionerServices_Eff_2025-10-01.csv",
               "codesets/MCR_MUE_OutpatientHospitalServices_Eff_2025-10-01.csv", "codesets/AOC_V2025Q4-MCR.txt")
SCRUB_AS_OF = "2026-03-10"


class PricerOnce:
    """Builds the scenarios' Pricer on first use; later uses get the same Pricer (or the same error)."""

    def __init__(self, fixtures):
        self.fixtures = fixtures
        self._pricer = None
        self._error = None

    def get(self):
        if self._pricer is None and self._error is None:
            try:
                files = [(self.fixtures / rel).read_bytes() for rel in PRICER_FILES]
                self._pricer = medbill.Pricer(*files, PRICER_VERSION)
            except Exception as e:  # noqa: BLE001 - reported by every scenario that needs it
                self._error = e
        if self._error is not None:
            raise self._error
        return self._pricer


class Scenario:
    def __init__(self, name, line, fn="", arg1="", arg2="", expect="", problem=None):
        self.name, self.line, self.fn = name, line, fn
        self.arg1, self.arg2, self.expect, self.problem = arg1, arg2, expect, problem


def parse_scenarios(text):
    """Parses scenarios.tsv text; a line without exactly 5 fields becomes a failing scenario."""
    scenarios = []
    for i, raw in enumerate(text.split("\n")):
        line = raw[:-1] if raw.endswith("\r") else raw
        if line.strip() == "" or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            scenarios.append(Scenario(fields[0] or f"line {i + 1}", i + 1,
                                      problem=f"line {i + 1}: expected 5 tab-separated fields, found {len(fields)}"))
            continue
        scenarios.append(Scenario(*fields[:1], i + 1, *fields[1:]))
    return scenarios


def show(value):
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def describe(e):
    """Exception type, code and message on one line (a Rust backtrace, if any, cut off)."""
    text = getattr(e, "detail", None) if isinstance(e, medbill.MedbillError) else str(e)
    text = " ".join(str(text).split("Stack backtrace:")[0].split())
    code = getattr(e, "code", None)
    return f"{type(e).__qualname__}{f' [{code}]' if code else ''}: {text[:300]}"


def code_kind(name):
    """The CodeKind whose name matches (ignoring case), or None."""
    return next((k for k in medbill.CodeKind if k.name.lower() == name.lower()), None)


class PricingFailed(Exception):
    """Pricing (and, for coordinateClaim, adjudicating) a scenario's claim before the call under test
    failed: never the error the scenario expects."""


def price_options(names):
    """The PriceOptions a priceClaim scenario names (each set to true), or a string saying what is wrong."""
    chosen = names.split(",")
    unknown = [n for n in chosen if n not in ("unchecked", "anyPayer")]
    if unknown:
        return f"unknown price option '{unknown[0]}' (expected unchecked or anyPayer)"
    return medbill.PriceOptions(unchecked="unchecked" in chosen, any_payer="anyPayer" in chosen, trace=True)


def build_call(s, fixtures, pricer):
    """Returns (function, args), or a string describing a malformed scenario.
    `pricer` is the run's PricerOnce (already built when a scenario that needs it gets here).
    Raises PricingFailed when an adjudicateClaim or coordinateClaim scenario's claim cannot be priced
    (or, for coordinateClaim, adjudicated)."""
    if s.fn == "checkCode":
        kind = code_kind(s.arg1)
        if kind is None:
            return f"unknown code kind '{s.arg1}'"
        return medbill.check_code, [kind, s.arg2]
    if s.fn == "allocate":
        return medbill.allocate, [s.arg1, s.arg2.split(",")]
    if s.fn == "allocateEvenly":
        if not re.fullmatch(r"\d+", s.arg2) or int(s.arg2) > 0xFFFFFFFF:
            return f"allocateEvenly parts '{s.arg2}' is not a whole number that fits in u32"
        return medbill.allocate_evenly, [s.arg1, int(s.arg2)]
    if s.fn == "validateClaim":
        if s.arg2 != "-":
            return f"validateClaim takes '-' as its second argument, found '{s.arg2}'"
        return medbill.validate_claim_json, [(fixtures / s.arg1).read_text(encoding="utf-8")]
    if s.fn == "printClaim":
        form, *mode = s.arg2.split("|")
        if form == "" or len(mode) > 1 or mode not in ([], ["dataOnly"]):
            return f"printClaim takes FORM or FORM|dataOnly as its second argument, found '{s.arg2}'"
        claim = (fixtures / s.arg1).read_text(encoding="utf-8")
        options = '{"mode": "dataOnly"}' if mode else None
        return medbill.print_claim_json, [claim, form, options]
    if s.fn == "prepareClaim":
        return medbill.prepare_claim_json, [(fixtures / s.arg1).read_text(encoding="utf-8"),
                                            (fixtures / s.arg2).read_text(encoding="utf-8")]
    if s.fn in ("fhirClaim", "fhirRemittanceEob"):
        if s.arg2 != "-":
            return f"{s.fn} takes '-' as its second argument, found '{s.arg2}'"
        if s.fn == "fhirClaim":
            return medbill.fhir_claim_json, [(fixtures / s.arg1).read_text(encoding="utf-8"), FHIR_CREATED]
        # The remittance is read here, outside the call under test.
        remittance = json.loads(medbill.read_x12_json((fixtures / s.arg1).read_bytes()))["remittances"][0]
        return medbill.fhir_remittance_eob_json, [json.dumps(remittance), FHIR_CREATED]
    if s.fn == "priceMany":
        claims = [] if s.arg1 == "-" else [(fixtures / rel).read_text(encoding="utf-8") for rel in s.arg1.split(",")]
        contract = (fixtures / s.arg2).read_text(encoding="utf-8")
        return pricer.get().price_many_json, ["[" + ",".join(claims) + "]", contract, PRICE_AS_OF]
    if s.fn == "priceClaim":
        contract_path, *option_list = s.arg2.split("|")
        if contract_path == "" or len(option_list) > 1 or option_list == [""]:
            return f"priceClaim takes CONTRACT or CONTRACT|OPTIONS as its second argument, found '{s.arg2}'"
        claim = (fixtures / s.arg1).read_text(encoding="utf-8")
        contract = (fixtures / contract_path).read_text(encoding="utf-8")
        if not option_list:
            return pricer.get().price_json, [claim, contract, PRICE_AS_OF]
        options = price_options(option_list[0])
        if isinstance(options, str):
            return options
        return pricer.get().price_json, [claim, contract, PRICE_AS_OF, options]
    if s.fn == "estimateVisit":
        if s.arg2 != "-":
            return f"estimateVisit takes '-' as its second argument, found '{s.arg2}'"
        return pricer.get().estimate_json, [(fixtures / s.arg1).read_text(encoding="utf-8"), PRICE_AS_OF]
    if s.fn in ADJUDICATES:
        claim_contract, plan_accumulators = s.arg1.split("|"), s.arg2.split("|")
        if len(claim_contract) != 2 or any(p in ("", "-") for p in claim_contract):
            return f"{s.fn} takes CLAIM|CONTRACT as its first argument, found '{s.arg1}'"
        if len(plan_accumulators) != 2 or any(p == "" for p in plan_accumulators) or plan_accumulators[0] == "-":
            return f"{s.fn} takes PLAN|ACCUMULATORS as its second argument, found '{s.arg2}'"
        claim, contract = ((fixtures / p).read_text(encoding="utf-8") for p in claim_contract)
        plan = (fixtures / plan_accumulators[0]).read_text(encoding="utf-8")
        accumulators = "{}" if plan_accumulators[1] == "-" else \
            (fixtures / plan_accumulators[1]).read_text(encoding="utf-8")
        # Priced here, outside the call under test: a pricing error is reported as what it is.
        try:
            priced = pricer.get().price_json(claim, contract, PRICE_AS_OF)
        except Exception as e:  # noqa: BLE001
            raise PricingFailed(f"pricing the claim before adjudicating it failed: {describe(e)}") from e
        return medbill.adjudicate_json, [priced, plan, accumulators, medbill.Network.IN_NETWORK,
                                         s.fn == "adjudicateUnchecked"]
    if s.fn == "coordinateClaim":
        parts = s.arg2.split("|")
        if len(parts) != 4 or any(p == "" for p in parts) or "-" in parts[:3]:
            return f"coordinateClaim takes CLAIM|CONTRACT|PLAN|ACCUMULATORS as its second argument, found '{s.arg2}'"
        prior = json.loads((fixtures / s.arg1).read_text(encoding="utf-8"))
        sources = [key for key in ("remittance", "coordination") if isinstance(prior, dict) and key in prior]
        if not isinstance(prior, dict) or not isinstance(prior.get("method"), dict) or len(sources) != 1:
            return f"coordinateClaim's PRIOR {s.arg1} is not {{method, remittance}} or {{method, coordination}}"
        claim, contract, plan = ((fixtures / p).read_text(encoding="utf-8") for p in parts[:3])
        accumulators = "{}" if parts[3] == "-" else (fixtures / parts[3]).read_text(encoding="utf-8")
        # The next payer's own adjudication is made here too: only the coordination call itself
        # may give the expected error.
        try:
            priced = pricer.get().price_json(claim, contract, PRICE_AS_OF)
            adjudication = medbill.adjudicate_json(priced, plan, accumulators, medbill.Network.IN_NETWORK)
        except Exception as e:  # noqa: BLE001
            raise PricingFailed(f"pricing and adjudicating the claim before coordinating failed: {describe(e)}") from e
        fn = medbill.coordinate_remittance_json if sources[0] == "remittance" else medbill.coordinate_next_json
        return fn, [json.dumps(prior[sources[0]]), adjudication, json.dumps(prior["method"])]
    if s.fn == "secondaryClaim":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"secondaryClaim takes PRIOR-PAYER|PRIOR as its second argument, found '{s.arg2}'"
        prior = json.loads((fixtures / parts[0]).read_text(encoding="utf-8"))
        next_payer = json.dumps(prior["nextPayer"]) if "nextPayer" in prior else None
        return medbill.secondary_claim_json, [(fixtures / s.arg1).read_text(encoding="utf-8"),
                                              json.dumps(prior["payer"]), json.dumps(prior["coverage"]),
                                              (fixtures / parts[1]).read_text(encoding="utf-8"),
                                              prior["adjudicated"], next_payer]
    if s.fn == "chargeClaims":
        entries = "[]" if s.arg2 == "-" else (fixtures / s.arg2).read_text(encoding="utf-8")
        return medbill.charge_claims_json, [(fixtures / s.arg1).read_text(encoding="utf-8"), entries,
                                            BOOKS_BILLED, BOOKS_POSTED]
    if s.fn == "postRemittance":
        parts = s.arg2.split("|")
        if len(parts) != 3 or any(p == "" for p in parts) or parts[0] == "-" or parts[2] == "-":
            return f"postRemittance takes CLAIMS|ENTRIES|OPTIONS as its second argument, found '{s.arg2}'"
        # Read outside the call under test: a read error is reported as what it is.
        try:
            remittances = json.loads(medbill.read_x12_json((fixtures / s.arg1).read_bytes())).get("remittances") or []
        except Exception as e:  # noqa: BLE001
            return f"reading {s.arg1} before posting it failed: {describe(e)}"
        if not remittances:
            return f"{s.arg1} holds no remittance"
        entries = "[]" if parts[1] == "-" else (fixtures / parts[1]).read_text(encoding="utf-8")
        return medbill.post_remittance_json, [json.dumps(remittances[0]),
                                              (fixtures / parts[0]).read_text(encoding="utf-8"), entries,
                                              (fixtures / parts[2]).read_text(encoding="utf-8")]

    def text(rel):
        return (fixtures / rel).read_text(encoding="utf-8")

    if s.fn == "kpis":
        return medbill.kpis_json, [text(s.arg1), text(s.arg2)]
    if s.fn == "denialQueue":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p == "" for p in parts) or parts[0] == "-":
            return f"denialQueue takes CLAIMS|PACKS as its second argument, found '{s.arg2}'"
        packs = "[]" if parts[1] == "-" else text(parts[1])
        return medbill.denial_queue_json, [text(s.arg1), text(parts[0]), packs, QUEUE_AS_OF]
    if s.fn == "correctedClaim":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p == "" for p in parts) or parts[1] == "-":
            return f"correctedClaim takes NUMBER|CHANGES as its second argument, found '{s.arg2}'"
        return medbill.corrected_claim_json, [text(s.arg1), payer_number(parts[0]), text(parts[1])]
    if s.fn == "voidClaim":
        if s.arg2 == "" or "|" in s.arg2:
            return f"voidClaim takes NUMBER as its second argument, found '{s.arg2}'"
        return medbill.void_claim_json, [text(s.arg1), payer_number(s.arg2)]
    if s.fn == "appealLetter":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"appealLetter takes DENIAL|REQUEST as its second argument, found '{s.arg2}'"
        return medbill.appeal_letter_json, [text(s.arg1), text(parts[0]), text(parts[1])]
    if s.fn == "followUpQueue":
        packs = "[]" if s.arg2 == "-" else text(s.arg2)
        return medbill.follow_up_queue_json, [text(s.arg1), packs, QUEUE_AS_OF]
    if s.fn == "statusRequest":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"statusRequest takes CLAIMS|RECEIVER as its second argument, found '{s.arg2}'"
        item = json.loads(text(s.arg1))
        claims = json.loads(text(parts[0]))
        if not isinstance(claims, list):
            return f"statusRequest's CLAIMS {parts[0]} is not a JSON array"
        wanted = item.get("claim") if isinstance(item, dict) else None
        claim = next((c for c in claims if isinstance(c, dict) and isinstance(c.get("claim"), dict)
                      and c["claim"].get("patientControlNumber") == wanted), None)
        if claim is None:
            return f"statusRequest's CLAIMS {parts[0]} has no claim {show(wanted)}"
        return medbill.status_request_json, [text(s.arg1), json.dumps(claim), text(parts[1]), STATUS_REFERENCE]
    if s.fn == "postStatuses":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"postStatuses takes CLAIMS|ENTRIES as its second argument, found '{s.arg2}'"
        # Read outside the call under test: a read error is reported as what it is.
        try:
            responses = json.loads(medbill.read_x12_json((fixtures / s.arg1).read_bytes())).get("claimStatus") or []
        except Exception as e:  # noqa: BLE001
            return f"reading {s.arg1} before postStatuses failed: {describe(e)}"
        if not responses:
            return f"{s.arg1} holds no claim status"
        return medbill.post_statuses_json, [json.dumps(responses), text(parts[0]), text(parts[1]), STATUS_POSTED]
    if s.fn in ("scrubClaim", "scrubClaimPacked"):
        # Loaded outside the call under test: a load error is reported as what it is.
        try:
            code_sets = medbill.CodeSets([medbill.CodeSetBytes(name=rel.split("/")[-1], bytes=(fixtures / rel).read_bytes())
                                          for rel in SCRUB_FILES])
            if s.fn == "scrubClaimPacked":
                code_sets = medbill.CodeSets.from_pack(code_sets.to_pack("2026-01-01", "2026-12-31"))
        except Exception as e:  # noqa: BLE001
            return f"could not load the code sets: {describe(e)}"
        rules = None if s.arg2 == "-" else text(s.arg2)
        return medbill.scrub_claim_json, [text(s.arg1), code_sets, SCRUB_AS_OF, rules]
    if s.fn == "eligibilityBenefits":
        return medbill.eligibility_benefits_json, [(fixtures / s.arg1).read_bytes(), text(s.arg2)]
    if s.fn == "fixList":
        if s.arg2 != "-":
            return f"fixList takes '-' as its second argument, found '{s.arg2}'"
        if s.arg1.endswith(".json"):
            return medbill.fix_list_json, [text(s.arg1)]
        # Read outside the call under test: a read error is reported as what it is.
        try:
            file = medbill.read_x12_json((fixtures / s.arg1).read_bytes())
        except Exception as e:  # noqa: BLE001
            return f"reading {s.arg1} before fixList failed: {describe(e)}"
        return medbill.fix_list_json, [file]
    if s.fn in ("patientStatement", "explainVisit"):
        parts = s.arg2.split("|")
        if len(parts) != 3 or any(p in ("", "-") for p in parts):
            what = "PATIENT|CLAIMS|OPTIONS" if s.fn == "patientStatement" else "CLAIM|CLAIMS|AUDIENCE"
            return f"{s.fn} takes {what} as its second argument, found '{s.arg2}'"
        if s.fn == "patientStatement":
            return medbill.patient_statement_json, [parts[0], text(s.arg1), text(parts[1]), text(parts[2])]
        return medbill.explain_visit_json, [parts[0], text(s.arg1), text(parts[1]), PATIENT_AS_OF, parts[2]]
    if s.fn == "paymentPlan":
        if s.arg2 != "-":
            return f"paymentPlan takes '-' as its second argument, found '{s.arg2}'"
        return medbill.payment_plan_json, [text(s.arg1)]
    if s.fn == "planStanding":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"planStanding takes PATIENT|ENTRIES as its second argument, found '{s.arg2}'"
        return medbill.plan_standing_json, [text(s.arg1), parts[0], text(parts[1]), PATIENT_AS_OF]
    if s.fn == "allocatePayment":
        return medbill.allocate_payment_json, [text(s.arg1), text(s.arg2)]
    if s.fn == "creditBalances":
        return medbill.credit_balances_json, [text(s.arg1), text(s.arg2)]
    if s.fn == "smallBalanceWriteOffs":
        return medbill.small_balance_write_offs_json, [text(s.arg1), text(s.arg2), PATIENT_AS_OF, PATIENT_AS_OF]
    raise AssertionError(s.fn)


def payer_number(text):
    """The payer's claim number a correctedClaim or voidClaim scenario names ('-': the empty string)."""
    return "" if text == "-" else text


def or_dash(value):
    """'-' for an absent (missing or null) field, else the field as it is."""
    return "-" if value is None else value


def facts(triples):
    """(what, got, want) triples compared strictly (a number is never its digits): None when all hold."""
    for what, got, want in triples:
        if type(got) is not str or got != want:
            return f"expected {what} {show(want)}, got {show(got)}"
    return None


def judge_message(message, facts):
    """The facts after an error code: `at:POINTER` (the message names that path) and
    `withholds:A,B` (the message contains none of them). None when they hold."""
    for fact in facts:
        key, _, value = fact.partition(":")
        if key == "at":
            if f"at {value}:" not in message:
                return f"the message does not name {value}: {message}"
        elif key == "withholds":
            leaked = next((x for x in value.split(",") if x in message), None)
            if leaked is not None:
                return f"the message quotes {leaked}: {message}"
        else:
            return f"malformed scenario: unknown error fact '{fact}'"
    return None


def call_judged(fn, args, error_match):
    """Calls fn(*args). (result, False) when the caller should go on to check the result;
    (None, None) when an expected MedbillError with the expected code was thrown; (None,
    message) for any other outcome."""
    try:
        result = fn(*args)
    except Exception as e:  # noqa: BLE001 - any exception is judged here
        if not error_match:
            return None, f"unexpected throw: {describe(e)}"
        if not isinstance(e, medbill.MedbillError):
            return None, f"expected a MedbillError, got {describe(e)}"
        code, *facts = error_match.group(1).split(" ")
        if getattr(e, "code", None) != code:
            return None, f"expected code {code}, got {describe(e)}"
        return None, judge_message(getattr(e, "detail", ""), facts)
    if error_match:
        return None, f"expected error {error_match.group(1)}, got {show_result(result)}"
    return result, False


def check(s, fixtures, pricer):
    """Returns None on success, or what went wrong."""
    if s.problem:
        return f"malformed scenario: {s.problem}"
    if s.fn not in FUNCTIONS:
        return f"unknown function '{s.fn}' (line {s.line})"
    if s.fn in X12_FUNCTIONS:
        return check_x12(s, fixtures)
    if s.fn in NEEDS_PRICER:
        # Built out here: a Pricer that cannot be built is never the error a scenario expects.
        try:
            pricer.get()
        except Exception as e:  # noqa: BLE001
            return f"could not build the Pricer: {describe(e)}"
    try:
        call = build_call(s, fixtures, pricer)
    except PricingFailed as e:
        return str(e)
    if isinstance(call, str):
        return f"malformed scenario: {call}"
    fn, args = call

    error_match = re.fullmatch(r"error:(.+)", s.expect, re.S)
    result, verdict = call_judged(fn, args, error_match)
    if verdict is not False:
        return verdict
    return compare(s, result)


def check_x12(s, fixtures):
    """An X12 scenario: the call under test, then its FACTS. None when they all hold."""
    error_match = re.fullmatch(r"error:(.+)", s.expect, re.S)
    facts = [] if error_match else [re.fullmatch(r"([A-Za-z]+):(.*)", f, re.S) for f in s.expect.split(" ")]
    if any(m is None for m in facts):
        return f"malformed scenario: expected KEY:VALUE facts, found '{s.expect}'"
    allowed = FILE_KEYS if s.fn == "readX12" else tuple(SUMMARY_KEYS) if s.fn == "summarizeX12" \
        else FILE_KEYS + tuple(SUMMARY_KEYS) + ("has", "same")
    unknown = next((m.group(1) for m in facts if m.group(1) not in allowed), None)
    if unknown:
        return f"malformed scenario: {s.fn} has no fact '{unknown}'"

    def text(rel):
        return (fixtures / rel).read_text(encoding="utf-8")

    if s.fn in ("readX12", "summarizeX12"):
        if s.arg2 != "-":
            return f"malformed scenario: {s.fn} takes '-' as its second argument, found '{s.arg2}'"
        fn = medbill.read_x12_json if s.fn == "readX12" else medbill.summarize_x12_json
        args = [(fixtures / s.arg1).read_bytes()]
    elif s.fn == "write837":
        parts = s.arg2.split("|")
        if len(parts) != 2 or any(p in ("", "-") for p in parts):
            return f"malformed scenario: write837 takes SUBMISSION|ENVELOPE as its second argument, found '{s.arg2}'"
        claims = "[" + ",".join(text(rel) for rel in s.arg1.split(",")) + "]"
        fn, args = medbill.write_837_json, [claims, text(parts[0]), text(parts[1])]
    else:
        if s.fn == "write835" and s.arg1.endswith(".835"):
            # Read outside the call under test: a read error is reported as what it is.
            try:
                items = json.dumps(json.loads(medbill.read_x12_json((fixtures / s.arg1).read_bytes()))
                                   .get("remittances", []))
            except Exception as e:  # noqa: BLE001
                return f"reading {s.arg1} before writing it failed: {describe(e)}"
        else:
            items = text(s.arg1)
        fn = {"write270": medbill.write_270_json, "write276": medbill.write_276_json,
              "write835": medbill.write_835_json}[s.fn]
        args = [items, text(s.arg2)]

    result, verdict = call_judged(fn, args, error_match)
    if verdict is not False:
        return verdict
    if not isinstance(result, str):
        return f"expected a string, got {show_result(result)}"

    file = summaries = written = None
    if s.fn == "readX12":
        file = json.loads(result)
    elif s.fn == "summarizeX12":
        summaries = json.loads(result)
    else:
        written = result
        try:
            file = json.loads(medbill.read_x12_json(written.encode("utf-8")))
            summaries = json.loads(medbill.summarize_x12_json(written.encode("utf-8")))
        except Exception as e:  # noqa: BLE001
            return f"reading the written X12 back failed: {describe(e)}"
    for m in facts:
        key, want = m.group(1), m.group(2)
        if key in FILE_KEYS:
            if not isinstance(file, dict):
                return f"expected an X12File object, got {show(file)}"
            entries = file.get(key, [])
            if not isinstance(entries, list):
                return f"expected {key} to be a list, got {show(entries)}"
            got = str(len(entries))
        elif key in SUMMARY_KEYS:
            if not isinstance(summaries, list):
                return f"expected a list of set summaries, got {show(summaries)}"

            def fact(summary):
                value = summary.get(SUMMARY_KEYS[key]) if isinstance(summary, dict) else None
                if value is None:
                    return "-"
                if isinstance(value, bool):
                    return "yes" if value else "no"
                return str(value)

            got = ",".join(fact(summary) for summary in summaries)
        elif key == "has":
            if want not in written:
                return f"expected the X12 to contain {show(want)}, got {show(written)}"
            continue
        else:
            if written != (fixtures / want).read_bytes().decode("utf-8"):
                return f"expected the X12 to equal {want}, got {show(written)}"
            continue
        if got != want:
            return f"expected {key} {show(want)}, got {show(got)}"
    return None


def show_result(result):
    """JSON-ish text of a binding result (records as objects, enums by name)."""

    def plain(v):
        if isinstance(v, list):
            return [plain(x) for x in v]
        if isinstance(v, medbill.CodeKind) or isinstance(v, medbill.Severity):
            return v.name
        if hasattr(v, "__dict__"):
            return {k: plain(x) for k, x in vars(v).items()}
        return v

    return show(plain(result))


def compare(s, result):
    if s.fn == "checkCode":
        m = re.fullmatch(r"valid:(.+)", s.expect, re.S)
        if m:
            if result.valid is not True:
                return f"expected valid, got {show_result(result)}"
            if result.normalized != m.group(1):
                return f"expected normalized {show(m.group(1))}, got {show(result.normalized)}"
            return None
        m = re.fullmatch(r"invalid:(.+)", s.expect, re.S)
        if m:
            if result.valid is not False:
                return f"expected invalid, got {show_result(result)}"
            if not isinstance(result.reason, str) or m.group(1) not in result.reason:
                return f"expected reason containing {show(m.group(1))}, got {show(result.reason)}"
            return None
    elif s.fn in ("allocate", "allocateEvenly"):
        if AMOUNT_LIST.fullmatch(s.expect):
            want = s.expect.split(",")
            if not isinstance(result, list) or not all(isinstance(p, str) for p in result):
                return f"expected a list of strings, got {show_result(result)}"
            if result != want:
                return f"expected {','.join(want)}, got {','.join(result)}"
            return None
    elif s.fn == "validateClaim":
        m = re.fullmatch(r"rules:(.*)", s.expect, re.S)
        if m:
            want = [] if m.group(1) == "" else m.group(1).split(",")
            if not isinstance(result, list):
                return f"expected a list of findings, got {show_result(result)}"
            got = [f"{f.rule}@{f.path}" for f in result]
            if got != want:
                return f"expected rules [{', '.join(want)}], got [{', '.join(got)}]"
            return None
    elif s.fn == "printClaim":
        m = re.fullmatch(r"pages:(\d+) has:(\S+)", s.expect)
        if m:
            if not isinstance(result, bytes):
                return f"expected bytes, got {show_result(result)}"
            if not result.startswith(b"%PDF-"):
                return f"expected a PDF, got {show_result(result[:16])}"
            pages = len(re.findall(rb"/Type /Page(?!s)", result))
            if pages != int(m.group(1)):
                return f"expected {m.group(1)} pages, got {pages}"
            if f"({m.group(2)}) Tj".encode("latin-1") not in result:
                return f"expected {show(m.group(2))} printed, not found"
            return None
    elif s.fn == "prepareClaim":
        m = re.fullmatch(r"total:(\S+) lines:(\d+)", s.expect)
        if m:
            claim = json.loads(result)
            total = claim.get("totalCharge") if isinstance(claim, dict) else None
            form = claim.get("form") if isinstance(claim, dict) else None
            lines = (form or {}).get("professional", {}).get("lines") if isinstance(form, dict) else None
            if total != m.group(1):
                return f"expected totalCharge {show(m.group(1))}, got {show(total)}"
            if not isinstance(lines, list):
                return f"expected form.professional.lines, got {show(form)}"
            if len(lines) != int(m.group(2)):
                return f"expected {m.group(2)} lines, got {len(lines)}"
            return None
    elif s.fn in ("fhirClaim", "fhirRemittanceEob"):
        if not isinstance(result, str):
            return f"expected FHIR JSON text, got {show(result)}"
        resource = json.loads(result)
        count = lambda t: str(sum(1 for e in resource.get("entry", []) if e.get("resource", {}).get("resourceType") == t))
        for fact in s.expect.split(" "):
            key, _, want = fact.partition(":")
            if key == "resourceType":
                got = resource.get("resourceType")
            elif key == "claims":
                got = count("Claim")
            elif key == "eobs":
                got = count("ExplanationOfBenefit")
            elif key == "exact":
                got = want if re.search(r"[:\[,]\s*" + re.escape(want) + r"(?![0-9.])", result) else f"no JSON number {want}"
            elif key == "roundTrip":
                got = "same" if medbill.fhir_claim(medbill.claim_from_fhir(result), FHIR_CREATED) == result else "different"
            else:
                return f"malformed expectation: unknown fact '{key}'"
            if got != want:
                return f"expected {key} {want}, got {got}"
        return None
    elif s.fn == "priceMany":
        m = re.fullmatch(r"outcomes:(\S*)", s.expect)
        if m:
            outcomes = json.loads(result)
            if not isinstance(outcomes, list):
                return f"expected an array of outcomes, got {show(outcomes)}"
            got = [(o["priced"].get("totalAllowed") if "priced" in o else o.get("refused", {}).get("code"))
                   if isinstance(o, dict) else None for o in outcomes]
            if ",".join(str(g) for g in got) != m.group(1):
                return f"expected outcomes {m.group(1)}, got {','.join(str(g) for g in got)}"
            return None
    elif s.fn == "priceClaim":
        m = re.fullmatch(r"allowed:(\S*) total:(\S+)", s.expect)
        if m:
            want = [] if m.group(1) == "" else m.group(1).split(",")
            priced = json.loads(result)
            lines = priced.get("lines") if isinstance(priced, dict) else None
            if not isinstance(lines, list):
                return f"expected a priced claim with lines, got {show(priced)}"
            got = [line.get("allowed") if isinstance(line, dict) else None for line in lines]
            if not all(isinstance(a, str) for a in got):
                return f"expected every line's allowed to be a string, got {show(got)}"
            if got != want:
                return f"expected allowed {','.join(want)}, got {','.join(got)}"
            if priced.get("totalAllowed") != m.group(2):
                return f"expected totalAllowed {show(m.group(2))}, got {show(priced.get('totalAllowed'))}"
            return None
    elif s.fn == "estimateVisit":
        m = re.fullmatch(r"patientCost:(\S+) low:(\S+) high:(\S+)", s.expect)
        if m:
            estimate = json.loads(result)
            if not isinstance(estimate, dict):
                return f"expected an estimate object, got {show(estimate)}"
            for field, want in zip(("patientCost", "patientCostLow", "patientCostHigh"), m.groups()):
                if estimate.get(field) != want:
                    return f"expected {field} {show(want)}, got {show(estimate.get(field))}"
            return None
    elif s.fn in ADJUDICATES:
        m = re.fullmatch(r"planPaid:(\S+) patient:(\S+)", s.expect)
        if m:
            adjudication = json.loads(result)
            if not isinstance(adjudication, dict):
                return f"expected an adjudication object, got {show(adjudication)}"
            if adjudication.get("planPaid") != m.group(1):
                return f"expected planPaid {show(m.group(1))}, got {show(adjudication.get('planPaid'))}"
            if adjudication.get("patientResponsibility") != m.group(2):
                return (f"expected patientResponsibility {show(m.group(2))}, "
                        f"got {show(adjudication.get('patientResponsibility'))}")
            return None
    elif s.fn == "coordinateClaim":
        m = re.fullmatch(r"secondaryPaid:(\S+) patientBalance:(\S+)", s.expect)
        if m:
            coordination = json.loads(result)
            if not isinstance(coordination, dict):
                return f"expected a coordination object, got {show(coordination)}"
            if coordination.get("secondaryPaid") != m.group(1):
                return f"expected secondaryPaid {show(m.group(1))}, got {show(coordination.get('secondaryPaid'))}"
            if coordination.get("patientBalance") != m.group(2):
                return f"expected patientBalance {show(m.group(2))}, got {show(coordination.get('patientBalance'))}"
            return None
    elif s.fn == "secondaryClaim":
        m = re.fullmatch(r"paid:(\S+) linePaid:(\S+) sbr:(\S+)", s.expect)
        if m:
            claim = json.loads(result)
            others = claim.get("otherPayers") if isinstance(claim, dict) else None
            if not others:
                return f"expected a claim with other payers, got {show(claim)}"
            other = others[-1]
            if other.get("paid") != m.group(1):
                return f"expected the prior payer's paid {show(m.group(1))}, got {show(other.get('paid'))}"
            got = ",".join(str(line.get("paid")) for line in other.get("lines", []))
            if got != m.group(2):
                return f"expected line payments {m.group(2)}, got {got}"
            sbr = claim.get("subscriber", {}).get("payerResponsibility")
            if sbr != m.group(3):
                return f"expected payerResponsibility {show(m.group(3))}, got {show(sbr)}"
            return None
    elif s.fn == "chargeClaims":
        m = re.fullmatch(r"amounts:(\S*)", s.expect)
        if m:
            entries = json.loads(result)
            if not isinstance(entries, list):
                return f"expected a list of entries, got {show(entries)}"
            got = ",".join(str(e.get("amount") if isinstance(e, dict) else None) for e in entries)
            if got != m.group(1):
                return f"expected amounts {m.group(1)}, got {got}"
            return None
    elif s.fn == "postRemittance":
        m = re.fullmatch(r"entries:(\d+) outcomes:(\S+) balances:(\S*) suspense:(\S+)", s.expect)
        if m:
            response = json.loads(result)
            posting = response.get("posting") if isinstance(response, dict) else None
            if not isinstance(posting, dict) or not isinstance(posting.get("entries"), list):
                return f"expected a posting with entries, got {show(response)}"
            if len(posting["entries"]) != int(m.group(1)):
                return f"expected {m.group(1)} entries, got {len(posting['entries'])}"
            outcomes = ",".join(c.get("outcome") if isinstance(c.get("outcome"), str)
                                else next(iter(c.get("outcome") or {}), "None") for c in posting.get("claims", []))
            if outcomes != m.group(2):
                return f"expected outcomes {m.group(2)}, got {outcomes}"
            balances = response.get("balances") or {}
            claims = balances.get("claims") or []
            for pair in ([] if m.group(3) == "" else m.group(3).split(",")):
                claim, want = pair.split("=")
                got = next((c.get("balance", {}).get("balance") for c in claims if c.get("claim") == claim), None)
                if got != want:
                    return f"expected claim {claim}'s balance {show(want)}, got {show(got)}"
            if m.group(3) == "" and claims:
                return f"expected no claim balances, got {show(claims)}"
            if balances.get("suspense") != m.group(4):
                return f"expected suspense {show(m.group(4))}, got {show(balances.get('suspense'))}"
            return None
    elif s.fn == "kpis":
        m = re.fullmatch(r"charges:(\S+) collections:(\S+) denialRate:(\S+) netCollectionRate:(\S+) daysInAr:(\S+)",
                         s.expect)
        if m:
            kpis = json.loads(result)
            if not isinstance(kpis, dict):
                return f"expected Kpis, got {show(kpis)}"
            return facts([
                ("charges", kpis.get("charges"), m.group(1)),
                ("collections", kpis.get("collections"), m.group(2)),
                ("denialRateByCount.percent", or_dash((kpis.get("denialRateByCount") or {}).get("percent")), m.group(3)),
                ("netCollectionRate.percent", or_dash((kpis.get("netCollectionRate") or {}).get("percent")), m.group(4)),
                ("daysInAr", or_dash(kpis.get("daysInAr")), m.group(5)),
            ])
    elif s.fn == "denialQueue":
        m = re.fullmatch(r"items:(\d+) first:(\S+) deadline:(\S+)", s.expect)
        if m:
            queue = json.loads(result)
            items = queue.get("items") if isinstance(queue, dict) else None
            if not isinstance(items, list):
                return f"expected a denial queue with items, got {show(queue)}"
            if len(items) != int(m.group(1)):
                return f"expected {m.group(1)} items, got {len(items)}"
            first = items[0] if items else None
            if first is not None and not isinstance(first.get("reasons"), list):
                return f"expected the first item's reasons, got {show(first)}"
            reason = (first["reasons"] or [{}])[0] if first is not None else {}
            return facts([
                ("first", "-" if first is None else f"{first.get('claim')}/{reason.get('code')}", m.group(2)),
                ("appealDeadline", or_dash(first.get("appealDeadline") if first else None), m.group(3)),
            ])
    elif s.fn in ("correctedClaim", "voidClaim"):
        m = re.fullmatch(r"frequency:(\S+) original:(\S+) findings:(\S*)", s.expect)
        if m:
            resubmission = json.loads(result)
            claim = resubmission.get("claim") if isinstance(resubmission, dict) else None
            if not isinstance(claim, dict):
                return f"expected a resubmission with a claim, got {show(resubmission)}"
            if not isinstance(resubmission.get("findings"), list):
                return f"expected the resubmission's findings, got {show(resubmission)}"
            rules = ",".join(str(f.get("rule")) for f in resubmission["findings"])
            return facts([
                ("claim.frequency", claim.get("frequency"), m.group(1)),
                ("claim.originalClaimNumber", claim.get("originalClaimNumber"), m.group(2)),
                ("findings", rules, m.group(3)),
            ])
    elif s.fn == "appealLetter":
        m = re.fullmatch(r"has:(.+)", s.expect, re.S)
        if m:
            documents = json.loads(result)
            for key in ("text", "html"):
                got = documents.get(key) if isinstance(documents, dict) else None
                if not isinstance(got, str):
                    return f"expected the letter's {key}, got {show(documents)}"
                if m.group(1) not in got:
                    return f"expected the letter's {key} to contain {show(m.group(1))}, got {show(got)}"
            return None
    elif s.fn == "followUpQueue":
        m = re.fullmatch(r"items:(\d+) first:(\S+) due:(\S+) total:(\S+)", s.expect)
        if m:
            queue = json.loads(result)
            items = queue.get("items") if isinstance(queue, dict) else None
            if not isinstance(items, list):
                return f"expected a follow-up queue with items, got {show(queue)}"
            if len(items) != int(m.group(1)):
                return f"expected {m.group(1)} items, got {len(items)}"
            first = items[0] if items else {}
            return facts([
                ("first", or_dash(first.get("claim")), m.group(2)),
                ("due", or_dash(first.get("due")), m.group(3)),
                ("total", queue.get("total"), m.group(4)),
            ])
    elif s.fn == "statusRequest":
        m = re.fullmatch(r"trace:(\S+) payer:(\S+) receiver:(\S+) charge:(\S+)", s.expect)
        if m:
            request = json.loads(result)
            if not isinstance(request, dict):
                return f"expected a ClaimStatusRequest, got {show(request)}"
            return facts([
                ("traceNumber", request.get("traceNumber"), m.group(1)),
                ("payer.id", (request.get("payer") or {}).get("id"), m.group(2)),
                ("informationReceiver.id", (request.get("informationReceiver") or {}).get("id"), m.group(3)),
                ("charge", request.get("charge"), m.group(4)),
            ])
    elif s.fn == "postStatuses":
        m = re.fullmatch(r"entries:(\d+) events:(\S*)", s.expect)
        if m:
            posting = json.loads(result)
            if not isinstance(posting, dict) or not isinstance(posting.get("entries"), list) \
                    or not isinstance(posting.get("updates"), list):
                return f"expected a status posting with entries and updates, got {show(posting)}"
            if len(posting["entries"]) != int(m.group(1)):
                return f"expected {m.group(1)} entries, got {len(posting['entries'])}"
            events = ",".join(u.get("event") if isinstance(u.get("event"), str)
                              else next(iter(u.get("event") or {}), "None") for u in posting["updates"])
            return facts([("events", events, m.group(2))])
    elif s.fn in ("scrubClaim", "scrubClaimPacked"):
        m = re.fullmatch(r"rules:(\S+)", s.expect)
        if m:
            if not isinstance(result, list):
                return f"expected a list of findings, got {show(result)}"
            return facts([("rules", ",".join(f.rule for f in result) or "-", m.group(1))])
    elif s.fn == "eligibilityBenefits":
        m = re.fullmatch(r"coverage:(\S+) met:(\S+) first:(\S+)", s.expect)
        if m:
            benefits = json.loads(result)
            met = ((benefits.get("accumulators") or {}).get("inNetwork") or {}).get("individualDeductible")
            first = next((f["rule"] for f in benefits.get("findings", []) if f.get("severity") == "error"), None)
            return facts([
                ("coverage", or_dash(benefits.get("coverage")), m.group(1)),
                ("met", or_dash(met), m.group(2)),
                ("first", or_dash(first), m.group(3)),
            ])
    elif s.fn == "fixList":
        m = re.fullmatch(r"fixes:(\d+) claim:(\S+) path:(\S+)", s.expect)
        if m:
            fixes = json.loads(result)
            if not isinstance(fixes, list):
                return f"expected a list of fixes, got {show(fixes)}"
            if len(fixes) != int(m.group(1)):
                return f"expected {m.group(1)} fixes, got {len(fixes)}"
            first = fixes[0] if fixes else {}
            return facts([
                ("claim", or_dash(first.get("claim")), m.group(2)),
                ("path", or_dash(first.get("path")), m.group(3)),
            ])
    elif s.fn == "patientStatement":
        m = re.fullmatch(r"due:(\S+) visits:(\d+) has:(.+)", s.expect, re.S)
        if m:
            documents = json.loads(result)
            statement = documents.get("statement") if isinstance(documents, dict) else None
            if not isinstance(statement, dict) or not isinstance(statement.get("visits"), list):
                return f"expected statement documents, got {show(documents)}"
            for key in ("text", "html"):
                got = documents.get(key)
                if not isinstance(got, str):
                    return f"expected the statement's {key}, got {show(documents)}"
                if m.group(3) not in got:
                    return f"expected the statement's {key} to contain {show(m.group(3))}, got {show(got)}"
            return facts([
                ("totals.amountDue", (statement.get("totals") or {}).get("amountDue"), m.group(1)),
                ("visits", str(len(statement["visits"])), m.group(2)),
            ])
    elif s.fn == "paymentPlan":
        m = re.fullmatch(r"installments:(\d+) first:(\S+) last:(\S+)", s.expect)
        if m:
            plan = json.loads(result)
            installments = plan.get("installments") if isinstance(plan, dict) else None
            if not isinstance(installments, list):
                return f"expected a payment plan with installments, got {show(plan)}"

            def at(i):
                return f"{installments[i].get('due')}/{installments[i].get('amount')}" if installments else "-"

            return facts([
                ("installments", str(len(installments)), m.group(1)),
                ("first", at(0), m.group(2)),
                ("last", at(-1), m.group(3)),
            ])
    elif s.fn == "planStanding":
        m = re.fullmatch(r"paid:(\S+) remaining:(\S+) missed:(\d+) defaulted:(true|false)", s.expect)
        if m:
            standing = json.loads(result)
            if not isinstance(standing, dict):
                return f"expected a PlanStanding, got {show(standing)}"
            missed, defaulted = standing.get("missed"), standing.get("defaulted")
            return facts([
                ("paid", standing.get("paid"), m.group(1)),
                ("remaining", standing.get("remaining"), m.group(2)),
                ("missed", str(missed) if type(missed) is int else missed, m.group(3)),
                ("defaulted", {True: "true", False: "false"}.get(defaulted) if type(defaulted) is bool else defaulted,
                 m.group(4)),
            ])
    elif s.fn == "allocatePayment":
        m = re.fullmatch(r"requests:(\d+) applied:(\S+) unapplied:(\S+)", s.expect)
        if m:
            allocation = json.loads(result)
            if not isinstance(allocation, dict) or not isinstance(allocation.get("requests"), list):
                return f"expected an Allocation with requests, got {show(allocation)}"
            return facts([
                ("requests", str(len(allocation["requests"])), m.group(1)),
                ("applied", allocation.get("applied"), m.group(2)),
                ("unapplied", allocation.get("unapplied"), m.group(3)),
            ])
    elif s.fn == "creditBalances":
        m = re.fullmatch(r"accounts:(\d+) first:(\S+) net:(\S+)", s.expect)
        if m:
            credits = json.loads(result)
            if not isinstance(credits, list):
                return f"expected a list of credit balances, got {show(credits)}"
            first = credits[0] if credits else {}
            return facts([
                ("accounts", str(len(credits)), m.group(1)),
                ("first", or_dash(first.get("patient")), m.group(2)),
                ("netCredit", or_dash(first.get("netCredit")), m.group(3)),
            ])
    elif s.fn == "smallBalanceWriteOffs":
        m = re.fullmatch(r"writeOffs:(\d+) total:(\S+)", s.expect)
        if m:
            requests = json.loads(result)
            if not isinstance(requests, list):
                return f"expected a list of write-off requests, got {show(requests)}"
            total = Decimal("0.00")
            for r in requests:
                amount = r.get("amount") if isinstance(r, dict) else None
                if not isinstance(amount, str) or not re.fullmatch(r"\d+\.\d\d", amount):
                    return f"expected an amount in cents, got {show(r)}"
                total += Decimal(amount)
            return facts([
                ("writeOffs", str(len(requests)), m.group(1)),
                ("total", str(total), m.group(2)),
            ])
    elif s.fn == "explainVisit":
        m = re.fullmatch(r"has:(.+)", s.expect, re.S)
        if m:
            explanation = json.loads(result)
            body = None
            if isinstance(explanation, dict):
                body = explanation.get("patient") or explanation.get("payer")
            sentences = body.get("sentences") if isinstance(body, dict) else None
            if not isinstance(sentences, list):
                return f"expected a VisitExplanation with sentences, got {show(explanation)}"
            if not any(isinstance(x, str) and m.group(1) in x for x in sentences):
                return f"expected a sentence containing {show(m.group(1))}, got {show(sentences)}"
            return None
    return f"malformed scenario: unrecognized expectation '{s.expect}' for {s.fn}"


def thrown(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return e
    raise AssertionError("expected the call to throw")


def own_checks(fixtures, pricer):
    """(name, function) pairs; each function raises AssertionError (or anything) on failure."""

    def clean_claim():
        return json.loads((fixtures / "claims/professional-clean.json").read_text(encoding="utf-8"))

    def error_has_code_not_patient_data():
        claim = clean_claim()
        claim["subscriber"]["birthDate"] = "Jane Doe"
        e = thrown(lambda: medbill.validate_claim_json(json.dumps(claim)))
        assert isinstance(e, medbill.MedbillError.Failed), describe(e)
        assert e.code == "INPUT_INVALID", describe(e)
        assert isinstance(e.detail, str) and "/subscriber/birthDate" in e.detail, e.detail
        assert "Jane" not in e.detail and "Jane" not in str(e), str(e)

    def number_for_amount_is_input_invalid():
        claim = clean_claim()
        claim["totalCharge"] = 245
        e = thrown(lambda: medbill.validate_claim_json(json.dumps(claim)))
        assert isinstance(e, medbill.MedbillError.Failed), describe(e)
        assert e.code == "INPUT_INVALID" and "/totalCharge" in e.detail, describe(e)

    def money_keeps_trailing_zeros():
        got = medbill.allocate("10", ["1"])
        assert got == ["10.00"], show(got)
        got = medbill.allocate_evenly("0.10", 2)
        assert got == ["0.05", "0.05"] and all(isinstance(p, str) for p in got), show(got)

    def error_is_an_exception_with_code():
        e = thrown(lambda: medbill.allocate("1.00", ["0", "0"]))
        assert isinstance(e, Exception) and isinstance(e, medbill.MedbillError), describe(e)
        assert e.code == "ALLOCATION_INVALID" and isinstance(e.detail, str), describe(e)

    def code_check_record_and_enums():
        result = medbill.check_code(medbill.CodeKind.ICD10CM, "e119")
        assert result.kind == medbill.CodeKind.ICD10CM and result.value == "e119", show_result(result)
        assert result.reason is None, show_result(result)
        findings = medbill.validate_claim_json((fixtures / "claims/professional-broken.json").read_text())
        assert findings and all(isinstance(f.severity, medbill.Severity) for f in findings), show_result(findings)

    def pricer_rvu_without_gpci_is_incomplete():
        rvu = (fixtures / PRICER_FILES[0]).read_bytes()
        e = thrown(lambda: medbill.Pricer(rvu, None, None, None, PRICER_VERSION))
        assert isinstance(e, medbill.MedbillError.Failed), describe(e)
        assert e.code == "CODESET_INCOMPLETE", describe(e)

    def pricer_rvu_rows():
        rows = pricer.get().rvu_rows()
        assert isinstance(rows, int) and rows == 53, show(rows)
        assert medbill.Pricer(None, None, None, None, "").rvu_rows() == 0

    def pricer_bad_as_of_is_input_invalid():
        claim = (fixtures / "claims/professional-clean.json").read_text(encoding="utf-8")
        contract = (fixtures / "contracts/medicare-part-b.json").read_text(encoding="utf-8")
        e = thrown(lambda: pricer.get().price_json(claim, contract, "2026-13-45"))
        assert isinstance(e, medbill.MedbillError.Failed), describe(e)
        assert e.code == "INPUT_INVALID", describe(e)

    def adjudicate_malformed_plan_is_input_invalid():
        priced = pricer.get().price_json((fixtures / "claims/professional-clean.json").read_text(encoding="utf-8"),
                                         (fixtures / "contracts/medicare-part-b.json").read_text(encoding="utf-8"),
                                         PRICE_AS_OF)
        e = thrown(lambda: medbill.adjudicate_json(priced, '{"name": "no tiers"', "{}", medbill.Network.IN_NETWORK))
        assert isinstance(e, medbill.MedbillError.Failed), describe(e)
        assert e.code == "INPUT_INVALID", describe(e)

    def coordinate_standard_gives_secondary_paid():
        def adjudicated(contract, plan, accumulators):
            # The clean claim billed to the contract's payer (Prairie's, or Medicare's).
            billed = "claims/professional-ppo.json" if "prairie" in contract else "claims/professional-clean.json"
            claim = (fixtures / billed).read_text(encoding="utf-8")
            priced = pricer.get().price_json(claim, (fixtures / contract).read_text(encoding="utf-8"), PRICE_AS_OF)
            return medbill.adjudicate_json(priced, (fixtures / plan).read_text(encoding="utf-8"), accumulators,
                                           medbill.Network.IN_NETWORK)

        primary = adjudicated("contracts/prairie-ppo.json", "plans/commercial-ppo.json",
                              (fixtures / "plans/accumulators-sample.json").read_text(encoding="utf-8"))
        secondary = adjudicated("contracts/medicare-part-b.json", "plans/medicare-part-b-2026.json", "{}")
        result = medbill.coordinate_json(primary, secondary, json.dumps({"method": "standard"}))
        assert isinstance(result, str), show_result(result)
        coordination = json.loads(result)
        assert isinstance(coordination, dict) and isinstance(coordination.get("secondaryPaid"), str), result

    # The typed API: the same operations with records and enums instead of JSON text. Each
    # result must agree with the JSON entry point's, field for field where compared.
    def typed_claim_price_adjudicate():
        encounter = (fixtures / "encounters/enc-office-visit.json").read_text(encoding="utf-8")
        practice = (fixtures / "practice.json").read_text(encoding="utf-8")
        claim = medbill.prepare_claim(encounter, practice)
        assert isinstance(claim, medbill.Claim) and claim.total_charge == "245.00", show_result(claim)
        assert isinstance(claim.form, medbill.ClaimForm.PROFESSIONAL), show_result(claim.form)
        lines = claim.form.value.lines
        assert [line.charge for line in lines] == [ln["charge"] for ln in
                json.loads(medbill.prepare_claim_json(encounter, practice))["form"]["professional"]["lines"]]
        assert medbill.validate_claim(claim) == []
        contract = (fixtures / "contracts/medicare-part-b.json").read_text(encoding="utf-8")
        priced = pricer.get().price(claim, contract, PRICE_AS_OF)
        as_json = json.loads(pricer.get().price_json(medbill.prepare_claim_json(encounter, practice), contract, PRICE_AS_OF))
        assert isinstance(priced, medbill.PricedClaim) and priced.total_allowed == as_json["totalAllowed"], show_result(priced)
        assert [ln.allowed for ln in priced.lines] == [ln["allowed"] for ln in as_json["lines"]]
        plan = (fixtures / "plans/medicare-part-b-2026.json").read_text(encoding="utf-8")
        adjudication = medbill.adjudicate(priced, plan, "{}", medbill.Network.IN_NETWORK)
        assert isinstance(adjudication, medbill.Adjudication), show_result(adjudication)
        adj_json = json.loads(medbill.adjudicate_json(json.dumps(as_json), plan, "{}", medbill.Network.IN_NETWORK))
        assert (adjudication.plan_paid, adjudication.patient_responsibility) == \
            (adj_json["planPaid"], adj_json["patientResponsibility"]), show_result(adjudication)
        coordination = medbill.coordinate(adjudication, adjudication, '{"method": "standard"}')
        assert isinstance(coordination, medbill.Coordination), show_result(coordination)

    def typed_edit_is_checked_like_json():
        claim = medbill.prepare_claim((fixtures / "encounters/enc-office-visit.json").read_text(encoding="utf-8"),
                                      (fixtures / "practice.json").read_text(encoding="utf-8"))
        claim.total_charge = "1.00"  # no longer the sum of the lines
        rules = [f.rule for f in medbill.validate_claim(claim)]
        assert rules and all(isinstance(r, str) for r in rules), show(rules)
        claim.billing_provider.npi = "1234567890"  # fails the Luhn check
        e = thrown(lambda: medbill.validate_claim(claim))
        assert isinstance(e, medbill.MedbillError.Failed) and e.code == "INPUT_INVALID", describe(e)
        assert "/billingProvider/npi" in e.detail and "1234567890" not in e.detail, e.detail

    def typed_x12_and_books():
        x12 = (fixtures / "x12" / "remittance.835").read_bytes()
        summaries = medbill.summarize_x12(x12)
        as_json = json.loads(medbill.summarize_x12_json(x12))
        assert [(s.id, s.claims, s.paid, s.balanced) for s in summaries] == \
            [(s["id"], s["claims"], s["paid"], s["balanced"]) for s in as_json], show_result(summaries)
        remittances = medbill.read_remittances(x12)
        file = json.loads(medbill.read_x12_json(x12))
        assert [c.paid for r in remittances for c in r.claims] == \
            [c["paid"] for r in file["remittances"] for c in r["claims"]], show_result(remittances)
        claims = (fixtures / "books/claims.json").read_text(encoding="utf-8")
        entries = medbill.charge_claims(claims, [], BOOKS_BILLED, BOOKS_POSTED)
        entries_json = json.loads(medbill.charge_claims_json(claims, "[]", BOOKS_BILLED, BOOKS_POSTED))
        assert [e.amount for e in entries] == [e["amount"] for e in entries_json], show_result(entries)
        balances = medbill.balances(entries)
        assert isinstance(balances, medbill.Balances), show_result(balances)
        assert balances.receivables.balance == str(sum(Decimal(e["amount"]) for e in entries_json)), show_result(balances)

    def code_sets_load_file_by_file():
        files = [medbill.CodeSetBytes(name=rel.split("/")[-1], bytes=(fixtures / rel).read_bytes()) for rel in SCRUB_FILES]
        at_once = medbill.CodeSets(files)
        one_by_one = medbill.CodeSets([])
        assert one_by_one.loaded() == [], show(one_by_one.loaded())
        for f in files:
            one_by_one.load(f.name, f.bytes)
        assert one_by_one.loaded() == at_once.loaded(), show(one_by_one.loaded())
        claim = (fixtures / "scrub/claim-with-edits.json").read_text(encoding="utf-8")
        assert medbill.scrub_claim_json(claim, one_by_one, SCRUB_AS_OF) == \
            medbill.scrub_claim_json(claim, at_once, SCRUB_AS_OF)
        e = thrown(lambda: one_by_one.load("PPRRVU2025_Oct.csv", b"not a relative value file"))
        assert isinstance(e, medbill.MedbillError.Failed) and e.code.startswith("CODESET"), describe(e)

    def version_is_semver():
        assert re.match(r"^\d+\.\d+\.\d+", medbill.version()), medbill.version()

    return [
        ("error carries code and no patient data", error_has_code_not_patient_data),
        ("a number where an amount string is expected is INPUT_INVALID", number_for_amount_is_input_invalid),
        ("money strings keep trailing zeros", money_keeps_trailing_zeros),
        ("errors are MedbillError exceptions with a code", error_is_an_exception_with_code),
        ("CodeCheck and Finding carry enums", code_check_record_and_enums),
        ("a Pricer with the RVU file but no GPCI file is CODESET_INCOMPLETE", pricer_rvu_without_gpci_is_incomplete),
        ("the sample Pricer loads 53 RVU rows, a Pricer without data none", pricer_rvu_rows),
        ("a bad as-of date is INPUT_INVALID", pricer_bad_as_of_is_input_invalid),
        ("adjudicateJson with malformed plan JSON is INPUT_INVALID", adjudicate_malformed_plan_is_input_invalid),
        ("coordinateJson (standard) returns JSON with secondaryPaid", coordinate_standard_gives_secondary_paid),
        ("typed: prepare, validate, price, adjudicate and coordinate agree with the JSON API", typed_claim_price_adjudicate),
        ("typed: an edited record is checked as JSON input is (findings; a bad NPI by its path)", typed_edit_is_checked_like_json),
        ("typed: X12 summaries, remittances, charge entries and balances agree with the JSON API", typed_x12_and_books),
        ("CodeSets load file by file as at once (WASM's load), and refuse a bad file", code_sets_load_file_by_file),
        ("version is a version string", version_is_semver),
    ]


def main(argv):
    tsv = Path(argv[1]) if len(argv) > 1 else REPO / "bindings-tests" / "scenarios.tsv"
    fixtures = Path(argv[2]) if len(argv) > 2 else REPO / "examples" / "data"
    passed = failed = 0

    def report(name, detail):
        nonlocal passed, failed
        if detail is None:
            passed += 1
            print(f"ok - {name}")
        else:
            failed += 1
            print(f"not ok - {name}: {detail}")

    global medbill
    # MEDBILL_PYTHON_INSTALLED=1: the medbill installed in this interpreter (the wheel), and
    # nothing else; otherwise the bindings generated under MEDBILL_UNIFFI_DIR.
    installed = os.environ.get("MEDBILL_PYTHON_INSTALLED") == "1"
    if not installed:
        sys.path.insert(0, str(UNIFFI_DIR / "python"))
    try:
        import medbill  # noqa: F401 - bound as a module global for the helpers above
    except Exception as e:  # noqa: BLE001
        report("import medbill", f"from {'the installed wheel' if installed else UNIFFI_DIR / 'python'}: "
                                 f"{type(e).__name__}: {e}")
    else:
        where = Path(medbill.__file__).resolve()
        if installed and not str(where).startswith(str(Path(sys.prefix).resolve())):
            report("import medbill", f"expected the wheel installed in {sys.prefix}, imported {where}")
        print(f"# medbill imported from {where}")
        try:
            scenarios = parse_scenarios(tsv.read_text(encoding="utf-8"))
        except OSError as e:
            scenarios = []
            report("read scenarios", str(e))
        if not scenarios:
            report("scenarios.tsv has scenarios", f"no scenarios in {tsv}")
        pricer = PricerOnce(fixtures)  # one Pricer for the whole run
        for s in scenarios:
            try:
                report(s.name, check(s, fixtures, pricer))
            except Exception as e:  # noqa: BLE001
                report(s.name, f"runner error: {type(e).__name__}: {e}")
        for name, fn in own_checks(fixtures, pricer):
            try:
                fn()
                report(name, None)
            except Exception as e:  # noqa: BLE001
                report(name, f"{type(e).__name__}: {e}")

    print(f"python: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


medbill = None

if __name__ == "__main__":
    sys.exit(main(sys.argv))
