// Prepare, validate, price and adjudicate a claim, estimate a visit, check an NPI, split a payment,
// and read and write X12 with medbill's Swift bindings.
//   swift run Example [path/to/examples/data]
import Foundation
import Medbill

// examples/data, found from this file's location unless given as the first argument.
let data = CommandLine.arguments.count > 1
    ? URL(fileURLWithPath: CommandLine.arguments[1])
    : URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../data").standardizedFileURL

// The parts of a priced claim (JSON) this example reads, named as in core/schema/priced-claim.schema.json.
struct PricedClaim: Decodable {
    let totalAllowed: String
    let lines: [PricedLine]
}
struct PricedLine: Decodable {
    let allowed: String
    let trace: [TraceStep]
}
struct TraceStep: Decodable {
    let rule: String
}
// The parts of an adjudication (core/schema/adjudication.schema.json) and of an estimate
// (core/schema/estimate.schema.json) this example reads.
struct Adjudication: Decodable {
    let planPaid: String
    let patientResponsibility: String
}
struct Estimate: Decodable {
    let patientCost: String
    let patientCostLow: String
    let patientCostHigh: String
}
// The parts of a read X12 file (core/schema/x12-file.schema.json) this example reads.
struct X12File: Decodable {
    let remittances: [Remittance]?
}
struct Remittance: Decodable {
    let claims: [RemitClaim]
}
struct RemitClaim: Decodable {
    let patientControlNumber: String
    // CLP03/CLP04 are required, but absent (with an error finding) when a file lacks them.
    let charge: String?
    let paid: String?
}

do {
    // Encounters, practices and claims cross the boundary as their documented JSON text,
    // so whatever your EHR API returned can be handed over as is.
    let encounter = try String(contentsOf: data.appendingPathComponent("encounters/enc-office-visit.json"), encoding: .utf8)
    let practice = try String(contentsOf: data.appendingPathComponent("practice.json"), encoding: .utf8)

    // Build the claim from the coded encounter and the practice's providers, payers and charges.
    let claimJson = try prepareClaimJson(encounterJson: encounter, practiceJson: practice)

    // Structural checks: an empty array means the claim is well formed.
    let findings = try validateClaimJson(claimJson: claimJson)
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
    let pricedJson = try pricer.priceJson(claimJson: claimJson, contractJson: contract, asOf: "2026-11-27")
    let priced = try JSONDecoder().decode(PricedClaim.self, from: Data(pricedJson.utf8))
    print("Medicare Part B allows \(priced.totalAllowed) (first line's first step: \(priced.lines.first?.trace.first?.rule ?? "none"))")

    // Adjudicate the priced claim under the patient's benefit plan: what the plan pays and what
    // the patient owes. The accumulators say what the patient has met this plan year ("{}": nothing yet).
    let plan = try String(contentsOf: data.appendingPathComponent("plans/medicare-part-b-2026.json"), encoding: .utf8)
    let adjudicationJson = try adjudicateJson(pricedJson: pricedJson, planJson: plan, accumulatorsJson: "{}", network: .inNetwork)
    let adjudication = try JSONDecoder().decode(Adjudication.self, from: Data(adjudicationJson.utf8))
    print("the plan pays \(adjudication.planPaid), the patient owes \(adjudication.patientResponsibility)")

    // Estimate a planned visit before it happens. Without the patient's accumulators the
    // estimate is a range: from everything met to nothing met.
    let request = try String(contentsOf: data.appendingPathComponent("estimates/knee-injection-ppo.json"), encoding: .utf8)
    let estimateJson = try pricer.estimateJson(requestJson: request, asOf: "2026-11-27")
    let estimate = try JSONDecoder().decode(Estimate.self, from: Data(estimateJson.utf8))
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

    // Read an 835 remittance (any X12 file: 835, 837, 270/271, 276/277, 999, TA1) into its
    // documented JSON: what the payer paid on each claim.
    let x12 = try Data(contentsOf: data.appendingPathComponent("x12/remittance.835"))
    let file = try JSONDecoder().decode(X12File.self, from: Data(try readX12Json(bytes: x12).utf8))
    for remittance in file.remittances ?? [] {
        for c in remittance.claims {
            print("  835 claim \(c.patientControlNumber): charged \(c.charge ?? "missing"), paid \(c.paid ?? "missing")")
        }
    }

    // Write the prepared claim as an 837P, ready for the clearinghouse.
    let submission = try String(contentsOf: data.appendingPathComponent("x12/submission.json"), encoding: .utf8)
    let envelope = try String(contentsOf: data.appendingPathComponent("x12/envelope.json"), encoding: .utf8)
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
