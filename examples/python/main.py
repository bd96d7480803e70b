#!/usr/bin/env python3
"""Prepare, validate, price and adjudicate a claim, estimate a visit, check an NPI, split a payment,
and read and write X12 with medbill's Python bindings.

    python3 examples/python/main.py

MEDBILL_UNIFFI_DIR: directory holding the generated bindings (default <repo>/target/uniffi);
medbill.py and libmedbill_uniffi.so sit together in its python/ subdirectory.
"""

import os
import sys
from pathlib import Path

repo = Path(__file__).resolve().parents[2]
try:
    import medbill  # the wheel (pip install medbill-*.whl), as an app uses it
except ImportError:
    # In the repository without the wheel: the bindings `cargo xtask test` generates.
    sys.path.insert(0, str(Path(os.environ.get("MEDBILL_UNIFFI_DIR") or repo / "target" / "uniffi") / "python"))
    import medbill  # noqa: E402 - found through the path set just above

data = repo / "examples" / "data"
# Encounters, practices and claims cross the boundary as their documented JSON text,
# so whatever your EHR API returned can be handed over as is.
encounter = (data / "encounters" / "enc-office-visit.json").read_text(encoding="utf-8")
practice = (data / "practice.json").read_text(encoding="utf-8")

try:
    # Build the claim from the coded encounter and the practice's providers, payers and charges:
    # a typed record (medbill.Claim), its form a professional or institutional variant.
    claim = medbill.prepare_claim(encounter, practice)
    lines = claim.form.value.lines if isinstance(claim.form, medbill.ClaimForm.PROFESSIONAL) else []
    print(f"claim {claim.patient_control_number}: {len(lines)} line(s), total {claim.total_charge}")

    # Structural checks: an empty list means the claim is well formed.
    findings = medbill.validate_claim(claim)
    print(f"claim prepared: {len(findings)} finding(s)")
    for f in findings:
        print(f"  {f.severity.name} {f.rule} at {f.path}: {f.message}")

    # Price it under the payer's contract. A Pricer holds the Medicare Physician Fee Schedule
    # files, given as bytes (here the illustrative samples, not CMS data): build it once and
    # reuse it for every claim. Contracts and plans are the payer's documents, read as JSON.
    pfs = data / "pfs-sample"
    pricer = medbill.Pricer((pfs / "rvu-sample.csv").read_bytes(), (pfs / "gpci-sample.csv").read_bytes(),
                            (pfs / "anes-sample.csv").read_bytes(), (pfs / "zip-sample.txt").read_bytes(),
                            "SAMPLE")
    contract = (data / "contracts" / "medicare-part-b.json").read_text(encoding="utf-8")
    priced = pricer.price(claim, contract, "2026-11-27")
    first_step = priced.lines[0].trace[0].rule if priced.lines[0].trace else None
    print(f"Medicare Part B allows {priced.total_allowed} (first line's first step: {first_step})")

    # Adjudicate the priced claim under the patient's benefit plan: what the plan pays and what
    # the patient owes. The accumulators say what the patient has met this plan year ("{}": nothing yet).
    plan = (data / "plans" / "medicare-part-b-2026.json").read_text(encoding="utf-8")
    adjudication = medbill.adjudicate(priced, plan, "{}", medbill.Network.IN_NETWORK)
    print(f"the plan pays {adjudication.plan_paid}, the patient owes {adjudication.patient_responsibility}")
    for line in adjudication.lines:
        print(f"  line {line.line + 1}: {' '.join(line.explanation)}")
    # Every typed function has a JSON twin (…_json) for interchange: the same claim as JSON text.
    claim_json = medbill.prepare_claim_json(encounter, practice)

    # Estimate a planned visit before it happens. Without the patient's accumulators the
    # estimate is a range: from everything met to nothing met.
    request = (data / "estimates" / "knee-injection-ppo.json").read_text(encoding="utf-8")
    estimate = pricer.estimate(request, "2026-11-27")
    print(f"knee injection visit: the patient pays {estimate.patient_cost_low} to {estimate.patient_cost_high}"
          f" (expected {estimate.patient_cost})")

    # Code checks never raise: they say whether the code is valid, and why not.
    npi = medbill.check_code(medbill.CodeKind.NPI, "1234567893")
    print(f"NPI {npi.normalized} is valid" if npi.valid else f"NPI {npi.value} is invalid: {npi.reason}")

    # Amounts are decimal strings in and out; the parts add up to exactly 100.00.
    parts = medbill.allocate_evenly("100.00", 3)
    print(f"100.00 in 3 parts: {', '.join(parts)}")

    # Read an 835 remittance (any X12 file: 835, 837, 270/271, 276/277, 999, TA1) into its
    # documented JSON: what the payer paid on each claim, and whether the file balances.
    x12 = (data / "x12" / "remittance.835").read_bytes()
    for remittance in medbill.read_remittances(x12):
        for c in remittance.claims:
            print(f"  835 claim {c.patient_control_number}: charged {c.charge}, paid {c.paid}")
    for s in medbill.summarize_x12(x12):
        print(f"  {s.id} {s.version}: {s.claims} claims, balanced: {s.balanced}")

    # Write the prepared claim as an 837P, ready for the clearinghouse.
    submission = (data / "x12" / "submission.json").read_text(encoding="utf-8")
    envelope = (data / "x12" / "envelope.json").read_text(encoding="utf-8")
    x837 = medbill.write_837_json(f"[{claim_json}]", submission, envelope)
    clm = next(s.strip() for s in x837.split("~") if s.strip().startswith("CLM*"))
    print(f"  837 written: {x837.count('~')} segments, {clm}")
except medbill.MedbillError as e:
    # Every medbill failure has a stable code and a message free of patient data.
    print(f"medbill error {e.code}: {e.detail}", file=sys.stderr)
    sys.exit(1)
