import { z } from 'zod';
import { Program } from './schema';

/** The program file format as JSON Schema (draft 2020-12), for editors. */
export function programJsonSchema(): string {
  const schema = z.toJSONSchema(Program, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'AI-safety program', $id: 'https://ai-safety-programs-lens/data/schema.json' }, null, 2)}\n`;
}
