// Which group Import Group as Definition exports: an id passed by the caller (the Groups tree passes its element,
// a script or keybinding a string), else none and the command asks. Pure.

export function groupIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (arg && typeof arg === 'object') {
    const o = arg as { groupId?: unknown; id?: unknown; group?: { id?: unknown } };
    for (const v of [o.groupId, o.group?.id, o.id]) if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/** `<name>.pim.yaml`, the name the exporter gave the definition (already safe for a file name). */
export function definitionFileName(name: string): string {
  return `${name}.pim.yaml`;
}
