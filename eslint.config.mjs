// Type-aware lint: the habits reviewers would otherwise repeat (see ../shared/architecture.md),
// and the house itself: which folder may import which (see docs/architecture.md, "What the lint enforces").
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// The floors. Business areas in src/modules, lowest first. An area imports only areas on lower
// floors; the venue, the ground floor, imports none. The public site and the organizers' console
// are the top floors: they gather what the areas below show, and nothing imports them. Two areas never share a floor, so there is
// never a question of which way an arrow may point.
const FLOORS = ['venue', 'fairs', 'exhibitors', 'meetings', 'attendees', 'mail-console', 'site', 'console'];
const DOCS = 'See docs/architecture.md.';
/** SQL naming a table of fairs, venue, exhibitors or meetings (for the areas that must ask those instead). */
const FOREIGN_TABLES_IN_SQL =
  '/\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(?:meeting\\w*|schedule_\\w+|exhibitor_\\w+|booths?|booth_\\w+|compan(?:y|ies)\\w*|fair_\\w+|edition_\\w+|conference_sessions|venue_\\w+)\\b/';

const any = (names) => `(?:${names.map((n) => n.replaceAll('.', '\\.')).join('|')})`;
/** An import path that enters one of these module folders (relative, or spelled through src/modules). */
const into = (names) => `(?:^|/)${any(names)}(?:/|$)`;

/** The import patterns a file of `area` must not match; `entityFile` relaxes them for TypeORM relations. */
function areaPatterns(area, { entityFile = false } = {}) {
  const level = FLOORS.indexOf(area);
  const above = FLOORS.filter((_, i) => i >= level && FLOORS[i] !== area);
  const below = FLOORS.slice(0, level);
  const patterns = [];
  if (above.length > 0) {
    patterns.push({
      regex: into(above),
      message:
        area === 'venue'
          ? 'The venue is the ground floor and imports no other area. A booking carries a plain edition id; what the venue needs from above comes through a port it declares (venue/ports/), provided by the area above. ' + DOCS
          : `${area} may import only areas on lower floors (${FLOORS.join(' → ')}); ${above.join(', ')} ${above.length > 1 ? 'are' : 'is'} not below it. Move the shared code down (or into core/), or declare a port in ${area} that the higher area provides. ${DOCS}`,
    });
  }
  if (below.length > 0) {
    const pages = `${any(below)}/pages(?:/|$)`;
    patterns.push(
      {
        regex: `(?:^|/)${pages}`,
        message: "Another module's pages/ are private to it. The shared page layer (frame, page context, page filters, forms) lives in core/web. " + DOCS,
      },
      {
        regex: `(?:^|/)${any(below)}/(?:.*/)?[^/]*\\.repository$`,
        message: "Another module's repository is private: only its own service touches its tables. Ask that module through the service (read API) its module file exports. " + DOCS,
      },
    );
    if (!entityFile) {
      patterns.push({
        regex: `(?:^|/)${any(below)}/entities(?:/|$)`,
        allowTypeImports: true,
        message:
          "Another module's entities are its tables. Use `import type` to read its rows as a read model, or ask the module's exported service; only entity files may import lower floors' entities as values (TypeORM relations). " +
          DOCS,
      });
    }
  }
  return patterns;
}

const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const SCHEDULER = 'src/modules/meetings/scheduler';
const schedulerPatterns = (packages) => [
  {
    regex: '^\\.\\./',
    message: 'The scheduler is a pure engine: it imports nothing outside src/modules/meetings/scheduler (the meetings module adapts to it in engine-runner.ts). ' + DOCS,
  },
  {
    regex: `^(?!\\.|node:)(?!${any([...NODE_BUILTINS, ...packages])}(?:/|$))`,
    message: 'The scheduler is pure TypeScript: no Nest, no TypeORM, no packages; only Node built-ins (and highs, the LP solver). Do that work in the meetings module around it. ' + DOCS,
  },
];

const houseRules = [
  {
    files: ['src/core/**/*.ts'],
    rules: restrict([
      {
        regex: '(?:^|/)modules(?:/|$)',
        message: 'core/ is infrastructure and knows no business area. Move the shared piece into core/, or let the module hand core what it needs (a provider, a registration, a callback). ' + DOCS,
      },
    ]),
  },
  ...FLOORS.flatMap((area) => [
    { files: [`src/modules/${area}/**/*.ts`], rules: restrict(areaPatterns(area)) },
    { files: [`src/modules/${area}/entities/**/*.ts`], rules: restrict(areaPatterns(area, { entityFile: true })) },
  ]),
  // One package is allowed: highs, the HiGHS LP/MIP solver compiled to WebAssembly (pure computation,
  // no I/O), which gives the engine its LP bound and proven optima.
  { files: [`${SCHEDULER}/**/*.ts`], rules: restrict(schedulerPatterns(['highs'])) },
  // Specs of the engine may use the test tools (property-based tests).
  { files: [`${SCHEDULER}/**/*.spec.ts`], rules: restrict(schedulerPatterns(['highs', 'fast-check'])) },
  // Attendees name only their own tables in SQL: the sessions, meetings and exhibitors they show
  // come from the read APIs of fairs, meetings and exhibitors (ProgrammeDirectory, MeetingsDirectory,
  // ExhibitorsDirectory). Cheap and literal: it reads SQL written in string and template literals.
  {
    files: ['src/modules/attendees/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...['Literal', 'TemplateElement'].map((node) => ({
        selector: `${node}[${node === 'Literal' ? 'value' : 'value.raw'}=${FOREIGN_TABLES_IN_SQL}]`,
        message: "Attendees query only their own tables. Ask the area that owns the table through the read API its module exports (ProgrammeDirectory, MeetingsDirectory, ExhibitorsDirectory). " + DOCS,
      }))],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', '*.js', '*.mjs', 'bin/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through core/config only.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Config is the one place that reads the environment; tests and benches set it up.
    files: ['src/core/config/**', 'test/**', 'bench/**', 'src/modules/meetings/scheduler/cli.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read untyped JSON bodies from supertest and mail parsers.
    files: ['test/**', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...houseRules,
);
