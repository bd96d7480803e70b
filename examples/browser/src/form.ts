// The claim form: inputs bound to places in the claim by JSON pointer (`data-path`), the same
// pointers medbill's findings name, so a finding can lead to its field. The draft is plain
// JSON: whatever the user types goes to medbill as typed, and medbill's decoder and scrubber
// say what is wrong with it (the page itself checks nothing).
import { el } from './dom';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

function isContainer(value: Json | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer, or undefined. */
export function getAt(doc: Json, pointer: string): Json | undefined {
  let at: Json | undefined = doc;
  for (const token of tokens(pointer)) {
    if (!isContainer(at)) return undefined;
    at = Array.isArray(at) ? at[Number(token)] : at[token];
  }
  return at;
}

/** Sets (or, with undefined, removes) the value at a JSON pointer, making objects on the way. */
export function setAt(doc: Json, pointer: string, value: Json | undefined): void {
  const path = tokens(pointer);
  const last = path.pop();
  if (last === undefined) return;
  let at: Json = doc;
  for (const token of path) {
    if (!isContainer(at)) return;
    const next: Json | undefined = Array.isArray(at) ? at[Number(token)] : at[token];
    if (isContainer(next)) {
      at = next;
    } else {
      const made: Json = {};
      if (Array.isArray(at)) at[Number(token)] = made;
      else at[token] = made;
      at = made;
    }
  }
  if (!isContainer(at)) return;
  if (Array.isArray(at)) {
    if (value === undefined) at.splice(Number(last), 1);
    else at[Number(last)] = value;
  } else if (value === undefined) {
    delete at[last];
  } else {
    at[last] = value;
  }
}

/** How an input's text becomes JSON. */
type Kind = 'text' | 'list' | 'numbers';

function fromText(text: string, kind: Kind): Json | undefined {
  const trimmed = text.trim();
  if (kind === 'text') return trimmed === '' ? undefined : trimmed;
  const parts = trimmed.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  // A pointer that is not a whole number goes on as text: the decoder names it.
  return kind === 'numbers' ? parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : parts;
}

function toText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Called whenever the draft changes. */
export type OnChange = () => void;

export class ClaimForm {
  /** The claim being edited, as JSON. */
  draft: Json = {};

  constructor(private readonly root: HTMLElement, private readonly changed: OnChange) {
    root.addEventListener('input', (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || !input.dataset.path) return;
      setAt(this.draft, input.dataset.path, fromText(input.value, (input.dataset.kind ?? 'text') as Kind));
      this.changed();
    });
  }

  /** Replaces the draft and redraws the form. */
  load(draft: Json): void {
    this.draft = draft;
    this.render();
  }

  /** The input bound to `pointer`, or to the nearest place above it that has one. */
  fieldFor(pointer: string): HTMLInputElement | null {
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
      const found = this.root.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(at)}"]`);
      if (found) return found;
    }
    return null;
  }

  /** Marks the fields that have an error (aria-invalid) and clears the rest. */
  markInvalid(pointers: string[]): void {
    for (const input of this.root.querySelectorAll<HTMLInputElement>('input[data-path]')) {
      input.removeAttribute('aria-invalid');
    }
    for (const pointer of pointers) this.fieldFor(pointer)?.setAttribute('aria-invalid', 'true');
  }

  private field(label: string, path: string, options: { kind?: Kind; type?: string; hint?: string } = {}): HTMLElement {
    const id = `f${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    const wrap = el('div', undefined, { class: 'field' });
    wrap.append(el('label', label, { for: id }));
    const input = el('input', undefined, {
      id, type: options.type ?? 'text', 'data-path': path, 'data-kind': options.kind ?? 'text', autocomplete: 'off',
    });
    input.value = toText(getAt(this.draft, path));
    wrap.append(input);
    if (options.hint) {
      const hint = el('span', options.hint, { id: `${id}-hint`, class: 'hint' });
      input.setAttribute('aria-describedby', hint.id);
      wrap.append(hint);
    }
    return wrap;
  }

  private button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
    const made = el('button', label, { type: 'button', ...attrs });
    made.addEventListener('click', onClick);
    return made;
  }

  private edit(pointer: string, value: Json | undefined, focus?: string): void {
    setAt(this.draft, pointer, value);
    this.render();
    if (focus) this.fieldFor(focus)?.focus();
    this.changed();
  }

  render(): void {
    const people = el('fieldset');
    people.append(el('legend', 'Patient, payer and provider'));
    people.append(
      this.field('Patient control number', '/patientControlNumber'),
      this.field('Patient last name', '/subscriber/name/last'),
      this.field('Patient first name', '/subscriber/name/first'),
      this.field('Member ID', '/subscriber/memberId'),
      this.field('Date of birth', '/subscriber/birthDate', { type: 'date' }),
      this.field('Payer', '/payer/name'),
      this.field('Payer ID', '/payer/payerId'),
      this.field('Billing provider NPI', '/billingProvider/npi', { hint: '10 digits' }),
      this.field('Rendering provider NPI', '/renderingProvider/npi'),
      this.field('Total charge', '/totalCharge', { hint: 'the sum of the lines' }),
    );

    const diagnoses = el('fieldset');
    diagnoses.append(el('legend', 'Diagnoses (ICD-10-CM)'));
    const codes = getAt(this.draft, '/diagnoses');
    const list = Array.isArray(codes) ? codes : [];
    list.forEach((_, i) => {
      const row = el('div', undefined, { class: 'row' });
      row.append(
        this.field(`Diagnosis ${i + 1} (pointer ${i + 1})`, `/diagnoses/${i}`),
        this.button(`Remove diagnosis ${i + 1}`, () => this.edit(`/diagnoses/${i}`, undefined)),
      );
      diagnoses.append(row);
    });
    diagnoses.append(this.button('Add a diagnosis', () => {
      if (!Array.isArray(getAt(this.draft, '/diagnoses'))) setAt(this.draft, '/diagnoses', []);
      this.edit(`/diagnoses/${list.length}`, '', `/diagnoses/${list.length}`);
    }));

    const lines = el('fieldset');
    lines.append(el('legend', 'Service lines'));
    const form = getAt(this.draft, '/form/professional');
    if (isContainer(form) && !Array.isArray(form)) {
      lines.append(this.field('Place of service', '/form/professional/placeOfService', { hint: 'two digits, e.g. 11 (office)' }));
      const rows = getAt(this.draft, '/form/professional/lines');
      const count = Array.isArray(rows) ? rows.length : 0;
      for (let i = 0; i < count; i += 1) {
        const base = `/form/professional/lines/${i}`;
        const group = el('div', undefined, { class: 'line', role: 'group', 'aria-label': `Line ${i + 1}` });
        group.append(
          el('span', `Line ${i + 1}`, { class: 'line-number', 'aria-hidden': 'true' }),
          this.field(`Line ${i + 1} procedure`, `${base}/procedure`),
          this.field(`Line ${i + 1} modifiers`, `${base}/modifiers`, { kind: 'list' }),
          this.field(`Line ${i + 1} charge`, `${base}/charge`),
          this.field(`Line ${i + 1} units`, `${base}/quantity/units`),
          this.field(`Line ${i + 1} date of service`, `${base}/serviceDate`, { type: 'date' }),
          this.field(`Line ${i + 1} diagnosis pointers`, `${base}/diagnosisPointers`, { kind: 'numbers' }),
          this.button(`Remove line ${i + 1}`, () => this.edit(base, undefined)),
        );
        lines.append(group);
      }
      lines.append(this.button('Add a service line', () => {
        const previous = getAt(this.draft, `/form/professional/lines/${count - 1}/serviceDate`);
        const line: Json = { procedure: '', charge: '', quantity: { units: '1' }, diagnosisPointers: [1] };
        if (typeof previous === 'string') line.serviceDate = previous;
        if (!Array.isArray(getAt(this.draft, '/form/professional/lines'))) setAt(this.draft, '/form/professional/lines', []);
        this.edit(`/form/professional/lines/${count}`, line, `/form/professional/lines/${count}/procedure`);
      }));
    } else {
      lines.append(el('p', 'This is not a professional claim: edit its lines in the claim’s JSON below.'));
    }
    this.root.replaceChildren(people, diagnoses, lines);
  }
}
