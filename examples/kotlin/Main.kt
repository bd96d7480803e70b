// Prepare, validate and price a claim, check an NPI and split a payment with medbill's Kotlin bindings.
//   bindings-uniffi/tests/run-kotlin.sh example
// or, with the generated bindings (org/medbill/medbill.kt) and JNA on the classpath:
//   java -Djna.library.path=target/release -cp ... com.example.medbill.MainKt examples/data
package com.example.medbill

import java.io.File
import kotlin.system.exitProcess
import org.medbill.CodeKind
import org.medbill.MedbillException
import org.medbill.Pricer
import org.medbill.allocateEvenly
import org.medbill.checkCode
import org.medbill.prepareClaimJson
import org.medbill.validateClaimJson

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
        }

        // Code checks never throw: they say whether the code is valid, and why not.
        val npi = checkCode(CodeKind.NPI, "1234567893")
        if (npi.valid) println("NPI ${npi.normalized} is valid") else println("NPI ${npi.value} is invalid: ${npi.reason}")

        // Amounts are decimal strings in and out; the parts add up to exactly 100.00.
        val parts = allocateEvenly("100.00", 3u)
        println("100.00 in 3 parts: ${parts.joinToString(", ")}")
    } catch (e: MedbillException.Failed) {
        // Every medbill failure has a stable code and a message free of patient data.
        System.err.println("medbill error ${e.code}: ${e.detail}")
        exitProcess(1)
    }
}
