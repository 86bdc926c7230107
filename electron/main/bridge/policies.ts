import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { performance } from 'node:perf_hooks';
import { TransportTimeoutError } from './http-transport';

export interface PolicyOptions {
  /**
   * Per-attempt timeout, and the call's deadline for waiting out an `idempotency_in_progress` answer:
   * the user hears of a still-running save after as long as one stalled attempt would take, no longer.
   */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable calls only. */
  maxRetries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive transient failures that open the breaker. */
  breakerThreshold?: number;
  /** How long the breaker stays open before it lets one trial call through. */
  halfOpenAfterMs?: number;
  /** The breaker has opened: the supervisor checks the backend process. */
  onBreakerOpen?: () => void;
  /** A trial call succeeded and the breaker closed again. */
  onBreakerReset?: () => void;
}

const defaultPolicyOptions = {
  timeoutMs: 10_000,
  maxRetries: 3,
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 5_000,
} as const;

export interface CallOptions {
  /** True for idempotent channels and for writes that carry the bridge's Idempotency-Key. */
  retryable: boolean;
  /**
   * True for writes that carry the bridge's Idempotency-Key: a 409 `idempotency_in_progress` means the
   * first attempt with this key is still running (or was cut off by a crash that the backend replays),
   * so ask again with the same key until the deadline rather than show the user an error for a save.
   */
  waitOutInProgress?: boolean;
}

export interface BackendPolicies {
  /**
   * Runs one call through retry and breaker. `fn` makes one attempt and must end it after `timeoutMs`
   * (the transport's own timer: TransportRequest.timeoutMs), rejecting with a TransportTimeoutError.
   */
  execute<T extends { status: number }>(fn: (timeoutMs: number) => Promise<T>, options: CallOptions): Promise<T>;
  dispose(): void;
}

/** Connection errors that mean "the backend is not there right now", never "your request was wrong". */
const transientErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ENOTCONN', 'ECONNABORTED', 'ETIMEDOUT']);
const transientStatuses = new Set([502, 503, 504]);

export function isTransientError(error: unknown): boolean {
  if (isTimeout(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && transientErrorCodes.has(code);
}

export function isTransientResult(result: unknown): boolean {
  const status = (result as { status?: unknown } | null)?.status;
  return typeof status === 'number' && transientStatuses.has(status);
}

export function isTimeout(error: unknown): boolean {
  return error instanceof TransportTimeoutError || error instanceof TaskCancelledError;
}

export function isBreakerOpenError(error: unknown): boolean {
  return error instanceof BrokenCircuitError;
}

/** The backend still answered "in progress" for this key when the call's deadline passed. */
class StillInProgressError extends Error {
  constructor() {
    super('An earlier attempt of this write was still in progress at the deadline.');
    this.name = 'StillInProgressError';
  }
}

export function isStillInProgressError(error: unknown): boolean {
  return error instanceof StillInProgressError;
}

function isInProgressResult(result: unknown): boolean {
  const { status, body } = (result ?? {}) as { status?: unknown; body?: unknown };
  return status === 409 && (body as { code?: unknown } | null | undefined)?.code === 'idempotency_in_progress';
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Runs `attempt` again, with doubling delays, while it answers "in progress" and the deadline has not
 * passed; the deadline counts from the call's start, and an attempt already sent may finish within its
 * own timeout. A hand-written loop rather than a cockatiel retry: cockatiel's way to stop at a deadline is a
 * timeout that aborts the attempt in flight, which the breaker would count as a backend failure.
 */
async function waitOutInProgress<T>(attempt: () => Promise<T>, deadlineMs: number, initialDelayMs: number, maxDelayMs: number): Promise<T> {
  const deadline = performance.now() + deadlineMs;
  for (let delay = initialDelayMs; ; delay = Math.min(delay * 2, maxDelayMs)) {
    const result = await attempt();
    if (!isInProgressResult(result)) return result;
    const left = deadline - performance.now();
    if (left <= 0) throw new StillInProgressError();
    await sleep(Math.min(delay, left));
  }
}

/**
 * retry(outer) -> circuit breaker -> the attempt with its own timeout, as cockatiel's wrap() composes them:
 * every attempt has its own timeout, every attempt counts for the breaker, and an open breaker stops the
 * retries. The per-attempt timeout is the transport's one timer rather than cockatiel's timeout policy,
 * which builds an AbortController, its listeners and a race for every attempt and aborts the signal (an
 * error object) after every successful one; the caller still hears of a timeout at once, and the HTTP
 * request is ended.
 */
export function createBackendPolicies(options: PolicyOptions = {}): BackendPolicies {
  const o = { ...defaultPolicyOptions, ...options };
  const transient = handleWhen(isTransientError).orWhenResult(isTransientResult);
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: o.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(o.breakerThreshold),
  });
  const subscriptions = [
    breaker.onBreak(() => options.onBreakerOpen?.()),
    breaker.onReset(() => options.onBreakerReset?.()),
  ];
  // ExponentialBackoff's default generator is decorrelated jitter.
  const retrying = retry(transient, {
    maxAttempts: o.maxRetries,
    backoff: new ExponentialBackoff({ initialDelay: o.initialDelayMs, maxDelay: o.maxDelayMs }),
  });
  const once: IPolicy = breaker;
  const withRetry: IPolicy = wrap(retrying, breaker);
  const timeoutMs = o.timeoutMs;

  return {
    execute: (fn, call) => {
      const attempt = () => (call.retryable ? withRetry : once).execute(() => fn(timeoutMs));
      return call.waitOutInProgress ? waitOutInProgress(attempt, o.timeoutMs, o.initialDelayMs, o.maxDelayMs) : attempt();
    },
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
