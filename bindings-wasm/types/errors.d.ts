// The error every medbill function throws. Hand-written: it describes a JS Error object,
// not a Rust type with a JSON Schema.
/** Thrown by every medbill function: check `code` (stable) rather than `message`. */
export interface MedbillError extends Error {
  name: "MedbillError";
  /** Stable upper-snake-case code, e.g. "ALLOCATION_SUB_CENT" or "INPUT_INVALID". */
  code: string;
}
/** True when `error` is a MedbillError. */
export function isMedbillError(error: unknown): error is MedbillError;
