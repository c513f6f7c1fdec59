// The readiness report as terminal text: one line per check with its mark, then its details and its fix. Tenant
// names inside are shown with control characters escaped (src/text/escape.ts).
import { escapeControl } from '../text/escape';
import type { ReadinessReport, ReadinessStatus } from './model';

const MARK: Record<ReadinessStatus, string> = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' };

export function renderReadinessText(report: ReadinessReport): string {
  const lines = [`Tenant readiness: ${escapeControl(report.target)}`, ''];
  for (const r of report.results) {
    lines.push(`${MARK[r.status]}  ${escapeControl(r.what)}`);
    for (const d of r.details ?? []) lines.push(`        - ${escapeControl(d)}`);
    if (r.fix && r.status !== 'pass') lines.push(`        fix: ${escapeControl(r.fix)}`);
  }
  const count = (s: ReadinessStatus) => report.results.filter((r) => r.status === s).length;
  lines.push('', `${count('pass')} passed, ${count('warn')} warning(s), ${count('fail')} failed.`);
  return lines.join('\n');
}
