// Type-checks a typical use of every export of the WASM bindings against the generated
// declarations (never run):
//   $MEDBILL_NODE_MODULES/.bin/tsc -p bindings-wasm/tests/tsconfig.json --noEmit
// The declarations give Pricer a [Symbol.dispose]() (wasm-bindgen's `using` support), so a
// project that type-checks them (skipLibCheck false) with an ES2022 lib needs the disposable lib
// ("ESNext.Disposable" in tsconfig.json's lib, as here).
import {
  allocate,
  allocateEvenly,
  checkCode,
  prepareClaim,
  Pricer,
  validateClaim,
  version,
  type Claim,
  type CodeCheck,
  type CodeKind,
  type Contract,
  type Encounter,
  type Finding,
  type LineStatus,
  type Money,
  type Practice,
  type PricedClaim,
  type PricedLine,
  type Severity,
  type TraceStep,
} from "../../target/wasm/node/medbill_wasm";

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
    return [`${rows} RVU rows`, `allowed ${total}`, `${rule} -> ${step.result}`, why];
  } finally {
    pricer.free();
  }
}

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
