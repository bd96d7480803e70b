// Type-checks a typical use of every export of the WASM bindings against the generated
// declarations (never run):
//   $MEDBILL_NODE_MODULES/.bin/tsc -p bindings-wasm/tests/tsconfig.json --noEmit
import {
  allocate,
  allocateEvenly,
  checkCode,
  prepareClaim,
  validateClaim,
  version,
  type Claim,
  type CodeCheck,
  type CodeKind,
  type Encounter,
  type Finding,
  type Money,
  type Practice,
  type Severity,
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
