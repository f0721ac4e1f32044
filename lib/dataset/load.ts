/**
 * Reads and validates the program files (Node only: file system and YAML). Used by the build
 * (the `virtual:dataset` module), `npm run data:check`, `data:export` and `scan`.
 * Every problem names the file, the line, the field path and what is wrong, in words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { Program } from '../schema';
import { checkPrograms, formatPath, type Problem, type ProgramFile } from './check';

export const PROGRAMS_DIR = 'data/programs';

export interface LoadResult {
  files: ProgramFile[];
  problems: Problem[];
}

function describe(issue: $ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = value === undefined ? 'nothing' : JSON.stringify(value);
      return issue.expected === 'string' && value === undefined
        ? 'is required'
        : value === undefined
          ? `is required (expected ${issue.expected})`
          : `expected ${issue.expected}, got ${got}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling; see CONTRIBUTING.md)`;
    case 'invalid_union':
      return typeof value === 'object' && value !== null
        ? 'expected an alias: a string, or an object with `text` (and optional case, editions, ambiguous, shared_with, note)'
        : `expected a string or an object, got ${JSON.stringify(value)}`;
    default:
      return issue.message;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Validates one file's text. `file` is the path used in messages (relative to the repository). */
export function parseProgramFile(file: string, text: string): { program?: Program; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({
        file,
        path: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        severity: 'error',
      });
    }
    return { problems };
  }
  const data = doc.toJS();
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const result = Program.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path;
      problems.push({
        file,
        path: formatPath(path),
        line: lineOf(path),
        message: describe(issue, valueAt(data, path)),
        severity: 'error',
      });
    }
    return { problems };
  }
  return { program: result.data, problems };
}

/** Loads every program file under `root/data/programs`, validates each, then checks them together. */
export function loadPrograms(root: string, now: number = Date.now()): LoadResult {
  const dir = join(root, PROGRAMS_DIR);
  const names = readdirSync(dir)
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .sort();
  const files: ProgramFile[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ file, path: '', message: `cannot read: ${(e as Error).message}`, severity: 'error' });
      continue;
    }
    const parsed = parseProgramFile(file, text);
    problems.push(...parsed.problems);
    if (parsed.program) files.push({ file, program: parsed.program });
  }
  problems.push(...checkPrograms(files, now));
  return { files, problems };
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  const line = p.line ? ` (line ${p.line})` : '';
  return `${p.file}: ${p.path ? `${p.path}: ` : ''}${tag}${p.message}${line}`;
}
