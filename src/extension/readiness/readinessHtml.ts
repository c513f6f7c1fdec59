// The readiness report as the webview's HTML: a table of checks (what was found), then each warning and failure with
// its details and fix. Every value is escaped (forHtml); the page loads nothing and runs no script (its CSP allows
// only its own nonce'd style). No `vscode`.
import type { ReadinessReport, ReadinessStatus } from '../../readiness/model';
import { forHtml } from '../../text/escape';

const MARK: Record<ReadinessStatus, string> = { pass: '✓ pass', warn: '⚠ warning', fail: '✗ fail' };

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; line-height: 1.5; }
h1 { font-size: 1.4em; margin-bottom: 0; } h2 { font-size: 1.1em; margin: 1.2em 0 .3em; border-bottom: 1px solid var(--vscode-panel-border); }
.meta { color: var(--vscode-descriptionForeground); margin-top: .2em; }
table { border-collapse: collapse; } td, th { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; }
.status { white-space: nowrap; font-weight: bold; }
.pass .status { color: var(--vscode-testing-iconPassed); } .warn .status { color: var(--vscode-editorWarning-foreground); }
.fail .status { color: var(--vscode-errorForeground); }
.item { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 8px; margin: .8em 0; }
.item.fail { border-color: var(--vscode-errorForeground); }
.fix { font-weight: bold; } ul { margin: .2em 0; color: var(--vscode-descriptionForeground); }`;

export function renderReadinessHtml(report: ReadinessReport, nonce: string): string {
  const h = forHtml;
  const rows = report.results
    .map(
      (r) =>
        `<tr class="${r.status}"><td class="status">${MARK[r.status]}</td><td>${h(r.what)}` +
        (r.status === 'pass' && r.details?.length
          ? `<ul>${r.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>`
          : '') +
        '</td></tr>',
    )
    .join('');
  const open = report.results.filter((r) => r.status !== 'pass');
  const items = open
    .map(
      (r) =>
        `<div class="item ${r.status}"><p><span class="status">${MARK[r.status]}</span> <code>${h(r.id)}</code>: ${h(r.what)}</p>` +
        (r.details?.length ? `<ul>${r.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : '') +
        (r.fix ? `<p><span class="fix">Fix:</span> ${h(r.fix)}</p>` : '') +
        '</div>',
    )
    .join('');
  const count = (s: ReadinessStatus) => report.results.filter((r) => r.status === s).length;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${h(nonce)}'; form-action 'none'; base-uri 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Tenant readiness</title>` +
    `<style nonce="${h(nonce)}">${STYLE}</style></head><body>` +
    `<h1>Tenant readiness</h1><p class="meta">${h(report.target)} · ${count('pass')} passed, ${count('warn')} warning(s), ${count('fail')} failed</p>` +
    `<table><tbody>${rows}</tbody></table>` +
    (open.length ? `<h2>What to fix</h2>${items}` : '<p>Nothing to fix: the tenant is ready.</p>') +
    '</body></html>'
  );
}
