// Runs the shared scenarios (bindings-tests/scenarios.tsv) against the Kotlin UniFFI bindings,
// plus a few checks of how values and errors cross the boundary.
//   java -Djna.library.path=<dir of libmedbill_uniffi.so> -cp ... org.medbill.tests.ScenariosKt \
//        bindings-tests/scenarios.tsv examples/data
// (bindings-uniffi/tests/run-kotlin.sh compiles and runs it.)
// Prints `ok - NAME` or `not ok - NAME: DETAIL` per check, then `kotlin: N passed, M failed`;
// exits 1 when anything failed or nothing ran. Every expectation is interpreted exactly as
// bindings-wasm/tests/scenarios.mjs does; malformed lines and unknown functions FAIL.
package org.medbill.tests

import java.io.File
import kotlin.system.exitProcess
import org.medbill.CodeCheck
import org.medbill.CodeKind
import org.medbill.Finding
import org.medbill.MedbillException
import org.medbill.Network
import org.medbill.PriceOptions
import org.medbill.Pricer
import org.medbill.Severity
import org.medbill.adjudicateJson
import org.medbill.allocatePaymentJson
import org.medbill.allocate
import org.medbill.allocateEvenly
import org.medbill.appealLetterJson
import org.medbill.chargeClaimsJson
import org.medbill.checkCode
import org.medbill.coordinateJson
import org.medbill.coordinateNextJson
import org.medbill.coordinateRemittanceJson
import org.medbill.correctedClaimJson
import org.medbill.creditBalancesJson
import org.medbill.denialQueueJson
import org.medbill.explainVisitJson
import org.medbill.CodeSetBytes
import org.medbill.CodeSets
import org.medbill.eligibilityBenefitsJson
import org.medbill.scrubClaimJson
import org.medbill.fixListJson
import org.medbill.followUpQueueJson
import org.medbill.kpisJson
import org.medbill.patientStatementJson
import org.medbill.paymentPlanJson
import org.medbill.planStandingJson
import org.medbill.secondaryClaimJson
import org.medbill.smallBalanceWriteOffsJson
import org.medbill.postRemittanceJson
import org.medbill.postStatusesJson
import org.medbill.statusRequestJson
import org.medbill.voidClaimJson
import org.medbill.prepareClaimJson
import org.medbill.readX12Json
import org.medbill.printClaimJson
import org.medbill.validateClaimJson
import org.medbill.version
import org.medbill.write270Json
import org.medbill.write276Json
import org.medbill.write835Json
import org.medbill.write837Json
import org.medbill.summarizeX12Json

private val FUNCTIONS = listOf("checkCode", "allocate", "allocateEvenly", "validateClaim", "prepareClaim", "priceClaim", "priceMany",
    "estimateVisit", "adjudicateClaim", "adjudicateUnchecked", "coordinateClaim", "readX12", "summarizeX12", "write837",
    "write270", "write276", "write835", "secondaryClaim", "chargeClaims", "postRemittance", "printClaim", "kpis",
    "denialQueue", "correctedClaim", "voidClaim", "appealLetter", "followUpQueue", "statusRequest", "postStatuses",
    "fixList", "eligibilityBenefits", "scrubClaim", "scrubClaimPacked", "fhirClaim", "fhirRemittanceEob", "patientStatement", "paymentPlan", "planStanding", "allocatePayment", "creditBalances",
    "smallBalanceWriteOffs", "explainVisit")
// The X12 functions: their expectations are FACTS (see scenarios.tsv).
private val X12_FUNCTIONS = setOf("readX12", "summarizeX12", "write837", "write270", "write276", "write835")
// The X12File lists a FACTS key can count.
private val FILE_KEYS = listOf("remittances", "claims", "eligibilityRequests", "eligibility", "statusRequests",
    "claimStatus", "acknowledgments", "interchangeAcknowledgments")
// FACTS keys about the SetSummary list, and the summary field each one reads.
private val SUMMARY_KEYS = mapOf("set" to "id", "version" to "version", "segments" to "segments",
    "claimCount" to "claims", "charge" to "charge", "paid" to "paid", "balanced" to "balanced")
// The functions whose scenarios use the run's one Pricer.
private val NEEDS_PRICER = setOf("priceClaim", "priceMany", "estimateVisit", "adjudicateClaim", "adjudicateUnchecked", "coordinateClaim")
// The scenario functions that call adjudicate (adjudicateUnchecked with unchecked = true).
private val ADJUDICATES = setOf("adjudicateClaim", "adjudicateUnchecked")
private val AMOUNT_LIST = Regex("""-?\d+(\.\d+)?(,-?\d+(\.\d+)?)*""")
private val DOT_ALL = setOf(RegexOption.DOT_MATCHES_ALL)

// The Pricer every priceClaim, estimateVisit and adjudicateClaim scenario uses: these files (under
// examples/data/), this version, and this pricing date.
private val PRICER_FILES = listOf("pfs-sample/rvu-sample.csv", "pfs-sample/gpci-sample.csv",
    "pfs-sample/anes-sample.csv", "pfs-sample/zip-sample.txt")
private const val PRICER_VERSION = "SAMPLE"
private const val PRICE_AS_OF = "2026-11-27"
// The dates every chargeClaims scenario bills and posts on.
// The date every fhirClaim and fhirRemittanceEob scenario creates its resources on.
private const val FHIR_CREATED = "2026-11-27"
private const val BOOKS_BILLED = "2026-11-20"
private const val BOOKS_POSTED = "2026-11-21"
// The date every denialQueue and followUpQueue scenario counts deadlines and ages to.
private const val QUEUE_AS_OF = "2026-12-15"
// The date every postStatuses scenario enters its status entries on.
private const val STATUS_POSTED = "2026-11-23"
// The reference every statusRequest scenario passes.
private const val STATUS_REFERENCE = "FU-20261215"
// The date every planStanding, smallBalanceWriteOffs and explainVisit scenario reads the books as of.
private const val PATIENT_AS_OF = "2027-02-20"
// The code-set files (under examples/data/, loaded by their published names) every scrubClaim
// scenario loads, and the date it scrubs as of.
private val SCRUB_FILES = listOf(
    "codesets/ccipra-v314r0-f1.txt", "codesets/ccioph-v314r0-f1.txt",
    "codesets/MCR_MUE_PractitionerServices_Eff_2025-10-01.csv",
    "codesets/MCR_MUE_OutpatientHospitalServices_Eff_2025-10-01.csv", "codesets/AOC_V2025Q4-MCR.txt",
)
private const val SCRUB_AS_OF = "2026-03-10"

/** Builds the scenarios' Pricer on first use; later uses get the same Pricer (or the same error). */
class PricerOnce(private val fixtures: File) : AutoCloseable {
    private val built: Lazy<Result<Pricer>> = lazy {
        runCatching {
            val (rvu, gpci, anesthesia, zip) = PRICER_FILES.map { File(fixtures, it).readBytes() }
            Pricer(rvu, gpci, anesthesia, zip, PRICER_VERSION)
        }
    }

    fun get(): Pricer = built.value.getOrThrow()

    override fun close() {
        if (built.isInitialized()) built.value.getOrNull()?.close()
    }
}

class Scenario(
    val name: String,
    val line: Int,
    val fn: String = "",
    val arg1: String = "",
    val arg2: String = "",
    val expect: String = "",
    val problem: String? = null,
)

/** Parses scenarios.tsv text; a line without exactly 5 fields becomes a failing scenario. */
fun parseScenarios(text: String): List<Scenario> {
    val scenarios = mutableListOf<Scenario>()
    text.split("\n").forEachIndexed { i, raw ->
        val line = raw.removeSuffix("\r")
        if (line.isBlank() || line.startsWith("#")) return@forEachIndexed
        val fields = line.split("\t")
        val lineNo = i + 1
        if (fields.size != 5) {
            scenarios += Scenario(fields[0].ifEmpty { "line $lineNo" }, lineNo,
                problem = "line $lineNo: expected 5 tab-separated fields, found ${fields.size}")
        } else {
            scenarios += Scenario(fields[0], lineNo, fields[1], fields[2], fields[3], fields[4])
        }
    }
    return scenarios
}

private class Malformed(message: String) : Exception(message)

/**
 * Pricing (and, for coordinateClaim, adjudicating) a scenario's claim before the call under test
 * failed: never the error the scenario expects.
 */
private class PricingFailed(message: String) : Exception(message)

/** The PriceOptions a priceClaim scenario names (each set to true); throws [Malformed] on an unknown one. */
private fun priceOptions(names: String): PriceOptions {
    val chosen = names.split(",")
    chosen.firstOrNull { it != "unchecked" && it != "anyPayer" }?.let {
        throw Malformed("unknown price option '$it' (expected unchecked or anyPayer)")
    }
    return PriceOptions(unchecked = "unchecked" in chosen, anyPayer = "anyPayer" in chosen, trace = true)
}

/**
 * The binding call a scenario makes; throws [Malformed] when its arguments make no sense, and
 * [PricingFailed] when an adjudicateClaim scenario's claim cannot be priced.
 */
private fun buildCall(s: Scenario, fixtures: File, pricer: PricerOnce): () -> Any = when (s.fn) {
    "checkCode" -> {
        val kind = CodeKind.values().firstOrNull { it.name.equals(s.arg1, ignoreCase = true) }
            ?: throw Malformed("unknown code kind '${s.arg1}'")
        fun(): Any = checkCode(kind, s.arg2)
    }
    "allocate" -> fun(): Any = allocate(s.arg1, s.arg2.split(","))
    "allocateEvenly" -> {
        val parts = (if (Regex("""\d+""").matches(s.arg2)) s.arg2.toUIntOrNull() else null)
            ?: throw Malformed("allocateEvenly parts '${s.arg2}' is not a whole number that fits in u32")
        fun(): Any = allocateEvenly(s.arg1, parts)
    }
    "validateClaim" -> {
        if (s.arg2 != "-") throw Malformed("validateClaim takes '-' as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        fun(): Any = validateClaimJson(claim)
    }
    "printClaim" -> {
        val parts = s.arg2.split("|")
        if (parts[0].isEmpty() || parts.size > 2 || (parts.size == 2 && parts[1] != "dataOnly"))
            throw Malformed("printClaim takes FORM or FORM|dataOnly as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        val options = if (parts.size == 2) "{\"mode\": \"dataOnly\"}" else null
        fun(): Any = printClaimJson(claim, parts[0], options)
    }
    "prepareClaim" -> {
        val encounter = File(fixtures, s.arg1).readText()
        val practice = File(fixtures, s.arg2).readText()
        fun(): Any = prepareClaimJson(encounter, practice)
    }
    "fhirClaim", "fhirRemittanceEob" -> {
        if (s.arg2 != "-") throw Malformed("${s.fn} takes '-' as its second argument, found '${s.arg2}'")
        if (s.fn == "fhirClaim") {
            val claim = File(fixtures, s.arg1).readText()
            fun(): Any = org.medbill.fhirClaimJson(claim, FHIR_CREATED)
        } else {
            // The remittance is read here, outside the call under test.
            val file = Json.parse(readX12Json(File(fixtures, s.arg1).readBytes())) as Map<*, *>
            val remittance = Json.write((file["remittances"] as List<*>).first())
            fun(): Any = org.medbill.fhirRemittanceEobJson(remittance, FHIR_CREATED)
        }
    }
    "priceMany" -> {
        val claims = if (s.arg1 == "-") emptyList() else s.arg1.split(",").map { File(fixtures, it).readText() }
        val contract = File(fixtures, s.arg2).readText()
        val built = pricer.get() // check() has already built it
        fun(): Any = built.priceManyJson(claims.joinToString(",", "[", "]"), contract, PRICE_AS_OF)
    }
    "priceClaim" -> {
        val parts = s.arg2.split("|")
        if (parts[0].isEmpty() || parts.size > 2 || (parts.size == 2 && parts[1].isEmpty()))
            throw Malformed("priceClaim takes CONTRACT or CONTRACT|OPTIONS as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        val contract = File(fixtures, parts[0]).readText()
        val options = parts.getOrNull(1)?.let { priceOptions(it) }
        val built = pricer.get() // check() has already built it
        val call: () -> Any = if (options == null) {
            { built.priceJson(claim, contract, PRICE_AS_OF) }
        } else {
            { built.priceJson(claim, contract, PRICE_AS_OF, options) }
        }
        call
    }
    "estimateVisit" -> {
        if (s.arg2 != "-") throw Malformed("estimateVisit takes '-' as its second argument, found '${s.arg2}'")
        val request = File(fixtures, s.arg1).readText()
        val built = pricer.get() // check() has already built it
        fun(): Any = built.estimateJson(request, PRICE_AS_OF)
    }
    "adjudicateClaim", "adjudicateUnchecked" -> {
        val claimContract = s.arg1.split("|")
        val planAccumulators = s.arg2.split("|")
        if (claimContract.size != 2 || claimContract.any { it.isEmpty() || it == "-" })
            throw Malformed("${s.fn} takes CLAIM|CONTRACT as its first argument, found '${s.arg1}'")
        if (planAccumulators.size != 2 || planAccumulators.any { it.isEmpty() } || planAccumulators[0] == "-")
            throw Malformed("${s.fn} takes PLAN|ACCUMULATORS as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, claimContract[0]).readText()
        val contract = File(fixtures, claimContract[1]).readText()
        val plan = File(fixtures, planAccumulators[0]).readText()
        val accumulators = if (planAccumulators[1] == "-") "{}" else File(fixtures, planAccumulators[1]).readText()
        // Priced here, outside the call under test: a pricing error is reported as what it is.
        val priced = try {
            pricer.get().priceJson(claim, contract, PRICE_AS_OF)
        } catch (e: Exception) {
            throw PricingFailed("pricing the claim before adjudicating it failed: ${describe(e)}")
        }
        val unchecked = s.fn == "adjudicateUnchecked"
        fun(): Any = adjudicateJson(priced, plan, accumulators, Network.IN_NETWORK, unchecked)
    }
    "coordinateClaim" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 4 || parts.any { it.isEmpty() } || parts.take(3).contains("-"))
            throw Malformed("coordinateClaim takes CLAIM|CONTRACT|PLAN|ACCUMULATORS as its second argument, found '${s.arg2}'")
        val prior = Json.parse(File(fixtures, s.arg1).readText()) as? Map<*, *>
        val sources = listOf("remittance", "coordination").filter { prior?.containsKey(it) == true }
        if (prior == null || prior["method"] !is Map<*, *> || sources.size != 1)
            throw Malformed("coordinateClaim's PRIOR ${s.arg1} is not {method, remittance} or {method, coordination}")
        val (claim, contract, plan) = parts.take(3).map { File(fixtures, it).readText() }
        val accumulators = if (parts[3] == "-") "{}" else File(fixtures, parts[3]).readText()
        // The next payer's own adjudication is made here too: only the coordination call itself
        // may give the expected error.
        val adjudication = try {
            adjudicateJson(pricer.get().priceJson(claim, contract, PRICE_AS_OF), plan, accumulators, Network.IN_NETWORK)
        } catch (e: Exception) {
            throw PricingFailed("pricing and adjudicating the claim before coordinating failed: ${describe(e)}")
        }
        val source = Json.write(prior[sources[0]])
        val method = Json.write(prior["method"])
        if (sources[0] == "remittance") {
            fun(): Any = coordinateRemittanceJson(source, adjudication, method)
        } else {
            fun(): Any = coordinateNextJson(source, adjudication, method)
        }
    }
    "secondaryClaim" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
            throw Malformed("secondaryClaim takes PRIOR-PAYER|PRIOR as its second argument, found '${s.arg2}'")
        val priorPayer = Json.parse(File(fixtures, parts[0]).readText()) as? Map<*, *>
            ?: throw Malformed("secondaryClaim's PRIOR-PAYER fixture ${parts[0]} is not a JSON object")
        val claim = File(fixtures, s.arg1).readText()
        val prior = File(fixtures, parts[1]).readText()
        val adjudicated = priorPayer["adjudicated"] as? String
            ?: throw Malformed("secondaryClaim's PRIOR-PAYER fixture ${parts[0]} has no adjudicated date")
        val nextPayer = priorPayer["nextPayer"]?.let { Json.write(it) }
        fun(): Any = secondaryClaimJson(claim, Json.write(priorPayer["payer"]), Json.write(priorPayer["coverage"]),
            prior, adjudicated, nextPayer)
    }
    "chargeClaims" -> {
        val claims = File(fixtures, s.arg1).readText()
        val entries = if (s.arg2 == "-") "[]" else File(fixtures, s.arg2).readText()
        fun(): Any = chargeClaimsJson(claims, entries, BOOKS_BILLED, BOOKS_POSTED)
    }
    "postRemittance" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 3 || parts.any { it.isEmpty() } || parts[0] == "-" || parts[2] == "-")
            throw Malformed("postRemittance takes CLAIMS|ENTRIES|OPTIONS as its second argument, found '${s.arg2}'")
        // Read outside the call under test: a read error is reported as what it is.
        val remittances = try {
            (Json.parse(readX12Json(File(fixtures, s.arg1).readBytes())) as? Map<*, *>)?.get("remittances") as? List<*>
        } catch (e: Exception) {
            throw Malformed("reading ${s.arg1} before posting it failed: ${describe(e)}")
        }
        val remittance = remittances?.firstOrNull() ?: throw Malformed("${s.arg1} holds no remittance")
        val claims = File(fixtures, parts[0]).readText()
        val entries = if (parts[1] == "-") "[]" else File(fixtures, parts[1]).readText()
        val options = File(fixtures, parts[2]).readText()
        fun(): Any = postRemittanceJson(Json.write(remittance), claims, entries, options)
    }
    "kpis" -> {
        val entries = File(fixtures, s.arg1).readText()
        val request = File(fixtures, s.arg2).readText()
        fun(): Any = kpisJson(entries, request)
    }
    "denialQueue" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() } || parts[0] == "-")
            throw Malformed("denialQueue takes CLAIMS|PACKS as its second argument, found '${s.arg2}'")
        val entries = File(fixtures, s.arg1).readText()
        val claims = File(fixtures, parts[0]).readText()
        val packs = if (parts[1] == "-") "[]" else File(fixtures, parts[1]).readText()
        fun(): Any = denialQueueJson(entries, claims, packs, QUEUE_AS_OF)
    }
    "correctedClaim" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() } || parts[1] == "-")
            throw Malformed("correctedClaim takes NUMBER|CHANGES as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        val changes = File(fixtures, parts[1]).readText()
        val number = payerNumber(parts[0])
        fun(): Any = correctedClaimJson(claim, number, changes)
    }
    "voidClaim" -> {
        if (s.arg2.isEmpty() || s.arg2.contains("|"))
            throw Malformed("voidClaim takes NUMBER as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        val number = payerNumber(s.arg2)
        fun(): Any = voidClaimJson(claim, number)
    }
    "appealLetter" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
            throw Malformed("appealLetter takes DENIAL|REQUEST as its second argument, found '${s.arg2}'")
        val claim = File(fixtures, s.arg1).readText()
        val denial = File(fixtures, parts[0]).readText()
        val request = File(fixtures, parts[1]).readText()
        fun(): Any = appealLetterJson(claim, denial, request)
    }
    "followUpQueue" -> {
        val entries = File(fixtures, s.arg1).readText()
        val packs = if (s.arg2 == "-") "[]" else File(fixtures, s.arg2).readText()
        fun(): Any = followUpQueueJson(entries, packs, QUEUE_AS_OF)
    }
    "statusRequest" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
            throw Malformed("statusRequest takes CLAIMS|RECEIVER as its second argument, found '${s.arg2}'")
        val item = File(fixtures, s.arg1).readText()
        val wanted = (Json.parse(item) as? Map<*, *>)?.get("claim")
        val claims = Json.parse(File(fixtures, parts[0]).readText()) as? List<*>
            ?: throw Malformed("statusRequest's CLAIMS ${parts[0]} is not a JSON array")
        val claim = claims.firstOrNull { ((it as? Map<*, *>)?.get("claim") as? Map<*, *>)?.get("patientControlNumber") == wanted }
            ?: throw Malformed("statusRequest's CLAIMS ${parts[0]} has no claim ${show(wanted)}")
        val receiver = File(fixtures, parts[1]).readText()
        fun(): Any = statusRequestJson(item, Json.write(claim), receiver, STATUS_REFERENCE)
    }
    "postStatuses" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
            throw Malformed("postStatuses takes CLAIMS|ENTRIES as its second argument, found '${s.arg2}'")
        // Read outside the call under test: a read error is reported as what it is.
        val responses = try {
            (Json.parse(readX12Json(File(fixtures, s.arg1).readBytes())) as? Map<*, *>)?.get("claimStatus") as? List<*>
        } catch (e: Exception) {
            throw Malformed("reading ${s.arg1} before postStatuses failed: ${describe(e)}")
        }
        if (responses.isNullOrEmpty()) throw Malformed("${s.arg1} holds no claim status")
        val claims = File(fixtures, parts[0]).readText()
        val entries = File(fixtures, parts[1]).readText()
        fun(): Any = postStatusesJson(Json.write(responses), claims, entries, STATUS_POSTED)
    }
    "scrubClaim", "scrubClaimPacked" -> {
        // Loaded outside the call under test: a load error is reported as what it is.
        val codeSets = try {
            val loaded = CodeSets(SCRUB_FILES.map { CodeSetBytes(it.substringAfterLast('/'), File(fixtures, it).readBytes()) })
            if (s.fn == "scrubClaimPacked") CodeSets.fromPack(loaded.toPack("2026-01-01", "2026-12-31")) else loaded
        } catch (e: Exception) {
            throw Malformed("could not load the code sets: ${describe(e)}")
        }
        val claim = File(fixtures, s.arg1).readText()
        val rules = if (s.arg2 == "-") null else File(fixtures, s.arg2).readText()
        fun(): Any = scrubClaimJson(claim, codeSets, SCRUB_AS_OF, rules)
    }
    "eligibilityBenefits" -> {
        val x12 = File(fixtures, s.arg1).readBytes()
        val check = File(fixtures, s.arg2).readText()
        fun(): Any = eligibilityBenefitsJson(x12, check)
    }
    "fixList" -> {
        if (s.arg2 != "-") throw Malformed("fixList takes '-' as its second argument, found '${s.arg2}'")
        val file = if (s.arg1.endsWith(".json")) {
            File(fixtures, s.arg1).readText()
        } else {
            // Read outside the call under test: a read error is reported as what it is.
            try {
                readX12Json(File(fixtures, s.arg1).readBytes())
            } catch (e: Exception) {
                throw Malformed("reading ${s.arg1} before fixList failed: ${describe(e)}")
            }
        }
        fun(): Any = fixListJson(file)
    }
    "patientStatement", "explainVisit" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 3 || parts.any { it.isEmpty() || it == "-" }) {
            val what = if (s.fn == "patientStatement") "PATIENT|CLAIMS|OPTIONS" else "CLAIM|CLAIMS|AUDIENCE"
            throw Malformed("${s.fn} takes $what as its second argument, found '${s.arg2}'")
        }
        val entries = File(fixtures, s.arg1).readText()
        val claims = File(fixtures, parts[1]).readText()
        if (s.fn == "patientStatement") {
            val options = File(fixtures, parts[2]).readText()
            fun(): Any = patientStatementJson(parts[0], entries, claims, options)
        } else {
            fun(): Any = explainVisitJson(parts[0], entries, claims, PATIENT_AS_OF, parts[2])
        }
    }
    "paymentPlan" -> {
        if (s.arg2 != "-") throw Malformed("paymentPlan takes '-' as its second argument, found '${s.arg2}'")
        val request = File(fixtures, s.arg1).readText()
        fun(): Any = paymentPlanJson(request)
    }
    "planStanding" -> {
        val parts = s.arg2.split("|")
        if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
            throw Malformed("planStanding takes PATIENT|ENTRIES as its second argument, found '${s.arg2}'")
        val plan = File(fixtures, s.arg1).readText()
        val entries = File(fixtures, parts[1]).readText()
        fun(): Any = planStandingJson(plan, parts[0], entries, PATIENT_AS_OF)
    }
    "allocatePayment" -> {
        val request = File(fixtures, s.arg1).readText()
        val entries = File(fixtures, s.arg2).readText()
        fun(): Any = allocatePaymentJson(request, entries)
    }
    "creditBalances" -> {
        val entries = File(fixtures, s.arg1).readText()
        val options = File(fixtures, s.arg2).readText()
        fun(): Any = creditBalancesJson(entries, options)
    }
    "smallBalanceWriteOffs" -> {
        val entries = File(fixtures, s.arg1).readText()
        val rule = File(fixtures, s.arg2).readText()
        fun(): Any = smallBalanceWriteOffsJson(entries, rule, PATIENT_AS_OF, PATIENT_AS_OF)
    }
    else -> throw IllegalStateException(s.fn)
}

/** The payer's claim number a correctedClaim or voidClaim scenario names ('-': the empty string). */
private fun payerNumber(text: String): String = if (text == "-") "" else text

/** '-' for an absent (missing or null) field, else the field as it is. */
private fun orDash(value: Any?): Any = value ?: "-"

/** (what, got, want) triples compared strictly (a number is never its digits): null when all hold. */
private fun facts(vararg triples: Triple<String, Any?, String>): String? {
    for ((what, got, want) in triples) {
        if (got !is String || got != want) return "expected $what ${quote(want)}, got ${show(got)}"
    }
    return null
}

/** What calling the function under test gave: a value to check, or a verdict (null: the expected error). */
private sealed class Called<out T> {
    class Value<T>(val value: T) : Called<T>()
    class Verdict(val message: String?) : Called<Nothing>()
}

/**
 * The facts after an error code: `at:POINTER` (the message names that path) and
 * `withholds:A,B` (the message contains none of them). Null when they hold.
 */
private fun judgeMessage(message: String, facts: List<String>): String? {
    for (fact in facts) {
        val key = fact.substringBefore(':')
        val value = fact.substringAfter(':')
        when (key) {
            "at" -> if (!message.contains("at $value:")) return "the message does not name $value: $message"
            "withholds" -> value.split(',').firstOrNull { message.contains(it) }?.let { return "the message quotes $it: $message" }
            else -> return "malformed scenario: unknown error fact '$fact'"
        }
    }
    return null
}

private fun <T> callJudged(call: () -> T, errorCode: String?): Called<T> {
    val result = try {
        call()
    } catch (e: Exception) {
        if (errorCode == null) return Called.Verdict("unexpected throw: ${describe(e)}")
        if (e !is MedbillException.Failed) return Called.Verdict("expected a MedbillError, got ${describe(e)}")
        val words = errorCode.split(" ")
        if (e.code != words[0]) return Called.Verdict("expected code ${words[0]}, got ${describe(e)}")
        return Called.Verdict(judgeMessage(e.detail, words.drop(1)))
    }
    if (errorCode != null) return Called.Verdict("expected error $errorCode, got ${show(result)}")
    return Called.Value(result)
}

/** Null on success, or what went wrong. */
fun check(s: Scenario, fixtures: File, pricer: PricerOnce): String? {
    s.problem?.let { return "malformed scenario: $it" }
    if (s.fn !in FUNCTIONS) return "unknown function '${s.fn}' (line ${s.line})"
    if (s.fn in X12_FUNCTIONS) return checkX12(s, fixtures)
    if (s.fn in NEEDS_PRICER) {
        // Built out here: a Pricer that cannot be built is never the error a scenario expects.
        try {
            pricer.get()
        } catch (e: Exception) {
            return "could not build the Pricer: ${describe(e)}"
        }
    }
    val call = try {
        buildCall(s, fixtures, pricer)
    } catch (e: Malformed) {
        return "malformed scenario: ${e.message}"
    } catch (e: PricingFailed) {
        return e.message ?: "pricing the claim before adjudicating it failed"
    }

    val errorCode = Regex("error:(.+)", DOT_ALL).matchEntire(s.expect)?.groupValues?.get(1)
    val result = when (val called = callJudged({ call() }, errorCode)) {
        is Called.Verdict -> return called.message
        is Called.Value -> called.value
    }
    return compare(s, result)
}

/** An X12 scenario: the call under test, then its FACTS. Null when they all hold. */
private fun checkX12(s: Scenario, fixtures: File): String? {
    val errorCode = Regex("error:(.+)", DOT_ALL).matchEntire(s.expect)?.groupValues?.get(1)
    val facts = if (errorCode != null) emptyList() else s.expect.split(" ").map { Regex("([A-Za-z]+):(.*)", DOT_ALL).matchEntire(it) }
    if (facts.any { it == null }) return "malformed scenario: expected KEY:VALUE facts, found '${s.expect}'"
    val pairs = facts.map { it!!.groupValues[1] to it.groupValues[2] }
    val allowed = when (s.fn) {
        "readX12" -> FILE_KEYS
        "summarizeX12" -> SUMMARY_KEYS.keys.toList()
        else -> FILE_KEYS + SUMMARY_KEYS.keys + listOf("has", "same")
    }
    pairs.firstOrNull { it.first !in allowed }?.let { return "malformed scenario: ${s.fn} has no fact '${it.first}'" }
    fun text(rel: String) = File(fixtures, rel).readText()

    val call: () -> String = when (s.fn) {
        "readX12", "summarizeX12" -> {
            if (s.arg2 != "-") return "malformed scenario: ${s.fn} takes '-' as its second argument, found '${s.arg2}'"
            val bytes = File(fixtures, s.arg1).readBytes()
            if (s.fn == "readX12") { { readX12Json(bytes) } } else { { summarizeX12Json(bytes) } }
        }
        "write837" -> {
            val parts = s.arg2.split("|")
            if (parts.size != 2 || parts.any { it.isEmpty() || it == "-" })
                return "malformed scenario: write837 takes SUBMISSION|ENVELOPE as its second argument, found '${s.arg2}'"
            val claims = s.arg1.split(",").joinToString(",", "[", "]") { text(it) }
            val submission = text(parts[0])
            val envelope = text(parts[1]);
            { write837Json(claims, submission, envelope) }
        }
        else -> {
            val items = if (s.fn == "write835" && s.arg1.endsWith(".835")) {
                // Read outside the call under test: a read error is reported as what it is.
                try {
                    val file = Json.parse(readX12Json(File(fixtures, s.arg1).readBytes())) as Map<*, *>
                    Json.write(file["remittances"] ?: emptyList<Any?>())
                } catch (e: Exception) {
                    return "reading ${s.arg1} before writing it failed: ${describe(e)}"
                }
            } else {
                text(s.arg1)
            }
            val envelope = text(s.arg2)
            when (s.fn) {
                "write270" -> { { write270Json(items, envelope) } }
                "write276" -> { { write276Json(items, envelope) } }
                else -> { { write835Json(items, envelope) } }
            }
        }
    }

    val result = when (val called = callJudged({ call() }, errorCode)) {
        is Called.Verdict -> return called.message
        is Called.Value -> called.value
    }

    var file: Map<*, *>? = null
    var summaries: List<*>? = null
    var written: String? = null
    when (s.fn) {
        "readX12" -> file = Json.parse(result) as? Map<*, *> ?: return "expected an X12File object, got ${show(result)}"
        "summarizeX12" -> summaries = Json.parse(result) as? List<*> ?: return "expected a list of set summaries, got ${show(result)}"
        else -> {
            written = result
            try {
                file = Json.parse(readX12Json(result.toByteArray())) as? Map<*, *>
                summaries = Json.parse(summarizeX12Json(result.toByteArray())) as? List<*>
            } catch (e: Exception) {
                return "reading the written X12 back failed: ${describe(e)}"
            }
        }
    }
    for ((key, want) in pairs) {
        val got = when {
            key in FILE_KEYS -> {
                val entries = file?.get(key) ?: emptyList<Any?>()
                if (entries !is List<*>) return "expected $key to be a list, got ${show(entries)}"
                entries.size.toString()
            }
            key in SUMMARY_KEYS -> (summaries ?: return "expected a list of set summaries").joinToString(",") { summary ->
                when (val value = (summary as? Map<*, *>)?.get(SUMMARY_KEYS.getValue(key))) {
                    null -> "-"
                    true -> "yes"
                    false -> "no"
                    // The minimal JSON reader gives every number as a double: counts are whole.
                    is Double -> if (value % 1.0 == 0.0) value.toLong().toString() else value.toString()
                    else -> value.toString()
                }
            }
            key == "has" -> {
                if (written?.contains(want) != true) return "expected the X12 to contain ${quote(want)}, got ${quote(written)}"
                continue
            }
            else -> {
                if (written != File(fixtures, want).readText()) return "expected the X12 to equal $want, got ${quote(written)}"
                continue
            }
        }
        if (got != want) return "expected $key ${quote(want)}, got ${quote(got)}"
    }
    return null
}

private fun compare(s: Scenario, result: Any): String? {
    when (s.fn) {
        "checkCode" -> {
            val r = result as CodeCheck
            Regex("valid:(.+)", DOT_ALL).matchEntire(s.expect)?.let { m ->
                val want = m.groupValues[1]
                if (!r.valid) return "expected valid, got ${show(r)}"
                if (r.normalized != want) return "expected normalized ${quote(want)}, got ${quote(r.normalized)}"
                return null
            }
            Regex("invalid:(.+)", DOT_ALL).matchEntire(s.expect)?.let { m ->
                val want = m.groupValues[1]
                if (r.valid) return "expected invalid, got ${show(r)}"
                if (r.reason?.contains(want) != true) return "expected reason containing ${quote(want)}, got ${quote(r.reason)}"
                return null
            }
        }
        "allocate", "allocateEvenly" -> if (AMOUNT_LIST.matches(s.expect)) {
            val want = s.expect.split(",")
            val got = (result as List<*>)
            if (!got.all { it is String }) return "expected a list of strings, got ${show(result)}"
            if (got != want) return "expected ${want.joinToString(",")}, got ${got.joinToString(",")}"
            return null
        }
        "validateClaim" -> Regex("rules:(.*)", DOT_ALL).matchEntire(s.expect)?.let { m ->
            val want = if (m.groupValues[1].isEmpty()) emptyList() else m.groupValues[1].split(",")
            val got = (result as List<*>).map { f -> (f as Finding).let { "${it.rule}@${it.path}" } }
            if (got != want) return "expected rules [${want.joinToString(", ")}], got [${got.joinToString(", ")}]"
            return null
        }
        "printClaim" -> Regex("""pages:(\d+) has:(\S+)""").matchEntire(s.expect)?.let { m ->
            if (result !is ByteArray) return "expected bytes, got ${show(result)}"
            val text = String(result, Charsets.ISO_8859_1)
            if (!text.startsWith("%PDF-")) return "expected a PDF, got ${quote(text.take(16))}"
            val pages = Regex("""/Type /Page(?!s)""").findAll(text).count()
            if (pages != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} pages, got $pages"
            if (!text.contains("(${m.groupValues[2]}) Tj")) return "expected ${quote(m.groupValues[2])} printed, not found"
            return null
        }
        "prepareClaim" -> Regex("""total:(\S+) lines:(\d+)""").matchEntire(s.expect)?.let { m ->
            val claim = Json.parse(result as String) as? Map<*, *>
            val total = claim?.get("totalCharge")
            val form = claim?.get("form")
            val lines = ((form as? Map<*, *>)?.get("professional") as? Map<*, *>)?.get("lines")
            if (total != m.groupValues[1]) return "expected totalCharge ${quote(m.groupValues[1])}, got ${show(total)}"
            if (lines !is List<*>) return "expected form.professional.lines, got ${show(form)}"
            if (lines.size != m.groupValues[2].toInt()) return "expected ${m.groupValues[2]} lines, got ${lines.size}"
            return null
        }
        "fhirClaim", "fhirRemittanceEob" -> {
            val text = result as? String ?: return "expected FHIR JSON text, got ${show(result)}"
            val resource = Json.parse(text) as Map<*, *>
            fun count(type: String) = ((resource["entry"] as? List<*>).orEmpty())
                .count { ((it as? Map<*, *>)?.get("resource") as? Map<*, *>)?.get("resourceType") == type }.toString()
            for (fact in s.expect.split(" ")) {
                val key = fact.substringBefore(":")
                val want = fact.substringAfter(":")
                val got = when (key) {
                    "resourceType" -> resource["resourceType"]
                    "claims" -> count("Claim")
                    "eobs" -> count("ExplanationOfBenefit")
                    "exact" -> if (Regex("""[:\[,]\s*""" + Regex.escape(want) + """(?![0-9.])""").containsMatchIn(text)) want else "no JSON number $want"
                    "roundTrip" -> if (org.medbill.fhirClaim(org.medbill.claimFromFhir(text), FHIR_CREATED) == text) "same" else "different"
                    else -> return "malformed expectation: unknown fact '$key'"
                }
                if (got != want) return "expected $key $want, got $got"
            }
            return null
        }
        "priceMany" -> Regex("""outcomes:(\S*)""").matchEntire(s.expect)?.let { m ->
            val outcomes = Json.parse(result as String) as? List<*> ?: return "expected an array of outcomes, got ${show(result)}"
            val got = outcomes.map { o ->
                val item = o as? Map<*, *>
                (item?.get("priced") as? Map<*, *>)?.get("totalAllowed") ?: (item?.get("refused") as? Map<*, *>)?.get("code")
            }
            if (got.joinToString(",") != m.groupValues[1]) return "expected outcomes ${m.groupValues[1]}, got ${got.joinToString(",")}"
            return null
        }
        "priceClaim" -> Regex("""allowed:(\S*) total:(\S+)""").matchEntire(s.expect)?.let { m ->
            val want = if (m.groupValues[1].isEmpty()) emptyList() else m.groupValues[1].split(",")
            val priced = Json.parse(result as String) as? Map<*, *>
            val lines = priced?.get("lines") as? List<*> ?: return "expected a priced claim with lines, got ${show(priced)}"
            val got = lines.map { (it as? Map<*, *>)?.get("allowed") }
            if (!got.all { it is String }) return "expected every line's allowed to be a string, got ${show(got)}"
            if (got != want) return "expected allowed ${want.joinToString(",")}, got ${got.joinToString(",")}"
            val total = priced["totalAllowed"]
            if (total != m.groupValues[2]) return "expected totalAllowed ${quote(m.groupValues[2])}, got ${show(total)}"
            return null
        }
        "estimateVisit" -> Regex("""patientCost:(\S+) low:(\S+) high:(\S+)""").matchEntire(s.expect)?.let { m ->
            val estimate = Json.parse(result as String) as? Map<*, *> ?: return "expected an estimate object, got ${show(result)}"
            val fields = listOf("patientCost", "patientCostLow", "patientCostHigh")
            for ((field, want) in fields.zip(m.groupValues.drop(1))) {
                if (estimate[field] != want) return "expected $field ${quote(want)}, got ${show(estimate[field])}"
            }
            return null
        }
        "adjudicateClaim", "adjudicateUnchecked" -> Regex("""planPaid:(\S+) patient:(\S+)""").matchEntire(s.expect)?.let { m ->
            val adjudication = Json.parse(result as String) as? Map<*, *>
                ?: return "expected an adjudication object, got ${show(result)}"
            val paid = adjudication["planPaid"]
            if (paid != m.groupValues[1]) return "expected planPaid ${quote(m.groupValues[1])}, got ${show(paid)}"
            val patient = adjudication["patientResponsibility"]
            if (patient != m.groupValues[2]) return "expected patientResponsibility ${quote(m.groupValues[2])}, got ${show(patient)}"
            return null
        }
        "coordinateClaim" -> Regex("""secondaryPaid:(\S+) patientBalance:(\S+)""").matchEntire(s.expect)?.let { m ->
            val coordination = Json.parse(result as String) as? Map<*, *>
                ?: return "expected a coordination object, got ${show(result)}"
            val paid = coordination["secondaryPaid"]
            if (paid != m.groupValues[1]) return "expected secondaryPaid ${quote(m.groupValues[1])}, got ${show(paid)}"
            val balance = coordination["patientBalance"]
            if (balance != m.groupValues[2]) return "expected patientBalance ${quote(m.groupValues[2])}, got ${show(balance)}"
            return null
        }
        "chargeClaims" -> Regex("""amounts:(\S*)""").matchEntire(s.expect)?.let { m ->
            val entries = Json.parse(result as String) as? List<*>
                ?: return "expected a list of entries, got ${show(result)}"
            val got = entries.joinToString(",") { (it as? Map<*, *>)?.get("amount").toString() }
            if (got != m.groupValues[1]) return "expected amounts ${m.groupValues[1]}, got $got"
            return null
        }
        "postRemittance" -> Regex("""entries:(\d+) outcomes:(\S+) balances:(\S*) suspense:(\S+)""").matchEntire(s.expect)?.let { m ->
            val response = Json.parse(result as String) as? Map<*, *>
                ?: return "expected a post response, got ${show(result)}"
            val posting = response["posting"] as? Map<*, *>
            val entries = posting?.get("entries") as? List<*>
                ?: return "expected a posting with entries, got ${show(response)}"
            if (entries.size != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} entries, got ${entries.size}"
            val outcomes = ((posting["claims"] as? List<*>) ?: emptyList<Any?>()).joinToString(",") { c ->
                when (val o = (c as? Map<*, *>)?.get("outcome")) {
                    is String -> o
                    is Map<*, *> -> o.keys.firstOrNull().toString()
                    else -> o.toString()
                }
            }
            if (outcomes != m.groupValues[2]) return "expected outcomes ${m.groupValues[2]}, got $outcomes"
            val balances = response["balances"] as? Map<*, *> ?: return "expected balances, got ${show(response)}"
            val claims = ((balances["claims"] as? List<*>) ?: emptyList<Any?>()).mapNotNull { it as? Map<*, *> }
            val pairs = if (m.groupValues[3].isEmpty()) emptyList() else m.groupValues[3].split(",")
            for (pair in pairs) {
                val claim = pair.substringBefore('=')
                val want = pair.substringAfter('=')
                val got = claims.firstOrNull { it["claim"] == claim }?.let { (it["balance"] as? Map<*, *>)?.get("balance") }
                if (got != want) return "expected claim $claim's balance ${quote(want)}, got ${show(got)}"
            }
            if (pairs.isEmpty() && claims.isNotEmpty()) return "expected no claim balances, got ${show(claims)}"
            if (balances["suspense"] != m.groupValues[4])
                return "expected suspense ${quote(m.groupValues[4])}, got ${show(balances["suspense"])}"
            return null
        }
        "secondaryClaim" -> Regex("""paid:(\S+) linePaid:(\S+) sbr:(\S+)""").matchEntire(s.expect)?.let { m ->
            val claim = Json.parse(result as String) as? Map<*, *>
                ?: return "expected a claim object, got ${show(result)}"
            val other = (claim["otherPayers"] as? List<*>)?.lastOrNull() as? Map<*, *>
                ?: return "expected a claim with other payers, got ${show(claim)}"
            val paid = other["paid"]
            if (paid != m.groupValues[1]) return "expected the prior payer's paid ${quote(m.groupValues[1])}, got ${show(paid)}"
            val lines = other["lines"] as? List<*> ?: return "expected lines, got ${show(other)}"
            val got = lines.joinToString(",") { (it as? Map<*, *>)?.get("paid").toString() }
            if (got != m.groupValues[2]) return "expected line payments ${m.groupValues[2]}, got $got"
            val sbr = (claim["subscriber"] as? Map<*, *>)?.get("payerResponsibility")
            if (sbr != m.groupValues[3]) return "expected payerResponsibility ${quote(m.groupValues[3])}, got ${show(sbr)}"
            return null
        }
        "kpis" -> Regex("""charges:(\S+) collections:(\S+) denialRate:(\S+) netCollectionRate:(\S+) daysInAr:(\S+)""")
            .matchEntire(s.expect)?.let { m ->
                val kpis = Json.parse(result as String) as? Map<*, *> ?: return "expected Kpis, got ${show(result)}"
                return facts(
                    Triple("charges", kpis["charges"], m.groupValues[1]),
                    Triple("collections", kpis["collections"], m.groupValues[2]),
                    Triple("denialRateByCount.percent", orDash((kpis["denialRateByCount"] as? Map<*, *>)?.get("percent")), m.groupValues[3]),
                    Triple("netCollectionRate.percent", orDash((kpis["netCollectionRate"] as? Map<*, *>)?.get("percent")), m.groupValues[4]),
                    Triple("daysInAr", orDash(kpis["daysInAr"]), m.groupValues[5]),
                )
            }
        "denialQueue" -> Regex("""items:(\d+) first:(\S+) deadline:(\S+)""").matchEntire(s.expect)?.let { m ->
            val queue = Json.parse(result as String) as? Map<*, *>
            val items = queue?.get("items") as? List<*> ?: return "expected a denial queue with items, got ${show(queue)}"
            if (items.size != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} items, got ${items.size}"
            val first = items.firstOrNull() as? Map<*, *>
            val reasons = first?.get("reasons")
            if (first != null && reasons !is List<*>) return "expected the first item's reasons, got ${show(first)}"
            val code = ((reasons as? List<*>)?.firstOrNull() as? Map<*, *>)?.get("code")
            return facts(
                Triple("first", if (first == null) "-" else "${first["claim"]}/$code", m.groupValues[2]),
                Triple("appealDeadline", orDash(first?.get("appealDeadline")), m.groupValues[3]),
            )
        }
        "correctedClaim", "voidClaim" -> Regex("""frequency:(\S+) original:(\S+) findings:(\S*)""").matchEntire(s.expect)?.let { m ->
            val resubmission = Json.parse(result as String) as? Map<*, *>
            val claim = resubmission?.get("claim") as? Map<*, *>
                ?: return "expected a resubmission with a claim, got ${show(resubmission)}"
            val findings = resubmission["findings"] as? List<*> ?: return "expected the resubmission's findings, got ${show(resubmission)}"
            return facts(
                Triple("claim.frequency", claim["frequency"], m.groupValues[1]),
                Triple("claim.originalClaimNumber", claim["originalClaimNumber"], m.groupValues[2]),
                Triple("findings", findings.joinToString(",") { (it as? Map<*, *>)?.get("rule").toString() }, m.groupValues[3]),
            )
        }
        "appealLetter" -> Regex("has:(.+)", DOT_ALL).matchEntire(s.expect)?.let { m ->
            val documents = Json.parse(result as String) as? Map<*, *>
            for (key in listOf("text", "html")) {
                val got = documents?.get(key) as? String ?: return "expected the letter's $key, got ${show(documents)}"
                if (!got.contains(m.groupValues[1])) return "expected the letter's $key to contain ${quote(m.groupValues[1])}, got ${quote(got)}"
            }
            return null
        }
        "followUpQueue" -> Regex("""items:(\d+) first:(\S+) due:(\S+) total:(\S+)""").matchEntire(s.expect)?.let { m ->
            val queue = Json.parse(result as String) as? Map<*, *>
            val items = queue?.get("items") as? List<*> ?: return "expected a follow-up queue with items, got ${show(queue)}"
            if (items.size != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} items, got ${items.size}"
            val first = items.firstOrNull() as? Map<*, *>
            return facts(
                Triple("first", orDash(first?.get("claim")), m.groupValues[2]),
                Triple("due", orDash(first?.get("due")), m.groupValues[3]),
                Triple("total", queue["total"], m.groupValues[4]),
            )
        }
        "statusRequest" -> Regex("""trace:(\S+) payer:(\S+) receiver:(\S+) charge:(\S+)""").matchEntire(s.expect)?.let { m ->
            val request = Json.parse(result as String) as? Map<*, *> ?: return "expected a ClaimStatusRequest, got ${show(result)}"
            return facts(
                Triple("traceNumber", request["traceNumber"], m.groupValues[1]),
                Triple("payer.id", (request["payer"] as? Map<*, *>)?.get("id"), m.groupValues[2]),
                Triple("informationReceiver.id", (request["informationReceiver"] as? Map<*, *>)?.get("id"), m.groupValues[3]),
                Triple("charge", request["charge"], m.groupValues[4]),
            )
        }
        "postStatuses" -> Regex("""entries:(\d+) events:(\S*)""").matchEntire(s.expect)?.let { m ->
            val posting = Json.parse(result as String) as? Map<*, *>
            val entries = posting?.get("entries") as? List<*>
            val updates = posting?.get("updates") as? List<*>
            if (entries == null || updates == null) return "expected a status posting with entries and updates, got ${show(posting)}"
            if (entries.size != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} entries, got ${entries.size}"
            val events = updates.joinToString(",") { u ->
                when (val e = (u as? Map<*, *>)?.get("event")) {
                    is String -> e
                    is Map<*, *> -> e.keys.firstOrNull().toString()
                    else -> e.toString()
                }
            }
            return facts(Triple("events", events, m.groupValues[2]))
        }
        "scrubClaim", "scrubClaimPacked" -> Regex("""rules:(\S+)""").matchEntire(s.expect)?.let { m ->
            val findings = result as? List<*> ?: return "expected a list of findings, got ${show(result)}"
            val rules = findings.joinToString(",") { (it as Finding).rule }.ifEmpty { "-" }
            return facts(Triple("rules", rules, m.groupValues[1]))
        }
        "eligibilityBenefits" -> Regex("""coverage:(\S+) met:(\S+) first:(\S+)""").matchEntire(s.expect)?.let { m ->
            val benefits = Json.parse(result as String) as? Map<*, *> ?: return "expected eligibility benefits, got ${show(result)}"
            val met = ((benefits["accumulators"] as? Map<*, *>)?.get("inNetwork") as? Map<*, *>)?.get("individualDeductible")
            val first = (benefits["findings"] as? List<*>)?.map { it as? Map<*, *> }?.firstOrNull { it?.get("severity") == "error" }?.get("rule")
            return facts(
                Triple("coverage", orDash(benefits["coverage"]), m.groupValues[1]),
                Triple("met", orDash(met), m.groupValues[2]),
                Triple("first", orDash(first), m.groupValues[3]),
            )
        }
        "fixList" -> Regex("""fixes:(\d+) claim:(\S+) path:(\S+)""").matchEntire(s.expect)?.let { m ->
            val fixes = Json.parse(result as String) as? List<*> ?: return "expected a list of fixes, got ${show(result)}"
            if (fixes.size != m.groupValues[1].toInt()) return "expected ${m.groupValues[1]} fixes, got ${fixes.size}"
            val first = fixes.firstOrNull() as? Map<*, *>
            return facts(
                Triple("claim", orDash(first?.get("claim")), m.groupValues[2]),
                Triple("path", orDash(first?.get("path")), m.groupValues[3]),
            )
        }
        "patientStatement" -> Regex("""due:(\S+) visits:(\d+) has:(.+)""", DOT_ALL).matchEntire(s.expect)?.let { m ->
            val documents = Json.parse(result as String) as? Map<*, *>
            val statement = documents?.get("statement") as? Map<*, *>
            val visits = statement?.get("visits") as? List<*> ?: return "expected statement documents, got ${show(documents)}"
            for (key in listOf("text", "html")) {
                val got = documents[key] as? String ?: return "expected the statement's $key, got ${show(documents)}"
                if (!got.contains(m.groupValues[3])) return "expected the statement's $key to contain ${quote(m.groupValues[3])}, got ${quote(got)}"
            }
            return facts(
                Triple("totals.amountDue", (statement["totals"] as? Map<*, *>)?.get("amountDue"), m.groupValues[1]),
                Triple("visits", visits.size.toString(), m.groupValues[2]),
            )
        }
        "paymentPlan" -> Regex("""installments:(\d+) first:(\S+) last:(\S+)""").matchEntire(s.expect)?.let { m ->
            val plan = Json.parse(result as String) as? Map<*, *>
            val installments = plan?.get("installments") as? List<*> ?: return "expected a payment plan with installments, got ${show(plan)}"
            fun at(i: Int): String = (installments.getOrNull(i) as? Map<*, *>)?.let { "${it["due"]}/${it["amount"]}" } ?: "-"
            return facts(
                Triple("installments", installments.size.toString(), m.groupValues[1]),
                Triple("first", at(0), m.groupValues[2]),
                Triple("last", at(installments.size - 1), m.groupValues[3]),
            )
        }
        "planStanding" -> Regex("""paid:(\S+) remaining:(\S+) missed:(\d+) defaulted:(true|false)""").matchEntire(s.expect)?.let { m ->
            val standing = Json.parse(result as String) as? Map<*, *> ?: return "expected a PlanStanding, got ${show(result)}"
            // Json reads numbers as doubles: a count is a whole one.
            val missed = (standing["missed"] as? Double)?.takeIf { it % 1.0 == 0.0 }?.toLong()?.toString()
            val defaulted = (standing["defaulted"] as? Boolean)?.toString()
            return facts(
                Triple("paid", standing["paid"], m.groupValues[1]),
                Triple("remaining", standing["remaining"], m.groupValues[2]),
                Triple("missed", missed ?: standing["missed"], m.groupValues[3]),
                Triple("defaulted", defaulted ?: standing["defaulted"], m.groupValues[4]),
            )
        }
        "allocatePayment" -> Regex("""requests:(\d+) applied:(\S+) unapplied:(\S+)""").matchEntire(s.expect)?.let { m ->
            val allocation = Json.parse(result as String) as? Map<*, *>
            val requests = allocation?.get("requests") as? List<*> ?: return "expected an Allocation with requests, got ${show(allocation)}"
            return facts(
                Triple("requests", requests.size.toString(), m.groupValues[1]),
                Triple("applied", allocation["applied"], m.groupValues[2]),
                Triple("unapplied", allocation["unapplied"], m.groupValues[3]),
            )
        }
        "creditBalances" -> Regex("""accounts:(\d+) first:(\S+) net:(\S+)""").matchEntire(s.expect)?.let { m ->
            val credits = Json.parse(result as String) as? List<*> ?: return "expected a list of credit balances, got ${show(result)}"
            val first = credits.firstOrNull() as? Map<*, *>
            return facts(
                Triple("accounts", credits.size.toString(), m.groupValues[1]),
                Triple("first", orDash(first?.get("patient")), m.groupValues[2]),
                Triple("netCredit", orDash(first?.get("netCredit")), m.groupValues[3]),
            )
        }
        "smallBalanceWriteOffs" -> Regex("""writeOffs:(\d+) total:(\S+)""").matchEntire(s.expect)?.let { m ->
            val requests = Json.parse(result as String) as? List<*> ?: return "expected a list of write-off requests, got ${show(result)}"
            var total = java.math.BigDecimal("0.00")
            for (r in requests) {
                val amount = (r as? Map<*, *>)?.get("amount") as? String
                if (amount == null || !Regex("""\d+\.\d\d""").matches(amount)) return "expected an amount in cents, got ${show(r)}"
                total = total.add(java.math.BigDecimal(amount))
            }
            return facts(
                Triple("writeOffs", requests.size.toString(), m.groupValues[1]),
                Triple("total", total.toPlainString(), m.groupValues[2]),
            )
        }
        "explainVisit" -> Regex("has:(.+)", DOT_ALL).matchEntire(s.expect)?.let { m ->
            val explanation = Json.parse(result as String) as? Map<*, *>
            val body = (explanation?.get("patient") ?: explanation?.get("payer")) as? Map<*, *>
            val sentences = body?.get("sentences") as? List<*> ?: return "expected a VisitExplanation with sentences, got ${show(explanation)}"
            if (sentences.none { it is String && it.contains(m.groupValues[1]) })
                return "expected a sentence containing ${quote(m.groupValues[1])}, got ${show(sentences)}"
            return null
        }
    }
    return "malformed scenario: unrecognized expectation '${s.expect}' for ${s.fn}"
}

/** Exception class, code and message on one line (a Rust backtrace, if any, cut off). */
private fun describe(e: Throwable): String {
    val code = (e as? MedbillException.Failed)?.code?.let { " [$it]" } ?: ""
    val text = (e.message ?: "").substringBefore("Stack backtrace:").split(Regex("""\s+""")).joinToString(" ").trim()
    return "${e.javaClass.simpleName}$code: ${text.take(300)}"
}

private fun quote(s: String?): String = if (s == null) "null" else "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""

private fun show(v: Any?): String = when (v) {
    null -> "null"
    is String -> quote(v)
    is List<*> -> v.joinToString(",", "[", "]") { show(it) }
    is Map<*, *> -> v.entries.joinToString(",", "{", "}") { "${quote(it.key.toString())}:${show(it.value)}" }
    is CodeCheck -> "{kind:${v.kind},value:${quote(v.value)},valid:${v.valid},normalized:${quote(v.normalized)},reason:${quote(v.reason)}}"
    else -> v.toString()
}

/**
 * A minimal JSON reader (objects, arrays, strings, numbers, true/false/null) so the runner can
 * look inside the claim that prepareClaimJson returns, the priced claim that Pricer.priceJson
 * returns, the estimate of Pricer.estimateJson and the adjudication of adjudicateJson: Kotlin has
 * no JSON in its standard library.
 * Objects become maps, arrays lists, numbers doubles.
 */
class Json private constructor(private val text: String) {
    private var i = 0

    companion object {
        /** JSON text of what [parse] gives (maps, lists, strings, doubles, booleans, null). */
        fun write(value: Any?): String = when (value) {
            null -> "null"
            is String -> buildString {
                append('"')
                for (c in value) when {
                    c == '"' -> append("\\\"")
                    c == '\\' -> append("\\\\")
                    c < ' ' -> append("\\u%04x".format(c.code))
                    else -> append(c)
                }
                append('"')
            }
            is Double -> if (value % 1.0 == 0.0 && Math.abs(value) < 1e15) value.toLong().toString() else value.toString()
            is Boolean -> value.toString()
            is List<*> -> value.joinToString(",", "[", "]") { write(it) }
            is Map<*, *> -> value.entries.joinToString(",", "{", "}") { write(it.key.toString()) + ":" + write(it.value) }
            else -> throw IllegalArgumentException("JSON: cannot write ${value.javaClass.simpleName}")
        }

        fun parse(text: String): Any? = Json(text).run {
            val v = value()
            skipSpace()
            if (i != text.length) fail("trailing text")
            v
        }
        private val NUMBER = Regex("""-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?""")
    }

    private fun fail(what: String): Nothing = throw IllegalArgumentException("JSON: $what at offset $i")
    private fun skipSpace() { while (i < text.length && text[i] in " \t\r\n") i++ }
    private fun take(c: Char): Boolean { skipSpace(); return (i < text.length && text[i] == c).also { if (it) i++ } }
    private fun expect(c: Char) { if (!take(c)) fail("expected '$c'") }

    private fun value(): Any? {
        skipSpace()
        if (i >= text.length) fail("unexpected end")
        return when (text[i]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> word("true", true)
            'f' -> word("false", false)
            'n' -> word("null", null)
            else -> NUMBER.matchAt(text, i)?.let { i = it.range.last + 1; it.value.toDouble() } ?: fail("unexpected character")
        }
    }

    private fun word(w: String, v: Any?): Any? { if (!text.startsWith(w, i)) fail("bad literal"); i += w.length; return v }

    private fun obj(): Map<String, Any?> {
        expect('{')
        val map = LinkedHashMap<String, Any?>()
        if (take('}')) return map
        do {
            skipSpace()
            if (i >= text.length || text[i] != '"') fail("expected a key")
            val key = str()
            expect(':')
            map[key] = value()
        } while (take(','))
        expect('}')
        return map
    }

    private fun arr(): List<Any?> {
        expect('[')
        val list = mutableListOf<Any?>()
        if (take(']')) return list
        do list += value() while (take(','))
        expect(']')
        return list
    }

    private fun str(): String {
        val sb = StringBuilder()
        i++ // the opening quote
        while (true) {
            if (i >= text.length) fail("unterminated string")
            when (val c = text[i++]) {
                '"' -> return sb.toString()
                '\\' -> {
                    if (i >= text.length) fail("unterminated escape")
                    when (val e = text[i++]) {
                        'n' -> sb.append('\n')
                        't' -> sb.append('\t')
                        'r' -> sb.append('\r')
                        'b' -> sb.append('\b')
                        'f' -> sb.append('\u000C')
                        'u' -> {
                            if (i + 4 > text.length) fail("short \\u escape")
                            sb.append(text.substring(i, i + 4).toInt(16).toChar())
                            i += 4
                        }
                        '"', '\\', '/' -> sb.append(e)
                        else -> fail("bad escape")
                    }
                }
                else -> sb.append(c)
            }
        }
    }
}

private inline fun thrown(block: () -> Unit): Throwable {
    try {
        block()
    } catch (e: Throwable) {
        return e
    }
    throw AssertionError("expected the call to throw")
}

private fun ensure(condition: Boolean, detail: () -> String) {
    if (!condition) throw AssertionError(detail())
}

/** Checks of our own, beyond the shared scenarios; each throws on failure. */
private fun ownChecks(fixtures: File, pricer: PricerOnce): List<Pair<String, () -> Unit>> {
    val cleanClaim = { File(fixtures, "claims/professional-clean.json").readText() }
    return listOf(
        "error carries code and no patient data" to {
            val text = cleanClaim()
            // The subscriber's birth date is the first "birthDate" value after "subscriber".
            val birthDate = Regex(""""subscriber"\s*:\s*\{.*?"birthDate"\s*:\s*("[^"]*")""", DOT_ALL).find(text)
            val edited = birthDate?.groups?.get(1)?.let { text.replaceRange(it.range, "\"Jane Doe\"") } ?: text
            ensure(edited != text && edited.contains("\"Jane Doe\"")) { "could not edit the fixture's subscriber birthDate" }
            val e = thrown { validateClaimJson(edited) }
            ensure(e is MedbillException.Failed) { "expected MedbillException.Failed, got ${describe(e)}" }
            e as MedbillException.Failed
            ensure(e.code == "INPUT_INVALID") { describe(e) }
            val message = e.detail
            ensure(message.contains("/subscriber/birthDate")) { message }
            ensure(!message.contains("Jane") && !e.toString().contains("Jane")) { message }
        },
        "a number where an amount string is expected is INPUT_INVALID" to {
            val text = cleanClaim()
            val edited = Regex(""""totalCharge"\s*:\s*"245\.00"""").replaceFirst(text, "\"totalCharge\": 245")
            ensure(edited != text) { "could not edit the fixture's totalCharge" }
            val e = thrown { validateClaimJson(edited) }
            ensure(e is MedbillException.Failed && e.code == "INPUT_INVALID" && e.detail.contains("/totalCharge")) { describe(e) }
        },
        "money strings keep trailing zeros" to {
            val got = allocate("10", listOf("1"))
            ensure(got == listOf("10.00")) { show(got) }
            val evenly = allocateEvenly("0.10", 2u)
            ensure(evenly == listOf("0.05", "0.05")) { show(evenly) }
        },
        "errors are MedbillException.Failed with a code" to {
            val e = thrown { allocate("1.00", listOf("0", "0")) }
            ensure(e is MedbillException && e is Exception) { describe(e) }
            ensure((e as MedbillException.Failed).code == "ALLOCATION_INVALID") { describe(e) }
        },
        "CodeCheck and Finding carry enums" to {
            val r = checkCode(CodeKind.ICD10CM, "e119")
            ensure(r.kind == CodeKind.ICD10CM && r.value == "e119" && r.reason == null) { show(r) }
            val findings = validateClaimJson(File(fixtures, "claims/professional-broken.json").readText())
            ensure(findings.isNotEmpty() && findings.all { it.severity in Severity.values() }) { findings.toString() }
        },
        "a Pricer with the RVU file but no GPCI file is CODESET_INCOMPLETE" to {
            val rvu = File(fixtures, PRICER_FILES[0]).readBytes()
            val e = thrown { Pricer(rvu, null, null, null, PRICER_VERSION).close() }
            ensure(e is MedbillException.Failed && e.code == "CODESET_INCOMPLETE") { describe(e) }
        },
        "the sample Pricer loads 53 RVU rows, a Pricer without data none" to {
            val rows: ULong = pricer.get().rvuRows()
            ensure(rows == 53uL) { "rvuRows() = $rows" }
            Pricer(null, null, null, null, "").use { empty -> ensure(empty.rvuRows() == 0uL) { "${empty.rvuRows()}" } }
        },
        "a bad as-of date is INPUT_INVALID" to {
            val claim = cleanClaim()
            val contract = File(fixtures, "contracts/medicare-part-b.json").readText()
            val e = thrown { pricer.get().priceJson(claim, contract, "2026-13-45") }
            ensure(e is MedbillException.Failed && e.code == "INPUT_INVALID") { describe(e) }
        },
        "adjudicateJson with malformed plan JSON is INPUT_INVALID" to {
            val contract = File(fixtures, "contracts/medicare-part-b.json").readText()
            val priced = pricer.get().priceJson(cleanClaim(), contract, PRICE_AS_OF)
            val e = thrown { adjudicateJson(priced, "{\"name\": \"no tiers\"", "{}", Network.IN_NETWORK) }
            ensure(e is MedbillException.Failed && e.code == "INPUT_INVALID") { describe(e) }
        },
        "coordinateJson (standard) returns JSON with secondaryPaid" to {
            fun adjudicated(contract: String, plan: String, accumulators: String): String {
                // The clean claim billed to the contract's payer (Prairie's, or Medicare's).
                val claim = if ("prairie" in contract) File(fixtures, "claims/professional-ppo.json").readText()
                    else cleanClaim()
                val priced = pricer.get().priceJson(claim, File(fixtures, contract).readText(), PRICE_AS_OF)
                return adjudicateJson(priced, File(fixtures, plan).readText(), accumulators, Network.IN_NETWORK)
            }
            val primary = adjudicated("contracts/prairie-ppo.json", "plans/commercial-ppo.json",
                File(fixtures, "plans/accumulators-sample.json").readText())
            val secondary = adjudicated("contracts/medicare-part-b.json", "plans/medicare-part-b-2026.json", "{}")
            val result = coordinateJson(primary, secondary, "{\"method\": \"standard\"}")
            val coordination = Json.parse(result) as? Map<*, *>
            ensure(coordination?.get("secondaryPaid") is String) { result }
        },
        // The typed API: the same operations with data classes and sealed classes instead of
        // JSON text; each result must agree with the JSON entry point's where compared.
        "typed: prepare, validate, price, adjudicate and coordinate agree with the JSON API" to {
            val encounter = File(fixtures, "encounters/enc-office-visit.json").readText()
            val practice = File(fixtures, "practice.json").readText()
            val claim: org.medbill.Claim = org.medbill.prepareClaim(encounter, practice)
            ensure(claim.totalCharge == "245.00") { show(claim.totalCharge) }
            val form = claim.form
            ensure(form is org.medbill.ClaimForm.Professional) { show(form) }
            ensure(org.medbill.validateClaim(claim).isEmpty()) { "findings on a prepared claim" }
            val contract = File(fixtures, "contracts/medicare-part-b.json").readText()
            val priced: org.medbill.PricedClaim = pricer.get().price(claim, contract, PRICE_AS_OF)
            val asJson = Json.parse(pricer.get().priceJson(prepareClaimJson(encounter, practice), contract, PRICE_AS_OF)) as Map<*, *>
            ensure(priced.totalAllowed == asJson["totalAllowed"]) { "${priced.totalAllowed} vs ${asJson["totalAllowed"]}" }
            ensure(priced.lines.map { it.allowed } == (asJson["lines"] as List<*>).map { (it as Map<*, *>)["allowed"] }) { show(priced.lines) }
            val plan = File(fixtures, "plans/medicare-part-b-2026.json").readText()
            val adjudication: org.medbill.Adjudication = org.medbill.adjudicate(priced, plan, "{}", Network.IN_NETWORK)
            val adjJson = Json.parse(adjudicateJson(Json.write(asJson), plan, "{}", Network.IN_NETWORK)) as Map<*, *>
            ensure(adjudication.planPaid == adjJson["planPaid"] && adjudication.patientResponsibility == adjJson["patientResponsibility"]) { show(adjudication) }
            val coordination: org.medbill.Coordination = org.medbill.coordinate(adjudication, adjudication, "{\"method\": \"standard\"}")
            ensure(coordination.secondaryPaid.isNotEmpty()) { show(coordination) }
        },
        "typed: an edited record is checked as JSON input is (findings; a bad NPI by its path)" to {
            val claim = org.medbill.prepareClaim(File(fixtures, "encounters/enc-office-visit.json").readText(),
                File(fixtures, "practice.json").readText())
            val wrongTotal = claim.copy(totalCharge = "1.00") // no longer the sum of the lines
            ensure(org.medbill.validateClaim(wrongTotal).isNotEmpty()) { "no finding for a wrong total" }
            val badNpi = claim.copy(billingProvider = claim.billingProvider.copy(npi = "1234567890"))
            val e = thrown { org.medbill.validateClaim(badNpi) }
            ensure(e is MedbillException.Failed && e.code == "INPUT_INVALID" && e.detail.contains("/billingProvider/npi") &&
                !e.detail.contains("1234567890")) { describe(e) }
        },
        "typed: X12 summaries, remittances, charge entries and balances agree with the JSON API" to {
            val x12 = File(fixtures, "x12/remittance.835").readBytes()
            val summaries = org.medbill.summarizeX12(x12)
            val asJson = Json.parse(summarizeX12Json(x12)) as List<*>
            ensure(summaries.map { it.paid } == asJson.map { (it as Map<*, *>)["paid"] }) { show(summaries) }
            val remittances = org.medbill.readRemittances(x12)
            val file = Json.parse(readX12Json(x12)) as Map<*, *>
            val paidJson = (file["remittances"] as List<*>).flatMap { r -> ((r as Map<*, *>)["claims"] as List<*>).map { (it as Map<*, *>)["paid"] } }
            ensure(remittances.flatMap { r -> r.claims.map { it.paid } } == paidJson) { show(remittances) }
            val claims = File(fixtures, "books/claims.json").readText()
            val entries = org.medbill.chargeClaims(claims, emptyList(), BOOKS_BILLED, BOOKS_POSTED)
            val entriesJson = Json.parse(chargeClaimsJson(claims, "[]", BOOKS_BILLED, BOOKS_POSTED)) as List<*>
            ensure(entries.map { it.amount } == entriesJson.map { (it as Map<*, *>)["amount"] }) { show(entries) }
            val total = entriesJson.map { java.math.BigDecimal((it as Map<*, *>)["amount"] as String) }.fold(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
            ensure(java.math.BigDecimal(org.medbill.balances(entries).receivables.balance).compareTo(total) == 0) { "balances" }
        },
        "version is a version string" to {
            ensure(Regex("""^\d+\.\d+\.\d+.*""").matches(version())) { version() }
        },
    )
}

fun main(args: Array<String>) {
    var passed = 0
    var failed = 0
    fun report(name: String, detail: String?) {
        if (detail == null) {
            passed++
            println("ok - $name")
        } else {
            failed++
            println("not ok - $name: $detail")
        }
    }

    if (args.size != 2) {
        report("arguments", "usage: ScenariosKt SCENARIOS_TSV FIXTURES_DIR")
    } else {
        val fixtures = File(args[1])
        val scenarios = try {
            parseScenarios(File(args[0]).readText())
        } catch (e: Exception) {
            report("read scenarios", describe(e))
            emptyList()
        }
        if (scenarios.isEmpty()) report("scenarios.tsv has scenarios", "no scenarios in ${args[0]}")
        PricerOnce(fixtures).use { pricer -> // one Pricer for the whole run
            for (s in scenarios) {
                val detail = try {
                    check(s, fixtures, pricer)
                } catch (e: Throwable) {
                    "runner error: ${describe(e)}"
                }
                report(s.name, detail)
            }
            for ((name, body) in ownChecks(fixtures, pricer)) {
                val detail = try {
                    body()
                    null
                } catch (e: Throwable) {
                    describe(e)
                }
                report(name, detail)
            }
        }
    }

    println("kotlin: $passed passed, $failed failed")
    exitProcess(if (failed > 0 || passed == 0) 1 else 0)
}
