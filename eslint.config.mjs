// Lint: typescript-eslint's recommended rules, and the layer table of docs/architecture.md as import boundaries
// (each folder of src/ imports only the folders the table allows) with no import cycles. `npm run lint`, run by
// `npm test`. Keep LAYERS and docs/architecture.md saying the same thing.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** What the two entry points (the CLI, and the extension besides the CLI) may import: every engine layer. */
const ENTRY_POINT_IMPORTS = [
  'activation',
  'governance',
  'apply',
  'auth',
  'bindings',
  'definitions',
  'export',
  'graph',
  'plan',
  'readiness',
  'sandbox',
  'tenant',
  'time',
  'text',
];

/** src/<folder> → the src/ folders it may import (besides itself and packages). */
export const LAYERS = {
  time: [],
  text: [],
  auth: [],
  sandbox: [],
  definitions: ['time'],
  graph: ['auth', 'time'],
  tenant: ['graph', 'definitions', 'time'],
  bindings: ['tenant', 'graph', 'definitions', 'time'],
  plan: ['bindings', 'tenant', 'definitions', 'time', 'graph', 'text'],
  apply: ['plan', 'bindings', 'tenant', 'graph', 'definitions', 'time'],
  activation: ['tenant', 'graph', 'definitions', 'time'],
  export: ['bindings', 'tenant', 'graph', 'definitions', 'time'],
  governance: ['activation', 'tenant', 'graph', 'definitions', 'time'],
  readiness: ['plan', 'bindings', 'tenant', 'graph', 'definitions', 'time', 'auth', 'text'],
  cli: ENTRY_POINT_IMPORTS,
  extension: [...ENTRY_POINT_IMPORTS, 'cli'],
  // The GitHub Action: the CLI's connection and commands, annotations and the plan comment.
  action: ['apply', 'auth', 'bindings', 'cli', 'definitions', 'graph', 'plan', 'tenant', 'time', 'text'],
};

/**
 * Narrower than a whole folder: the planner uses Graph's wire types (rule bodies), never the
 * transport, so a plan is computed without a network.
 */
const ONLY = { plan: { graph: ['./types.ts'] } };

const FOLDERS = Object.keys(LAYERS);

function boundaryZones() {
  const zones = [];
  for (const [target, allowed] of Object.entries(LAYERS)) {
    for (const from of FOLDERS.filter((f) => f !== target && !allowed.includes(f))) {
      zones.push({
        target: `./src/${target}`,
        from: `./src/${from}`,
        message: `src/${target} may import only ${allowed.join(', ') || 'no other folder of src/'} (docs/architecture.md).`,
      });
    }
    for (const [from, files] of Object.entries(ONLY[target] ?? {})) {
      zones.push({
        target: `./src/${target}`,
        from: `./src/${from}`,
        except: files,
        message: `src/${target} may use only ${files.join(', ')} of src/${from} (docs/architecture.md).`,
      });
    }
  }
  return zones;
}

const VSCODE_ONLY_IN_EXTENSION = {
  paths: [
    {
      name: 'vscode',
      message: 'Only src/extension/ (and the host tests) import vscode; everything else runs in plain Node.',
    },
  ],
};

/**
 * Inside src/extension (src/extension/README.md): a feature never imports a sibling feature; what several use lives
 * in common/; infrastructure/ and engine/ import no other folder of the extension; common/ imports only
 * infrastructure/ and engine/; only the composition roots (extension.ts, testMode/) see the features. Every folder
 * that is not a base folder is a feature, so a new feature is covered without editing this list.
 */
const EXTENSION_BASE = { infrastructure: [], engine: [], common: ['infrastructure', 'engine'] };
const EXTENSION_ROOTS = ['testMode'];

function extensionZones() {
  const dir = 'src/extension';
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const zones = [];
  for (const target of folders.filter((f) => !EXTENSION_ROOTS.includes(f))) {
    const allowed = target in EXTENSION_BASE ? EXTENSION_BASE[target] : Object.keys(EXTENSION_BASE);
    const why =
      target in EXTENSION_BASE
        ? `src/extension/${target} may import only ${allowed.join(', ') || 'no other folder of the extension'} (src/extension/README.md).`
        : `A feature (src/extension/${target}) never imports a sibling feature or the test API: move what several use to common/ (src/extension/README.md).`;
    for (const from of folders.filter((f) => f !== target && !allowed.includes(f))) {
      zones.push({ target: `./${dir}/${target}`, from: `./${dir}/${from}`, message: why });
    }
    zones.push({ target: `./${dir}/${target}`, from: `./${dir}/extension.ts`, message: why });
  }
  return zones;
}

const extensionRules = [
  {
    files: ['src/extension/**/*.ts'],
    // One rule setting per file: the extension's zones come with the layer table's.
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...boundaryZones(), ...extensionZones()] }] },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'action/index.js',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'src/definitions/generated/**',
      'test/fixtures/**',
      'test/host/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle follows imports by parsing the imported files: with the TypeScript parser for .ts.
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // `_`-prefixed names are dropped on purpose (a destructured key left out of the rest, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A `let` assigned once after a closure that reads it (a server callback) stays a `let`: it is read before assigned.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Control characters are matched on purpose: escaping terminal output, refusing them in names, ANSI in tests.
      'no-control-regex': 'off',
      // Literal spaces in patterns mirror YAML indentation in the fixtures they edit; `{2}` would hide that.
      'no-regex-spaces': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones() }],
      'no-restricted-imports': ['error', VSCODE_ONLY_IN_EXTENSION],
    },
  },
  {
    files: ['src/extension/**/*.ts', 'test/host/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read arbitrary Graph JSON bodies; typing each one would add nothing the assertions do not say.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...extensionRules,
);
