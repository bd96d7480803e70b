// Type-checks the installed package as a TypeScript project sees it (`cargo xtask` copies this
// file into the scratch project that installed the tarball): the `exports` map must lead tsc
// to the declarations, and they must type the results (no `any`).
import init, { Pricer, validateClaim, type Claim, type Contract, type PriceOutcome } from "medbill";
import type { PrintOptions } from "medbill/print";

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
