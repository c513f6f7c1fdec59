// The words of the CodeLens above a PimGroup. Pure.

export const LENS_TITLES = { preview: 'Preview', apply: 'Apply', diff: 'Diff with Tenant' } as const;

/** The status lens from the last plan: undefined when no plan of the current definition is known. */
export function planStatusTitle(
  status: { changes: number; drift: number; cannotCompare?: { needs: string } } | undefined,
): string | undefined {
  if (!status) return undefined;
  // The tenant read was refused: nothing was compared, so never "in sync".
  if (status.cannotCompare) return `$(lock) cannot compare: needs ${status.cannotCompare.needs}`;
  if (!status.changes) return '$(check) in sync';
  const changes = `${status.changes} change${status.changes === 1 ? '' : 's'}`;
  return status.drift ? `$(warning) ${status.drift} drift · ${changes}` : changes;
}
