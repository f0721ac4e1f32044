/**
 * npm run data:new -- <id> — starts data/programs/<id>.yaml from the template, with every field
 * explained. Refuses an id that is not a slug or already exists.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRAM_ID } from '../lib/schema';
import { projectRoot } from './paths';

const id = process.argv[2];
if (!id || !PROGRAM_ID.test(id)) {
  console.error('usage: npm run data:new -- <id>   (a short lowercase slug such as ai-safety-camp)');
  process.exit(2);
}
const file = join(projectRoot, 'data/programs', `${id}.yaml`);
if (existsSync(file)) {
  console.error(`data/programs/${id}.yaml already exists`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
writeFileSync(
  file,
  `# yaml-language-server: $schema=../schema.json
# A new program. Every block needs the \`source\` URL (https) its facts come from.
# Unknown stays empty: delete a line rather than guess. See CONTRIBUTING.md.
id: ${id}
name: TODO Full official name
short_name: TODO What people usually call it
summary: TODO What the program is, in one sentence.

aliases:
  # How people write the name. A plain string matches exactly as written (case-sensitive).
  - TODO
  # - text: Full Name Of The Program
  #   case: insensitive
  # - text: ACRONYM
  #   editions: true      # "ACRONYM 5", "ACRONYM 5.0"
  # - text: Word
  #   ambiguous: true     # also an ordinary word: only marked with context (below)
  #   note: also a verb

context: [] # names, people, domains that show an ambiguous alias means this program
veto: [] # phrases containing an alias that mean something else, e.g. "Chatbot Arena"

organiser:
  name: TODO
  url: https://TODO
  source: https://TODO

url: https://TODO

status:
  state: active # active | paused | discontinued (then add since: YYYY or YYYY-MM)
  source: https://TODO

mentorship:
  model: mentor-matched # mentor-matched | research-teams | incubator | course | bootcamp | sprint | residency
  mentor_need: high # high | medium | low | none
  how: TODO One plain sentence on how mentorship works.
  source: https://TODO

audience:
  summary: TODO Whom the program is for.
  source: https://TODO

format:
  mode: online # in-person | online | hybrid | online-or-in-person
  # location: Berkeley, CA
  # length: 10 weeks
  # hours: 40 h/week
  # stipend: USD 10,000
  source: https://TODO

calls:
  # - name: Summer 2027
  #   opens: 2027-01-10
  #   closes: 2027-02-01 23:59
  #   timezone: AoE
  #   starts: 2027-06-01
  #   ends: 2027-08-20
  #   participants: 30
  #   mentors: 15
  #   source: https://TODO

verified: ${today}
`,
);
console.log(`wrote data/programs/${id}.yaml — fill in the TODOs, then run npm run data:check`);
