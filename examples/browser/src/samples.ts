// The practice's sample data, bundled into the page so that it works offline and sends nothing:
// all of it is the repository's own fixtures (examples/data), none of it real patient data.
import type {
  Accumulators, BenefitPlan, ChargedClaim, Claim, Contract, Envelope, PayerRules, Submission,
} from 'medbill';

import booksClaims from '../../data/books/claims.json';
import broken from '../../data/claims/professional-broken.json';
import ppo from '../../data/claims/professional-ppo.json';
import withEdits from '../../data/scrub/claim-with-edits.json';
import medicare from '../../data/contracts/medicare-part-b.json';
import prairie from '../../data/contracts/prairie-ppo.json';
import medicarePlan from '../../data/plans/medicare-part-b-2026.json';
import ppoPlan from '../../data/plans/commercial-ppo.json';
import deductibleMet from '../../data/plans/medicare-deductible-met.json';
import payerRules from '../../data/scrub/payer-rules.json';
import submission from '../../data/x12/submission.json';
import envelope from '../../data/x12/envelope.json';
import remittance from '../../data/books/remittance.835';
import rvu from '../../data/pfs-sample/rvu-sample.csv';
import gpci from '../../data/pfs-sample/gpci-sample.csv';
import anesthesia from '../../data/pfs-sample/anes-sample.csv';
import zip from '../../data/pfs-sample/zip-sample.txt';
import ncci from '../../data/codesets/ccipra-v314r0-f1.txt';
import mue from '../../data/codesets/MCR_MUE_PractitionerServices_Eff_2025-10-01.csv';
import addOns from '../../data/codesets/AOC_V2025Q4-MCR.txt';

/** The patient account the app bills: Jane Doe's (books/claims.json). */
export const PATIENT_ACCOUNT = 'PA-100';

const charged = booksClaims as ChargedClaim[];

/** Sample claims, by the label the picker shows. The first is the one the page opens with. */
export const CLAIMS: ReadonlyArray<{ id: string; label: string; claim: Claim }> = [
  { id: 'bk-1', label: 'Office visit and HbA1c, Medicare (BK-1)', claim: charged[0].claim },
  { id: 'with-edits', label: 'A coder’s draft with NCCI and add-on code problems', claim: withEdits as Claim },
  { id: 'broken', label: 'A claim with missing and invalid fields', claim: broken as Claim },
  { id: 'ppo', label: 'Commercial PPO visit', claim: ppo as Claim },
];

/** The earlier visit already in the books when the page opens (sent before today). */
export const EARLIER_VISIT: ChargedClaim = charged[1];

/** Payer contracts and benefit plans to price and adjudicate under. */
export const CONTRACTS: ReadonlyArray<{ id: string; label: string; contract: Contract }> = [
  { id: 'medicare', label: 'Medicare Part B (physician fee schedule)', contract: medicare as Contract },
  { id: 'prairie-ppo', label: 'Prairie Health PPO (125% of the fee schedule)', contract: prairie as Contract },
];
export const PLANS: ReadonlyArray<{ id: string; label: string; plan: BenefitPlan }> = [
  { id: 'medicare-2026', label: 'Medicare Part B 2026', plan: medicarePlan as BenefitPlan },
  { id: 'commercial-ppo', label: 'Commercial PPO', plan: ppoPlan as BenefitPlan },
];
/** What the patient has met this plan year when "deductible met" is ticked. */
export const DEDUCTIBLE_MET = deductibleMet as Accumulators;

export const PAYER_RULES = payerRules as PayerRules;
export const SUBMISSION = submission as Submission;
export const ENVELOPE = envelope as Envelope;
/** The payer's 835 for this practice's claims (pays BK-1, denies BK-2). */
export const SAMPLE_835 = remittance;
/** The physician fee schedule sample (illustrative values, data version SAMPLE) and code-set fixtures. */
export const PFS = { rvu, gpci, anesthesia, zip, version: 'SAMPLE' };
export const CODE_SETS: ReadonlyArray<[string, Uint8Array]> = [
  ['ccipra-v314r0-f1.txt', ncci],
  ['MCR_MUE_PractitionerServices_Eff_2025-10-01.csv', mue],
  ['AOC_V2025Q4-MCR.txt', addOns],
];
