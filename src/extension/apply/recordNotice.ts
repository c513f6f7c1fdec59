// The one-time word about the applied record. The first converged apply writes .pim-groups/applied/<tenant>.json
// into the workspace; a file that appears unasked looks like litter, so the apply's message says once what it is
// and why it stays: later plans read it to tell changes made in the tenant (drift) from edits to the definitions.
// It is meant to be committed (ids and names, no secrets; docs/definitions.md), so there is no "add to .gitignore".
// Pure.

export const OPEN_RECORD = 'Open Record';

/** `shown`: the record's path as the workspace shows it (relative). */
export function recordNotice(shown: string): { text: string } {
  return {
    text:
      `The apply is recorded in ${shown}: later plans read it to tell changes made in the tenant (drift) from ` +
      'your edits. Commit it with the definitions (it holds ids and names, no secrets).',
  };
}
