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

/** Main-thread tasks of the page's renderer that ran the extension's code: longest, total (ms). */
export function extensionTasks(events: TraceEvent[], extensionId: string): { longest: number; total: number; count: number } {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  const ours = onMain.filter((e) => (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').includes(extensionId));
  let longest = 0;
  let total = 0;
  let count = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (ours.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end)) {
      const ms = (task.dur ?? 0) / 1000;
      longest = Math.max(longest, ms);
      total += ms;
      count++;
    }
  }
  const r = (x: number) => Math.round(x * 100) / 100;
  return { longest: r(longest), total: r(total), count };
}
