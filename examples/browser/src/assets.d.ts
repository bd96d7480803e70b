// The sample files the app bundles (esbuild's loaders, see examples/browser/README.md): X12 files
// as text, the fee schedule and code-set files as the bytes they were published as.
declare module '*.835' {
  const text: string;
  export default text;
}
declare module '*.csv' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*.txt' {
  const bytes: Uint8Array;
  export default bytes;
}
