/**
 * Work spread over idle time in small slices, so that no task of ours blocks the page for long
 * (a long task is 50 ms; each slice stops after SLICE_MS). The idle scheduler is injectable.
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

/** A queue of keys processed in idle slices; adding a key already queued does nothing. */
export class IdleQueue<K> {
  private readonly queue = new Set<K>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly work: (key: K) => void,
    private readonly requestIdle: RequestIdle = defaultRequestIdle(),
    private readonly now: () => number = () => performance.now(),
    private readonly onSlice?: (start: number, end: number, done: number) => void,
  ) {}

  add(key: K): void {
    if (this.stopped) return;
    this.queue.add(key);
    this.schedule();
  }

  get size(): number {
    return this.queue.size;
  }

  stop(): void {
    this.stopped = true;
    this.queue.clear();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.requestIdle((deadline) => this.run(deadline), { timeout: 1000 });
  }

  private run(deadline: IdleDeadlineLike): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.now();
    const until = start + Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()));
    let done = 0;
    for (const key of this.queue) {
      done++;
      this.queue.delete(key);
      try {
        this.work(key);
      } catch (e) {
        console.debug('[programs-lens] scan failed', e);
      }
      if (this.now() >= until) break;
    }
    this.onSlice?.(start, this.now(), done);
    if (this.queue.size > 0) this.schedule();
  }
}
