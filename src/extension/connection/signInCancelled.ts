// How VS Code's authentication providers say the user gave up: a plain Error (no code) whose message is
// "Cancelled" or says the user did not consent. Pure: no `vscode`.
export function isSignInCancelled(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /^cancel+ed\.?$/i.test(message.trim()) || /did not consent/i.test(message);
}
