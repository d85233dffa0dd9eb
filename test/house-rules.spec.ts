import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The house is enforced by `npm run lint` (eslint.config.mjs, `houseRules`): these fixtures,
 * linted at virtual paths inside src/ with the project's own configuration, prove that each
 * floor rule fires, and that what the house allows passes. Only the fixture texts are linted
 * (no type information, only the import rule), in one child process: ESLint loads its flat
 * config with a dynamic import, which Jest's module sandbox does not allow.
 */
const root = join(__dirname, '..');
const RULE = '@typescript-eslint/no-restricted-imports';
/** The rule that keeps other areas' table names out of attendees' SQL. */
const SQL_RULE = 'no-restricted-syntax';

interface Fixture {
  name: string;
  filePath: string;
  code: string;
  /** The rule that must fire; the import rule unless said. */
  rule?: string;
}

const LINT_FIXTURES = `
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
const fixtures = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => [${JSON.stringify(RULE)}, ${JSON.stringify(SQL_RULE)}].includes(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});
const out = {};
for (const f of fixtures) {
  const [result] = await eslint.lintText(f.code, { filePath: f.filePath });
  out[f.name] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, fatal: m.fatal === true }));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(fixtures: Fixture[]): Record<string, Array<{ ruleId: string | null; message: string; fatal: boolean }>> {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_FIXTURES], {
    cwd: root,
    input: JSON.stringify(fixtures.map((f) => ({ ...f, filePath: join(root, f.filePath) }))),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as ReturnType<typeof lint>;
}

const broken: Array<Fixture & { says: RegExp }> = [
  {
    name: 'core imports a business area',
    filePath: 'src/core/web/fixture.ts',
    code: `import { FairsService } from '../../modules/fairs/fairs.service';\nexport const x = FairsService;\n`,
    says: /core\/ is infrastructure and knows no business area/,
  },
  {
    name: 'core imports a module type-only (still an arrow up)',
    filePath: 'src/core/queue/fixture.ts',
    code: `import type { Booking } from '../../modules/venue/entities/booking.entity';\nexport type X = Booking;\n`,
    says: /knows no business area/,
  },
  {
    name: 'venue imports fairs',
    filePath: 'src/modules/venue/fixture.ts',
    code: `import { FairsService } from '../fairs/fairs.service';\nexport const x = FairsService;\n`,
    says: /The venue is the ground floor and imports no other area/,
  },
  {
    name: 'venue entity relates to a fairs entity',
    filePath: 'src/modules/venue/entities/fixture.entity.ts',
    code: `import { FairEdition } from '../../fairs/entities/fair-edition.entity';\nexport const x = FairEdition;\n`,
    says: /ground floor/,
  },
  {
    name: 'fairs import an area above them',
    filePath: 'src/modules/fairs/fixture.ts',
    code: `import { MeetingsService } from '../meetings/meetings.service';\nexport const x = MeetingsService;\n`,
    says: /fairs may import only areas on lower floors/,
  },
  {
    name: 'the scheduler imports typeorm',
    filePath: 'src/modules/meetings/scheduler/fixture.ts',
    code: `import { DataSource } from 'typeorm';\nexport const x = DataSource;\n`,
    says: /The scheduler is pure TypeScript/,
  },
  {
    name: 'the scheduler imports the meetings module around it',
    filePath: 'src/modules/meetings/scheduler/fixture.ts',
    code: `import { MeetingsService } from '../meetings.service';\nexport const x = MeetingsService;\n`,
    says: /imports nothing outside src\/modules\/meetings\/scheduler/,
  },
  {
    name: "exhibitors import the meetings' repository",
    filePath: 'src/modules/exhibitors/fixture.ts',
    code: `import { MeetingsRepository } from '../meetings/meetings.repository';\nexport const x = MeetingsRepository;\n`,
    says: /lower floors/,
  },
  {
    name: "attendees import the meetings' repository",
    filePath: 'src/modules/attendees/fixture.ts',
    code: `import { MeetingsRepository } from '../meetings/meetings.repository';\nexport const x = MeetingsRepository;\n`,
    says: /Another module's repository is private/,
  },
  {
    name: "a service value-imports another module's entity",
    filePath: 'src/modules/meetings/fixture.service.ts',
    code: `import { FairEdition } from '../fairs/entities/fair-edition.entity';\nexport const x = FairEdition;\n`,
    says: /Another module's entities are its tables/,
  },
  {
    name: "a module imports another module's pages",
    filePath: 'src/modules/attendees/pages/fixture.ts',
    code: `import { formatKrw } from '../../exhibitors/pages/exhibitor-pages.view';\nexport const x = formatKrw;\n`,
    says: /pages\/ are private/,
  },
  {
    name: "a page imports the page context from the venue's pages instead of core/web",
    filePath: 'src/modules/meetings/pages/fixture.ts',
    code: `import { pageContext } from '../../venue/pages/venue-console.context';\nexport const x = pageContext;\n`,
    says: /core\/web/,
  },
  {
    name: 'an area imports the console (the top floor)',
    filePath: 'src/modules/mail-console/fixture.ts',
    code: `import { ConsoleDashboardService } from '../console/console-dashboard.service';\nexport const x = ConsoleDashboardService;\n`,
    says: /mail-console may import only areas on lower floors/,
  },
  {
    name: 'the public site imports the console (a floor up)',
    filePath: 'src/modules/site/fixture.ts',
    code: `import { ConsoleAuthService } from '../console/console-auth.service';\nexport const x = ConsoleAuthService;\n`,
    says: /site may import only areas on lower floors/,
  },
  {
    name: "the console imports another area's pages",
    filePath: 'src/modules/console/fixture.ts',
    code: `import { renderVenuePage } from '../venue/pages/venue-console.view';\nexport const x = renderVenuePage;\n`,
    says: /pages\/ are private/,
  },
  {
    name: "the console reads the attendees' repository instead of their read API",
    filePath: 'src/modules/console/fixture.service.ts',
    code: `import { AttendeesRepository } from '../attendees/attendees.repository';\nexport const x = AttendeesRepository;\n`,
    says: /Another module's repository is private/,
  },
  {
    name: "attendees read the meetings' tables in SQL",
    filePath: 'src/modules/attendees/fixture.repository.ts',
    code: "export const sql = `SELECT m.id FROM meeting_participants p\n  JOIN meetings m ON m.request_id = p.id`;\n",
    rule: SQL_RULE,
    says: /Attendees query only their own tables/,
  },
  {
    name: "attendees read the exhibitors' tables in SQL",
    filePath: 'src/modules/attendees/fixture.repository.ts',
    code: "export const sql = 'SELECT 1 FROM exhibitor_applications WHERE id = $1';\n",
    rule: SQL_RULE,
    says: /read API its module exports/,
  },
];

const allowed: Fixture[] = [
  {
    name: 'attendees query their own tables (and core\'s)',
    filePath: 'src/modules/attendees/fixture.repository.ts',
    code: "export const a = `INSERT INTO conference_session_seats (session_id) VALUES ($1)`;\nexport const b = 'SELECT 1 FROM attendee_bookmarks UNION ALL SELECT 1 FROM mail_batches';\n",
  },
  {
    name: "type-only import of another module's entity (a read model)",
    filePath: 'src/modules/meetings/fixture.service.ts',
    code: `import type { FairEdition } from '../fairs/entities/fair-edition.entity';\nexport type X = FairEdition;\n`,
  },
  {
    name: 'fairs entity relates to a venue entity (down the floors)',
    filePath: 'src/modules/fairs/entities/fixture.entity.ts',
    code: `import { VenueSpace } from '../../venue/entities/venue-space.entity';\nexport const x = VenueSpace;\n`,
  },
  {
    name: "a module uses a lower module's exported service",
    filePath: 'src/modules/attendees/fixture.service.ts',
    code: `import { FairsService } from '../fairs/fairs.service';\nexport const x = FairsService;\n`,
  },
  {
    name: "the console uses the read APIs of every area below it",
    filePath: 'src/modules/console/fixture.service.ts',
    code: `import { AttendeesDirectory } from '../attendees/attendees-directory';\nimport { MailConsoleService } from '../mail-console/mail-console.service';\nimport { FairsDirectory } from '../fairs/fairs-directory';\nexport const x = [AttendeesDirectory, MailConsoleService, FairsDirectory];\n`,
  },
  {
    name: 'the public site uses the fairs and exhibitors read APIs',
    filePath: 'src/modules/site/fixture.service.ts',
    code: `import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';\nimport type { EditionListRow } from '../fairs/fairs-directory';\nexport const x = ExhibitorsDirectory;\nexport type Y = EditionListRow;\n`,
  },
  {
    name: 'the venue uses core and its own files',
    filePath: 'src/modules/venue/fixture.ts',
    code: `import { DomainError } from '../../core/errors/domain-error';\nimport { VenueRepository } from './venue.repository';\nexport const x = [DomainError, VenueRepository];\n`,
  },
  {
    name: 'the scheduler uses Node built-ins and its own files',
    filePath: 'src/modules/meetings/scheduler/fixture.ts',
    code: `import { parentPort } from 'node:worker_threads';\nimport { cpus } from 'os';\nimport { defaultWorkLimit } from './engine';\nexport const x = [parentPort, cpus, defaultWorkLimit];\n`,
  },
];

describe('the house rules (eslint.config.mjs)', () => {
  let results: ReturnType<typeof lint>;

  beforeAll(() => {
    results = lint([...broken, ...allowed]);
  });

  it.each(broken.map((f) => [f.name, f] as const))('refuses: %s', (_name, fixture) => {
    const messages = results[fixture.name];
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain(fixture.rule ?? RULE);
    expect(messages.map((m) => m.message).join('\n')).toMatch(fixture.says);
  });

  it.each(allowed.map((f) => [f.name, f] as const))('allows: %s', (_name, fixture) => {
    expect(results[fixture.name]).toEqual([]);
  });
});
