/**
 * Chromium traces (CDP Tracing) and which main-thread tasks ran the extension's code: how the
 * end-to-end tests and the benchmark find "the longest task of ours" without guessing.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; scriptName?: string }; name?: string };
}

export async function trace<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ value: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const done = new Promise<void>((resolve) => {
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    cdp.once('Tracing.tracingComplete', () => resolve());
  });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel',
    transferMode: 'ReportEvents',
  });
  const value = await fn();
  await cdp.send('Tracing.end');
  await done;
  return { value, events };
}

/**
 * Main-thread tasks of the page's renderer that ran the extension's code, measured by the time
 * that code ran in each (its script events, overlaps merged): a task that also laid out the
 * page counts for the part that was ours. `longest` is the longest such part, `total` their sum,
 * `task` the longest whole task that ran any of our code (an upper bound).
 */
export function extensionTasks(
  events: TraceEvent[],
  extensionId: string,
): { longest: number; total: number; count: number; task: number } {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  const ours = onMain.filter(
    (e) => e.ph === 'X' && e.dur !== undefined && (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').includes(extensionId),
  );
  let longest = 0;
  let total = 0;
  let count = 0;
  let task = 0;
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inside = ours
      .filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts <= end)
      .map((e) => [e.ts, e.ts + e.dur!] as const)
      .sort((a, b) => a[0] - b[0]);
    if (inside.length === 0) continue;
    let sum = 0;
    let [from, to] = inside[0]!;
    for (const [a, b] of inside.slice(1)) {
      if (a > to) {
        sum += to - from;
        [from, to] = [a, b];
      } else to = Math.max(to, b);
    }
    sum += to - from;
    const ms = sum / 1000;
    longest = Math.max(longest, ms);
    total += ms;
    count++;
    task = Math.max(task, (t.dur ?? 0) / 1000);
  }
  const r = (x: number) => Math.round(x * 100) / 100;
  return { longest: r(longest), total: r(total), count, task: r(task) };
}
