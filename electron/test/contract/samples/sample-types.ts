/** Calls one channel through the real handlers and unwraps the envelope (throws on ok:false). */
export type CallChannel = (channel: string, payload?: unknown) => Promise<unknown>;

export interface ChannelSample {
  /** A payload the backend accepts; may create the records it needs first. */
  valid: (call: CallChannel) => Promise<unknown>;
  /**
   * When the state the valid payload meets makes a refusal the right answer (e.g. loading the demo school
   * into a database that holds students), the domain error code it must answer with, instead of ok.
   */
  expectError?: string;
  /** A payload the bridge must refuse with validation_failed before it reaches the backend. */
  invalid: unknown;
  /** The field the refusal must name. */
  invalidField: string;
}

let counter = 0;
/** A number no other sample in this run has used, for fields the backend keeps unique. */
export function nextUnique(): number {
  counter += 1;
  return counter;
}

/** A payload that needs one record to exist first (a list with something in it), made by `create`. */
export function afterCreating<P>(create: (call: CallChannel) => Promise<unknown>, payload: P): (call: CallChannel) => Promise<P> {
  return async (call) => {
    await create(call);
    return payload;
  };
}
