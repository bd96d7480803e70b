// Type-checks the installed package as a TypeScript project sees it (`cargo xtask` copies this
// file into the scratch project that installed the tarball): the `exports` map must lead tsc
// to the declarations, and they must type the results (no `any`).
import init, { Pricer, validateClaim, type Claim, type Contract, type PriceOutcome } from "medbill";
import type { ChargedClaim, Entry, PostResponse, Remittance } from "medbill/x12";
import type { PrintOptions } from "medbill/print";
import initX12, { readRemittances } from "medbill/x12";
import initBooks, { postRemittance } from "medbill/books";
import initFhir, { fhirRemittanceEob } from "medbill/fhir";

export async function priceAll(claims: Claim[], contract: Contract): Promise<string[]> {
  await init();
  const findings: number = validateClaim(claims[0]).length;
  const pricer = new Pricer();
  const outcomes: PriceOutcome[] = pricer.priceMany(claims, contract, "2026-11-27");
  // @ts-expect-error: a total is a decimal string, never a number
  const wrong: number = "priced" in outcomes[0] ? outcomes[0].priced.totalAllowed : 0;
  const options: PrintOptions = { mode: "dataOnly" };
  return [String(findings), String(wrong), JSON.stringify(options)];
}

// The X12, books and FHIR modules through their subpaths: a remittance read by one is posted
// and converted by the others, typed end to end.
export async function postAndConvert(x12: Uint8Array, claims: ChargedClaim[], entries: Entry[]): Promise<string> {
  await Promise.all([initX12(), initBooks(), initFhir()]);
  const remittance: Remittance = readRemittances(x12)[0];
  const posted: PostResponse = postRemittance(remittance, claims, entries, { posted: "2026-12-02" });
  // @ts-expect-error: balances are an object, not a string
  const wrong: string = posted.balances;
  return fhirRemittanceEob(remittance, "2026-12-02") + String(wrong);
}
