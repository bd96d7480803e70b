// Shared scenario logic for the Node and browser runners of the WASM bindings.
// The file format is defined by the header comments of bindings-tests/scenarios.tsv.
// Malformed lines and unknown functions become scenarios that FAIL; nothing is skipped.

const FUNCTIONS = ['checkCode', 'allocate', 'allocateEvenly', 'validateClaim', 'prepareClaim', 'priceClaim', 'priceMany',
  'estimateVisit', 'adjudicateClaim', 'adjudicateUnchecked', 'coordinateClaim', 'readX12', 'summarizeX12', 'write837',
  'write270', 'write276', 'write835', 'secondaryClaim', 'chargeClaims', 'postRemittance', 'printClaim', 'kpis',
  'denialQueue', 'correctedClaim', 'voidClaim', 'appealLetter', 'followUpQueue', 'statusRequest', 'postStatuses',
  'fixList', 'patientStatement', 'paymentPlan', 'planStanding', 'allocatePayment', 'creditBalances',
  'smallBalanceWriteOffs', 'explainVisit', 'eligibilityBenefits', 'scrubClaim', 'scrubClaimPacked',
  'fhirClaim', 'fhirRemittanceEob'];
/** The X12 functions: their expectations are FACTS (see scenarios.tsv). */
const X12_FUNCTIONS = ['readX12', 'summarizeX12', 'write837', 'write270', 'write276', 'write835'];
/** The X12File lists a FACTS key can count. */
const FILE_KEYS = ['remittances', 'claims', 'eligibilityRequests', 'eligibility', 'statusRequests', 'claimStatus',
  'acknowledgments', 'interchangeAcknowledgments'];
/** FACTS keys about the SetSummary list, and the summary field each one reads. */
const SUMMARY_KEYS = { set: 'id', version: 'version', segments: 'segments', claimCount: 'claims', charge: 'charge',
  paid: 'paid', balanced: 'balanced' };
/** The functions whose scenarios use the run's one Pricer. */
const NEEDS_PRICER = ['priceClaim', 'priceMany', 'estimateVisit', 'adjudicateClaim', 'adjudicateUnchecked', 'coordinateClaim'];
/** The scenario functions that call adjudicate (adjudicateUnchecked with { unchecked: true }). */
const ADJUDICATES = ['adjudicateClaim', 'adjudicateUnchecked'];
/**
 * The functions of the print module (medbill_wasm_print.js), loaded apart from the main module
 * and only when a scenario prints: the main module does not carry the PDF writer.
 */
const PRINT_FUNCTIONS = ['printClaim'];

/**
 * The WebAssembly modules the scenarios call, by the npm package's subpath ('' is the main
 * module: claims, pricing, benefits; then the scrubber, X12, the books and FHIR), with the file
 * stem wasm-bindgen gives each. The print module is loaded apart (see PRINT_FUNCTIONS).
 */
export const MODULES = [
  { subpath: '', stem: 'medbill_wasm' },
  { subpath: 'scrub', stem: 'medbill_wasm_scrub' },
  { subpath: 'x12', stem: 'medbill_wasm_x12' },
  { subpath: 'books', stem: 'medbill_wasm_books' },
  { subpath: 'fhir', stem: 'medbill_wasm_fhir' },
];
/** The npm package's Node entry of a module ('' → node.js, 'x12' → x12-node.js). */
export const nodeEntry = (subpath) => (subpath ? `${subpath}-node.js` : 'node.js');

/**
 * The modules' namespaces as one, as the scenarios call them. Every operation lives in exactly
 * one module: a name two modules export (but the helpers each has: its `default` init,
 * `initSync`, `isMedbillError`) is an error.
 */
export function mergeModules(namespaces) {
  const api = {};
  for (const namespace of namespaces) {
    for (const [name, value] of Object.entries(namespace)) {
      if (name === 'default' || name === 'initSync') continue;
      if (name in api) {
        if (name === 'isMedbillError') continue;
        throw new Error(`two medbill modules export '${name}'`);
      }
      api[name] = value;
    }
  }
  return api;
}

/**
 * The sample PFS files (relative to examples/data/) the scenarios' Pricer loads (priceClaim,
 * estimateVisit and adjudicateClaim all use it).
 */
export const PRICER_FILES = {
  rvu: 'pfs-sample/rvu-sample.csv',
  gpci: 'pfs-sample/gpci-sample.csv',
  anesthesia: 'pfs-sample/anes-sample.csv',
  zip: 'pfs-sample/zip-sample.txt',
};
/** The data version the scenarios' Pricer is built with. */
export const PRICER_VERSION = 'SAMPLE';
/** The code-set files (under examples/data/, loaded by their published names) every scrubClaim scenario loads. */
export const SCRUB_FILES = ['codesets/ccipra-v314r0-f1.txt', 'codesets/ccioph-v314r0-f1.txt',
  'codesets/MCR_MUE_PractitionerServices_Eff_2025-10-01.csv',
  'codesets/MCR_MUE_OutpatientHospitalServices_Eff_2025-10-01.csv', 'codesets/AOC_V2025Q4-MCR.txt'];
/** The date every scrubClaim scenario scrubs as of. */
export const SCRUB_AS_OF = '2026-03-10';
/** The date every priceClaim, estimateVisit and adjudicateClaim scenario prices as of. */
export const PRICE_AS_OF = '2026-11-27';

/** The date every fhirClaim and fhirRemittanceEob scenario creates its resources on. */
export const FHIR_CREATED = '2026-11-27';

/** The dates every chargeClaims scenario bills and posts on. */
export const BOOKS_BILLED = '2026-11-20';
export const BOOKS_POSTED = '2026-11-21';

/** The date every denialQueue and followUpQueue scenario counts deadlines and ages to. */
export const QUEUE_AS_OF = '2026-12-15';
/** The date every postStatuses scenario enters its status entries on. */
export const STATUS_POSTED = '2026-11-23';
/** The reference every statusRequest scenario passes. */
export const STATUS_REFERENCE = 'FU-20261215';

/** The date every planStanding, smallBalanceWriteOffs and explainVisit scenario reads the books as of. */
export const PATIENT_AS_OF = '2027-02-20';

/** The network every adjudicateClaim scenario adjudicates in. */
export const ADJUDICATE_NETWORK = 'inNetwork';

/**
 * Returns `getPricer`, an async function that builds the scenarios' Pricer on its first call and
 * gives that same Pricer (or rejects with that same error) on every later call; `getPricer.free()`
 * frees it once the run is over. `loadBytes(rel)` resolves to the bytes (a Uint8Array) of a file
 * under examples/data/.
 */
export function pricerOnce(api, loadBytes) {
  let promise;
  let built = null;
  const getPricer = () => {
    promise ??= (async () => {
      if (typeof api.Pricer !== 'function') throw new Error("the bindings do not export 'Pricer'");
      const { rvu, gpci, anesthesia, zip } = PRICER_FILES;
      const [r, g, a, z] = await Promise.all([rvu, gpci, anesthesia, zip].map(loadBytes));
      built = new api.Pricer(r, g, a, z, PRICER_VERSION);
      return built;
    })();
    return promise;
  };
  getPricer.free = () => {
    built?.free();
    built = null;
    promise = undefined;
  };
  return getPricer;
}

/** Parses scenarios.tsv text into [{name, fn, arg1, arg2, expect, line, problem?}]. */
export function parseScenarios(text) {
  const scenarios = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    const lineNo = i + 1;
    if (fields.length !== 5) {
      scenarios.push({ name: fields[0] || `line ${lineNo}`, line: lineNo,
        problem: `line ${lineNo}: expected 5 tab-separated fields, found ${fields.length}` });
      return;
    }
    const [name, fn, arg1, arg2, expect] = fields;
    scenarios.push({ name, fn, arg1, arg2, expect, line: lineNo });
  });
  return scenarios;
}

/**
 * Returns `loadPrint`, an async function that loads the print module with `load()` on its first
 * call and gives that same module (or rejects with that same error) on every later call, so the
 * module is fetched only when a scenario prints, and once.
 */
export function printOnce(load) {
  let promise;
  return () => (promise ??= Promise.resolve().then(load));
}

/**
 * Runs one scenario against the bindings `api`; resolves to {name, ok, detail}.
 * `getPricer` (from pricerOnce) gives the Pricer for priceClaim, estimateVisit and
 * adjudicateClaim scenarios. `loadBytes(rel)` resolves to the bytes (a Uint8Array) of a file under
 * examples/data/ (the X12 scenarios' files). `loadPrint()` (from printOnce) resolves to the print
 * module, whose printClaim the printClaim scenarios call.
 */
export async function runScenario(api, scenario, loadFixture, getPricer, loadBytes, loadPrint) {
  const { name } = scenario;
  try {
    const detail = await check(api, scenario, loadFixture, getPricer, loadBytes, loadPrint);
    return { name, ok: detail === null, detail: detail ?? '' };
  } catch (e) {
    return { name, ok: false, detail: `runner error: ${describe(e)}` };
  }
}

// Returns null on success, or a string saying what went wrong.
async function check(api, s, loadFixture, getPricer, loadBytes, loadPrint) {
  if (s.problem) return `malformed scenario: ${s.problem}`;
  if (!FUNCTIONS.includes(s.fn)) return `unknown function '${s.fn}' (line ${s.line})`;
  const inMain = !NEEDS_PRICER.includes(s.fn) && !PRINT_FUNCTIONS.includes(s.fn);
  // scrubClaimPacked calls scrubClaim (with code sets read back from a pack).
  const exported = s.fn === 'scrubClaimPacked' ? 'scrubClaim' : s.fn;
  if (inMain && typeof api[exported] !== 'function') return `the bindings do not export '${exported}'`;
  if (ADJUDICATES.includes(s.fn) && typeof api.adjudicate !== 'function') return "the bindings do not export 'adjudicate'";
  if (s.fn === 'coordinateClaim') {
    for (const fn of ['adjudicate', 'coordinateRemittance', 'coordinateNext']) {
      if (typeof api[fn] !== 'function') return `the bindings do not export '${fn}'`;
    }
  }

  if (X12_FUNCTIONS.includes(s.fn)) return checkX12(api, s, loadFixture, loadBytes);
  let args;
  if (s.fn === 'postRemittance') args = await postArgs(api, s, loadFixture, loadBytes);
  else if (s.fn === 'postStatuses') args = await postStatusesArgs(api, s, loadFixture, loadBytes);
  else if (s.fn === 'fixList') args = await fixListArgs(api, s, loadFixture, loadBytes);
  else if (s.fn === 'scrubClaim' || s.fn === 'scrubClaimPacked') {
    if (typeof loadBytes !== 'function') return 'runner error: no loadBytes was supplied for scrubClaim';
    if (typeof api.CodeSets !== 'function') return "the bindings do not export 'CodeSets'";
    // Loaded out here, so that a failure to load them is never taken for the error a scenario expects.
    let codeSets;
    try {
      codeSets = new api.CodeSets();
      for (const file of SCRUB_FILES) codeSets.load(file.split('/').pop(), await loadBytes(file));
      if (s.fn === 'scrubClaimPacked') codeSets = api.CodeSets.fromPack(codeSets.toPack('2026-01-01', '2026-12-31'));
    } catch (e) {
      return `could not load the code sets: ${describe(e)}`;
    }
    args = [await loadFixture(s.arg1), codeSets, SCRUB_AS_OF];
    if (s.arg2 !== '-') args.push(await loadFixture(s.arg2));
  }
  else if (s.fn === 'fhirRemittanceEob') {
    // The remittance is read out here: only the FHIR call itself may give the expected error.
    if (s.arg2 !== '-') return `malformed scenario: fhirRemittanceEob takes '-' as its second argument`;
    let remittance;
    try {
      remittance = api.readRemittances(await loadBytes(s.arg1))[0];
    } catch (e) {
      return `could not read the remittance: ${describe(e)}`;
    }
    args = [remittance, FHIR_CREATED];
  }
  else if (s.fn === 'fhirClaim') {
    if (s.arg2 !== '-') return `malformed scenario: fhirClaim takes '-' as its second argument`;
    args = [await loadFixture(s.arg1), FHIR_CREATED];
  }
  else if (s.fn === 'eligibilityBenefits') {
    if (typeof loadBytes !== 'function') return 'runner error: no loadBytes was supplied for eligibilityBenefits';
    args = [await loadBytes(s.arg1), await loadFixture(s.arg2)];
  }
  else args = await buildArgs(s, loadFixture);
  if (typeof args === 'string') return `malformed scenario: ${args}`;

  // The call under test. priceClaim is Pricer.price and estimateVisit Pricer.estimate on the
  // run's one Pricer, built out here so that a failure to build it is never taken for the error a
  // scenario expects. adjudicateClaim prices its claim with that Pricer out here too, for the
  // same reason: only the adjudicate call itself may give the expected error.
  let call = () => api[s.fn](...args);
  if (s.fn === 'scrubClaimPacked') call = () => api.scrubClaim(...args);
  if (PRINT_FUNCTIONS.includes(s.fn)) {
    // Loaded out here, so that a failure to load it is never taken for the error a scenario expects.
    if (typeof loadPrint !== 'function') return `runner error: no print module loader was supplied for ${s.fn}`;
    let print;
    try {
      print = await loadPrint();
    } catch (e) {
      return `could not load the print module: ${describe(e)}`;
    }
    if (typeof print?.[s.fn] !== 'function') return `the print module does not export '${s.fn}'`;
    call = () => print[s.fn](...args);
  }
  if (NEEDS_PRICER.includes(s.fn)) {
    if (typeof getPricer !== 'function') return `runner error: no Pricer was supplied for ${s.fn}`;
    let pricer;
    try {
      pricer = await getPricer();
    } catch (e) {
      return `could not build the Pricer: ${describe(e)}`;
    }
    const method = { estimateVisit: 'estimate', priceMany: 'priceMany' }[s.fn] ?? 'price';
    if (typeof pricer?.[method] !== 'function') return `the Pricer has no ${method} method: ${show(pricer)}`;
    if (s.fn === 'priceClaim') {
      call = () => pricer.price(...args);
    } else if (s.fn === 'priceMany') {
      call = () => pricer.priceMany(...args);
    } else if (s.fn === 'estimateVisit') {
      call = () => pricer.estimate(...args);
    } else if (s.fn === 'coordinateClaim') {
      // The next payer's own adjudication is made out here too: only the coordination call
      // itself may give the expected error.
      const [prior, claim, contract, plan, accumulators] = args;
      let adjudication;
      try {
        adjudication = api.adjudicate(pricer.price(claim, contract, PRICE_AS_OF), plan, accumulators,
          ADJUDICATE_NETWORK);
      } catch (e) {
        return `pricing and adjudicating the claim before coordinating failed: ${describe(e)}`;
      }
      call = 'remittance' in prior
        ? () => api.coordinateRemittance(prior.remittance, adjudication, prior.method)
        : () => api.coordinateNext(prior.coordination, adjudication, prior.method);
    } else {
      const [claim, contract, plan, accumulators] = args;
      let priced;
      try {
        priced = pricer.price(claim, contract, PRICE_AS_OF);
      } catch (e) {
        return `pricing the claim before adjudicating it failed: ${describe(e)}`;
      }
      call = s.fn === 'adjudicateUnchecked'
        ? () => api.adjudicate(priced, plan, accumulators, ADJUDICATE_NETWORK, { unchecked: true })
        : () => api.adjudicate(priced, plan, accumulators, ADJUDICATE_NETWORK);
    }
  }

  const errorMatch = /^error:(.+)$/.exec(s.expect);
  const { result, verdict } = callJudged(call, errorMatch);
  if (verdict !== undefined) return verdict;
  return compare(s, result, api);
}

// Calls `call`. { result } when the caller should go on to check the result; { verdict: null }
// when the expected MedbillError with the expected code was thrown; { verdict: message }
// for any other outcome.
function callJudged(call, errorMatch) {
  let result;
  try {
    result = call();
  } catch (e) {
    if (!errorMatch) return { verdict: `unexpected throw: ${describe(e)}` };
    if (!(e instanceof Error)) return { verdict: `thrown value is not an Error: ${describe(e)}` };
    if (e.name !== 'MedbillError') return { verdict: `expected a MedbillError, got ${describe(e)}` };
    const [code, ...facts] = errorMatch[1].split(' ');
    if (e.code !== code) return { verdict: `expected code ${code}, got ${describe(e)}` };
    return { verdict: judgeMessage(e.message, facts) };
  }
  if (errorMatch) return { verdict: `expected error ${errorMatch[1]}, got ${show(result)}` };
  return { result };
}

// The facts after an error code: `at:POINTER` (the message names that path) and
// `withholds:A,B` (the message contains none of them: patient data never appears in an error).
// null when they hold.
function judgeMessage(message, facts) {
  for (const fact of facts) {
    const [key, value] = [fact.slice(0, fact.indexOf(':')), fact.slice(fact.indexOf(':') + 1)];
    if (key === 'at' && !message.includes(`at ${value}:`)) return `the message does not name ${value}: ${message}`;
    else if (key === 'withholds') {
      const leaked = value.split(',').find((secret) => message.includes(secret));
      if (leaked !== undefined) return `the message quotes ${leaked}: ${message}`;
    } else if (key !== 'at') return `malformed scenario: unknown error fact '${fact}'`;
  }
  return null;
}

// Builds the call arguments, or returns a string describing a malformed scenario.
async function buildArgs(s, loadFixture) {
  switch (s.fn) {
    case 'checkCode':
      return [s.arg1, s.arg2];
    case 'allocate':
      return [s.arg1, s.arg2.split(',')];
    case 'allocateEvenly':
      if (!/^\d+$/.test(s.arg2)) return `allocateEvenly parts '${s.arg2}' is not a whole number`;
      return [s.arg1, Number(s.arg2)];
    case 'validateClaim':
      if (s.arg2 !== '-') return `validateClaim takes '-' as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1)];
    case 'prepareClaim':
      return [await loadFixture(s.arg1), await loadFixture(s.arg2)];
    case 'priceClaim': {
      const [contract, optionList, ...extra] = s.arg2.split('|');
      if (contract === '' || extra.length > 0 || optionList === '')
        return `priceClaim takes CONTRACT or CONTRACT|OPTIONS as its second argument, found '${s.arg2}'`;
      const args = [await loadFixture(s.arg1), await loadFixture(contract), PRICE_AS_OF];
      if (optionList === undefined) return args;
      const options = priceOptions(optionList);
      if (typeof options === 'string') return options;
      return [...args, options];
    }
    case 'priceMany': {
      const claims = s.arg1 === '-' ? [] : await Promise.all(s.arg1.split(',').map((rel) => loadFixture(rel)));
      return [claims, await loadFixture(s.arg2), PRICE_AS_OF];
    }
    case 'estimateVisit':
      if (s.arg2 !== '-') return `estimateVisit takes '-' as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), PRICE_AS_OF];
    case 'adjudicateClaim':
    case 'adjudicateUnchecked': {
      const claimContract = s.arg1.split('|');
      const planAccumulators = s.arg2.split('|');
      if (claimContract.length !== 2 || claimContract.some((p) => p === '' || p === '-'))
        return `${s.fn} takes CLAIM|CONTRACT as its first argument, found '${s.arg1}'`;
      if (planAccumulators.length !== 2 || planAccumulators.some((p) => p === ''))
        return `${s.fn} takes PLAN|ACCUMULATORS as its second argument, found '${s.arg2}'`;
      const [claim, contract] = claimContract;
      const [plan, accumulators] = planAccumulators;
      if (plan === '-') return `${s.fn} needs a PLAN file, found '-' in '${s.arg2}'`;
      return [await loadFixture(claim), await loadFixture(contract), await loadFixture(plan),
        accumulators === '-' ? {} : await loadFixture(accumulators)];
    }
    case 'coordinateClaim': {
      const parts = s.arg2.split('|');
      if (parts.length !== 4 || parts.some((p) => p === '') || parts.slice(0, 3).includes('-'))
        return `coordinateClaim takes CLAIM|CONTRACT|PLAN|ACCUMULATORS as its second argument, found '${s.arg2}'`;
      const prior = await loadFixture(s.arg1);
      const sources = ['remittance', 'coordination'].filter((key) => prior !== null && key in prior);
      if (typeof prior?.method !== 'object' || sources.length !== 1)
        return `coordinateClaim's PRIOR ${s.arg1} is not {method, remittance} or {method, coordination}`;
      const [claim, contract, plan, accumulators] = parts;
      return [prior, await loadFixture(claim), await loadFixture(contract), await loadFixture(plan),
        accumulators === '-' ? {} : await loadFixture(accumulators)];
    }
    case 'chargeClaims':
      return [await loadFixture(s.arg1), s.arg2 === '-' ? [] : await loadFixture(s.arg2), BOOKS_BILLED, BOOKS_POSTED];
    case 'printClaim': {
      const [form, mode, ...extra] = s.arg2.split('|');
      if (form === '' || extra.length > 0 || (mode !== undefined && mode !== 'dataOnly'))
        return `printClaim takes FORM or FORM|dataOnly as its second argument, found '${s.arg2}'`;
      const args = [await loadFixture(s.arg1), form];
      return mode === undefined ? args : [...args, { mode: 'dataOnly' }];
    }
    case 'secondaryClaim': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
        return `secondaryClaim takes PRIOR-PAYER|PRIOR as its second argument, found '${s.arg2}'`;
      const prior = await loadFixture(parts[0]);
      return [await loadFixture(s.arg1), prior.payer, prior.coverage, await loadFixture(parts[1]),
        prior.adjudicated, prior.nextPayer];
    }
    case 'kpis':
      return [await loadFixture(s.arg1), await loadFixture(s.arg2)];
    case 'denialQueue': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '') || parts[0] === '-')
        return `denialQueue takes CLAIMS|PACKS as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), await loadFixture(parts[0]),
        parts[1] === '-' ? [] : await loadFixture(parts[1]), QUEUE_AS_OF];
    }
    case 'correctedClaim': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '') || parts[1] === '-')
        return `correctedClaim takes NUMBER|CHANGES as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), payerNumber(parts[0]), await loadFixture(parts[1])];
    }
    case 'voidClaim':
      if (s.arg2 === '' || s.arg2.includes('|')) return `voidClaim takes NUMBER as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), payerNumber(s.arg2)];
    case 'appealLetter': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
        return `appealLetter takes DENIAL|REQUEST as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), await loadFixture(parts[0]), await loadFixture(parts[1])];
    }
    case 'followUpQueue':
      return [await loadFixture(s.arg1), s.arg2 === '-' ? [] : await loadFixture(s.arg2), QUEUE_AS_OF];
    case 'statusRequest': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
        return `statusRequest takes CLAIMS|RECEIVER as its second argument, found '${s.arg2}'`;
      const item = await loadFixture(s.arg1);
      const claims = await loadFixture(parts[0]);
      if (!Array.isArray(claims)) return `statusRequest's CLAIMS ${parts[0]} is not a JSON array`;
      const claim = claims.find((c) => c?.claim?.patientControlNumber === item?.claim);
      if (claim === undefined) return `statusRequest's CLAIMS ${parts[0]} has no claim ${show(item?.claim)}`;
      return [item, claim, await loadFixture(parts[1]), STATUS_REFERENCE];
    }
    case 'patientStatement': {
      const parts = s.arg2.split('|');
      if (parts.length !== 3 || parts.some((p) => p === '' || p === '-'))
        return `patientStatement takes PATIENT|CLAIMS|OPTIONS as its second argument, found '${s.arg2}'`;
      return [parts[0], await loadFixture(s.arg1), await loadFixture(parts[1]), await loadFixture(parts[2])];
    }
    case 'paymentPlan':
      if (s.arg2 !== '-') return `paymentPlan takes '-' as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1)];
    case 'planStanding': {
      const parts = s.arg2.split('|');
      if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
        return `planStanding takes PATIENT|ENTRIES as its second argument, found '${s.arg2}'`;
      return [await loadFixture(s.arg1), parts[0], await loadFixture(parts[1]), PATIENT_AS_OF];
    }
    case 'allocatePayment':
    case 'creditBalances':
      return [await loadFixture(s.arg1), await loadFixture(s.arg2)];
    case 'smallBalanceWriteOffs':
      return [await loadFixture(s.arg1), await loadFixture(s.arg2), PATIENT_AS_OF, PATIENT_AS_OF];
    case 'explainVisit': {
      const parts = s.arg2.split('|');
      if (parts.length !== 3 || parts.some((p) => p === '' || p === '-'))
        return `explainVisit takes CLAIM|CLAIMS|AUDIENCE as its second argument, found '${s.arg2}'`;
      return [parts[0], await loadFixture(s.arg1), await loadFixture(parts[1]), PATIENT_AS_OF, parts[2]];
    }
  }
}

/** The payer's claim number a correctedClaim or voidClaim scenario names ('-': the empty string). */
function payerNumber(text) {
  return text === '-' ? '' : text;
}

/**
 * The X12File read from `rel` with readX12, outside the call under test (so a read error is never
 * taken for the error a scenario expects); or a string describing what went wrong.
 */
async function readOutside(api, s, rel, loadBytes) {
  if (typeof loadBytes !== 'function') return `no loadBytes was supplied for ${s.fn}`;
  if (typeof api.readX12 !== 'function') return "the bindings do not export 'readX12'";
  try {
    return api.readX12(await loadBytes(rel));
  } catch (e) {
    return `reading ${rel} before ${s.fn} failed: ${describe(e)}`;
  }
}

/**
 * postStatuses's arguments: the X12 file's claimStatus list (read out here), the claims, the
 * entries and the posting date; or a string describing a malformed scenario.
 */
async function postStatusesArgs(api, s, loadFixture, loadBytes) {
  const parts = s.arg2.split('|');
  if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
    return `postStatuses takes CLAIMS|ENTRIES as its second argument, found '${s.arg2}'`;
  const file = await readOutside(api, s, s.arg1, loadBytes);
  if (typeof file === 'string') return file;
  const responses = file?.claimStatus ?? [];
  if (responses.length === 0) return `${s.arg1} holds no claim status`;
  return [responses, await loadFixture(parts[0]), await loadFixture(parts[1]), STATUS_POSTED];
}

/**
 * fixList's argument: the X12File read from the file out here, or a .json fixture as it is; or a
 * string describing a malformed scenario.
 */
async function fixListArgs(api, s, loadFixture, loadBytes) {
  if (s.arg2 !== '-') return `fixList takes '-' as its second argument, found '${s.arg2}'`;
  if (s.arg1.endsWith('.json')) return [await loadFixture(s.arg1)];
  const file = await readOutside(api, s, s.arg1, loadBytes);
  return typeof file === 'string' ? file : [file];
}

/**
 * postRemittance's arguments: the X12 file's first remittance (read with readX12 out here, so a
 * read error is never taken for the error a scenario expects), the claims, the entries ('-': none)
 * and the options; or a string describing a malformed scenario.
 */
async function postArgs(api, s, loadFixture, loadBytes) {
  const parts = s.arg2.split('|');
  if (parts.length !== 3 || parts.some((p) => p === '') || parts[0] === '-' || parts[2] === '-')
    return `postRemittance takes CLAIMS|ENTRIES|OPTIONS as its second argument, found '${s.arg2}'`;
  if (typeof loadBytes !== 'function') return 'no loadBytes was supplied for postRemittance';
  if (typeof api.readX12 !== 'function') return "the bindings do not export 'readX12'";
  let remittance;
  try {
    remittance = (api.readX12(await loadBytes(s.arg1)).remittances ?? [])[0];
  } catch (e) {
    return `reading ${s.arg1} before posting it failed: ${describe(e)}`;
  }
  if (remittance === undefined) return `${s.arg1} holds no remittance`;
  const entries = parts[1] === '-' ? [] : await loadFixture(parts[1]);
  return [remittance, await loadFixture(parts[0]), entries, await loadFixture(parts[2])];
}

/** The PriceOptions a priceClaim scenario names (each set to true), or a string saying what is wrong. */
function priceOptions(list) {
  const names = { unchecked: 'unchecked', anyPayer: 'anyPayer' };
  const options = {};
  for (const name of list.split(',')) {
    if (!(name in names)) return `unknown price option '${name}' (expected unchecked or anyPayer)`;
    options[names[name]] = true;
  }
  return options;
}

function compare(s, result, api) {
  let m;
  switch (s.fn) {
    case 'checkCode':
      if ((m = /^valid:(.+)$/.exec(s.expect))) {
        if (result?.valid !== true) return `expected valid, got ${show(result)}`;
        if (result.normalized !== m[1]) return `expected normalized ${show(m[1])}, got ${show(result.normalized)}`;
        return null;
      }
      if ((m = /^invalid:(.+)$/.exec(s.expect))) {
        if (result?.valid !== false) return `expected invalid, got ${show(result)}`;
        if (typeof result.reason !== 'string' || !result.reason.includes(m[1]))
          return `expected reason containing ${show(m[1])}, got ${show(result.reason)}`;
        return null;
      }
      break;
    case 'allocate':
    case 'allocateEvenly':
      if (/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?)*$/.test(s.expect)) {
        const want = s.expect.split(',');
        if (!Array.isArray(result) || !result.every((p) => typeof p === 'string'))
          return `expected an array of strings, got ${show(result)}`;
        if (result.join(',') !== want.join(',')) return `expected ${want.join(',')}, got ${result.join(',')}`;
        return null;
      }
      break;
    case 'validateClaim':
      if ((m = /^rules:(.*)$/.exec(s.expect))) {
        const want = m[1] === '' ? [] : m[1].split(',');
        if (!Array.isArray(result)) return `expected an array of findings, got ${show(result)}`;
        const got = result.map((f) => `${f.rule}@${f.path}`);
        if (got.join(',') !== want.join(','))
          return `expected rules [${want.join(', ')}], got [${got.join(', ')}]`;
        return null;
      }
      break;
    case 'prepareClaim':
      if ((m = /^total:(\S+) lines:(\d+)$/.exec(s.expect))) {
        const total = result?.totalCharge;
        const lines = result?.form?.professional?.lines;
        if (total !== m[1]) return `expected totalCharge ${show(m[1])}, got ${show(total)}`;
        if (!Array.isArray(lines)) return `expected form.professional.lines, got ${show(result?.form)}`;
        if (lines.length !== Number(m[2])) return `expected ${m[2]} lines, got ${lines.length}`;
        return null;
      }
      break;
    case 'priceClaim':
      if ((m = /^allowed:(\S*) total:(\S+)$/.exec(s.expect))) {
        const want = m[1] === '' ? [] : m[1].split(',');
        const lines = result?.lines;
        if (!Array.isArray(lines)) return `expected a priced claim with lines, got ${show(result)}`;
        const got = lines.map((line) => line?.allowed);
        if (!got.every((a) => typeof a === 'string')) return `expected every line's allowed to be a string, got ${show(got)}`;
        if (got.join(',') !== want.join(',')) return `expected allowed ${want.join(',')}, got ${got.join(',')}`;
        if (result.totalAllowed !== m[2]) return `expected totalAllowed ${show(m[2])}, got ${show(result.totalAllowed)}`;
        return null;
      }
      break;
    case 'fhirClaim':
    case 'fhirRemittanceEob': {
      if (typeof result !== 'string') return `expected FHIR JSON text, got ${show(result)}`;
      const resource = JSON.parse(result);
      const count = (type) => (resource.entry ?? []).filter((e) => e?.resource?.resourceType === type).length;
      for (const fact of s.expect.split(' ')) {
        const [key, want] = [fact.slice(0, fact.indexOf(':')), fact.slice(fact.indexOf(':') + 1)];
        let got;
        if (key === 'resourceType') got = resource.resourceType;
        else if (key === 'claims') got = String(count('Claim'));
        else if (key === 'eobs') got = String(count('ExplanationOfBenefit'));
        else if (key === 'exact') {
          // A JSON number with exactly these digits (not inside a string).
          const number = new RegExp(`[:\\[,]\\s*${want.replace('.', '\\.')}(?![0-9.])`);
          got = number.test(result) ? want : `no JSON number ${want}`;
        } else if (key === 'roundTrip') {
          got = api.fhirClaim(api.claimFromFhir(result), FHIR_CREATED) === result ? 'same' : 'different';
        } else return `malformed expectation: unknown fact '${key}'`;
        if (got !== want) return `expected ${key} ${want}, got ${got}`;
      }
      return null;
    }
    case 'priceMany':
      if ((m = /^outcomes:(\S*)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of outcomes, got ${show(result)}`;
        const got = result.map((o) => (o && 'priced' in o ? o.priced?.totalAllowed : o?.refused?.code));
        if (got.join(',') !== m[1]) return `expected outcomes ${m[1]}, got ${got.join(',')}`;
        return null;
      }
      break;
    case 'estimateVisit':
      if ((m = /^patientCost:(\S+) low:(\S+) high:(\S+)$/.exec(s.expect))) {
        const fields = [['patientCost', m[1]], ['patientCostLow', m[2]], ['patientCostHigh', m[3]]];
        for (const [field, want] of fields) {
          if (result?.[field] !== want) return `expected ${field} ${show(want)}, got ${show(result?.[field])}`;
        }
        return null;
      }
      break;
    case 'adjudicateClaim':
    case 'adjudicateUnchecked':
      if ((m = /^planPaid:(\S+) patient:(\S+)$/.exec(s.expect))) {
        if (result?.planPaid !== m[1]) return `expected planPaid ${show(m[1])}, got ${show(result?.planPaid)}`;
        if (result.patientResponsibility !== m[2])
          return `expected patientResponsibility ${show(m[2])}, got ${show(result.patientResponsibility)}`;
        return null;
      }
      break;
    case 'coordinateClaim':
      if ((m = /^secondaryPaid:(\S+) patientBalance:(\S+)$/.exec(s.expect))) {
        if (result?.secondaryPaid !== m[1]) return `expected secondaryPaid ${show(m[1])}, got ${show(result?.secondaryPaid)}`;
        if (result.patientBalance !== m[2])
          return `expected patientBalance ${show(m[2])}, got ${show(result.patientBalance)}`;
        return null;
      }
      break;
    case 'secondaryClaim':
      if ((m = /^paid:(\S+) linePaid:(\S+) sbr:(\S+)$/.exec(s.expect))) {
        const other = Array.isArray(result?.otherPayers) ? result.otherPayers.at(-1) : undefined;
        if (other?.paid !== m[1]) return `expected the prior payer's paid ${show(m[1])}, got ${show(other)}`;
        const lines = other.lines;
        if (!Array.isArray(lines)) return `expected lines, got ${show(other)}`;
        const got = lines.map((line) => line?.paid).join(',');
        if (got !== m[2]) return `expected line payments ${m[2]}, got ${got}`;
        const sbr = result.subscriber?.payerResponsibility;
        if (sbr !== m[3]) return `expected payerResponsibility ${show(m[3])}, got ${show(sbr)}`;
        return null;
      }
      break;
    case 'printClaim':
      if ((m = /^pages:(\d+) has:(\S+)$/.exec(s.expect))) {
        if (!(result instanceof Uint8Array)) return `expected a Uint8Array, got ${show(result)}`;
        const text = new TextDecoder('latin1').decode(result);
        if (!text.startsWith('%PDF-')) return `expected a PDF, got ${show(text.slice(0, 16))}`;
        const pages = (text.match(/\/Type \/Page(?!s)/g) ?? []).length;
        if (pages !== Number(m[1])) return `expected ${m[1]} pages, got ${pages}`;
        if (!text.includes(`(${m[2]}) Tj`)) return `expected ${show(m[2])} printed, not found`;
        return null;
      }
      break;
    case 'chargeClaims':
      if ((m = /^amounts:(\S*)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of entries, got ${show(result)}`;
        const got = result.map((entry) => entry?.amount).join(',');
        if (got !== m[1]) return `expected amounts ${m[1]}, got ${got}`;
        return null;
      }
      break;
    case 'postRemittance':
      if ((m = /^entries:(\d+) outcomes:(\S+) balances:(\S*) suspense:(\S+)$/.exec(s.expect))) {
        const posting = result?.posting;
        if (!Array.isArray(posting?.entries)) return `expected a posting with entries, got ${show(result)}`;
        if (posting.entries.length !== Number(m[1])) return `expected ${m[1]} entries, got ${posting.entries.length}`;
        const outcomes = (posting.claims ?? []).map((c) =>
          (typeof c?.outcome === 'string' ? c.outcome : Object.keys(c?.outcome ?? {})[0])).join(',');
        if (outcomes !== m[2]) return `expected outcomes ${m[2]}, got ${outcomes}`;
        const claims = result.balances?.claims ?? [];
        for (const pair of m[3] === '' ? [] : m[3].split(',')) {
          const [claim, want] = pair.split('=');
          const got = claims.find((c) => c?.claim === claim)?.balance?.balance;
          if (got !== want) return `expected claim ${claim}'s balance ${show(want)}, got ${show(got)}`;
        }
        if (m[3] === '' && claims.length !== 0) return `expected no claim balances, got ${show(claims)}`;
        if (result.balances?.suspense !== m[4]) return `expected suspense ${show(m[4])}, got ${show(result.balances?.suspense)}`;
        return null;
      }
      break;
    case 'kpis':
      if ((m = /^charges:(\S+) collections:(\S+) denialRate:(\S+) netCollectionRate:(\S+) daysInAr:(\S+)$/.exec(s.expect))) {
        if (result === null || typeof result !== 'object') return `expected Kpis, got ${show(result)}`;
        return facts([
          ['charges', result.charges, m[1]],
          ['collections', result.collections, m[2]],
          ['denialRateByCount.percent', orDash(result.denialRateByCount?.percent), m[3]],
          ['netCollectionRate.percent', orDash(result.netCollectionRate?.percent), m[4]],
          ['daysInAr', orDash(result.daysInAr), m[5]],
        ]);
      }
      break;
    case 'denialQueue':
      if ((m = /^items:(\d+) first:(\S+) deadline:(\S+)$/.exec(s.expect))) {
        const items = result?.items;
        if (!Array.isArray(items)) return `expected a denial queue with items, got ${show(result)}`;
        if (items.length !== Number(m[1])) return `expected ${m[1]} items, got ${items.length}`;
        const first = items[0];
        const reasons = first?.reasons;
        if (first !== undefined && !Array.isArray(reasons)) return `expected the first item's reasons, got ${show(first)}`;
        return facts([
          ['first', first === undefined ? '-' : `${first.claim}/${reasons[0]?.code}`, m[2]],
          ['appealDeadline', orDash(first?.appealDeadline), m[3]],
        ]);
      }
      break;
    case 'correctedClaim':
    case 'voidClaim':
      if ((m = /^frequency:(\S+) original:(\S+) findings:(\S*)$/.exec(s.expect))) {
        const claim = result?.claim;
        if (claim === null || typeof claim !== 'object') return `expected a resubmission with a claim, got ${show(result)}`;
        if (!Array.isArray(result.findings)) return `expected the resubmission's findings, got ${show(result)}`;
        return facts([
          ['claim.frequency', claim.frequency, m[1]],
          ['claim.originalClaimNumber', claim.originalClaimNumber, m[2]],
          ['findings', result.findings.map((f) => f?.rule).join(','), m[3]],
        ]);
      }
      break;
    case 'appealLetter':
      if ((m = /^has:(.+)$/.exec(s.expect))) {
        for (const key of ['text', 'html']) {
          if (typeof result?.[key] !== 'string') return `expected the letter's ${key}, got ${show(result)}`;
          if (!result[key].includes(m[1])) return `expected the letter's ${key} to contain ${show(m[1])}, got ${show(result[key])}`;
        }
        return null;
      }
      break;
    case 'followUpQueue':
      if ((m = /^items:(\d+) first:(\S+) due:(\S+) total:(\S+)$/.exec(s.expect))) {
        const items = result?.items;
        if (!Array.isArray(items)) return `expected a follow-up queue with items, got ${show(result)}`;
        if (items.length !== Number(m[1])) return `expected ${m[1]} items, got ${items.length}`;
        return facts([
          ['first', orDash(items[0]?.claim), m[2]],
          ['due', orDash(items[0]?.due), m[3]],
          ['total', result.total, m[4]],
        ]);
      }
      break;
    case 'statusRequest':
      if ((m = /^trace:(\S+) payer:(\S+) receiver:(\S+) charge:(\S+)$/.exec(s.expect))) {
        if (result === null || typeof result !== 'object') return `expected a ClaimStatusRequest, got ${show(result)}`;
        return facts([
          ['traceNumber', result.traceNumber, m[1]],
          ['payer.id', result.payer?.id, m[2]],
          ['informationReceiver.id', result.informationReceiver?.id, m[3]],
          ['charge', result.charge, m[4]],
        ]);
      }
      break;
    case 'postStatuses':
      if ((m = /^entries:(\d+) events:(\S*)$/.exec(s.expect))) {
        if (!Array.isArray(result?.entries) || !Array.isArray(result?.updates))
          return `expected a status posting with entries and updates, got ${show(result)}`;
        if (result.entries.length !== Number(m[1])) return `expected ${m[1]} entries, got ${result.entries.length}`;
        const events = result.updates.map((u) =>
          (typeof u?.event === 'string' ? u.event : Object.keys(u?.event ?? {})[0])).join(',');
        return facts([['events', events, m[2]]]);
      }
      break;
    case 'scrubClaim':
    case 'scrubClaimPacked':
      if ((m = /^rules:(\S+)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of findings, got ${show(result)}`;
        return facts([['rules', result.length ? result.map((f) => f.rule).join(',') : '-', m[1]]]);
      }
      break;
    case 'eligibilityBenefits':
      if ((m = /^coverage:(\S+) met:(\S+) first:(\S+)$/.exec(s.expect))) {
        const firstError = (result?.findings ?? []).find((f) => f.severity === 'error');
        return facts([
          ['coverage', orDash(result?.coverage), m[1]],
          ['met', orDash(result?.accumulators?.inNetwork?.individualDeductible), m[2]],
          ['first', orDash(firstError?.rule), m[3]],
        ]);
      }
      break;
    case 'fixList':
      if ((m = /^fixes:(\d+) claim:(\S+) path:(\S+)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of fixes, got ${show(result)}`;
        if (result.length !== Number(m[1])) return `expected ${m[1]} fixes, got ${result.length}`;
        return facts([
          ['claim', orDash(result[0]?.claim), m[2]],
          ['path', orDash(result[0]?.path), m[3]],
        ]);
      }
      break;
    case 'patientStatement':
      if ((m = /^due:(\S+) visits:(\d+) has:(.+)$/.exec(s.expect))) {
        const st = result?.statement;
        if (st === null || typeof st !== 'object' || !Array.isArray(st.visits))
          return `expected statement documents, got ${show(result)}`;
        for (const key of ['text', 'html']) {
          if (typeof result[key] !== 'string') return `expected the statement's ${key}, got ${show(result)}`;
          if (!result[key].includes(m[3])) return `expected the statement's ${key} to contain ${show(m[3])}, got ${show(result[key])}`;
        }
        return facts([
          ['totals.amountDue', st.totals?.amountDue, m[1]],
          ['visits', String(st.visits.length), m[2]],
        ]);
      }
      break;
    case 'paymentPlan':
      if ((m = /^installments:(\d+) first:(\S+) last:(\S+)$/.exec(s.expect))) {
        const list = result?.installments;
        if (!Array.isArray(list)) return `expected a payment plan with installments, got ${show(result)}`;
        const at = (i) => (list[i] === undefined ? '-' : `${list[i].due}/${list[i].amount}`);
        return facts([
          ['installments', String(list.length), m[1]],
          ['first', at(0), m[2]],
          ['last', at(list.length - 1), m[3]],
        ]);
      }
      break;
    case 'planStanding':
      if ((m = /^paid:(\S+) remaining:(\S+) missed:(\d+) defaulted:(true|false)$/.exec(s.expect))) {
        if (result === null || typeof result !== 'object') return `expected a PlanStanding, got ${show(result)}`;
        return facts([
          ['paid', result.paid, m[1]],
          ['remaining', result.remaining, m[2]],
          ['missed', result.missed, Number(m[3])],
          ['defaulted', result.defaulted, m[4] === 'true'],
        ]);
      }
      break;
    case 'allocatePayment':
      if ((m = /^requests:(\d+) applied:(\S+) unapplied:(\S+)$/.exec(s.expect))) {
        if (!Array.isArray(result?.requests)) return `expected an Allocation with requests, got ${show(result)}`;
        return facts([
          ['requests', String(result.requests.length), m[1]],
          ['applied', result.applied, m[2]],
          ['unapplied', result.unapplied, m[3]],
        ]);
      }
      break;
    case 'creditBalances':
      if ((m = /^accounts:(\d+) first:(\S+) net:(\S+)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of credit balances, got ${show(result)}`;
        return facts([
          ['accounts', String(result.length), m[1]],
          ['first', orDash(result[0]?.patient), m[2]],
          ['netCredit', orDash(result[0]?.netCredit), m[3]],
        ]);
      }
      break;
    case 'smallBalanceWriteOffs':
      if ((m = /^writeOffs:(\d+) total:(\S+)$/.exec(s.expect))) {
        if (!Array.isArray(result)) return `expected an array of write-off requests, got ${show(result)}`;
        // Added in cents (whole cents: a write-off is money the patient was billed).
        let cents = 0;
        for (const r of result) {
          if (typeof r?.amount !== 'string' || !/^\d+\.\d\d$/.test(r.amount)) return `expected an amount in cents, got ${show(r)}`;
          cents += Number(r.amount.replace('.', ''));
        }
        const total = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        return facts([
          ['writeOffs', String(result.length), m[1]],
          ['total', total, m[2]],
        ]);
      }
      break;
    case 'explainVisit':
      if ((m = /^has:(.+)$/.exec(s.expect))) {
        const body = result?.patient ?? result?.payer;
        if (!Array.isArray(body?.sentences)) return `expected a VisitExplanation with sentences, got ${show(result)}`;
        if (!body.sentences.some((x) => typeof x === 'string' && x.includes(m[1])))
          return `expected a sentence containing ${show(m[1])}, got ${show(body.sentences)}`;
        return null;
      }
      break;
  }
  return `malformed scenario: unrecognized expectation '${s.expect}' for ${s.fn}`;
}

/** '-' for an absent (undefined or null) field, else the field as it is (a string is compared as one). */
function orDash(value) {
  return value === undefined || value === null ? '-' : value;
}

/** [what, got, want] triples compared strictly (a number is never its digits): null when all hold. */
function facts(triples) {
  for (const [what, got, want] of triples) {
    if (got !== want) return `expected ${what} ${show(want)}, got ${show(got)}`;
  }
  return null;
}

// The X12 scenarios: the call under test, then its FACTS (null when they all hold).
async function checkX12(api, s, loadFixture, loadBytes) {
  if (typeof loadBytes !== 'function') return 'runner error: no loadBytes was supplied for an X12 scenario';
  const errorMatch = /^error:(.+)$/.exec(s.expect);
  const facts = errorMatch ? [] : s.expect.split(' ').map((fact) => /^([A-Za-z]+):(.*)$/.exec(fact));
  if (facts.some((m) => m === null)) return `malformed scenario: expected KEY:VALUE facts, found '${s.expect}'`;
  const allowed = s.fn === 'readX12' ? FILE_KEYS : s.fn === 'summarizeX12' ? Object.keys(SUMMARY_KEYS)
    : [...FILE_KEYS, ...Object.keys(SUMMARY_KEYS), 'has', 'same'];
  const unknown = facts.find((m) => !allowed.includes(m[1]));
  if (unknown) return `malformed scenario: ${s.fn} has no fact '${unknown[1]}'`;

  let call;
  if (s.fn === 'readX12' || s.fn === 'summarizeX12') {
    if (s.arg2 !== '-') return `malformed scenario: ${s.fn} takes '-' as its second argument, found '${s.arg2}'`;
    const bytes = await loadBytes(s.arg1);
    call = () => api[s.fn](bytes);
  } else if (s.fn === 'write837') {
    const parts = s.arg2.split('|');
    if (parts.length !== 2 || parts.some((p) => p === '' || p === '-'))
      return `malformed scenario: write837 takes SUBMISSION|ENVELOPE as its second argument, found '${s.arg2}'`;
    const claims = await Promise.all(s.arg1.split(',').map(loadFixture));
    const [submission, envelope] = [await loadFixture(parts[0]), await loadFixture(parts[1])];
    call = () => api.write837(claims, submission, envelope);
  } else {
    let items;
    if (s.fn === 'write835' && s.arg1.endsWith('.835')) {
      if (typeof api.readX12 !== 'function') return "the bindings do not export 'readX12'";
      try {
        items = api.readX12(await loadBytes(s.arg1)).remittances ?? [];
      } catch (e) {
        return `reading ${s.arg1} before writing it failed: ${describe(e)}`;
      }
    } else {
      items = await loadFixture(s.arg1);
    }
    const envelope = await loadFixture(s.arg2);
    call = () => api[s.fn](items, envelope);
  }

  const { result, verdict } = callJudged(call, errorMatch);
  if (verdict !== undefined) return verdict;

  let file;
  let summaries;
  let text;
  if (s.fn === 'readX12') file = result;
  else if (s.fn === 'summarizeX12') summaries = result;
  else {
    if (typeof result !== 'string') return `expected X12 text, got ${show(result)}`;
    text = result;
    try {
      file = api.readX12(text);
      summaries = api.summarizeX12(text);
    } catch (e) {
      return `reading the written X12 back failed: ${describe(e)}`;
    }
  }
  for (const [, key, want] of facts) {
    let got;
    if (FILE_KEYS.includes(key)) {
      if (file === null || typeof file !== 'object') return `expected an X12File, got ${show(file)}`;
      const list = file[key] ?? [];
      if (!Array.isArray(list)) return `expected ${key} to be an array, got ${show(list)}`;
      got = String(list.length);
    } else if (key in SUMMARY_KEYS) {
      if (!Array.isArray(summaries)) return `expected an array of set summaries, got ${show(summaries)}`;
      got = summaries.map((summary) => {
        const value = summary?.[SUMMARY_KEYS[key]];
        if (value === null || value === undefined) return '-';
        if (typeof value === 'boolean') return value ? 'yes' : 'no';
        return String(value);
      }).join(',');
    } else if (key === 'has') {
      if (!text.includes(want)) return `expected the X12 to contain ${show(want)}, got ${show(text)}`;
      continue;
    } else {
      const file = new TextDecoder().decode(await loadBytes(want));
      if (text !== file) return `expected the X12 to equal ${want}, got ${show(text)}`;
      continue;
    }
    if (got !== want) return `expected ${key} ${show(want)}, got ${show(got)}`;
  }
  return null;
}

function describe(e) {
  if (e instanceof Error) return `${e.name}${e.code ? ` [${e.code}]` : ''}: ${e.message}`;
  return show(e);
}

function show(v) {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? String(v) : text;
  } catch {
    return String(v);
  }
}
