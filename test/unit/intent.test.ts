/** Hover intent with a controlled clock: when cards open and close. */
import { describe, expect, it } from 'vitest';
import { HoverIntent, type Timers } from '../../lib/hover/intent';
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from '../../lib/hover/timing';

/** Timers that run only when the test advances time. */
class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(id: unknown) {
    this.pending.delete(id as number);
  }
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

function setup() {
  const timers = new FakeTimers();
  const log: string[] = [];
  const intent = new HoverIntent<string>(
    {
      show: (t, how) => log.push(`show ${t}${how.focus ? ' focused' : ''}`),
      hide: (how) => log.push(`hide${how.returnFocus ? ' return-focus' : ''}`),
    },
    { timers },
  );
  return { timers, log, intent };
}

describe('hover intent', () => {
  it('shows a card only after the pointer rests on a mention', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS - 1);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['show MATS']);
  });

  it('shows nothing when the pointer merely crosses a mention', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(100);
    intent.leaveMention();
    timers.advance(5000);
    expect(log).toEqual([]);
  });

  it('restarts the dwell when the pointer moves to another mention', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS - 50);
    intent.enterMention('SPAR');
    timers.advance(SHOW_DELAY_MS - 1);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['show SPAR']);
  });

  it('keeps the card while the pointer travels onto it, and hides it a moment after leaving', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS);
    intent.leaveMention();
    timers.advance(HIDE_DELAY_MS - 1);
    intent.enterCard();
    timers.advance(10_000);
    expect(log).toEqual(['show MATS']);
    intent.leaveCard();
    timers.advance(HIDE_DELAY_MS - 1);
    expect(log).toEqual(['show MATS']);
    timers.advance(1);
    expect(log).toEqual(['show MATS', 'hide']);
  });

  it('keeps the card when the pointer comes back to the mention', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS);
    intent.leaveMention();
    timers.advance(100);
    intent.enterMention('MATS');
    timers.advance(10_000);
    expect(log).toEqual(['show MATS']);
  });

  it('Escape closes the card and it stays closed while the pointer rests there', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS);
    intent.dismiss();
    intent.enterMention('MATS');
    timers.advance(10_000);
    expect(log).toEqual(['show MATS', 'hide']);
    intent.leaveMention();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS);
    expect(log).toEqual(['show MATS', 'hide', 'show MATS']);
  });

  it('opens at once from the keyboard, pinned, and returns focus on Escape', () => {
    const { timers, log, intent } = setup();
    intent.activate('MATS', { focus: true });
    expect(log).toEqual(['show MATS focused']);
    intent.leaveMention();
    intent.enterMention('SPAR');
    timers.advance(10_000);
    expect(log).toEqual(['show MATS focused']);
    intent.dismiss();
    expect(log).toEqual(['show MATS focused', 'hide return-focus']);
  });

  it('replaces the card when another mention is activated', () => {
    const { log, intent } = setup();
    intent.activate('MATS', { focus: true });
    intent.activate('SPAR', { focus: true });
    expect(log).toEqual(['show MATS focused', 'hide', 'show SPAR focused']);
  });

  it('keeps a card the reader tabbed into (pinned) until dismissed', () => {
    const { timers, log, intent } = setup();
    intent.enterMention('MATS');
    timers.advance(SHOW_DELAY_MS);
    intent.pin();
    intent.leaveMention();
    timers.advance(10_000);
    expect(log).toEqual(['show MATS']);
    intent.close();
    expect(log).toEqual(['show MATS', 'hide']);
  });
});
