// The readiness report as Markdown (the editor's report): a table of checks, then each failing or warning item with
// its fix. Every value is escaped for Markdown (src/text/escape.ts): tenant names cannot add links, images or HTML.
import { forMarkdown } from '../text/escape';
import type { ReadinessReport, ReadinessStatus } from './model';

const MARK: Record<ReadinessStatus, string> = { pass: '✅ pass', warn: '⚠️ warning', fail: '❌ fail' };

export function renderReadinessMarkdown(report: ReadinessReport): string {
  const lines = [
    `# Tenant readiness`,
    '',
    `Target: ${forMarkdown(report.target)}`,
    '',
    '| check | status | found |',
    '|---|---|---|',
  ];
  for (const r of report.results) lines.push(`| ${forMarkdown(r.id)} | ${MARK[r.status]} | ${forMarkdown(r.what)} |`);
  const open = report.results.filter((r) => r.status !== 'pass');
  if (open.length) lines.push('', '## What to fix');
  for (const r of open) {
    lines.push('', `### ${MARK[r.status]}: ${forMarkdown(r.id)}`, '', forMarkdown(r.what));
    if (r.details?.length) lines.push('', ...r.details.map((d) => `- ${forMarkdown(d)}`));
    if (r.fix) lines.push('', `**Fix:** ${forMarkdown(r.fix)}`);
  }
  const passed = report.results.filter((r) => r.status === 'pass' && r.details?.length);
  for (const r of passed)
    lines.push('', `### ${forMarkdown(r.id)}`, '', ...r.details!.map((d) => `- ${forMarkdown(d)}`));
  return lines.join('\n') + '\n';
}
