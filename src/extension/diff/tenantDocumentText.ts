// The tenant side of Diff with Tenant: the file's groups as the tenant holds them, exported as definitions in
// the file's order, so the diff lines up document by document. Pure.

export interface WantedGroup { name: string; displayName: string; id?: string }
export interface ExportedText { groupId: string; displayName: string; text: string }

export function tenantDocumentText(wanted: readonly WantedGroup[], exported: readonly ExportedText[], target: string): string {
  const parts = wanted.map((w) => {
    const found = exported.find((e) => (w.id ? e.groupId.toLowerCase() === w.id.toLowerCase() : e.displayName.toLowerCase() === w.displayName.toLowerCase()));
    return found ? found.text : `# ${w.name}: no group ${w.id ?? `'${w.displayName}'`} in ${target}; applying the definition creates it.\n`;
  });
  return parts.map((p) => p.replace(/\n*$/, '\n')).join('---\n');
}
