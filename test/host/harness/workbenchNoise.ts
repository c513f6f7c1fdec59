// The workbench's own log lines that arrive through codeAutomationLog mixed with the tests' output (which has no
// source label). Keep this list narrow and anchored: a broad pattern once swallowed a test's own output line.
const NOISE: readonly RegExp[] = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^ChatSessionStore/,
  /^\[driver\]/,
  /^Extension host \(\w+\) is unresponsive/,
  /^Started local extension host/,
  /^Creation of workbench contribution '[\w.]+' took \d+ms/,
  // vsda is Microsoft-only and not shipped in code-server; the workbench asks for it anyway.
  /vsda_bg\.wasm|\/vsda\//,
];

export function isWorkbenchNoise(text: string): boolean {
  return NOISE.some((re) => re.test(text));
}
