// Prepare, validate, price and adjudicate a claim, estimate a visit, check an NPI, split a payment,
// and read and write X12 with medbill's Kotlin bindings.
//   bindings-uniffi/tests/run-kotlin.sh example
// or, with the generated bindings (org/medbill/medbill.kt) and JNA on the classpath:
//   java -Djna.library.path=target/release -cp ... com.example.medbill.MainKt examples/data
package com.example.medbill

import java.io.File
import kotlin.system.exitProcess
import org.medbill.CodeKind
import org.medbill.MedbillException
import org.medbill.Network
import org.medbill.Pricer
import org.medbill.adjudicateJson
import org.medbill.allocateEvenly
import org.medbill.checkCode
import org.medbill.prepareClaimJson
import org.medbill.validateClaimJson
import org.medbill.write837Json
import org.medbill.x12SummariesJson

fun main(args: Array<String>) {
    val data = File(args.getOrElse(0) { "examples/data" })
    // Encounters, practices and claims cross the boundary as their documented JSON text,
    // so whatever your EHR API returned can be handed over as is.
    val encounter = File(data, "encounters/enc-office-visit.json").readText()
    val practice = File(data, "practice.json").readText()

    try {
        // Build the claim from the coded encounter and the practice's providers, payers and charges.
        val claimJson = prepareClaimJson(encounter, practice)

        // Structural checks: an empty list means the claim is well formed.
        val findings = validateClaimJson(claimJson)
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
            val pricedJson = pricer.priceJson(claimJson, contract, "2026-11-27")
            // The priced claim is JSON text. Kotlin has no JSON parser in its standard library: in
            // an app, decode it with kotlinx.serialization, Moshi or Gson. Here two fields are
            // picked out with regular expressions: the first "trace" is the first line's, and each
            // step's first field is its "rule".
            val total = Regex(""""totalAllowed"\s*:\s*"([^"]*)"""").find(pricedJson)?.groups?.get(1)?.value
            val rule = Regex(""""trace"\s*:\s*\[\s*(?:\{\s*"rule"\s*:\s*"([^"]*)")?""").find(pricedJson)?.groups?.get(1)?.value
            println("Medicare Part B allows $total (first line's first step: ${rule ?: "none"})")

            // Adjudicate the priced claim under the patient's benefit plan: what the plan pays and
            // what the patient owes. The accumulators say what the patient has met this plan year
            // ("{}": nothing yet).
            val plan = File(data, "plans/medicare-part-b-2026.json").readText()
            val adjudication = adjudicateJson(pricedJson, plan, "{}", Network.IN_NETWORK)
            // Each line has its own "planPaid" too: read the claim's, at the top level.
            val planPaid = topLevelString(adjudication, "planPaid")
            val patientOwes = topLevelString(adjudication, "patientResponsibility")
            println("the plan pays $planPaid, the patient owes $patientOwes")

            // Estimate a planned visit before it happens. Without the patient's accumulators the
            // estimate is a range: from everything met to nothing met.
            val request = File(data, "estimates/knee-injection-ppo.json").readText()
            val estimate = pricer.estimateJson(request, "2026-11-27")
            println("knee injection visit: the patient pays ${topLevelString(estimate, "patientCostLow")} to " +
                "${topLevelString(estimate, "patientCostHigh")} (expected ${topLevelString(estimate, "patientCost")})")
        }

        // Code checks never throw: they say whether the code is valid, and why not.
        val npi = checkCode(CodeKind.NPI, "1234567893")
        if (npi.valid) println("NPI ${npi.normalized} is valid") else println("NPI ${npi.value} is invalid: ${npi.reason}")

        // Amounts are decimal strings in and out; the parts add up to exactly 100.00.
        val parts = allocateEvenly("100.00", 3u)
        println("100.00 in 3 parts: ${parts.joinToString(", ")}")

        // Read an 835 remittance (any X12 file: 835, 837, 270/271, 276/277, 999, TA1): one summary
        // per transaction set (readX12Json gives everything the file holds, as JSON).
        val summaries = x12SummariesJson(File(data, "x12/remittance.835").readBytes())
        val remittance = summaries.removePrefix("[").removeSuffix("]") // the file holds one set
        println("  835: charged ${topLevelString(remittance, "charge")}, paid ${topLevelString(remittance, "paid")}")

        // Write the prepared claim as an 837P, ready for the clearinghouse.
        val submission = File(data, "x12/submission.json").readText()
        val envelope = File(data, "x12/envelope.json").readText()
        val x837 = write837Json("[$claimJson]", submission, envelope)
        val clm = x837.split("~").map { it.trim() }.firstOrNull { it.startsWith("CLM*") }
        println("  837 written: ${x837.count { it == '~' }} segments, $clm")
    } catch (e: MedbillException.Failed) {
        // Every medbill failure has a stable code and a message free of patient data.
        System.err.println("medbill error ${e.code}: ${e.detail}")
        exitProcess(1)
    }
}

/**
 * The string value of [key] in the top-level object of [json], or null. A stand-in for a JSON
 * library (kotlinx.serialization, Moshi or Gson in an app): it tracks nesting so that a key of a
 * nested object (a line's "planPaid") is never taken for the top-level one.
 */
fun topLevelString(json: String, key: String): String? {
    var depth = 0
    var i = 0
    while (i < json.length) {
        when (json[i]) {
            '{', '[' -> depth++
            '}', ']' -> depth--
            '"' -> {
                val start = i + 1
                i = start
                while (json[i] != '"') i += if (json[i] == '\\') 2 else 1
                val text = json.substring(start, i)
                if (depth == 1 && text == key) {
                    val value = Regex("""\s*:\s*"((?:[^"\\]|\\.)*)"""").matchAt(json, i + 1)
                    if (value != null) return value.groups[1]?.value
                }
            }
        }
        i++
    }
    return null
}
