/**
 * WXT's fake browser (`wxt/testing/fake-browser`, from @webext-core/fake-browser) implements
 * storage, alarms, notifications, runtime messaging and tabs in memory; `permissions`,
 * `scripting`, `runtime.getManifest` and `commands` only throw "not implemented". This fills
 * them in with small in-memory versions that behave like Chrome's for what the extension uses.
 * Test files mock `wxt/browser` with the fake browser:
 *   vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener<A extends unknown[]> = (...args: A) => unknown;

function event<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (l: Listener<A>) => void listeners.push(l),
    removeListener: (l: Listener<A>) => {
      const i = listeners.indexOf(l);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (l: Listener<A>) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    trigger: async (...args: A) => Promise.all(listeners.map((l) => l(...args))),
    clear: () => void (listeners.length = 0),
  };
}

export interface Permissions {
  origins?: string[];
  permissions?: string[];
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
  allFrames?: boolean;
}

export const MANIFEST = {
  manifest_version: 3,
  name: 'test',
  version: '0.0.0',
  content_scripts: [{ matches: ['https://www.lesswrong.com/*'], js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }],
};

/** The state behind the fakes, for tests to arrange and inspect. */
export const state = {
  /** Granted now (the manifest's required permissions are not modelled). */
  granted: { origins: new Set<string>(), permissions: new Set<string>() },
  /** What the user answers to the next `permissions.request` prompts. */
  answer: true as boolean,
  /** Every `permissions.request` call, with whether it came while a user gesture was active. */
  requests: [] as { request: Permissions; gesture: boolean }[],
  /** Set by tests around code that runs "in a click handler" (synchronously). */
  gesture: false,
  scripts: new Map<string, RegisteredScript>(),
};

const onAdded = event<[Permissions]>();
const onRemoved = event<[Permissions]>();

function has(p: Permissions): boolean {
  return (
    (p.origins ?? []).every((o) => state.granted.origins.has(o)) &&
    (p.permissions ?? []).every((x) => state.granted.permissions.has(x))
  );
}

export function grant(p: Permissions): Promise<unknown> {
  const added: Permissions = {
    origins: (p.origins ?? []).filter((o) => !state.granted.origins.has(o)),
    permissions: (p.permissions ?? []).filter((x) => !state.granted.permissions.has(x)),
  };
  for (const o of added.origins!) state.granted.origins.add(o);
  for (const x of added.permissions!) state.granted.permissions.add(x);
  return added.origins!.length + added.permissions!.length > 0 ? onAdded.trigger(added) : Promise.resolve();
}

export function installFakeExtensionApis(): void {
  fakeBrowser.reset();
  state.granted.origins.clear();
  state.granted.permissions.clear();
  state.answer = true;
  state.requests.length = 0;
  state.gesture = false;
  state.scripts.clear();
  onAdded.clear();
  onRemoved.clear();

  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    contains: async (p: Permissions) => has(p),
    getAll: async () => ({ origins: [...state.granted.origins], permissions: [...state.granted.permissions] }),
    // Chrome: a request outside a user gesture is an error; with one, the user is asked (unless
    // everything is granted already).
    request: (p: Permissions) => {
      state.requests.push({ request: p, gesture: state.gesture });
      if (!state.gesture) return Promise.reject(new Error('This function must be called during a user gesture'));
      if (has(p)) return Promise.resolve(true);
      if (!state.answer) return Promise.resolve(false);
      return grant(p).then(() => true);
    },
    remove: async (p: Permissions) => {
      const removed: Permissions = {
        origins: (p.origins ?? []).filter((o) => state.granted.origins.delete(o)),
        permissions: (p.permissions ?? []).filter((x) => state.granted.permissions.delete(x)),
      };
      if (removed.origins!.length + removed.permissions!.length > 0) await onRemoved.trigger(removed);
      return true;
    },
    onAdded,
    onRemoved,
  };
  b.scripting = {
    registerContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) if (state.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) state.scripts.set(s.id, structuredClone(s));
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...state.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s)),
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      const ids = filter?.ids ?? [...state.scripts.keys()];
      for (const id of ids) if (!state.scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of ids) state.scripts.delete(id);
    },
    executeScript: async () => [],
  };
  b.runtime!.getManifest = () => structuredClone(MANIFEST);
  b.commands = { onCommand: event<[string, unknown]>() };
}

/** Runs `fn` as if inside a click handler (a user gesture is active while it runs synchronously). */
export function inGesture<T>(fn: () => T): T {
  state.gesture = true;
  try {
    return fn();
  } finally {
    state.gesture = false;
  }
}
