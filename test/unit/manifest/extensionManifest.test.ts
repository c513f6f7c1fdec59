// The manifest checked by tests (Bicep's package.test.ts, vscode-pull-request-github's check-commands): what
// package.json contributes exists, is registered, and is wired to real files.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/extension/commandIds';
import { filesUnder, repoRoot } from './repoRoot';

const root = repoRoot();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes ?? {};
const contributed: { command: string; title: string; category?: string; icon?: unknown }[] = contributes.commands ?? [];
const contributedIds = new Set(contributed.map((c) => c.command));

/** Command ids registered anywhere in src/extension: through the COMMANDS table or as string literals. */
function registeredCommandIds(): Set<string> {
  const ids = new Set<string>();
  const table = COMMANDS as Record<string, string>;
  for (const file of filesUnder(root, 'src/extension', /\.ts$/)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/\b(?:register|registerCommand|registerTextEditorCommand)\(\s*COMMANDS\.(\w+)/g)) {
      assert.ok(table[m[1]], `${file} registers COMMANDS.${m[1]}, which commandIds.ts does not define`);
      ids.add(table[m[1]]);
    }
    for (const m of text.matchAll(/\b(?:register|registerCommand|registerTextEditorCommand)\(\s*['"`]([^'"`]+)['"`]/g))
      ids.add(m[1]);
  }
  return ids;
}

describe('extension manifest (package.json)', () => {
  describe('commands', () => {
    const registered = registeredCommandIds();

    it('registers every contributed command in the extension source', () => {
      const missing = [...contributedIds].filter((id) => !registered.has(id));
      assert.deepEqual(missing, [], 'contributed in package.json but never registered');
    });

    it('contributes every public command the extension registers', () => {
      const hidden = [...registered].filter((id) => id.startsWith('pimGroups.') && !contributedIds.has(id));
      assert.deepEqual(hidden, [], 'registered but not contributed, so missing from the command palette');
    });

    it('lists every command id in commandIds.ts as pimGroups.<verb><Noun> or _pimGroups.*', () => {
      for (const id of Object.values(COMMANDS) as string[]) {
        assert.match(id, /^_?pimGroups\.(test\.)?[a-z]+[A-Z][A-Za-z]*$/, id);
      }
    });

    it('gives every contributed command the category "PIM Groups" and a title', () => {
      for (const c of contributed) {
        assert.equal(c.category, 'PIM Groups', c.command);
        assert.ok(
          c.title && !c.title.startsWith('PIM Groups'),
          `${c.command}: the category already prefixes the title`,
        );
      }
    });

    it('hides internal _pimGroups.* commands from the command palette', () => {
      const palette: { command: string; when?: string }[] = contributes.menus?.commandPalette ?? [];
      for (const c of contributed.filter((x) => x.command.startsWith('_pimGroups.'))) {
        assert.ok(
          palette.some((p) => p.command === c.command && p.when === 'false'),
          `${c.command} is not hidden`,
        );
      }
    });

    it('refers only to contributed commands from menus and keybindings', () => {
      const references: string[] = [];
      for (const items of Object.values(contributes.menus ?? {}) as {
        command?: string;
        submenu?: string;
        alt?: string;
      }[][]) {
        for (const item of items) {
          if (item.command) references.push(item.command);
          if (item.alt) references.push(item.alt);
        }
      }
      for (const k of contributes.keybindings ?? []) references.push(k.command);
      const dangling = references.filter((id) => !contributedIds.has(id));
      assert.deepEqual(dangling, []);
    });
  });

  describe('files', () => {
    const referenced = (): string[] => {
      const paths: string[] = [pkg.icon];
      for (const s of contributes.snippets ?? []) paths.push(s.path);
      for (const g of contributes.grammars ?? []) paths.push(g.path);
      for (const v of contributes.yamlValidation ?? []) paths.push(v.url);
      for (const l of contributes.languages ?? []) if (l.configuration) paths.push(l.configuration);
      for (const list of Object.values(contributes.viewsContainers ?? {}) as { icon: string }[][])
        for (const c of list) paths.push(c.icon);
      for (const c of contributed) if (typeof c.icon === 'string' && !c.icon.startsWith('$(')) paths.push(c.icon);
      return paths.filter(Boolean).map((p) => p.replace(/^\.\//, ''));
    };

    it('has every file that package.json points at', () => {
      const missing = referenced().filter((p) => !existsSync(path.join(root, p)));
      assert.deepEqual(missing, []);
    });

    it('bundles main and bin from entry points that exist (dist/ is built by esbuild.mjs)', () => {
      const esbuild = readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
      assert.equal(pkg.main, './dist/extension.js');
      assert.match(esbuild, /extension:\s*'src\/extension\/extension\.ts'/);
      assert.ok(existsSync(path.join(root, 'src/extension/extension.ts')));
      assert.equal(pkg.bin['pim-groups'], 'dist/cli.js');
      assert.ok(existsSync(path.join(root, 'src/cli/main.ts')));
    });

    it('keeps the files package.json points at inside the .vsix (.vscodeignore)', () => {
      const rules = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      const glob = (pattern: string) =>
        new RegExp(
          `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*/g, '\u0000')
            .replace(/\*/g, '[^/]*')
            .replace(/\u0000/g, '.*')}$`,
        );
      const shipped = (file: string) =>
        rules.reduce(
          (kept, rule) =>
            rule.startsWith('!')
              ? glob(rule.slice(1)).test(file)
                ? true
                : kept
              : glob(rule).test(file)
                ? false
                : kept,
          true,
        );
      for (const file of [
        ...referenced(),
        'package.json',
        'dist/extension.js',
        'dist/engine.js',
        'dist/ThirdPartyNotices.txt',
        'README.md',
      ])
        assert.ok(shipped(file), `${file} is excluded by .vscodeignore`);
      for (const file of [
        'src/extension/extension.ts',
        'test/unit/tooling/lintRules.test.ts',
        'out/src/cli/main.js',
        'node_modules/yaml/package.json',
        'dist/extension.js.map',
      ]) {
        assert.ok(!shipped(file), `${file} would be packaged`);
      }
    });

    it('parses every snippet file and grammar as JSON', () => {
      for (const file of [...filesUnder(root, 'snippets', /\.json$/), ...filesUnder(root, 'syntaxes', /\.json$/)]) {
        assert.doesNotThrow(() => JSON.parse(readFileSync(path.join(root, file), 'utf8')), file);
      }
    });
  });

  describe('language contributions', () => {
    it('offers its snippets itself, where a document starts, not through contributes.snippets (VS Code would offer them in any mapping of any YAML)', () => {
      assert.equal(contributes.snippets, undefined);
      const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/pim-yaml.json'), 'utf8'));
      for (const [name, snippet] of Object.entries<{ prefix: string | string[] }>(snippets)) {
        for (const prefix of ([] as string[]).concat(snippet.prefix)) assert.match(prefix, /^pim-/, name);
      }
    });

    it('injects the grammar into source.yaml under its own scope name', () => {
      for (const g of contributes.grammars) {
        const grammar = JSON.parse(readFileSync(path.join(root, g.path), 'utf8'));
        assert.equal(grammar.scopeName, g.scopeName);
        assert.deepEqual(g.injectTo, ['source.yaml']);
        assert.match(grammar.injectionSelector, /source\.yaml/);
        assert.equal(g.language, undefined, 'an injection grammar must not claim a language');
      }
    });

    it("does not replace YAML's own language configuration", () => {
      for (const l of contributes.languages ?? []) assert.notEqual(l.id, 'yaml');
    });

    it('does not hand the schema to Red Hat YAML: completion, hovers and diagnostics are ours alone', () => {
      // With yamlValidation, Red Hat YAML would add its own items, hovers and schema diagnostics beside ours.
      assert.equal(contributes.yamlValidation, undefined);
    });

    it('sets editor defaults only as a [yaml] language override', () => {
      const keys = Object.keys(contributes.configurationDefaults ?? {});
      assert.deepEqual(keys, ['[yaml]']);
      assert.equal(contributes.configurationDefaults['[yaml]']['editor.tabSize'], 2);
      assert.equal(contributes.configurationDefaults['[yaml]']['editor.insertSpaces'], true);
    });
  });

  describe('activation, trust and marketplace fields', () => {
    it('activates on definition files, not on every YAML file or at startup', () => {
      assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.pim.yaml'));
      assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.pim.yml'));
      for (const event of pkg.activationEvents)
        assert.ok(!['*', 'onLanguage:yaml', 'onStartupFinished'].includes(event), event);
    });

    it('declares limited support for untrusted workspaces, with the reason', () => {
      const trust = pkg.capabilities.untrustedWorkspaces;
      assert.equal(trust.supported, 'limited');
      assert.ok(trust.description.length > 20);
    });

    it('uses only valid marketplace categories', () => {
      const valid = [
        'AI',
        'Azure',
        'Chat',
        'Data Science',
        'Debuggers',
        'Education',
        'Extension Packs',
        'Formatters',
        'Keymaps',
        'Language Packs',
        'Linters',
        'Machine Learning',
        'Notebooks',
        'Other',
        'Programming Languages',
        'SCM Providers',
        'Snippets',
        'Testing',
        'Themes',
        'Visualization',
      ];
      for (const c of pkg.categories) assert.ok(valid.includes(c), c);
    });

    it('ships a marketplace icon that is a PNG of at least 128×128', () => {
      const png = readFileSync(path.join(root, pkg.icon));
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128);
    });
  });
});
