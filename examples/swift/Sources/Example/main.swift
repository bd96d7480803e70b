// Prepare, validate, price and adjudicate a claim, estimate a visit, check an NPI, split a payment,
// and read and write X12 with medbill's Swift bindings.
//   swift run Example [path/to/examples/data]
import Foundation
import Medbill

// examples/data, found from this file's location unless given as the first argument.
let data = CommandLine.arguments.count > 1
    ? URL(fileURLWithPath: CommandLine.arguments[1])
    : URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../data").standardizedFileURL

do {
    // Encounters, practices, contracts and plans are documents from the EHR and the payer: they
    // cross as their JSON text. Claims, priced claims, adjudications, estimates, remittances and
    // ledger entries come back as structs and enums (each function also has a …Json twin).
    let encounter = try String(contentsOf: data.appendingPathComponent("encounters/enc-office-visit.json"), encoding: .utf8)
    let practice = try String(contentsOf: data.appendingPathComponent("practice.json"), encoding: .utf8)

    // Build the claim from the coded encounter and the practice's providers, payers and charges.
    let claim = try prepareClaim(encounterJson: encounter, practiceJson: practice)
    if case let .professional(form) = claim.form {
        print("claim \(claim.patientControlNumber): \(form.lines.count) line(s), total \(claim.totalCharge)")
    }

    // Structural checks: an empty array means the claim is well formed.
    let findings = try validateClaim(claim: claim)
    print("claim prepared: \(findings.count) finding(s)")
    for f in findings {
        print("  \(f.severity) \(f.rule) at \(f.path): \(f.message)")
    }

    // Price it under the payer's contract. A Pricer holds the Medicare Physician Fee Schedule
    // files, given as bytes (here the illustrative samples, not CMS data): build it once and
    // reuse it for every claim.
    let pfs = data.appendingPathComponent("pfs-sample")
    let pricer = try Pricer(
        rvu: try Data(contentsOf: pfs.appendingPathComponent("rvu-sample.csv")),
        gpci: try Data(contentsOf: pfs.appendingPathComponent("gpci-sample.csv")),
        anesthesia: try Data(contentsOf: pfs.appendingPathComponent("anes-sample.csv")),
        zip: try Data(contentsOf: pfs.appendingPathComponent("zip-sample.txt")),
        version: "SAMPLE")
    let contract = try String(contentsOf: data.appendingPathComponent("contracts/medicare-part-b.json"), encoding: .utf8)
    let priced = try pricer.price(claim: claim, contractJson: contract, asOf: "2026-11-27")
    print("Medicare Part B allows \(priced.totalAllowed) (first line's first step: \(priced.lines.first?.trace.first?.rule ?? "none"))")

    // Adjudicate the priced claim under the patient's benefit plan: what the plan pays and what
    // the patient owes. The accumulators say what the patient has met this plan year ("{}": nothing yet).
    let plan = try String(contentsOf: data.appendingPathComponent("plans/medicare-part-b-2026.json"), encoding: .utf8)
    let adjudication = try adjudicate(priced: priced, planJson: plan, accumulatorsJson: "{}", network: .inNetwork)
    print("the plan pays \(adjudication.planPaid), the patient owes \(adjudication.patientResponsibility)")

    // Estimate a planned visit before it happens. Without the patient's accumulators the
    // estimate is a range: from everything met to nothing met.
    let request = try String(contentsOf: data.appendingPathComponent("estimates/knee-injection-ppo.json"), encoding: .utf8)
    let estimate = try pricer.estimate(requestJson: request, asOf: "2026-11-27")
    print("knee injection visit: the patient pays \(estimate.patientCostLow) to \(estimate.patientCostHigh) (expected \(estimate.patientCost))")

    // Code checks never throw: they say whether the code is valid, and why not.
    let npi = checkCode(kind: .npi, value: "1234567893")
    if npi.valid {
        print("NPI \(npi.normalized ?? npi.value) is valid")
    } else {
        print("NPI \(npi.value) is invalid: \(npi.reason ?? "")")
    }

    // Amounts are decimal strings in and out; the parts add up to exactly 100.00.
    let parts = try allocateEvenly(total: "100.00", parts: 3)
    print("100.00 in 3 parts: \(parts.joined(separator: ", "))")

    // Read an 835 remittance (any X12 file: 835, 837, 270/271, 276/277, 999, TA1): what the
    // payer paid on each claim.
    let x12 = try Data(contentsOf: data.appendingPathComponent("x12/remittance.835"))
    for remittance in try readRemittances(bytes: x12) {
        for c in remittance.claims {
            print("  835 claim \(c.patientControlNumber): charged \(c.charge ?? "missing"), paid \(c.paid ?? "missing")")
        }
    }

    // Write the prepared claim as an 837P, ready for the clearinghouse.
    let submission = try String(contentsOf: data.appendingPathComponent("x12/submission.json"), encoding: .utf8)
    let envelope = try String(contentsOf: data.appendingPathComponent("x12/envelope.json"), encoding: .utf8)
    let claimJson = try prepareClaimJson(encounterJson: encounter, practiceJson: practice)
    let x837 = try write837Json(claimsJson: "[\(claimJson)]", submissionJson: submission, envelopeJson: envelope)
    let clm = x837.components(separatedBy: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { $0.hasPrefix("CLM*") }
    print("  837 written: \(x837.filter { $0 == "~" }.count) segments, \(clm ?? "no CLM")")
} catch let MedbillError.Failed(code, detail) {
    // Every medbill failure has a stable code and a message free of patient data.
    FileHandle.standardError.write(Data("medbill error \(code): \(detail)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
