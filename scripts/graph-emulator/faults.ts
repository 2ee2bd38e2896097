/**
 * Failures on demand, for tests of how Polku's Graph adapter copes: the next
 * N requests (optionally only those matching a method and a path pattern)
 * are throttled (429 with Retry-After), refused (503), slowed down, or have
 * their connection dropped, either before the request is processed or after
 * it (the create happened, but the client never hears of it: the case
 * transactionId exists for).
 */

export type FaultKind = 'throttle' | 'unavailable' | 'delay' | 'drop' | 'dropAfterProcessing';
export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'unavailable',
  'delay',
  'drop',
  'dropAfterProcessing',
];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** How many matching requests it hits; 1 by default. */
  readonly times?: number;
  /** HTTP method to match (any by default). */
  readonly method?: string;
  /** Regular expression tested against the path below /v1.0, e.g. "/events$" (any by default). */
  readonly path?: string;
  /** throttle: the Retry-After seconds (1 by default); unavailable: sent only when given. */
  readonly retryAfterSeconds?: number;
  /** delay: how long to hold the request before answering it normally. */
  readonly delayMs?: number;
  /** Let this many matching requests through untouched first (e.g. fail only the second create of a series). */
  readonly after?: number;
}

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
  fired: number;
  /** Matching requests still to let through before the fault fires. */
  waiting: number;
}

export class FaultSpecError extends Error {}

type Options = Omit<FaultSpec, 'kind'>;

export class Faults {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const checked = validateFaultSpec(spec);
    const rule: ActiveFault = {
      ...checked,
      id: this.nextId++,
      remaining: checked.times ?? 1,
      fired: 0,
      waiting: checked.after ?? 0,
    };
    this.rules.push(rule);
    return rule;
  }

  throttle(retryAfterSeconds = 1, options: Options = {}): ActiveFault {
    return this.add({ ...options, kind: 'throttle', retryAfterSeconds });
  }

  unavailable(options: Options = {}): ActiveFault {
    return this.add({ ...options, kind: 'unavailable' });
  }

  delay(delayMs: number, options: Options = {}): ActiveFault {
    return this.add({ ...options, kind: 'delay', delayMs });
  }

  drop(options: Options = {}): ActiveFault {
    return this.add({ ...options, kind: 'drop' });
  }

  dropAfterProcessing(options: Options = {}): ActiveFault {
    return this.add({ ...options, kind: 'dropAfterProcessing' });
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules still waiting to fire (spent ones are forgotten). */
  pending(): readonly ActiveFault[] {
    return this.rules.filter((r) => r.remaining > 0);
  }

  /**
   * Consumes what applies to this request: every matching delay (they add
   * up) and the first matching other fault. Each consumed rule uses up one
   * of its `times`.
   */
  take(method: string, path: string): { delayMs: number; fault?: ActiveFault } {
    let delayMs = 0;
    let fault: ActiveFault | undefined;
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !matches(rule, method, path)) continue;
      if (rule.waiting > 0) {
        rule.waiting--;
        continue;
      }
      if (rule.kind === 'delay') {
        delayMs += rule.delayMs ?? 0;
      } else if (!fault) {
        fault = rule;
      } else {
        continue;
      }
      rule.remaining--;
      rule.fired++;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { delayMs, ...(fault ? { fault } : {}) };
  }
}

function matches(rule: FaultSpec, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  return !rule.path || new RegExp(rule.path).test(path);
}

/** Throws FaultSpecError naming what is wrong with a fault description (e.g. one posted to /_emulator/faults). */
export function validateFaultSpec(spec: FaultSpec): FaultSpec {
  if (!spec || typeof spec !== 'object') throw new FaultSpecError('a fault is an object with a "kind"');
  if (!FAULT_KINDS.includes(spec.kind)) {
    throw new FaultSpecError(
      `kind must be one of ${FAULT_KINDS.join(', ')}, not ${JSON.stringify(spec.kind)}`,
    );
  }
  if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
    throw new FaultSpecError('times must be a whole number of at least 1');
  }
  if (spec.method !== undefined && typeof spec.method !== 'string')
    throw new FaultSpecError('method must be a string');
  if (spec.path !== undefined) {
    if (typeof spec.path !== 'string') throw new FaultSpecError('path must be a regular expression string');
    try {
      new RegExp(spec.path);
    } catch (err) {
      throw new FaultSpecError(`path is not a regular expression: ${(err as Error).message}`);
    }
  }
  if (
    spec.retryAfterSeconds !== undefined &&
    (!Number.isInteger(spec.retryAfterSeconds) || spec.retryAfterSeconds < 0)
  ) {
    throw new FaultSpecError('retryAfterSeconds must be a whole number of seconds');
  }
  if (spec.after !== undefined && (!Number.isInteger(spec.after) || spec.after < 0)) {
    throw new FaultSpecError('after must be a whole number of requests');
  }
  if (spec.kind === 'delay' && (!Number.isFinite(spec.delayMs) || (spec.delayMs ?? 0) < 0)) {
    throw new FaultSpecError('a delay needs delayMs, a number of milliseconds');
  }
  return spec;
}
