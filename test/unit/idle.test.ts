/** Idle-time work: slices end on time, generator work pauses and resumes, failures stay local. */
import { describe, expect, it } from 'vitest';
import { IdleQueue, SLICE_MS, type IdleDeadlineLike } from '../../lib/dom/idle';

function harness() {
  let clock = 0;
  const pending: ((d: IdleDeadlineLike) => void)[] = [];
  const slices: [number, number][] = [];
  const runSlice = () => pending.shift()?.({ timeRemaining: () => 50 });
  return {
    tick: (ms: number) => (clock += ms),
    now: () => clock,
    requestIdle: (cb: (d: IdleDeadlineLike) => void) => pending.push(cb),
    runSlice,
    runAll: () => {
      while (pending.length) runSlice();
    },
    slices,
    onSlice: (s: number, e: number) => slices.push([s, e]),
  };
}

describe('IdleQueue', () => {
  it('stops a slice once SLICE_MS has passed and goes on in the next', () => {
    const h = harness();
    const done: number[] = [];
    const q = new IdleQueue<number>((k) => {
      h.tick(3);
      done.push(k);
    }, h.requestIdle, h.now, h.onSlice);
    for (let i = 0; i < 10; i++) q.add(i);
    h.runSlice();
    expect(done).toEqual([0, 1, 2]); // 9 ms ≥ SLICE_MS (8)
    h.runAll();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const [s, e] of h.slices) expect(e - s).toBeLessThanOrEqual(SLICE_MS + 3);
  });

  it('pauses generator work at its yields and resumes it first', () => {
    const h = harness();
    const log: string[] = [];
    const q = new IdleQueue<string>(function* (k) {
      for (let i = 0; i < 5; i++) {
        h.tick(4);
        log.push(`${k}${i}`);
        yield;
      }
    }, h.requestIdle, h.now);
    q.add('a');
    q.add('b');
    h.runSlice();
    expect(log).toEqual(['a0', 'a1']);
    h.runAll();
    expect(log).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('keeps going after one piece of work throws, and does nothing once stopped', () => {
    const h = harness();
    const done: number[] = [];
    const q = new IdleQueue<number>((k) => {
      if (k === 1) throw new Error('boom');
      done.push(k);
    }, h.requestIdle, h.now);
    q.add(0);
    q.add(1);
    q.add(2);
    h.runAll();
    expect(done).toEqual([0, 2]);
    q.stop();
    q.add(3);
    h.runAll();
    expect(done).toEqual([0, 2]);
  });
});
