// Building OData query strings: literals quoted the OData way, the whole $filter percent-encoded (UPNs of guests
// contain '#', which would otherwise start a URL fragment).
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function filterParam(expression: string): string {
  return `$filter=${encodeURIComponent(expression)}`;
}

/** `prop in ('a','b')` clauses of at most `size` values (Graph caps `in` lists; 15 is what is known to work). */
export function inClauses(prop: string, values: string[], size = 15): string[] {
  const unique = [...new Set(values)];
  const out: string[] = [];
  for (let i = 0; i < unique.length; i += size)
    out.push(
      `${prop} in (${unique
        .slice(i, i + size)
        .map(quote)
        .join(',')})`,
    );
  return out;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
