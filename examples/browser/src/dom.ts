// Small DOM helpers. Everything medbill returns is shown with textContent (never as HTML), so a
// name or a code in a claim can never become markup; the statement's HTML goes into a
// sandboxed frame.

/** The element with this id, which the page must have. */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`the page has no <${kind.name}> #${id}`);
  return found;
}

/** A new element with text and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  for (const [name, value] of Object.entries(attrs)) made.setAttribute(name, value);
  return made;
}

/** A table: caption, column headers (scope=col) and rows of text or elements. */
export function table(caption: string, headers: string[], rows: Array<Array<string | Node>>, id?: string): HTMLTableElement {
  const made = el('table', undefined, id ? { id } : {});
  made.createCaption().textContent = caption;
  const head = made.createTHead().insertRow();
  for (const header of headers) head.append(el('th', header, { scope: 'col' }));
  const body = made.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    for (const cell of cells) {
      const td = row.insertCell();
      if (typeof cell === 'string') td.textContent = cell;
      else td.append(cell);
    }
  }
  return made;
}

function blobUrl(content: string | Uint8Array, type: string): string {
  const bytes = typeof content === 'string' ? content : new Uint8Array(content);
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/** A download link for text or bytes made in the page (a blob: URL, never a request). */
export function downloadLink(label: string, fileName: string, content: string | Uint8Array, type: string): HTMLAnchorElement {
  const link = el('a', label, { download: fileName, class: 'download' });
  link.href = blobUrl(content, type);
  return link;
}

/**
 * A button that makes a file when pressed (`make` may load a module first) and saves it, as a
 * download link would: for files the page does not make until asked.
 */
export function saveButton(
  label: string, fileName: string, type: string, make: () => Promise<string | Uint8Array>, failed: (error: unknown) => void,
): HTMLButtonElement {
  const button = el('button', label, { type: 'button', class: 'secondary' });
  button.addEventListener('click', async () => {
    let content: string | Uint8Array;
    try {
      content = await make();
    } catch (error) {
      failed(error);
      return;
    }
    const link = downloadLink(label, fileName, content, type);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });
  return button;
}

/** An error as the page shows it: medbill's have a stable code. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.name === 'MedbillError' && 'code' in error) {
    return `${String(error.code)}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
