// The plan as the preview's HTML. Every string that comes from the tenant or a definition file is escaped; the page
// has a strict Content-Security-Policy (nothing loads but its own nonce'd style) and runs no script: links are
// command URIs the webview allows by id (see planPreviewPanel.ts). No `vscode`.
import type { GroupPlan, Operation, Plan, RiskMark, SourceRef } from '../../plan/model';
import { riskSummary, otherMarks } from '../../plan/render/risks';
import { symbolOf } from '../../plan/render/symbols';
import { loadEngine } from '../engine/engineLoader';
import type { BlockedFile } from '../common/plans/planScope';
import { forHtml } from '../../text/escape';
import { assignmentHtml, timeHtml } from './assignmentWords';
import { changeInWords, ruleInWords } from './policyWords';

export const REVEAL_SOURCE_COMMAND = '_pimGroups.revealSource';
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';
export const APPLY_COMMAND = 'pimGroups.applyChanges';
/** The only commands the preview's links may run. */
export const PREVIEW_LINK_COMMANDS: readonly string[] = [REVEAL_SOURCE_COMMAND, SHOW_PROBLEMS_COMMAND, APPLY_COMMAND];

export interface PreviewModel {
  scopeLabel: string;
  connectionLabel: string;
  /** The tenant in words ("Contoso Ltd (contoso.com)", "Sandbox"): the footer names it, never the Graph URL. */
  targetName: string;
  /** When the page is drawn (epoch ms): times read "in 20 days" from then. */
  nowMs: number;
  /** Undefined when nothing could be planned (every definition in scope has errors, or there are none). */
  plan?: Plan;
  blocked: readonly BlockedFile[];
  /** Definition file path (as plans and findings name it) → its URI, for links back to the lines. */
  fileUris: Readonly<Record<string, string>>;
  /** The arguments Apply Changes gets from the preview's Apply link (the same scope). */
  applyArgs: readonly unknown[];
  /** Set when the tenant changed and the plan could not be made again: said first, and no Apply link. */
  stale?: string;
}

export interface HtmlOptions {
  nonce: string;
  cspSource: string;
}

export function escapeHtml(value: unknown): string {
  return forHtml(String(value));
}

export function contentSecurityPolicy(o: HtmlOptions): string {
  return `default-src 'none'; img-src ${o.cspSource}; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; form-action 'none'; base-uri 'none'`;
}

export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

const MARK_TEXT: Record<RiskMark, string> = {
  removal: 'removal',
  permanent: 'permanent',
  'weakens-policy': 'weakens policy',
  drift: 'drift: changed in the tenant',
  renewal: 'renewal: expired, granted again',
  irreversible: 'irreversible: the service never undoes it',
};

function sourceLink(m: PreviewModel, source: SourceRef | undefined): string {
  if (!source) return '';
  const uri = m.fileUris[source.file];
  const text = `${source.file}:${source.range.start.line + 1}`;
  if (!uri) return ` <span class="src">${escapeHtml(text)}</span>`;
  const href = commandUri(REVEAL_SOURCE_COMMAND, [uri, source.range.start.line, source.range.start.character]);
  return ` <a class="src" href="${escapeHtml(href)}" title="Go to the definition">${escapeHtml(text)}</a>`;
}

/** The operation's line without marks or link: policy rules in words (rule id as secondary text), assignment
 *  times in words; other kinds say what their summary says. The planner's own summary is the line's title. */
function opTextHtml(op: Operation, nowMs: number): string {
  switch (op.kind) {
    case 'updatePolicyRule':
      return `${escapeHtml(ruleInWords(op))} <code class="secondary">${escapeHtml(op.ruleId)}</code>`;
    case 'addAssignment':
    case 'updateAssignment':
    case 'removeAssignment':
      return assignmentHtml(op, nowMs);
    default:
      return escapeHtml(op.summary);
  }
}

function detailsHtml(op: Operation): string[] {
  if (op.kind === 'updatePolicyRule')
    return op.changes.map(
      (c) =>
        `${escapeHtml(changeInWords(c))}${c.weakens ? ' <i>(weakens policy)</i>' : ''}${c.drift ? ' <i>(drift: changed in the tenant)</i>' : ''} <code class="secondary">${escapeHtml(c.field)}</code>`,
    );
  // Other kinds' detail lines come from the engine (each binding kind renders its own): the preview only exists
  // after a plan, so the engine is loaded, and the extension's bundle stays free of the binding kinds' Graph code.
  return loadEngine()
    .plan.detailLines(op)
    .map((d) => escapeHtml(d));
}

function marksHtml(marks: readonly RiskMark[]): string {
  return marks
    .map((k) => `<span class="mark mark-${escapeHtml(k)}">⚠ ${escapeHtml(MARK_TEXT[k] ?? k)}</span>`)
    .join(' ');
}

function symbolHtml(op: Operation): string {
  const sym = symbolOf(op);
  return `<span class="sym" title="${sym.label}" aria-label="${sym.label}">${sym.display}</span>`;
}

function operationHtml(m: PreviewModel, op: Operation, anchor: string): string {
  const details = detailsHtml(op)
    .map((d) => `<li>${d}</li>`)
    .join('');
  return (
    `<li class="op op-${escapeHtml(op.kind)}" id="${anchor}" title="${escapeHtml(op.summary)}">${symbolHtml(op)} ${opTextHtml(op, m.nowMs)} ${marksHtml(op.marks)}${sourceLink(m, op.source)}` +
    (details ? `<ul class="details">${details}</ul>` : '') +
    '</li>'
  );
}

/** What a reviewer checks first: the counts, then every removal and risky change by kind, linked to its line. */
function risksHtml(m: PreviewModel, plan: Plan, anchors: ReadonlyMap<Operation, string>): string {
  const summary = riskSummary(plan);
  const nameOf = new Map(plan.groups.map((g) => [g.key, g.displayName]));
  const kinds = summary.risks.map((r) => {
    const items = r.ops
      .map((op) => {
        const more = otherMarks(op, r.kind);
        return (
          `<li>${symbolHtml(op)} <a href="#${anchors.get(op)}">${escapeHtml(nameOf.get(op.groupKey) ?? op.groupKey)}</a>: ` +
          `${opTextHtml(op, m.nowMs)}${more.length ? ` ${marksHtml(more)}` : ''}</li>`
        );
      })
      .join('');
    return `<li class="risk risk-${escapeHtml(r.kind)}"><b>⚠ ${escapeHtml(r.title)} (${r.ops.length})</b> <span class="why">${escapeHtml(r.why)}</span><ul>${items}</ul></li>`;
  });
  return (
    `<section class="risks" aria-label="Summary"><p class="summary">${escapeHtml(summary.counts)}</p>` +
    (kinds.length
      ? `<ul class="risk-kinds">${kinds.join('')}</ul>`
      : '<p class="no-risk">✓ No removals and no risky changes.</p>') +
    '</section>'
  );
}

/** A group's blast radius: what its membership grants, as the terminal and Markdown plans say it. */
function grantsHtml(g: GroupPlan): string {
  return loadEngine()
    .plan.grantsLines(g)
    .map((l) => `<p class="grants">${escapeHtml(l.charAt(0).toUpperCase() + l.slice(1))}</p>`)
    .join('');
}

function blockedHtml(m: PreviewModel): string {
  if (!m.blocked.length) return '';
  const items = m.blocked
    .map(
      (b) =>
        `<li>${escapeHtml(b.file)}: ${b.errors} error${b.errors === 1 ? '' : 's'}, first: ${escapeHtml(b.firstError.message)}${sourceLink(m, { file: b.file, range: b.firstError.range })}</li>`,
    )
    .join('');
  return `<section class="blocked"><h2>⛔ Not planned: definitions with errors</h2><p>Fix these files first; nothing in them is planned or applied. <a href="${commandUri(SHOW_PROBLEMS_COMMAND, [])}">Show Problems</a></p><ul>${items}</ul></section>`;
}

function planHtml(m: PreviewModel, plan: Plan): string {
  const s = plan.summary;
  const changed = plan.groups.filter((g) => g.operations.length);
  const inSync = plan.groups.filter((g) => !g.operations.length);
  const anchors = new Map(changed.flatMap((g) => g.operations).map((op, i) => [op, `op-${i}`]));
  const out: string[] = [];
  out.push(
    changed.length
      ? risksHtml(m, plan, anchors)
      : '<p class="summary">No changes: the tenant matches the definitions.</p>',
  );
  if (plan.issues.length) {
    const rows = plan.issues.map(
      (i) =>
        `<li class="issue-${escapeHtml(i.severity)}">${i.severity === 'error' ? '❌' : '⚠️'} <code>${escapeHtml(i.code)}</code> ${escapeHtml(i.groupKey ?? '')}: ${escapeHtml(i.message)}${sourceLink(m, i.source)}</li>`,
    );
    out.push(`<section class="issues"><h2>Issues</h2><ul>${rows.join('')}</ul></section>`);
  }
  for (const g of changed) {
    out.push(
      `<section class="group"><h2>${escapeHtml(g.displayName)} <code>${escapeHtml(g.key)}</code>${sourceLink(m, g.source)}</h2>` +
        grantsHtml(g) +
        `<ul class="ops">${g.operations.map((op) => operationHtml(m, op, anchors.get(op)!)).join('')}</ul></section>`,
    );
  }
  if (inSync.length)
    out.push(
      `<p class="in-sync">In sync: ${inSync.map((g) => `${escapeHtml(g.displayName)}${sourceLink(m, g.source)}`).join(', ')}</p>`,
    );
  const canApply = changed.length > 0 && s.errors === 0 && !m.stale;
  out.push(
    `<footer>${canApply ? `<a class="apply" href="${escapeHtml(commandUri(APPLY_COMMAND, m.applyArgs))}">Apply these changes…</a> · ` : ''}` +
      `planned ${timeHtml(plan.createdAt, m.nowMs)} for ${escapeHtml(m.targetName)} · ` +
      `fingerprint <code title="${escapeHtml(plan.fingerprint)}">${escapeHtml(plan.fingerprint.slice(0, 12))}</code></footer>`,
  );
  return out.join('\n');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; line-height: 1.5; }
h1 { font-size: 1.4em; margin-bottom: 0; } h2 { font-size: 1.1em; margin: 1.2em 0 .3em; border-bottom: 1px solid var(--vscode-panel-border); }
.meta { color: var(--vscode-descriptionForeground); margin-top: .2em; }
code { font-family: var(--vscode-editor-font-family); font-size: .95em; }
ul.ops { list-style: none; padding-left: .5em; } ul.details { color: var(--vscode-descriptionForeground); margin: 0; }
.sym { display: inline-block; width: 1.2em; font-weight: bold; font-family: var(--vscode-editor-font-family); }
.op-createGroup .sym, .op-addAssignment .sym { color: var(--vscode-gitDecoration-addedResourceForeground); }
.op-removeAssignment .sym { color: var(--vscode-gitDecoration-deletedResourceForeground); }
.op-updatePolicyRule .sym, .op-updateAssignment .sym, .op-onboardGroup .sym, .op-updateGroup .sym { color: var(--vscode-gitDecoration-modifiedResourceForeground); }
.mark { border-radius: 3px; padding: 0 4px; font-size: .85em; background: var(--vscode-inputValidation-warningBackground); border: 1px solid var(--vscode-inputValidation-warningBorder); }
.mark-removal, .mark-weakens-policy { background: var(--vscode-inputValidation-errorBackground); border-color: var(--vscode-inputValidation-errorBorder); }
.src { margin-left: .4em; font-size: .9em; font-weight: normal; white-space: nowrap; }
a { color: var(--vscode-textLink-foreground); }
.blocked { border-left: 3px solid var(--vscode-errorForeground); padding-left: 8px; }
.drift { color: var(--vscode-editorWarning-foreground); }
footer { margin-top: 1.5em; color: var(--vscode-descriptionForeground); font-size: .9em; }
.apply { font-weight: bold; }
.secondary { color: var(--vscode-descriptionForeground); font-size: .85em; }
.grants { margin: .2em 0 .4em; font-style: italic; color: var(--vscode-descriptionForeground); }
.risks { border-left: 3px solid var(--vscode-editorWarning-foreground); padding: 2px 8px; margin-top: 1em; }
.risks ul { list-style: none; padding-left: .6em; margin: .1em 0 .4em; } .why { color: var(--vscode-descriptionForeground); }
.risk-removal > b { color: var(--vscode-errorForeground); } .no-risk { color: var(--vscode-descriptionForeground); }
time, .len { text-decoration: underline dotted; }
.stale { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 8px; }`;

export function renderPreviewHtml(m: PreviewModel, o: HtmlOptions): string {
  const body = m.plan ? planHtml(m, m.plan) : m.blocked.length ? '' : '<p class="summary">No definitions to plan.</p>';
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o))}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>PIM Groups plan</title>` +
    `<style nonce="${escapeHtml(o.nonce)}">${STYLE}</style></head><body>` +
    `<h1>PIM Groups plan: ${escapeHtml(m.scopeLabel)}</h1><p class="meta">${escapeHtml(m.connectionLabel)}</p>` +
    (m.stale ? `<p class="stale">⚠ ${escapeHtml(m.stale)}</p>` : '') +
    blockedHtml(m) +
    body +
    '</body></html>'
  );
}
