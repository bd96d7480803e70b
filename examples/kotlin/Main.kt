// Prepare, validate, price and adjudicate a claim, estimate a visit, check an NPI, split a payment,
// and read and write X12 with medbill's Kotlin bindings.
//   bindings-uniffi/tests/run-kotlin.sh example
// or, with the generated bindings (org/medbill/medbill.kt) and JNA on the classpath:
//   java -Djna.library.path=target/release -cp ... com.example.medbill.MainKt examples/data
package com.example.medbill

import java.io.File
import kotlin.system.exitProcess
import org.medbill.ClaimForm
import org.medbill.CodeKind
import org.medbill.MedbillException
import org.medbill.Network
import org.medbill.Pricer
import org.medbill.adjudicate
import org.medbill.allocateEvenly
import org.medbill.checkCode
import org.medbill.prepareClaim
import org.medbill.prepareClaimJson
import org.medbill.summarizeX12
import org.medbill.validateClaim
import org.medbill.write837Json

fun main(args: Array<String>) {
    val data = File(args.getOrElse(0) { "examples/data" })
    // Encounters, practices, contracts and plans are documents from the EHR and the payer: they
    // cross as their JSON text. Claims, priced claims, adjudications, estimates, remittances and
    // ledger entries come back as data classes (each function also has a …Json twin).
    val encounter = File(data, "encounters/enc-office-visit.json").readText()
    val practice = File(data, "practice.json").readText()

    try {
        // Build the claim from the coded encounter and the practice's providers, payers and charges.
        val claim = prepareClaim(encounter, practice)
        val lines = (claim.form as? ClaimForm.Professional)?.value?.lines.orEmpty()
        println("claim ${claim.patientControlNumber}: ${lines.size} line(s), total ${claim.totalCharge}")

        // Structural checks: an empty list means the claim is well formed.
        val findings = validateClaim(claim)
        println("claim prepared: ${findings.size} finding(s)")
        for (f in findings) println("  ${f.severity} ${f.rule} at ${f.path}: ${f.message}")

        // Price it under the payer's contract. A Pricer holds the Medicare Physician Fee Schedule
        // files, given as bytes (here the illustrative samples, not CMS data): build it once, reuse
        // it for every claim, close it when done.
        val pfs = File(data, "pfs-sample")
        Pricer(
            File(pfs, "rvu-sample.csv").readBytes(),
            File(pfs, "gpci-sample.csv").readBytes(),
            File(pfs, "anes-sample.csv").readBytes(),
            File(pfs, "zip-sample.txt").readBytes(),
            "SAMPLE",
        ).use { pricer ->
            val contract = File(data, "contracts/medicare-part-b.json").readText()
            val priced = pricer.price(claim, contract, "2026-11-27")
            val rule = priced.lines.firstOrNull()?.trace?.firstOrNull()?.rule
            println("Medicare Part B allows ${priced.totalAllowed} (first line's first step: ${rule ?: "none"})")

            // Adjudicate the priced claim under the patient's benefit plan: what the plan pays and
            // what the patient owes. The accumulators say what the patient has met this plan year
            // ("{}": nothing yet).
            val plan = File(data, "plans/medicare-part-b-2026.json").readText()
            val adjudication = adjudicate(priced, plan, "{}", Network.IN_NETWORK)
            println("the plan pays ${adjudication.planPaid}, the patient owes ${adjudication.patientResponsibility}")

            // Estimate a planned visit before it happens. Without the patient's accumulators the
            // estimate is a range: from everything met to nothing met.
            val request = File(data, "estimates/knee-injection-ppo.json").readText()
            val estimate = pricer.estimate(request, "2026-11-27")
            println("knee injection visit: the patient pays ${estimate.patientCostLow} to " +
                "${estimate.patientCostHigh} (expected ${estimate.patientCost})")
        }

        // Code checks never throw: they say whether the code is valid, and why not.
        val npi = checkCode(CodeKind.NPI, "1234567893")
        if (npi.valid) println("NPI ${npi.normalized} is valid") else println("NPI ${npi.value} is invalid: ${npi.reason}")

        // Amounts are exact decimal strings in and out; the parts add up to exactly 100.00.
        val parts = allocateEvenly("100.00", 3u)
        println("100.00 in 3 parts: ${parts.joinToString(", ")}")

        // Read an 835 remittance (any X12 file: 835, 837, 270/271, 276/277, 999, TA1): one summary
        // per transaction set (readRemittances gives the remittances themselves).
        for (set in summarizeX12(File(data, "x12/remittance.835").readBytes())) {
            println("  ${set.id}: charged ${set.charge}, paid ${set.paid}")
        }

        // Write the prepared claim as an 837P, ready for the clearinghouse.
        val submission = File(data, "x12/submission.json").readText()
        val envelope = File(data, "x12/envelope.json").readText()
        val x837 = write837Json("[${prepareClaimJson(encounter, practice)}]", submission, envelope)
        val clm = x837.split("~").map { it.trim() }.firstOrNull { it.startsWith("CLM*") }
        println("  837 written: ${x837.count { it == '~' }} segments, $clm")
    } catch (e: MedbillException.Failed) {
        // Every medbill failure has a stable code and a message free of patient data.
        System.err.println("medbill error ${e.code}: ${e.detail}")
        exitProcess(1)
    }
}
