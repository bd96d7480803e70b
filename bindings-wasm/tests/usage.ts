// Type-checks a typical use of every export of the WASM bindings against the generated
// declarations (never run):
//   $MEDBILL_NODE_MODULES/.bin/tsc -p bindings-wasm/tests/tsconfig.json --noEmit
// The declarations give Pricer a [Symbol.dispose]() (wasm-bindgen's `using` support), so a
// project that type-checks them (skipLibCheck false) with an ES2022 lib needs the disposable lib
// ("ESNext.Disposable" in tsconfig.json's lib, as here).
import {
  adjudicate,
  allocate,
  allocateEvenly,
  checkCode,
  coordinate,
  coordinateRemittance,
  prepareClaim,
  Pricer,
  validateClaim,
  version,
  type Accumulators,
  type AdjudicateOptions,
  type AdjudicatedLine,
  type Adjudication,
  type Adjustment,
  type AppealDocuments,
  type AppealRequest,
  type BenefitPlan,
  type ChargedClaim,
  type Claim,
  type CobMethod,
  type CodeCheck,
  type ClaimStatusRequest,
  type ClaimTransaction,
  type CodeKind,
  type Contract,
  type Coordination,
  type DenialItem,
  type DenialQueue,
  type Fix,
  type FollowUpQueue,
  type KpiRequest,
  type Kpis,
  type Organization,
  type PayerRules,
  type Resubmission,
  type StatusPosting,
  type StatusUpdate,
  type Allocation,
  type CreditBalance,
  type PaymentPlan,
  type PlanStanding,
  type StatementDocuments,
  type StatementOptions,
  type VisitExplanation,
  type WriteOffRequest,
  type OtherCoverage,
  type PriorAdjudication,
  type EligibilityRequest,
  type Entry,
  type Encounter,
  type Envelope,
  type Estimate,
  type EstimateRequest,
  type Finding,
  type GoodFaithEstimate,
  type LineStatus,
  type Money,
  type Network,
  type PostResponse,
  type Practice,
  type PricedClaim,
  type PriceOutcome,
  type PricedLine,
  type ReadEligibilityRequest,
  type RemittedClaim,
  type RemitClaim,
  type Remittance,
  type SetSummary,
  type Severity,
  type Submission,
  type TraceStep,
  type X12File,
} from "../../target/wasm/web/medbill_wasm";
import {
  secondaryClaim,
  readX12,
  summarizeX12,
  write270,
  write276,
  write835,
  write837,
} from "../../target/wasm/web/medbill_wasm_x12";
import {
  allocatePayment,
  creditBalances,
  explainVisit,
  patientStatement,
  paymentPlan,
  planStanding,
  smallBalanceWriteOffs,
  appealLetter,
  chargeClaims,
  correctedClaim,
  denialQueue,
  fixList,
  followUpQueue,
  kpis,
  postRemittance,
  postStatuses,
  statusRequest,
  voidClaim,
} from "../../target/wasm/web/medbill_wasm_books";
import {
  claimFromFhir,
  fhirClaim,
  fhirRemittanceEob,
} from "../../target/wasm/web/medbill_wasm_fhir";
// A type-only import: it loads nothing (see printOnDemand).
import type { PrintOptions } from "../../target/wasm/web/medbill_wasm_print";

const claim: Claim = {
  patientControlNumber: "ENC-1001",
  frequency: "1",
  totalCharge: "245.00",
  billingProvider: {
    npi: "1234567893",
    name: { entity: "organization", name: "Riverbend Family Medicine" },
    taxId: { kind: "ein", value: "741234567" },
    address: { lines: ["100 Main St"], city: "Springfield", state: "IL", postalCode: "62701" },
  },
  subscriber: {
    memberId: "XJH123456789",
    name: { first: "Jane", last: "Doe" },
    birthDate: "1958-04-12",
    sex: "female",
  },
  payer: { name: "Medicare Part B", payerId: "00952", claimFilingIndicator: "MB" },
  diagnoses: ["E11.9", "I10"],
  form: {
    professional: {
      placeOfService: "11",
      lines: [
        {
          procedure: "99214",
          modifiers: ["25"],
          charge: "180.00",
          quantity: { units: "1" },
          serviceDate: "2026-11-20",
          diagnosisPointers: [1, 2],
        },
        {
          procedure: "83036",
          charge: "65.00",
          quantity: { units: "1" },
          serviceDate: "2026-11-20",
          diagnosisPointers: [1],
        },
      ],
    },
  },
};

const contract: Contract = {
  payerId: "00952",
  effectiveFrom: "2026-01-01",
  effectiveThrough: "2026-12-31",
  schedule: { kind: "medicarePfs", facilityPlacesOfService: ["21", "22", "23"] },
  settings: { timelyFilingDays: 365 },
};

export function describeFindings(findings: Finding[]): string[] {
  return findings.map((finding) => {
    const severity: Severity = finding.severity;
    const mark = severity === "error" ? "E" : "W";
    return `${mark} ${finding.rule} ${finding.path}: ${finding.message}`;
  });
}

export function lineCharges(c: Claim): Money[] {
  // ClaimForm is a union: narrow it before reading the lines.
  if ("professional" in c.form) return c.form.professional.lines.map((line) => line.charge);
  return c.form.institutional.lines.map((line) => line.charge);
}

export function demo(encounter: Encounter, practice: Practice): string[] {
  const out: string[] = [`medbill ${version()}`];

  const kind: CodeKind = "icd10cm";
  const check: CodeCheck = checkCode(kind, "e119");
  out.push(check.valid ? `normalized ${check.normalized ?? ""}` : `invalid: ${check.reason ?? ""}`);

  out.push(...describeFindings(validateClaim(claim)));

  const prepared: Claim = prepareClaim(encounter, practice);
  const shares: string[] = allocate("100.00", lineCharges(prepared));
  const even: string[] = allocateEvenly(prepared.totalCharge, 3);
  out.push(shares.join(" "), even.join(" "));

  try {
    allocate("1.00", ["0", "0"]);
  } catch (e) {
    // Errors are Error objects named MedbillError with a string `code`.
    if (e instanceof Error && e.name === "MedbillError") out.push(String((e as Error & { code: string }).code));
  }
  return out;
}

// FHIR R4 resources are JSON text (exact decimals as JSON numbers); claims come back typed.
export function fhirDemo(remittance: Remittance): string[] {
  const bundle: string = fhirClaim(claim, "2026-11-27");
  const back: Claim = claimFromFhir(bundle);
  const eob: string = fhirRemittanceEob(remittance, "2026-11-27");
  // @ts-expect-error: the FHIR text is a string, not an object
  const notObject: { resourceType: string } = fhirClaim(back, "2026-11-27");
  return [bundle, eob, String(notObject)];
}

// Fee schedule files are bytes (as read from disk or fetched); build the Pricer once, reuse it.
export function priceDemo(rvu: Uint8Array, gpci: Uint8Array, anesthesia: Uint8Array, zip: Uint8Array): string[] {
  const pricer = new Pricer(rvu, gpci, anesthesia, zip, "SAMPLE");
  try {
    const rows: number = pricer.rvuRows;
    const priced: PricedClaim = pricer.price(claim, contract, "2026-11-27");
    const total: Money = priced.totalAllowed;
    const first: PricedLine = priced.lines[0];
    const step: TraceStep = first.trace[0];
    const rule: string = priced.lines[0].trace[0].rule;
    const status: LineStatus = first.status;
    const why = status.status === "priced" ? "priced" : status.reason; // narrowed: reason exists
    // Options: check nothing, any payer, no traces; the locality and PFS version are said.
    const lenient: PricedClaim = pricer.price(claim, contract, "2026-11-27", { unchecked: true, anyPayer: true, trace: false });
    const where: string | undefined = lenient.locality?.source;
    const release: string | undefined = lenient.pfsVersion?.version;
    // @ts-expect-error: no such option
    pricer.price(claim, contract, "2026-11-27", { fast: true });
    // A batch: one outcome per claim, priced or refused (narrowed by its key).
    const outcomes: PriceOutcome[] = pricer.priceMany([claim, claim], contract, "2026-11-27", { trace: false });
    const totals: string[] = outcomes.map((o) => ("priced" in o ? o.priced.totalAllowed : o.refused.code));
    // @ts-expect-error: priceMany takes an array of claims
    pricer.priceMany(claim, contract, "2026-11-27");
    return [`${rows} RVU rows`, totals.join(","), `allowed ${total}`, `${rule} -> ${step.result}`, why, `${where} ${release}`];
  } finally {
    pricer.free();
  }
}

// Printing is its own module, loaded when the user prints: a page that never prints never
// fetches the PDF writer. Its declarations type Claim and PrintOptions as the main module's do.
type PrintModule = typeof import("../../target/wasm/web/medbill_wasm_print");

export async function printOnDemand(c: Claim, dataOnly: boolean): Promise<Uint8Array> {
  const print: PrintModule = await import("../../target/wasm/web/medbill_wasm_print");
  // undefined: the whole form (boxes, captions and data).
  const options: PrintOptions | undefined = dataOnly ? { mode: "dataOnly" } : undefined;
  try {
    return print.printClaim(c, "cms1500", options);
  } catch (e) {
    // The print module throws MedbillErrors too; either module's isMedbillError knows them.
    if (print.isMedbillError(e)) throw new Error(`cannot print: ${e.code}`);
    throw e;
  }
}

export function printTypes(print: PrintModule): string {
  // @ts-expect-error: printClaim takes a Claim, not any object
  print.printClaim({ patientControlNumber: "ENC-1001" }, "cms1500", undefined);
  // @ts-expect-error: the mode is "full" or "dataOnly"
  print.printClaim(claim, "cms1500", { mode: "ocr" });
  // @ts-expect-error: the UB-04's creation date is text (YYYY-MM-DD)
  print.printClaim(claim, "ub04", { creationDate: 20261120 });
  // @ts-expect-error: the form is named by text
  print.printClaim(claim, 1500, undefined);
  // @ts-expect-error: the PDF is bytes, not text
  const pdfText: string = print.printClaim(claim, "ub04", undefined);
  return pdfText;
}

const medicarePlan: BenefitPlan = {
  name: "Medicare Part B 2026",
  planYearStart: "2026-01-01",
  planYearEnd: "2026-12-31",
  inNetwork: { deductible: { individual: "283.00" }, coinsurance: "20%" },
};

// Price, then adjudicate: what the plan pays and the patient owes, line by line; then what a
// secondary payer owes after the primary.
export function adjudicateDemo(pricer: Pricer, primaryPlan: BenefitPlan, met: Accumulators): string[] {
  const priced: PricedClaim = pricer.price(claim, contract, "2026-11-27");
  const network: Network = "inNetwork";
  const primary: Adjudication = adjudicate(priced, primaryPlan, met, network);
  const nothingMet: Accumulators = {};
  // The network may be left undefined (in network).
  const secondary: Adjudication = adjudicate(priced, medicarePlan, nothingMet, undefined);
  const out: string[] = [`plan pays ${primary.planPaid}, patient owes ${primary.patientResponsibility}`];
  for (const line of primary.lines) {
    const l: AdjudicatedLine = line;
    const adjustments: Adjustment[] = l.adjustments;
    out.push(`${l.line}: ${adjustments.map((a) => `${a.group}-${a.reason} ${a.amount}`).join(", ")}`, ...l.explanation);
  }
  const method: CobMethod = { method: "standard" };
  const cob: Coordination = coordinate(primary, secondary, method);
  const secondaryPaid: Money = cob.secondaryPaid;
  out.push(`secondary pays ${secondaryPaid}, patient balance ${cob.patientBalance}`);
  // Input the checks refuse, adjudicated anyway when asked; the payment before sequestration.
  const options: AdjudicateOptions = { unchecked: true };
  const unchecked: Adjudication = adjudicate(priced, medicarePlan, nothingMet, network, options);
  out.push(`before sequestration ${unchecked.planPaidBeforeSequestration}, less ${unchecked.sequestration}`);
  // After the primary's 835: its service lines in the claim's order.
  const remitted: RemittedClaim = {
    lines: [{ charge: "180.00", paid: "125.00", allowed: "150.00",
      adjustments: [{ group: "CO", reason: "45", amount: "30.00" }, { group: "PR", reason: "3", amount: "25.00" }] }],
  };
  const msp: CobMethod = { method: "medicareSecondary", obligatedToAccept: true };
  out.push(`after the 835: ${coordinateRemittance(remitted, secondary, msp).secondaryPaid}`);
  return out;
}

// Estimate a planned visit: a range when the accumulators are unknown, and a Good Faith
// Estimate for a self-pay patient.
export function estimateDemo(pricer: Pricer, request: EstimateRequest): string[] {
  const estimate: Estimate = pricer.estimate(request, "2026-11-27");
  const out = [`patient cost ${estimate.patientCost} (${estimate.patientCostLow} to ${estimate.patientCostHigh})`];
  for (const line of estimate.lines) out.push(`${line.procedure} ${line.allowed} -> ${line.patientCost}`);
  const gfe: GoodFaithEstimate | null | undefined = estimate.goodFaithEstimate;
  if (gfe) out.push(`GFE ${gfe.totalExpectedCharges}, dispute above ${gfe.disputeThreshold}`);
  return out;
}

const envelope: Envelope = {
  senderId: "RIVERBEND",
  receiverId: "CLEARHOUSE",
  interchangeControlNumber: 1001,
  groupControlNumber: 1001,
  date: "2026-11-27",
  time: "09:30:00",
  usage: "test",
};

const submission: Submission = {
  submitterName: "RIVERBEND FAMILY MEDICINE",
  submitterId: "RIVERBEND",
  contact: { name: "BILLING OFFICE", phone: "5555550100" },
  receiverName: "CLEARHOUSE EXCHANGE",
  receiverId: "CLEARHOUSE",
  firstControlNumber: 1,
  referenceId: "BATCH20261127",
};

const eligibilityRequest: EligibilityRequest = {
  reference: "ELIG-2026-0001",
  informationSource: { name: "PRAIRIE HEALTH", id: "PH001" },
  informationReceiver: { name: "RIVERBEND FAMILY MEDICINE", id: { kind: "npi", npi: "1234567893" } },
  traceNumber: "T-0001",
  traceOriginator: "1123456789",
  subscriber: { name: { last: "DOE", first: "JANE" }, birthDate: "1980-02-29" },
  memberId: "W123456789",
  serviceTypes: ["30"],
};

const statusInquiry: ClaimStatusRequest = {
  reference: "CS-2026-0042",
  payer: { name: "PRAIRIE HEALTH", id: "PH001" },
  informationReceiver: { name: "RIVERBEND BILLING", id: "RB-ETIN" },
  provider: { name: "RIVERBEND FAMILY MEDICINE", id: { kind: "npi", npi: "1234567893" } },
  subscriber: { name: { last: "DOE", first: "JANE" } },
  memberId: "W123456789",
  traceNumber: "TRACE-77",
  charge: "245.50",
  serviceDates: { kind: "date", date: "2026-11-20" },
};

// Read any X12 file (bytes or text): each transaction set by its typed reader, plus one summary
// per set; write 837, 270, 276 and 835 interchanges as X12 text.
export function x12Demo(file: Uint8Array): string[] {
  const read: X12File = readX12(file);
  const out: string[] = read.envelope.transactionSets.map((set) => `${set.id} ${set.version}`);
  const remittances: Remittance[] = read.remittances ?? [];
  for (const remittance of remittances) {
    for (const c of remittance.claims) {
      const claimPaid: RemitClaim = c;
      // CLP04 is required, but a file may lack it: then it is absent (with an error finding), never 0.
      const paid: Money | null | undefined = claimPaid.paid;
      out.push(`${claimPaid.patientControlNumber} paid ${paid ?? "missing"}`);
    }
  }
  const summaries: SetSummary[] = summarizeX12(file);
  for (const s of summaries) out.push(`${s.id}: ${s.claims ?? 0} claims, balanced ${s.balanced ?? "n/a"}`);

  const x837: string = write837([claim], submission, envelope);
  const transactions: ClaimTransaction[] = readX12(x837).claims ?? [];
  const readBack: Claim[] = transactions.flatMap((t) => t.claims);
  const x270: string = write270([eligibilityRequest], envelope);
  const asked: ReadEligibilityRequest[] = readX12(x270).eligibilityRequests ?? [];
  const x276: string = write276([statusInquiry], envelope);
  const x835: string = write835(remittances, envelope);
  // A secondary claim: the primary's 835 claim becomes the prior payer (2320/2330/2430).
  const coverage: OtherCoverage = {
    responsibility: "primary",
    relationship: "18",
    subscriberName: { last: "Doe", first: "Jane" },
    subscriberMemberId: "XJH123456789",
  };
  const primaryClaim = remittances[0]?.claims[0];
  if (primaryClaim !== undefined) {
    const prior: PriorAdjudication = { remittance: primaryClaim };
    const supplemental = { name: "Prairie Supplemental", payerId: "PSUP1", claimFilingIndicator: "CI" };
    const secondary: Claim = secondaryClaim(claim, claim.payer, coverage, prior, "2026-12-10", supplemental);
    out.push(write837([secondary], submission, envelope));
  }
  out.push(`${readBack.length} claim(s) back`, `${asked.length} inquiry(ies)`, x276, x835);
  // The books, kept by the host: charge the claim, post the 835, append what comes back.
  const charged: ChargedClaim[] = [{ patientAccount: "PA-100", claim }];
  let entries: Entry[] = chargeClaims(charged, [], "2026-11-20", "2026-11-21");
  const remittance = remittances[0];
  if (remittance !== undefined) {
    const response: PostResponse = postRemittance(remittance, charged, entries, { posted: "2026-12-02" });
    entries = [...entries, ...response.posting.entries];
    for (const c of response.balances.claims) out.push(`${c.claim}: ${c.balance.balance}`);
  }
  out.push(`${entries.length} entries`);
  return out;
}

// The biller's work lists from the entries the host keeps: the supervisor's numbers, the denial
// queue with its corrected and void claims and appeal letters, the follow-up queue with its 276
// requests, a 277CA posted back as status entries, and the fix list of its rejections.
export function workDemo(entries: Entry[], charged: ChargedClaim[], acknowledgment: Uint8Array): string[] {
  const out: string[] = [];
  const period: KpiRequest = { from: "2026-11-01", to: "2026-12-31" };
  const figures: Kpis = kpis(entries, period);
  const denialRate: string | undefined = figures.denialRateByCount.percent;
  out.push(`charges ${figures.charges}, collections ${figures.collections}, denial rate ${denialRate ?? "n/a"}`);
  const packs: PayerRules[] = [{ payerIds: ["00952"], followUpDays: 14, appealDays: 60 }];
  const denials: DenialQueue = denialQueue(entries, charged, packs, "2026-12-15");
  for (const item of denials.items) {
    const billed = charged.find((c) => c.claim.patientControlNumber === item.claim)?.claim;
    const number = item.payerClaimNumber;
    if (billed === undefined || number === undefined || number === null) continue;
    const patch = [{ op: "add", path: "/form/professional/lines/0/modifiers", value: ["59"] }];
    const corrected: Resubmission = correctedClaim(billed, number, patch);
    const merged: Resubmission = correctedClaim(billed, number, { diagnoses: ["E11.9", "M62.81"] });
    const voided: Resubmission = voidClaim(billed, number);
    const appeal: AppealRequest = { date: "2026-12-15", argument: ["The service was not part of another one."] };
    const letter: AppealDocuments = appealLetter(billed, item, appeal);
    out.push(corrected.claim.frequency, merged.claim.frequency, voided.claim.frequency, letter.text, letter.html);
  }
  const due: FollowUpQueue = followUpQueue(entries, packs, "2026-12-15");
  const receiver: Organization = { name: "RIVERBEND FAMILY MEDICINE", id: "RB-ETIN" };
  const requests: ClaimStatusRequest[] = [];
  for (const item of due.items) {
    const c = charged.find((each) => each.claim.patientControlNumber === item.claim);
    if (c !== undefined) requests.push(statusRequest(item, c, receiver, "FU-20261215"));
  }
  if (requests.length > 0) out.push(write276(requests, envelope));
  const file: X12File = readX12(acknowledgment);
  const posting: StatusPosting = postStatuses(file.claimStatus ?? [], charged, entries, "2026-12-16");
  const updates: StatusUpdate[] = posting.updates;
  for (const u of updates) out.push(`${u.claim ?? "?"}: ${typeof u.event === "string" ? u.event : "submitted"}`);
  const fixes: Fix[] = fixList(file);
  for (const fix of fixes) out.push(`${fix.claim ?? "batch"} ${fix.path ?? ""}: ${fix.said.join("; ")}`);
  out.push(`${entries.length + posting.entries.length} entries`);
  return out;
}

// The patient's side, from the entries the host keeps: the statement with its text and HTML, a
// payment plan and where it stands, a payment allocated to visits, credits to refund,
// small balances to write off and a visit explained to the patient and to the payer.
export function patientDemo(entries: Entry[], charged: ChargedClaim[]): string[] {
  const out: string[] = [];
  const options: StatementOptions = { asOf: "2026-12-15", includeSettled: true };
  const documents: StatementDocuments = patientStatement("PA-100", entries, charged, options);
  const due: string = documents.statement.totals.amountDue;
  out.push(due, documents.text, documents.html);
  const plan: PaymentPlan = paymentPlan({
    balance: due,
    terms: { installments: 3 },
    every: "monthly",
    opened: "2026-12-15",
    first: "2027-01-15",
  });
  const standing: PlanStanding = planStanding(plan, "PA-100", entries, "2027-02-20");
  out.push(`${standing.missed} missed, ${standing.remaining} left${standing.defaulted ? ", in default" : ""}`);
  const allocation: Allocation = allocatePayment(
    { patient: "PA-100", amount: "50.00", target: "oldestFirst", received: "2026-12-20", posted: "2026-12-20" },
    entries,
  );
  out.push(`applied ${allocation.applied}, kept ${allocation.unapplied}`);
  const credits: CreditBalance[] = creditBalances(entries, { asOf: "2026-12-15", refundOn: "2026-12-20", posted: "2026-12-20" });
  for (const c of credits) out.push(`${c.patient}: ${c.netCredit}`);
  const writeOffs: WriteOffRequest[] = smallBalanceWriteOffs(
    entries,
    { threshold: "5.00", olderThanDays: 120, reason: "Small balance policy" },
    "2027-02-20",
    "2027-02-20",
  );
  for (const w of writeOffs) out.push(w.amount);
  const toPatient: VisitExplanation = explainVisit("BK-1", entries, charged, "2027-02-20", "patient");
  const toPayer: VisitExplanation = explainVisit("BK-2", entries, charged, "2027-02-20", "payer");
  for (const e of [toPatient, toPayer]) out.push(...("patient" in e ? e.patient.sentences : e.payer.sentences));
  return out;
}

// @ts-expect-error: the audience is "patient" or "payer"
explainVisit("BK-1", [], [], "2027-02-20", "doctor");
// @ts-expect-error: a plan's balance is Money (a string)
paymentPlan({ balance: 40, terms: { installments: 3 }, every: "monthly", opened: "2026-12-15", first: "2027-01-15" });
// @ts-expect-error: statement options need the statement's date
patientStatement("PA-100", [], [], {});
// @ts-expect-error: the amount due is Money (a string)
export const amountDue: number = patientStatement("PA-100", [], [], { asOf: "2026-12-15" }).statement.totals.amountDue;
// @ts-expect-error: a KPI period's dates are text (YYYY-MM-DD)
kpis([], { from: 20261101, to: 20261231 });
// @ts-expect-error: a rate's percent is a decimal string, not a number
export const denialPercent: number | undefined = kpis([], { from: "2026-11-01", to: "2026-12-31" }).denialRateByCount.percent;
// @ts-expect-error: the changes are a JSON Patch (array) or a merge patch (object), not JSON text
correctedClaim(claim, "ICN1", "[]");
// @ts-expect-error: the payer's claim number is text
voidClaim(claim, 12345);
// @ts-expect-error: an appeal request needs its date
appealLetter(claim, {} as DenialItem, { argument: ["Pay it."] });
// @ts-expect-error: fixList takes the X12File readX12 gives, not the file's bytes
fixList(new Uint8Array());
// @ts-expect-error: the queue's total is Money (a string)
export const dueTotal: number = followUpQueue([], [], "2026-12-15").total;
// @ts-expect-error: readX12 takes bytes or text, not a number
readX12(42);
// @ts-expect-error: segments is a number, not a string
export const segmentsText: string = summarizeX12("ISA*...")[0].segments;
// @ts-expect-error: write837 takes an array of claims, not one claim
write837(claim, submission, envelope);
// @ts-expect-error: an envelope needs its control numbers and date
write270([eligibilityRequest], { senderId: "RIVERBEND", receiverId: "CLEARHOUSE" });
// @ts-expect-error: a 276 takes ClaimStatusRequests, not EligibilityRequests
write276([eligibilityRequest], envelope);
// @ts-expect-error: write835 takes Remittances, not any object
write835([{ controlNumber: "0001" }], envelope);
// @ts-expect-error: the prior adjudication names its source ({ remittance } or { coordination })
secondaryClaim(claim, claim.payer, { responsibility: "primary", relationship: "18", subscriberName: { last: "D", first: "J" }, subscriberMemberId: "X" }, {}, "2026-12-10");
// @ts-expect-error: the adjudication date is text (YYYY-MM-DD)
secondaryClaim(claim, claim.payer, { responsibility: "primary", relationship: "18", subscriberName: { last: "D", first: "J" }, subscriberMemberId: "X" }, { coordination: {} as Coordination }, 20261210);
// @ts-expect-error: the written X12 is text, not an X12File
export const writtenIsFile: X12File = write837([claim], submission, envelope);
// @ts-expect-error: the posting options need the posting date
postRemittance({} as Remittance, [], [], {});
// @ts-expect-error: an entry's amount is Money (a string)
export const entryAmount: number = chargeClaims([], [], "2026-11-20", "2026-11-21")[0].amount;
// @ts-expect-error: a paid amount is Money (a string)
export const paidNumberX12: number = (readX12("").remittances ?? [])[0].claims[0].paid;

// With no files, a Pricer prices flat and percentage schedules only.
export const flatOnly: Pricer = new Pricer();

// The declarations are precise, not `any`:
// @ts-expect-error: a code value is a string, not a number
checkCode("npi", 1234567893);
// @ts-expect-error: "zip" is not a CodeKind
checkCode("zip", "62701");
// @ts-expect-error: an empty object is not a Claim
validateClaim({});
// @ts-expect-error: amounts are decimal strings, not numbers
allocate(100, ["1", "1"]);
// @ts-expect-error: the number of parts is a number
allocateEvenly("1.00", "3");
// @ts-expect-error: severity is "error" | "warning"
export const notASeverity: Severity = "info";
// @ts-expect-error: totalCharge is Money (a string)
export const badTotal: Claim = { ...claim, totalCharge: 245 };
// @ts-expect-error: Pricer.price takes a Claim, not any object
flatOnly.price({ patientControlNumber: "ENC-1001" }, contract, "2026-11-27");
// @ts-expect-error: totalAllowed is Money (a string), not a number
export const allowedNumber: number = flatOnly.price(claim, contract, "2026-11-27").totalAllowed;
// @ts-expect-error: fee schedule files are bytes, not a file name
export const byName = new Pricer("rvu-sample.csv");
// @ts-expect-error: adjudicate takes a BenefitPlan, not any object
adjudicate(flatOnly.price(claim, contract, "2026-11-27"), { name: "no tiers" }, {}, "inNetwork");
// @ts-expect-error: the network is "inNetwork" | "outOfNetwork"
adjudicate(flatOnly.price(claim, contract, "2026-11-27"), medicarePlan, {}, "IN_NETWORK");
// @ts-expect-error: planPaid is Money (a string), not a number
export const paidNumber: number = adjudicate(flatOnly.price(claim, contract, "2026-11-27"), medicarePlan, {}, undefined).planPaid;
// @ts-expect-error: a CobMethod names its method
coordinate({} as Adjudication, {} as Adjudication, { method: "bestOfBoth" });
// @ts-expect-error: unchecked is a boolean
adjudicate(flatOnly.price(claim, contract, "2026-11-27"), medicarePlan, {}, undefined, { unchecked: "yes" });
// @ts-expect-error: Pricer.estimate takes an EstimateRequest, not any object
flatOnly.estimate({ services: [] }, "2026-11-27");
