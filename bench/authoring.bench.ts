// `npm run bench:authoring`: completion latency of our schema completion (and template names) from a warm cache over
// a generated 1,000-document workspace, beside yaml-language-server's completion (the engine of Red Hat YAML) at the
// same positions in the same run. Not a test: it prints figures. Target: ours p95 < 20 ms at every position.
//
// What one request measures is what the editor's provider does: split the document into lines, find the cursor's
// path, walk the schema and build the candidates (or, after `template:`, filter the workspace's templates from the
// last validation, which is the warm cache). Turning candidates into vscode.CompletionItems is not measured.
//
// Sections: `latency()` below, exported with the workspace generator so another bench can time the same workload.
// The Graph requests made while typing a principal (tenant-aware completion) are counted by `npm run
// bench:tenantAuthoring`.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { DefinitionFile, loadWorkspace, ParseCache, PIM_GROUPS_SCHEMA, Workspace } from '../src/definitions';
import { cursorContext } from '../src/definitions/authoring/cursorContext';
import { schemaCandidates } from '../src/definitions/authoring/schemaCompletion';
import { templatePrefixAt, templateSuggestions } from '../src/extension/definitions/templateCompletion';
import { pimGroupDocument } from './validate.bench';

const NOW = new Date('2026-11-26T10:00:00Z');
const GROUP_FILES = 50;
const GROUPS = 950;
const TEMPLATES = 50;
const REQUESTS = 300;
/** yaml-language-server takes 100+ ms a request on this file; fewer requests keep the run short. */
const THEIR_REQUESTS = 30;

function templateDocument(n: number): string {
  return `apiVersion: pim-groups/v1
kind: PolicyTemplate
metadata:
  name: template-${n}
  description: Generated template number ${n}
policy:
  activation:
    maxDuration: PT${1 + (n % 8)}H
    requireMfa: true
  eligibility:
    allowPermanent: false
    maxDuration: P${90 + n}D
`;
}

/** 950 PimGroups in 50 files and 50 PolicyTemplates in one: 1,000 documents. */
export function authoringWorkspace(): DefinitionFile[] {
  const perFile = GROUPS / GROUP_FILES;
  const groups = Array.from({ length: GROUP_FILES }, (_, f) => ({
    path: `/bench/team-${f}.pim.yaml`,
    text: Array.from({ length: perFile }, (_, d) => pimGroupDocument(f * perFile + d)).join('---\n'),
  }));
  const templates = {
    path: '/bench/templates.pim.yaml',
    text: Array.from({ length: TEMPLATES }, (_, n) => templateDocument(n)).join('---\n'),
  };
  return [...groups, templates];
}

interface Position {
  name: string;
  text: string;
  line: number;
  character: number;
  /** yaml-language-server offers nothing comparable here (the names live in other files). */
  oursOnly?: boolean;
}

/** The positions, in the middle document of a 19-document file; `§` marks the cursor in the edited document. */
function positions(file: DefinitionFile): Position[] {
  const docs = file.text.split('---\n');
  const middle = Math.floor(docs.length / 2);
  const at = (name: string, edit: (doc: string) => string, oursOnly = false): Position => {
    const edited = [...docs];
    edited[middle] = edit(docs[middle]);
    const marked = edited.join('---\n');
    const before = marked.slice(0, marked.indexOf('§')).split('\n');
    const text = marked.replace('§', '');
    return { name, text, line: before.length - 1, character: before[before.length - 1].length, oursOnly };
  };
  return [
    at('top level', (d) => `${d.slice(0, d.indexOf('bindings:'))}§\n`), // the bindings not written yet
    at('policies.member.activation', (d) => d.replace('      requireTicket: false\n', '      §\n')),
    at('an enum value', (d) => d.replace('  mode: authoritative', '  mode: §')),
    at('a duration', (d) => d.replace('      maxDuration: PT8H', '      maxDuration: §')),
    at('a template name', (d) => d.replace('  member:\n', '  member:\n    template: templ§\n'), true),
  ];
}

function ours(p: Position, workspace: Workspace): number {
  const lines = p.text.split(/\r?\n/);
  const prefix = templatePrefixAt(lines[p.line].slice(0, p.character));
  if (prefix !== undefined) return templateSuggestions(workspace.templates, prefix).length;
  return schemaCandidates(PIM_GROUPS_SCHEMA, cursorContext(lines, p)!).length;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (v: number) => `${v.toFixed(2)} ms`;

function time(run: () => unknown, requests: number): number[] {
  for (let i = 0; i < 20; i++) run(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

async function timeAsync(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run(); // the language service loads the schema on first use
  const samples: number[] = [];
  for (let i = 0; i < THEIR_REQUESTS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

export async function latency(files: DefinitionFile[]): Promise<void> {
  // The warm cache: the last validation of the whole workspace, as the editor keeps it.
  const workspace = loadWorkspace(files, { now: NOW, cache: new ParseCache() });
  const documents = workspace.groups.length + workspace.templates.length;
  const target = files[Math.floor(GROUP_FILES / 2)];
  console.log(
    `workload: ${documents} documents in ${files.length} files; completion in a ${target.text.split('\n').length}-line file, ${REQUESTS} requests per position`,
  );

  const schemaPath = path.resolve(__dirname, '../../schemas/pim-groups.schema.json');
  const ls = getLanguageService({
    schemaRequestService: async () => readFileSync(schemaPath, 'utf8'),
    workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).toString() },
  });
  ls.configure({ completion: true, schemas: [{ uri: 'file://' + schemaPath, fileMatch: ['*.pim.yaml'] }] });

  // Ours at every position first, then yaml-language-server's: its heap would otherwise make our figures its GC's.
  const all = positions(target);
  const mine = all.map((p) => ({ count: ours(p, workspace), samples: time(() => ours(p, workspace), REQUESTS) }));
  let version = 0;
  for (const [i, p] of all.entries()) {
    const { count, samples } = mine[i];
    const line = `${p.name.padEnd(27)} ours p50 ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))} (${count} items; target p95 < 20 ms)`;
    if (p.oursOnly) {
      console.log(`${line}; yaml-language-server: nothing to compare (the names live in other files)`);
      continue;
    }
    // A new version per request: the language service re-reads the document, as after each keystroke.
    const theirs = await timeAsync(() =>
      ls.doComplete(TextDocument.create('file:///bench/edited.pim.yaml', 'yaml', ++version, p.text), p, false),
    );
    const ratio = percentile(theirs, 0.5) / percentile(samples, 0.5);
    console.log(
      `${line}; yaml-language-server p50 ${ms(percentile(theirs, 0.5))}, p95 ${ms(percentile(theirs, 0.95))} (${THEIR_REQUESTS} requests); ours ${ratio.toFixed(0)}x faster at p50`,
    );
  }
  console.log(
    `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs (wall-clock figures on a shared machine)`,
  );
}

async function main(): Promise<void> {
  const files = authoringWorkspace();
  await latency(files);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
