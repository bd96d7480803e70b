// medbill's modules beyond the main one, each fetched with its WebAssembly the first time the
// page uses it: a page that only checks and prices claims never downloads the X12 readers and
// writers, the books, FHIR or the PDF writer.
type Module = { default: () => Promise<unknown> };

function once<T extends Module>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().then(async (module) => {
    await module.default();
    return module;
  }));
}

export const x12 = once(() => import('medbill/x12'));
export const books = once(() => import('medbill/books'));
export const fhir = once(() => import('medbill/fhir'));
export const print = once(() => import('medbill/print'));
