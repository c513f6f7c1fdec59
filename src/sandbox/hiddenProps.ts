// Properties Graph returns only when selected (e.g. a user's accountEnabled): kept on the view under one key that
// the output drops, while $select and $filter look inside it.
export const HIDDEN = '__hidden__';

export function hidden(props: Record<string, unknown>): Record<string, unknown> {
  return { [HIDDEN]: props };
}

export function withHidden(obj: Record<string, unknown>): Record<string, unknown> {
  const bag = obj[HIDDEN] as Record<string, unknown> | undefined;
  if (!bag) return obj;
  const { [HIDDEN]: _drop, ...rest } = obj;
  return { ...rest, ...bag };
}

export function withoutHidden(obj: Record<string, unknown>): Record<string, unknown> {
  if (!(HIDDEN in obj)) return obj;
  const { [HIDDEN]: _drop, ...rest } = obj;
  return rest;
}
