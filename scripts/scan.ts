/**
 * npm run scan — finds program mentions with the extension's own matcher and text reader.
 *
 *   npm run scan -- FILE...                 HTML or text files: a table of mentions in context
 *   npm run --silent scan -- --jsonl        JSON lines on stdin: {"id", "text"} or {"id", "html"}
 *                                           → one line per input: {"id", "mentions": [...]}
 *
 * Offsets are UTF-16 code units (JavaScript string indices) of the input text; for "html" input,
 * of the page's text as the extension reads it (returned as "text"). Bad input (an unreadable
 * file, a line that is not JSON) is reported on stderr naming the file or line; the rest is still
 * processed, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Window } from 'happy-dom';
import { buildDataset } from '../lib/build/dataset-plugin';
import { BLOCK_BREAK, readBodyText } from '../lib/dom/text';
import { createMatcher, type Matcher } from '../lib/match/match';
import type { Mention } from '../lib/match/types';
import { projectRoot } from './paths';

/** The text the extension would read from an HTML document (the whole page is one unit). */
export function htmlToText(html: string): string {
  const window = new Window();
  try {
    window.document.write(html);
    const body = window.document.body as unknown as Element;
    return readBodyText(body).text;
  } finally {
    void window.happyDOM.close();
  }
}

function looksLikeHtml(name: string, content: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*<(?:!doctype|html|body|div|p|article|main)\b/i.test(content);
}

/** The break between blocks is U+2029 (lib/dom/text.ts); shown as a newline, same length. */
const readable = (text: string) => text.replaceAll(BLOCK_BREAK, '\n');

function toJson(id: unknown, mentions: Mention[], text?: string): string {
  const out: Record<string, unknown> = {
    id,
    mentions: mentions.map(({ program, start, end, text: t }) => ({ program, start, end, text: t })),
  };
  if (text !== undefined) out.text = readable(text);
  return JSON.stringify(out);
}

async function scanJsonLines(matcher: Matcher): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      failures++;
      console.error(`stdin line ${lineNo}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const o = item as { id?: unknown; text?: unknown; html?: unknown };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      failures++;
      console.error(`stdin line ${lineNo}: expected an object like {"id": "...", "text": "..."}`);
    } else if (typeof o.text === 'string') {
      process.stdout.write(`${toJson(o.id ?? null, matcher.find(o.text))}\n`);
    } else if (typeof o.html === 'string') {
      const text = htmlToText(o.html);
      process.stdout.write(`${toJson(o.id ?? null, matcher.find(text), text)}\n`);
    } else {
      failures++;
      console.error(`stdin line ${lineNo}: needs a string "text" or "html" field`);
    }
  }
  return failures;
}

function scanFiles(matcher: Matcher, files: string[]): number {
  let failures = 0;
  const rows: string[][] = [];
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (e) {
      failures++;
      console.error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const text = looksLikeHtml(file, content) ? htmlToText(content) : content;
    const mentions = matcher.find(text);
    if (mentions.length === 0) rows.push([file, '-', '', '', '(no mentions)']);
    for (const m of mentions) {
      const before = readable(text.slice(Math.max(0, m.start - 30), m.start)).replace(/\s+/g, ' ');
      const after = readable(text.slice(m.end, m.end + 30)).replace(/\s+/g, ' ');
      rows.push([file, m.program, m.text, String(m.start), `…${before}[${m.text}]${after}…`]);
    }
  }
  const header = ['file', 'program', 'as written', 'offset', 'context'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
  return failures;
}

async function main() {
  const args = process.argv.slice(2);
  const matcher = createMatcher(buildDataset(projectRoot).matcher);
  const jsonl = args.includes('--jsonl');
  const files = args.filter((a) => a !== '--jsonl');
  if (!jsonl && files.length === 0) {
    console.error('usage: npm run scan -- FILE...   |   npm run --silent scan -- --jsonl < input.jsonl');
    process.exit(2);
  }
  const failures = jsonl ? await scanJsonLines(matcher) : scanFiles(matcher, files);
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
