// medbill's browser example: a practice's billing page that runs entirely in the page. The
// claim is checked as it is typed (medbill's decoder, validation and scrubber), priced under a
// payer contract and adjudicated under the patient's plan, written as an 837, the payer's 835
// read as an explanation of benefits and posted to the books, and the patient statement and
// the printed CMS-1500 previewed. Nothing is sent anywhere: the data is bundled or opened from
// the user's disk, and files are saved through blob: links.
import init, {
  Pricer, adjudicate, version,
  type Adjudication, type ChargedClaim, type Claim, type Entry, type EstimateRequest, type Finding,
  type PlannedService, type PricedClaim, type Remittance,
} from 'medbill';
import initScrub, { CodeSets, scrubClaim } from 'medbill/scrub';

import { byId, describeError, downloadLink, el, saveButton, table } from './dom';
import { ClaimForm, getAt, type Json } from './form';
import * as modules from './modules';
import {
  CLAIMS, CODE_SETS, CONTRACTS, DEDUCTIBLE_MET, EARLIER_VISIT, ENVELOPE, PATIENT_ACCOUNT,
  PAYER_RULES, PFS, PLANS, SAMPLE_835, SUBMISSION,
} from './samples';

const $ = {
  workDate: byId('work-date', HTMLInputElement),
  sample: byId('sample', HTMLSelectElement),
  openClaim: byId('open-claim', HTMLInputElement),
  form: byId('claim-form', HTMLDivElement),
  json: byId('claim-json', HTMLTextAreaElement),
  checkStatus: byId('check-status', HTMLParagraphElement),
  findings: byId('findings', HTMLDivElement),
  contract: byId('contract', HTMLSelectElement),
  plan: byId('plan', HTMLSelectElement),
  deductibleMet: byId('deductible-met', HTMLInputElement),
  priceStatus: byId('price-status', HTMLParagraphElement),
  priced: byId('priced', HTMLDivElement),
  send: byId('send-button', HTMLButtonElement),
  sendStatus: byId('send-status', HTMLParagraphElement),
  sent: byId('sent', HTMLDivElement),
  open835: byId('open-835', HTMLInputElement),
  dropZone: byId('drop-zone', HTMLDivElement),
  sample835: byId('sample-835', HTMLButtonElement),
  remitStatus: byId('remit-status', HTMLParagraphElement),
  eob: byId('eob', HTMLDivElement),
  statementButton: byId('statement-button', HTMLButtonElement),
  statementStatus: byId('statement-status', HTMLParagraphElement),
  statement: byId('statement', HTMLDivElement),
  printButton: byId('print-button', HTMLButtonElement),
  printStatus: byId('print-status', HTMLParagraphElement),
  printed: byId('printed', HTMLDivElement),
  ready: byId('app', HTMLElement),
};

/** Sets a status line (each is a polite live region) and its machine-readable state. */
function say(where: HTMLElement, text: string, state: string): void {
  where.textContent = text;
  where.dataset.state = state;
}

// The main module and the scrubber (checking the claim as it is typed is the page's first
// job): each fetches and compiles its .wasm, served beside this script.
await Promise.all([init(), initScrub()]);
const codeSets = new CodeSets();
for (const [name, bytes] of CODE_SETS) codeSets.load(name, bytes);
const pricer = new Pricer(PFS.rvu, PFS.gpci, PFS.anesthesia, PFS.zip, PFS.version);

// The books, kept in the page: the patient's earlier visit was sent before today; what this
// page sends joins it. Made when first needed (the books module is loaded then).
const charged: ChargedClaim[] = [EARLIER_VISIT];
const entries: Entry[] = [];
let booksOpened: ReturnType<typeof modules.books> | undefined;
function openBooks(): ReturnType<typeof modules.books> {
  return (booksOpened ??= modules.books().then((books) => {
    entries.push(...books.chargeClaims([EARLIER_VISIT], [], '2026-11-10', '2026-11-10'));
    return books;
  }));
}

/** The claim as medbill read it, when the draft has no error. */
let clean: { claim: Claim; priced?: PricedClaim } | null = null;

for (const { id, label } of CLAIMS) $.sample.append(new Option(label, id));
for (const { id, label } of CONTRACTS) $.contract.append(new Option(label, id));
for (const { id, label } of PLANS) $.plan.append(new Option(label, id));

const form = new ClaimForm($.form, () => {
  if (document.activeElement !== $.json) $.json.value = JSON.stringify(form.draft, null, 2);
  check();
});

function open(claim: Json): void {
  form.load(structuredClone(claim));
  $.json.value = JSON.stringify(form.draft, null, 2);
  check();
}

// ---- 1. The claim, checked as it is typed ---------------------------------------------------

/** A decoding error names the JSON pointer it stopped at: the page leads the user there. */
function pointerIn(message: string): string {
  return /(\/[A-Za-z0-9_~./-]*)/.exec(message)?.[1] ?? '';
}

function goTo(pointer: string): HTMLButtonElement | null {
  const field = form.fieldFor(pointer);
  if (!field) return null;
  const button = el('button', 'Go to field', { type: 'button', 'aria-label': `Go to ${field.labels?.[0]?.textContent ?? 'the field'}` });
  button.addEventListener('click', () => field.focus());
  return button;
}

function showFindings(found: Finding[]): void {
  const rows = found.map((f) => [f.severity, f.rule, f.path ?? '', f.message, f.fix ?? '', goTo(f.path ?? '') ?? '']);
  $.findings.replaceChildren(found.length ? table('Problems found in the claim', ['Severity', 'Rule', 'Field', 'Problem', 'Fix', ''], rows, 'findings-table') : '');
  form.markInvalid(found.filter((f) => f.severity === 'error').map((f) => f.path ?? ''));
}

function check(): void {
  clean = null;
  let found: Finding[];
  try {
    found = scrubClaim(form.draft as unknown as Claim, codeSets, $.workDate.value, PAYER_RULES);
  } catch (error) {
    // The draft does not decode as a claim (a field missing or of the wrong kind).
    const message = describeError(error);
    showFindings([{ severity: 'error', rule: 'DECODE', path: pointerIn(message), message }]);
    say($.checkStatus, `The claim cannot be read: ${message}`, 'unreadable');
    notPriced('Fix the claim so that it can be read; then it is priced here.');
    return;
  }
  showFindings(found);
  const errors = found.filter((f) => f.severity === 'error').length;
  const others = found.length - errors;
  if (errors > 0) {
    say($.checkStatus, `${errors} error(s) and ${others} other finding(s): fix the errors before sending the claim.`, 'errors');
    notPriced('The claim has errors: it is priced once they are fixed.');
    return;
  }
  say($.checkStatus, others ? `No errors; ${others} finding(s) to look at. Ready to send.` : 'No problems found. Ready to send.', 'clean');
  clean = { claim: form.draft as unknown as Claim };
  price();
}

$.sample.addEventListener('change', () => {
  const picked = CLAIMS.find((c) => c.id === $.sample.value);
  if (picked) open(picked.claim as unknown as Json);
});
$.openClaim.addEventListener('change', async () => {
  const file = $.openClaim.files?.[0];
  if (!file) return;
  try {
    open(JSON.parse(await file.text()) as Json);
  } catch (error) {
    say($.checkStatus, `${file.name} is not JSON: ${describeError(error)}`, 'unreadable');
  }
});
$.json.addEventListener('input', () => {
  let parsed: Json;
  try {
    parsed = JSON.parse($.json.value) as Json;
  } catch (error) {
    say($.checkStatus, `Not JSON yet: ${describeError(error)}`, 'not-json');
    return;
  }
  form.load(parsed);
  check();
});
$.workDate.addEventListener('change', () => check());

// ---- 2. Price, adjudicate, estimate ------------------------------------------------------

function notPriced(why: string): void {
  $.priced.replaceChildren();
  say($.priceStatus, why, 'not-priced');
  $.send.disabled = true;
  say($.sendStatus, 'The claim is sent once it has no errors.', 'waiting');
}

/** The planned services of an estimate: the claim's lines, as a visit yet to happen. */
function plannedServices(claim: Claim): PlannedService[] {
  if (!('professional' in claim.form)) return [];
  const { placeOfService, lines } = claim.form.professional;
  return lines.map((line) => ({
    procedure: line.procedure, modifiers: line.modifiers, charge: line.charge, quantity: line.quantity,
    date: line.serviceDate, placeOfService: line.placeOfService ?? placeOfService,
  }));
}

function price(): void {
  if (!clean) return;
  const { claim } = clean;
  const contract = CONTRACTS.find((c) => c.id === $.contract.value)?.contract ?? CONTRACTS[0].contract;
  const plan = PLANS.find((p) => p.id === $.plan.value)?.plan ?? PLANS[0].plan;
  const accumulators = $.deductibleMet.checked ? DEDUCTIBLE_MET : {};
  let priced: PricedClaim;
  let adjudication: Adjudication;
  try {
    priced = pricer.price(claim, contract, $.workDate.value);
    adjudication = adjudicate(priced, plan, accumulators, 'inNetwork');
  } catch (error) {
    notPriced(`Not priced: ${describeError(error)}`);
    return;
  }
  clean.priced = priced;
  $.send.disabled = false;
  say($.sendStatus, `Ready: ${claim.patientControlNumber}, ${priced.lines.length} line(s), billed ${priced.totalCharge}.`, 'ready');

  const pricedRows = priced.lines.map((line) => {
    const how = el('details');
    how.append(el('summary', `${line.trace.length} step(s)`));
    const steps = el('ol');
    for (const step of line.trace) steps.append(el('li', `${step.rule}: ${step.explanation} → ${step.result}`));
    how.append(steps);
    return [String(line.line + 1), line.procedure ?? '', line.charge, line.allowed, how];
  });
  const adjudicatedRows = adjudication.lines.map((line) => [
    String(line.line + 1), line.procedure ?? '', line.allowed, line.deductible, line.copay, line.coinsurance,
    line.planPaid, line.patientResponsibility, line.explanation.join(' '),
  ]);
  const totals = el('dl', undefined, { id: 'totals' });
  for (const [term, value, key] of [
    ['Billed', priced.totalCharge, 'billed'], ['Allowed', priced.totalAllowed, 'allowed'],
    ['Plan pays', adjudication.planPaid, 'planPaid'], ['Patient owes', adjudication.patientResponsibility, 'patientOwes'],
  ] as const) {
    totals.append(el('dt', term), el('dd', value, { 'data-total': key }));
  }

  // The same visit estimated before it happens (a good-faith estimate): a range when what the
  // patient has met is not known, from everything met to nothing met.
  const request: EstimateRequest = {
    services: plannedServices(claim), contract, plan,
    zip: claim.billingProvider.address?.postalCode.slice(0, 5) ?? null,
  };
  const estimateBox = el('div', undefined, { id: 'estimate' });
  try {
    const estimate = pricer.estimate(request, $.workDate.value);
    estimateBox.append(
      el('h3', 'Before the visit: the patient’s estimate'),
      el('p', `The patient would pay ${estimate.patientCostLow} to ${estimate.patientCostHigh} ` +
        `(expected ${estimate.patientCost}) of ${estimate.totalAllowed} allowed.`, { id: 'estimate-range' }),
      saveButton('Save the good-faith estimate (FHIR)', `gfe-${claim.patientControlNumber}.json`, 'application/fhir+json',
        async () => (await modules.fhir()).fhirGoodFaithEstimate(request, estimate, $.workDate.value),
        (error) => say($.priceStatus, `Not saved: ${describeError(error)}`, 'failed')),
    );
  } catch (error) {
    estimateBox.append(el('p', `No estimate: ${describeError(error)}`));
  }

  $.priced.replaceChildren(
    totals,
    table('Priced lines', ['Line', 'Procedure', 'Charge', 'Allowed', 'How'], pricedRows, 'priced-lines'),
    table(`Adjudicated under ${plan.name}`, ['Line', 'Procedure', 'Allowed', 'Deductible', 'Copay', 'Coinsurance',
      'Plan pays', 'Patient owes', 'Why'], adjudicatedRows, 'adjudicated-lines'),
    estimateBox,
  );
  say($.priceStatus, `Allowed ${priced.totalAllowed} of ${priced.totalCharge}; the plan pays ` +
    `${adjudication.planPaid}, the patient owes ${adjudication.patientResponsibility}.`, 'priced');
}

for (const input of [$.contract, $.plan, $.deductibleMet]) input.addEventListener('change', () => price());

// ---- 3. Send: the 837, and the charge in the books ----------------------------------------

$.send.addEventListener('click', async () => {
  if (!clean) return;
  const { claim, priced } = clean;
  let x12: string;
  try {
    x12 = (await modules.x12()).write837([claim], SUBMISSION, ENVELOPE);
  } catch (error) {
    say($.sendStatus, `Not written: ${describeError(error)}`, 'failed');
    return;
  }
  const books = await openBooks();
  const already = charged.some((c) => c.claim.patientControlNumber === claim.patientControlNumber);
  if (!already) {
    const entry: ChargedClaim = { patientAccount: PATIENT_ACCOUNT, claim: structuredClone(claim), priced };
    entries.push(...books.chargeClaims([entry], entries, $.workDate.value, $.workDate.value));
    charged.push(entry);
  }
  const preview = el('pre', x12.replaceAll('~', '~\n'), { id: 'x12-preview', tabindex: '0', 'aria-label': 'The 837 file' });
  $.sent.replaceChildren(
    downloadLink(`Download ${claim.patientControlNumber}.837`, `${claim.patientControlNumber}.837`, x12, 'application/edi-x12'),
    saveButton('Save as a FHIR Claim', `${claim.patientControlNumber}-claim.json`, 'application/fhir+json',
      async () => (await modules.fhir()).fhirClaim(claim, $.workDate.value),
      (error) => say($.sendStatus, `Not saved: ${describeError(error)}`, 'failed')),
    preview,
  );
  say($.sendStatus, `Wrote the 837 for ${claim.patientControlNumber}` +
    (already ? ' (already in the books).' : ` and charged it to account ${PATIENT_ACCOUNT}.`), 'sent');
});

// ---- 4. The payer's 835, as an explanation of benefits; posting ------------------------------

function adjustmentsText(list: Array<{ group: string; reason: string; amount?: string | null }> | undefined): string {
  return (list ?? []).map((a) => `${a.group}-${a.reason} ${a.amount ?? ''}`.trim()).join('; ');
}

async function showRemittances(name: string, text: string): Promise<void> {
  let remittances: Remittance[];
  try {
    remittances = (await modules.x12()).readRemittances(text);
  } catch (error) {
    $.eob.replaceChildren();
    say($.remitStatus, `${name} could not be read: ${describeError(error)}`, 'unreadable');
    return;
  }
  const parts: Node[] = [];
  for (const remit of remittances) {
    parts.push(el('h3', `${remit.payer.name ?? 'Payer'} paid ${remit.payment.amount}`));
    for (const claim of remit.claims) {
      const rows = (claim.lines ?? []).map((line) => [
        [line.procedure.code, ...(line.procedure.modifiers ?? [])].join(':'), line.serviceDate ?? '',
        line.charge ?? '', line.allowed ?? '', line.paid ?? '', adjustmentsText(line.adjustments),
        (line.remarks ?? []).join(' '),
      ]);
      rows.push(['Claim', '', claim.charge ?? '', '', claim.paid ?? '', adjustmentsText(claim.adjustments),
        `patient responsibility ${claim.patientResponsibility ?? '0.00'}`]);
      parts.push(table(`Claim ${claim.patientControlNumber}: status ${claim.status}`,
        ['Service', 'Date', 'Billed', 'Allowed', 'Paid', 'Adjustments', 'Remarks'], rows));
    }
    parts.push(saveButton('Save as FHIR ExplanationOfBenefit resources', `eob-${remit.controlNumber}.json`,
      'application/fhir+json', async () => (await modules.fhir()).fhirRemittanceEob(remit, $.workDate.value),
      (error) => say($.remitStatus, `Not saved: ${describeError(error)}`, 'failed')));
    const post = el('button', 'Post this payment to the books', { type: 'button', class: 'post' });
    post.addEventListener('click', () => void postToBooks(remit));
    parts.push(post);
  }
  parts.push(el('div', undefined, { id: 'posting' }));
  $.eob.replaceChildren(...parts);
  const claims = remittances.reduce((n, r) => n + r.claims.length, 0);
  say($.remitStatus, `${name}: ${remittances.length} payment(s), ${claims} claim(s).`, 'read');
}

async function postToBooks(remit: Remittance): Promise<void> {
  const posting = byId('posting', HTMLDivElement);
  try {
    const books = await openBooks();
    const { posting: done } = books.postRemittance(remit, charged, entries, { posted: $.workDate.value });
    if (done.alreadyPosted) {
      say($.remitStatus, 'This payment was posted before: nothing changed.', 'posted');
      return;
    }
    entries.push(...done.entries);
    const outcomes = done.claims.map((c) => [c.patientControlNumber, typeof c.outcome === 'string' ? c.outcome : Object.keys(c.outcome).join(' ')]);
    const queue = books.denialQueue(entries, charged, [PAYER_RULES], $.workDate.value);
    const denials = queue.items.map((item) => [
      item.claim, item.category, item.reasons.map((r) => `${r.code}${r.words ? ` (${r.words})` : ''}`).join('; '),
      item.action, item.appealDeadline ?? '', item.amount,
    ]);
    posting.replaceChildren(
      table('What the posting did', ['Claim', 'Outcome'], outcomes, 'posting-outcomes'),
      denials.length
        ? table('Denials to work', ['Claim', 'Category', 'Reasons', 'Next action', 'Appeal by', 'Amount'], denials, 'denials')
        : el('p', 'No denials to work.'),
    );
    say($.remitStatus, `Posted ${done.entries.length} entries; ${queue.items.length} denial(s) to work.`, 'posted');
  } catch (error) {
    say($.remitStatus, `Not posted: ${describeError(error)}`, 'failed');
  }
}

async function fileDropped(file: File): Promise<void> {
  await showRemittances(file.name, await file.text());
}
$.open835.addEventListener('change', () => {
  const file = $.open835.files?.[0];
  if (file) void fileDropped(file);
});
$.dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  $.dropZone.classList.add('over');
});
$.dropZone.addEventListener('dragleave', () => $.dropZone.classList.remove('over'));
$.dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  $.dropZone.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) void fileDropped(file);
});
$.sample835.addEventListener('click', () => void showRemittances('The payer’s sample 835', SAMPLE_835));

// ---- 5. The patient statement and the printed claim -------------------------------------------

$.statementButton.addEventListener('click', async () => {
  try {
    const books = await openBooks();
    const documents = books.patientStatement(PATIENT_ACCOUNT, entries, charged, { asOf: $.workDate.value });
    const frame = el('iframe', undefined, { title: `Statement for account ${PATIENT_ACCOUNT}`, sandbox: '', id: 'statement-frame' });
    frame.srcdoc = documents.html;
    $.statement.replaceChildren(
      frame,
      downloadLink('Save the statement (HTML)', `statement-${PATIENT_ACCOUNT}.html`, documents.html, 'text/html'),
    );
    const { statement } = documents;
    say($.statementStatus, `Statement as of ${statement.asOf}: ${statement.visits.length} visit(s), ` +
      `amount due ${statement.totals.amountDue}, pay by ${statement.payBy}.`, 'shown');
  } catch (error) {
    say($.statementStatus, `No statement: ${describeError(error)}`, 'failed');
  }
});

$.printButton.addEventListener('click', async () => {
  const claim = form.draft as unknown as Claim;
  say($.printStatus, 'Loading the print module…', 'loading');
  try {
    // The PDF writer is its own module, fetched the first time something is printed.
    const pdf = (await modules.print()).printClaim(claim, 'cms1500', undefined);
    const name = `${String(getAt(form.draft, '/patientControlNumber') ?? 'claim')}-cms1500.pdf`;
    const link = downloadLink(`Download ${name}`, name, pdf, 'application/pdf');
    $.printed.replaceChildren(el('iframe', undefined, { title: 'The printed CMS-1500', src: link.href, id: 'printed-frame' }), link);
    say($.printStatus, `Printed the CMS-1500 (${pdf.length} bytes).`, 'printed');
  } catch (error) {
    say($.printStatus, `Not printed: ${describeError(error)}`, 'failed');
  }
});

// ---- Start ----------------------------------------------------------------------------------

open(CLAIMS[0].claim as unknown as Json);
$.ready.dataset.state = 'ready';
$.ready.dataset.medbill = version();
