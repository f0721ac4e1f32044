/**
 * Work spread over idle time in small slices, so that no task of ours blocks the page for long
 * (a long task is 50 ms; each slice stops after SLICE_MS). A piece of work may be a generator:
 * it then yields now and then (a very long body) and is resumed in the next slice. The idle
 * scheduler and the clock are injectable.
 */
export const SLICE_MS = 8;

export interface IdleDeadlineLike {
  timeRemaining(): number;
}
export type RequestIdle = (cb: (deadline: IdleDeadlineLike) => void, opts?: { timeout: number }) => unknown;

export function defaultRequestIdle(): RequestIdle {
  if (typeof requestIdleCallback === 'function') return (cb, opts) => requestIdleCallback(cb, opts);
  return (cb) => setTimeout(() => cb({ timeRemaining: () => SLICE_MS }), 1);
}

/** Work for one key: done at once, or a generator that yields where it may be paused. */
export type Work<K> = (key: K) => void | Iterator<unknown, void>;

/** A queue of keys processed in idle slices; adding a key already queued does nothing. */
export class IdleQueue<K> {
  private readonly queue = new Set<K>();
  /** A piece of work paused at a yield, resumed first in the next slice. */
  private current: { key: K; steps: Iterator<unknown, void> } | null = null;
  private scheduled = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly work: Work<K>,
    private readonly requestIdle: RequestIdle = defaultRequestIdle(),
    private readonly now: () => number = () => performance.now(),
    private readonly onSlice?: (start: number, end: number, done: number) => void,
  ) {}

  add(key: K): void {
    if (this.stopped) return;
    // Queued again while being worked on (it changed): start over from its new state.
    if (this.current?.key === key) this.current = null;
    this.queue.add(key);
    this.schedule();
  }

  get size(): number {
    return this.queue.size + (this.current ? 1 : 0);
  }

  stop(): void {
    this.stopped = true;
    this.queue.clear();
    this.current = null;
    this.release();
  }

  /** Resolves once everything queued so far (and since) is done. */
  whenDrained(): Promise<void> {
    if (this.size === 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.requestIdle((deadline) => this.run(deadline), { timeout: 1000 });
  }

  /** Advances paused work until it is done or the slice is over; false if the slice is over. */
  private advance(until: number): boolean {
    while (this.current) {
      try {
        if (this.current.steps.next().done) this.current = null;
      } catch (e) {
        console.debug('[programs-lens] scan failed', e);
        this.current = null;
      }
      if (this.now() >= until) return false;
    }
    return true;
  }

  private run(deadline: IdleDeadlineLike): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.now();
    const until = start + Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()));
    let done = 0;
    if (this.advance(until)) {
      for (const key of this.queue) {
        done++;
        this.queue.delete(key);
        try {
          const steps = this.work(key);
          if (steps) {
            this.current = { key, steps };
            if (!this.advance(until)) break;
          }
        } catch (e) {
          console.debug('[programs-lens] scan failed', e);
        }
        if (this.now() >= until) break;
      }
    }
    this.onSlice?.(start, this.now(), done);
    if (this.queue.size > 0 || this.current) this.schedule();
    else this.release();
  }
}
