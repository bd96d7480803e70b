// Runs the shared scenarios (bindings-tests/scenarios.tsv) against the WASM bindings in Node,
// through the npm package's Node entries (the web build's modules, instantiated from the files
// beside them), plus a few checks of how values and errors cross the JS boundary.
//   node --test bindings-wasm/tests/node.test.mjs
// MEDBILL_NPM_DIR: the assembled npm package (default: <repo>/target/npm/medbill, made by
//                  `cargo xtask`'s npm package step).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MODULES, PRICE_AS_OF, PRICER_FILES, PRICER_VERSION, mergeModules, nodeEntry, parseScenarios, pricerOnce, printOnce,
  runScenario,
} from './scenarios.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npmDir = process.env.MEDBILL_NPM_DIR || path.join(repo, 'target/npm/medbill');
const dataDir = path.join(repo, 'examples/data');

const load = (subpath) => import(pathToFileURL(path.join(npmDir, nodeEntry(subpath))).href);
const namespaces = await Promise.all(MODULES.map(({ subpath }) => load(subpath)));
const api = mergeModules(namespaces);
// Claim printing is its own module, loaded (and its WASM compiled) on the first print only.
const loadPrint = printOnce(() => load('print'));
const loadFixture = (rel) => JSON.parse(readFileSync(path.join(dataDir, rel), 'utf8'));
// Plain Uint8Arrays (not Buffers), as a browser would hand them over.
const loadBytes = (rel) => new Uint8Array(readFileSync(path.join(dataDir, rel)));

// One Pricer for the whole run, built by the first scenario that needs it (priceClaim,
// estimateVisit, adjudicateClaim).
const getPricer = pricerOnce(api, loadBytes);
after(() => getPricer.free());

const scenarios = parseScenarios(readFileSync(path.join(repo, 'bindings-tests/scenarios.tsv'), 'utf8'));

test('scenarios.tsv has scenarios', () => {
  assert.ok(scenarios.length > 0, 'no scenarios parsed');
});

for (const scenario of scenarios) {
  test(`scenario: ${scenario.name}`, async () => {
    const result = await runScenario(api, scenario, loadFixture, getPricer, loadBytes, loadPrint);
    assert.ok(result.ok, result.detail);
  });
}

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected the call to throw');
}

test('errors are Error instances with name MedbillError and a string code', () => {
  const e = thrown(() => api.allocate('1.00', ['0', '0']));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'MedbillError');
  assert.equal(e.code, 'ALLOCATION_INVALID');
  assert.equal(typeof e.message, 'string');
});

test('amounts come back as strings', () => {
  for (const part of api.allocate('10.00', ['1', '2'])) assert.equal(typeof part, 'string');
  for (const part of api.allocateEvenly('0.10', 3)) assert.equal(typeof part, 'string');
  const claim = api.prepareClaim(loadFixture('encounters/enc-office-visit.json'), loadFixture('practice.json'));
  assert.equal(typeof claim.totalCharge, 'string');
  for (const line of claim.form.professional.lines) assert.equal(typeof line.charge, 'string');
});

test('a bad birth date is reported by path without echoing the value', () => {
  const claim = loadFixture('claims/professional-clean.json');
  claim.subscriber.birthDate = 'Jane Doe';
  const e = thrown(() => api.validateClaim(claim));
  assert.ok(e instanceof Error);
  assert.equal(e.code, 'INPUT_INVALID');
  assert.ok(e.message.includes('/subscriber/birthDate'), e.message);
  assert.ok(!e.message.includes('Jane'), e.message);
});

test('a number where an amount string is expected is INPUT_INVALID', () => {
  const claim = loadFixture('claims/professional-clean.json');
  claim.totalCharge = 245;
  const e = thrown(() => api.validateClaim(claim));
  assert.ok(e instanceof Error);
  assert.equal(e.code, 'INPUT_INVALID');
  assert.ok(e.message.includes('/totalCharge'), e.message);
});

// Values cross the boundary as JSON text: what JSON.stringify would drop or change silently
// (a function, NaN, a Set, a hole in an array) is refused instead, and a Map with text keys
// reads as the object it stands for.
test('values JSON cannot carry are refused, never dropped or changed', () => {
  const refused = (mutate, want) => {
    const claim = loadFixture('claims/professional-clean.json');
    mutate(claim);
    const e = thrown(() => api.validateClaim(claim));
    assert.equal(e.name, 'MedbillError');
    assert.equal(e.code, 'INPUT_INVALID');
    assert.ok(e.message.includes(want), e.message);
  };
  refused((c) => { c.frequency = () => '1'; }, 'not JSON-shaped');
  refused((c) => { c.form.professional.lines[0].units = NaN; }, 'not finite');
  refused((c) => { c.form.professional.lines[0].units = Infinity; }, 'not finite');
  refused((c) => { c.diagnoses = new Set(c.diagnoses); }, 'not JSON-shaped');
  refused((c) => { c.diagnoses = [c.diagnoses[0], undefined]; }, 'not JSON-shaped');
  refused((c) => { c.totalCharge = 245n; }, 'not JSON-shaped');
  refused((c) => { c.payer = new Map([[1, 'one']]); }, 'key is not text');
  // An absent optional field may be undefined, as in any JS object.
  const claim = loadFixture('claims/professional-clean.json');
  const { renderingProvider, ...withoutRendering } = claim;
  assert.ok(renderingProvider);
  assert.deepEqual(api.validateClaim({ ...claim, renderingProvider: undefined }), api.validateClaim(withoutRendering));
  // A Map with text keys is read as an object.
  const mapped = { ...claim, payer: new Map(Object.entries(claim.payer)) };
  assert.deepEqual(api.validateClaim(mapped), api.validateClaim(claim));
});

test('priceMany gives each claim the outcome price gives it alone', async () => {
  const pricer = await getPricer();
  const clean = loadFixture('claims/professional-clean.json');
  const broken = loadFixture('claims/professional-broken.json');
  const contract = loadFixture('contracts/medicare-part-b.json');
  const outcomes = pricer.priceMany([clean, broken], contract, PRICE_AS_OF);
  assert.deepEqual(outcomes[0], { priced: pricer.price(clean, contract, PRICE_AS_OF) });
  const e = thrown(() => pricer.price(broken, contract, PRICE_AS_OF));
  assert.deepEqual(outcomes[1], { refused: { code: e.code, message: e.message } });
});

test('readRemittances gives readX12\'s remittances; balances sum the charged books', () => {
  const x12 = loadBytes('x12/remittance.835');
  assert.deepEqual(api.readRemittances(x12), api.readX12(x12).remittances);
  assert.deepEqual(api.readRemittances(loadBytes('books/ack-rejected.999')), []);
  const entries = api.chargeClaims(loadFixture('books/claims.json'), [], '2026-11-20', '2026-11-21');
  const cents = entries.reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0);
  const balances = api.balances(entries);
  assert.equal(Math.round(Number(balances.receivables.balance) * 100), cents);
  assert.deepEqual(api.balances(entries, { date: '2026-11-20' }).receivables.balance, '0.00');
});

test('a Pricer with the RVU file but no GPCI file is CODESET_INCOMPLETE', () => {
  const e = thrown(() => new api.Pricer(loadBytes(PRICER_FILES.rvu)));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'MedbillError');
  assert.equal(e.code, 'CODESET_INCOMPLETE');
});

test('the sample Pricer loads 53 RVU rows, and a Pricer without data none', async () => {
  const pricer = await getPricer();
  assert.equal(pricer.rvuRows, 53);
  const empty = new api.Pricer();
  try {
    assert.equal(empty.rvuRows, 0);
  } finally {
    empty.free();
  }
});

test('a priced claim carries amounts as strings and a trace', async () => {
  const pricer = await getPricer();
  const priced = pricer.price(loadFixture('claims/professional-clean.json'),
    loadFixture('contracts/medicare-part-b.json'), PRICE_AS_OF);
  assert.equal(priced.asOf, PRICE_AS_OF);
  assert.equal(typeof priced.totalAllowed, 'string');
  for (const line of priced.lines) assert.equal(typeof line.allowed, 'string');
  const step = priced.lines[0].trace[0];
  assert.equal(typeof step.rule, 'string');
  assert.equal(step.dataVersion, PRICER_VERSION);
});

test('price with trace: false leaves the traces out and nothing else', async () => {
  const pricer = await getPricer();
  const claim = loadFixture('claims/professional-clean.json');
  const contract = loadFixture('contracts/medicare-part-b.json');
  const full = pricer.price(claim, contract, PRICE_AS_OF);
  const lean = pricer.price(claim, contract, PRICE_AS_OF, { trace: false });
  assert.ok(full.lines.every((l) => l.trace.length > 0 || l.status.status !== 'priced'));
  assert.ok(lean.lines.every((l) => l.trace.length === 0));
  assert.deepEqual(lean.lines.map((l) => l.allowed), full.lines.map((l) => l.allowed));
  assert.equal(lean.totalAllowed, full.totalAllowed);
});

test('priceJson gives the same priced claim as price, as JSON text', async () => {
  const pricer = await getPricer();
  const claim = loadFixture('claims/professional-clean.json');
  const contract = loadFixture('contracts/medicare-part-b.json');
  const asObject = pricer.price(claim, contract, PRICE_AS_OF);
  const asText = pricer.priceJson(JSON.stringify(claim), JSON.stringify(contract), PRICE_AS_OF);
  assert.deepEqual(JSON.parse(asText), asObject);
  const lean = pricer.priceJson(JSON.stringify(claim), JSON.stringify(contract), PRICE_AS_OF, '{"trace": false}');
  assert.ok(JSON.parse(lean).lines.every((l) => l.trace.length === 0));
  const bad = thrown(() => pricer.priceJson(JSON.stringify(claim), JSON.stringify(contract), PRICE_AS_OF, '{"fast": true}'));
  assert.equal(bad.code, 'INPUT_INVALID');
  const e = thrown(() => pricer.priceJson('{"not": "a claim"}', JSON.stringify(contract), PRICE_AS_OF));
  assert.equal(e.code, 'INPUT_INVALID');
});

test('a bad asOf date is INPUT_INVALID', async () => {
  const pricer = await getPricer();
  const claim = loadFixture('claims/professional-clean.json');
  const contract = loadFixture('contracts/medicare-part-b.json');
  const e = thrown(() => pricer.price(claim, contract, '2026-13-45'));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'MedbillError');
  assert.equal(e.code, 'INPUT_INVALID');
});

test('printing is the print module\'s alone: the main module has no printClaim', async () => {
  assert.equal(api.printClaim, undefined);
  const print = await loadPrint();
  assert.equal(typeof print.printClaim, 'function');
  assert.equal(typeof print.isMedbillError, 'function');
  // Only printing (and its error check) crosses into the print module.
  const own = (namespace) => Object.keys(namespace).filter((k) => !k.startsWith('__') && k !== 'default' && k !== 'initSync');
  assert.deepEqual(own(print).sort(), ['isMedbillError', 'printClaim']);
});

test('each capability is its own module: the main one has no scrubber, X12, books or FHIR operation', () => {
  const [main, scrub, x12, books, fhir] = namespaces;
  for (const name of ['scrubClaim', 'CodeSets', 'readX12', 'write837', 'postRemittance', 'patientStatement', 'kpis',
    'fhirClaim']) {
    assert.equal(main[name], undefined, `the main module exports ${name}`);
  }
  assert.equal(typeof scrub.scrubClaim, 'function');
  assert.equal(typeof scrub.CodeSets.fromPack, 'function');
  assert.equal(typeof x12.readX12, 'function');
  assert.equal(typeof x12.eligibilityBenefits, 'function');
  assert.equal(typeof books.postRemittance, 'function');
  assert.equal(typeof books.kpis, 'function');
  assert.equal(typeof fhir.fhirRemittanceEob, 'function');
  assert.equal(x12.Pricer, undefined);
  // A value read by one module is used by another as is: the JSON forms are shared.
  const remittance = x12.readRemittances(readFileSync(path.join(dataDir, 'books/remittance.835')))[0];
  const eob = JSON.parse(fhir.fhirRemittanceEob(remittance, '2026-12-02'));
  assert.equal(eob.resourceType, 'Bundle');
  // An error thrown by one module is a MedbillError to every other.
  const e = thrown(() => x12.readX12('not x12'));
  assert.ok(main.isMedbillError(e) && books.isMedbillError(e));
});

test('printClaim: options undefined or null print the whole form; dataOnly prints the data alone', async () => {
  const print = await loadPrint();
  const claim = loadFixture('claims/professional-accident.json');
  const latin1 = (bytes) => new TextDecoder('latin1').decode(bytes);
  const omitted = print.printClaim(claim, 'cms1500');
  assert.ok(omitted instanceof Uint8Array);
  assert.deepEqual(print.printClaim(claim, 'cms1500', undefined), omitted);
  assert.deepEqual(print.printClaim(claim, 'cms1500', null), omitted);
  assert.deepEqual(print.printClaim(claim, 'cms1500', { mode: 'full' }), omitted);
  // The whole form carries the form's printed title; the red OCR form has it already, so
  // data only leaves it out, and both show the claim's patient control number.
  const dataOnly = latin1(print.printClaim(claim, 'cms1500', { mode: 'dataOnly' }));
  assert.ok(latin1(omitted).includes('HEALTH INSURANCE CLAIM FORM'));
  assert.ok(!dataOnly.includes('HEALTH INSURANCE CLAIM FORM'));
  for (const pdf of [latin1(omitted), dataOnly]) assert.ok(pdf.includes('(ACC-6001) Tj'));
});

test('print errors are MedbillErrors that both modules recognise, without patient data', async () => {
  const print = await loadPrint();
  const claim = loadFixture('claims/professional-clean.json');
  const unknown = thrown(() => print.printClaim(claim, 'cms1450'));
  assert.ok(unknown instanceof Error);
  assert.equal(unknown.name, 'MedbillError');
  assert.equal(unknown.code, 'PRINT_UNKNOWN_FORM');
  assert.ok(print.isMedbillError(unknown) && api.isMedbillError(unknown));
  const mode = thrown(() => print.printClaim(claim, 'cms1500', { mode: 'ocr' }));
  assert.equal(mode.code, 'INPUT_INVALID');
  claim.subscriber.birthDate = 'Jane Doe';
  const input = thrown(() => print.printClaim(claim, 'cms1500'));
  assert.equal(input.code, 'INPUT_INVALID');
  assert.ok(input.message.includes('/subscriber/birthDate'), input.message);
  assert.ok(!input.message.includes('Jane'), input.message);
  assert.ok(api.isMedbillError(input));
  assert.ok(!print.isMedbillError(new Error('not ours')));
});

test('estimateWithEligibility takes the 271 as the X12 module reads it: the plan and what is met come from it', async () => {
  const [, , x12] = namespaces;
  const pricer = await getPricer();
  const request = loadFixture('estimates/knee-injection-ppo.json');
  const check = loadFixture('eligibility/check-kowalski.json');
  const bytes = readFileSync(path.join(dataDir, 'eligibility/billing-day.271'));
  const responses = x12.readX12(bytes).eligibility;
  assert.ok(responses.length > 0);
  const eligible = pricer.estimateWithEligibility(request, responses, check, PRICE_AS_OF);
  // The same benefits as the X12 module's eligibilityBenefits for the first date of service.
  const benefits = x12.eligibilityBenefits(bytes, { ...check, dateOfService: request.services[0].date, template: request.plan });
  assert.deepEqual(eligible.eligibility, benefits);
  assert.equal(eligible.eligibility.accumulators.inNetwork.individualDeductible, '360.00');
  // ... and the estimate is the plain estimate with that plan and those accumulators.
  const plain = pricer.estimate({ ...request, plan: benefits.plan, accumulators: benefits.accumulators }, PRICE_AS_OF);
  assert.equal(eligible.estimate.patientCost, plain.patientCost);
  // Raw X12 is the X12 module's to read, not this one's.
  assert.equal(thrown(() => pricer.estimateWithEligibility(request, bytes, check, PRICE_AS_OF)).code, 'INPUT_INVALID');
});

test('version is a string', () => {
  assert.match(api.version(), /^\d+\.\d+\.\d+/);
});

// Exact cents of a decimal amount string ("-12.5" -> -1250n), with no floating point.
function cents(amount) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  assert.ok(m, `not an amount with at most 2 decimals: ${JSON.stringify(amount)}`);
  const value = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}

async function pricedClean(contract) {
  const pricer = await getPricer();
  // The clean claim billed to the contract's payer (Medicare's, or Prairie's).
  const claim = contract === 'prairie-ppo' ? 'claims/professional-ppo.json' : 'claims/professional-clean.json';
  return pricer.price(loadFixture(claim), loadFixture(`contracts/${contract}.json`), PRICE_AS_OF);
}

test('adjudicate with the network omitted is adjudicate in network', async () => {
  const priced = await pricedClean('prairie-ppo');
  const plan = loadFixture('plans/commercial-ppo.json');
  const accumulators = loadFixture('plans/accumulators-sample.json');
  const omitted = api.adjudicate(priced, plan, accumulators);
  const inNetwork = api.adjudicate(priced, plan, accumulators, 'inNetwork');
  assert.equal(omitted.network, 'inNetwork');
  assert.deepEqual(omitted, inNetwork);
});

test('every adjudicated line balances: charge = plan paid + adjustments', async () => {
  const cases = [
    ['prairie-ppo', 'plans/commercial-ppo.json', loadFixture('plans/accumulators-sample.json')],
    ['medicare-part-b', 'plans/medicare-part-b-2026.json', {}],
  ];
  for (const [contract, plan, accumulators] of cases) {
    const adjudication = api.adjudicate(await pricedClean(contract), loadFixture(plan), accumulators, 'inNetwork');
    assert.equal(typeof adjudication.planPaid, 'string');
    assert.equal(typeof adjudication.patientResponsibility, 'string');
    assert.ok(adjudication.lines.length > 0, `${plan}: no lines`);
    for (const line of adjudication.lines) {
      const where = `${plan} line ${line.line}`;
      for (const a of line.adjustments) {
        assert.equal(typeof a.group, 'string', where);
        assert.equal(typeof a.reason, 'string', where);
        assert.equal(typeof a.amount, 'string', where);
      }
      assert.ok(Array.isArray(line.explanation) && line.explanation.every((t) => typeof t === 'string'), where);
      const adjusted = line.adjustments.reduce((sum, a) => sum + cents(a.amount), 0n);
      assert.equal(cents(line.charge), cents(line.planPaid) + adjusted,
        `${where}: charge ${line.charge} != planPaid ${line.planPaid} + ${JSON.stringify(line.adjustments)}`);
    }
  }
});

test('coordinate: Medicare as secondary to a PPO pays a string amount, at most what the patient owed', async () => {
  const primary = api.adjudicate(await pricedClean('prairie-ppo'), loadFixture('plans/commercial-ppo.json'),
    loadFixture('plans/accumulators-sample.json'), 'inNetwork');
  const secondary = api.adjudicate(await pricedClean('medicare-part-b'), loadFixture('plans/medicare-part-b-2026.json'),
    {}, 'inNetwork');
  const coordination = api.coordinate(primary, secondary, { method: 'standard' });
  assert.equal(typeof coordination.secondaryPaid, 'string');
  assert.equal(typeof coordination.patientBalance, 'string');
  assert.ok(Array.isArray(coordination.lines));
  assert.ok(cents(coordination.secondaryPaid) >= 0n, coordination.secondaryPaid);
  assert.ok(cents(coordination.secondaryPaid) <= cents(primary.patientResponsibility),
    `secondaryPaid ${coordination.secondaryPaid} > primary patient responsibility ${primary.patientResponsibility}`);
});

test('coordinateNext: a tertiary payer never pays more than the balance the secondary left', async () => {
  const primary = api.adjudicate(await pricedClean('prairie-ppo'), loadFixture('plans/commercial-ppo.json'),
    loadFixture('plans/accumulators-sample.json'), 'inNetwork');
  const other = api.adjudicate(await pricedClean('prairie-ppo'), loadFixture('plans/commercial-ppo.json'), {}, 'inNetwork');
  const secondary = api.coordinate(primary, other, { method: 'nonDuplication' });
  const tertiary = api.coordinateNext(secondary, other, { method: 'standard' });
  assert.equal(cents(tertiary.priorPaid), cents(secondary.priorPaid) + cents(secondary.secondaryPaid));
  assert.ok(cents(tertiary.secondaryPaid) <= cents(secondary.patientBalance));
  assert.equal(cents(tertiary.patientBalance), cents(secondary.patientBalance) - cents(tertiary.secondaryPaid));
});

test('a self-pay estimate carries a Good Faith Estimate with a 400.00 dispute threshold', async () => {
  const pricer = await getPricer();
  const estimate = pricer.estimate(loadFixture('estimates/self-pay-gfe.json'), PRICE_AS_OF);
  assert.equal(typeof estimate.patientCost, 'string');
  assert.equal(estimate.goodFaithEstimate?.disputeThreshold, '400.00');
});

test('readX12 reads bytes and text alike; anything else is INPUT_INVALID', () => {
  const bytes = loadBytes('x12/remittance.835');
  const text = readFileSync(path.join(dataDir, 'x12/remittance.835'), 'utf8');
  assert.deepEqual(api.readX12(text), api.readX12(bytes));
  assert.equal(typeof api.readX12(bytes).remittances[0].claims[0].paid, 'string');
  const e = thrown(() => api.readX12(42));
  assert.equal(e.name, 'MedbillError');
  assert.equal(e.code, 'INPUT_INVALID');
});
