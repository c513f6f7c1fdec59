// Ids compared as sets, case-insensitively (Graph and ARM ids are GUIDs in either case).
export const sameSet = (a: string[], b: string[]) =>
  [...a]
    .map((x) => x.toLowerCase())
    .sort()
    .join() ===
  [...b]
    .map((x) => x.toLowerCase())
    .sort()
    .join();
