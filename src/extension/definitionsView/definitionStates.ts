// What the Definitions view says about each definition: errors (from validation), or what the last plan said
// (drift, changes not applied yet, in sync), or, with no plan yet, whether the applied record knows it. Pure.
import type { Finding, PimGroupDefinition, Range } from '../../definitions/model';
import type { AppliedRecord } from '../../plan/appliedRecord';
import { plural } from '../../time';

export type DefinitionState =
  'errors' | 'drift' | 'not-applied' | 'in-sync' | 'applied' | 'not-compared' | 'cannot-compare';

export interface DefinitionRow {
  label: string;
  description: string;
  tooltip: string;
  state: DefinitionState;
  file: string;
  range: Range;
}

export interface RowInputs {
  groups: readonly PimGroupDefinition[];
  findings: readonly Finding[];
  /** The last plan's word on a group whose definition is unchanged since; undefined when none. */
  statusOf(
    group: PimGroupDefinition,
  ): { changes: number; drift: number; at: string; cannotCompare?: { needs: string; what?: string } } | undefined;
  applied?: AppliedRecord;
}

export function definitionRows(input: RowInputs): DefinitionRow[] {
  const errors = new Map<string, Finding[]>();
  for (const f of input.findings) if (f.severity === 'error') errors.set(f.file, [...(errors.get(f.file) ?? []), f]);
  const rows: DefinitionRow[] = [];
  for (const g of input.groups) {
    const base = { label: g.metadata.name, file: g.source.file, range: g.source.range };
    const fileErrors = errors.get(g.source.file);
    if (fileErrors) {
      rows.push({
        ...base,
        state: 'errors',
        description: `${plural(fileErrors.length, 'error')} in ${g.source.file}`,
        tooltip: `${g.group.displayName}: fix the errors in ${g.source.file} before planning. First: ${fileErrors[0].message}`,
      });
      continue;
    }
    const status = input.statusOf(g);
    if (status) {
      const when = `as of the preview at ${status.at}`;
      const refused = status.cannotCompare;
      if (refused)
        rows.push({
          ...base,
          state: 'cannot-compare',
          description: `cannot compare: needs ${refused.needs}`,
          tooltip: [
            `${g.group.displayName}: the tenant refused the read a comparison needs (${status.at}).`,
            `Needs ${refused.needs}${refused.what ? `, the permission to ${refused.what}` : ''} (see Permissions).`,
            "Check Tenant Readiness (the row's button or context menu) compares your sign-in with every permission PIM Groups uses.",
          ].join('\n'),
        });
      else if (status.drift)
        rows.push({
          ...base,
          state: 'drift',
          description: `${status.drift} drift · ${plural(status.changes, 'change')}`,
          tooltip: `${g.group.displayName}: the tenant changed since the last apply (${when}).`,
        });
      else if (status.changes)
        rows.push({
          ...base,
          state: 'not-applied',
          description: `${plural(status.changes, 'change')} to apply`,
          tooltip: `${g.group.displayName}: the tenant does not match yet (${when}).`,
        });
      else
        rows.push({
          ...base,
          state: 'in-sync',
          description: 'in sync',
          tooltip: `${g.group.displayName}: the tenant matches the definition (${when}).`,
        });
      continue;
    }
    const applied = input.applied?.groups[g.metadata.name];
    rows.push(
      applied
        ? {
            ...base,
            state: 'applied',
            description: `applied ${input.applied!.appliedAt.slice(0, 16).replace('T', ' ')}`,
            tooltip: `${g.group.displayName}: applied to ${input.applied!.target}; Preview to check for drift.`,
          }
        : {
            // Nothing compared it with a tenant yet and no record says it was applied: say that, not a guess about
            // the tenant (the group may well exist there, applied from elsewhere).
            ...base,
            state: 'not-compared',
            description: 'not compared yet',
            tooltip: `${g.group.displayName}: not compared with a tenant yet, and no applied record in this workspace. Preview Changes compares it.`,
          },
    );
  }
  const typedFiles = new Set(input.groups.map((g) => g.source.file));
  for (const [file, list] of errors) {
    if (typedFiles.has(file)) continue;
    rows.push({
      label: file.split('/').pop() ?? file,
      file,
      range: list[0].range,
      state: 'errors',
      description: plural(list.length, 'error'),
      tooltip: `${file}: ${list[0].message}`,
    });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
}
