// What a principal reference is in the tenant, as hover Markdown: display name, user or guest, enabled or not; or
// that nothing (or several objects) answer to it. Tenant text is escaped for Markdown (a display name cannot make
// a link or break the hover). Pure.
import { forMarkdown, markdownCode } from '../../text/escape';
import type { KnownPrincipal } from '../../plan/editTimeChecks';

/** `withId: false` for the completion list's details pane, where the object id is noise (and wraps). */
export function principalHoverMarkdown(ref: string, p: KnownPrincipal, { withId = true } = {}): string {
  if (p.state === 'unknown') return `${markdownCode(ref)}: nothing in the tenant answers to this reference.`;
  if (p.state === 'ambiguous')
    return `${markdownCode(ref)} matches ${p.ids.length} objects in the tenant: ${p.ids.map(markdownCode).join(', ')}. Name it by id.`;
  const what =
    p.kind === 'user'
      ? [
          p.guest === undefined ? 'user' : p.guest ? 'guest user' : 'member user',
          p.accountEnabled === undefined ? '' : p.accountEnabled ? 'account enabled' : '**account disabled**',
        ]
      : [p.kind === 'group' ? 'group' : 'service principal'];
  return [
    `**${forMarkdown(p.displayName ?? ref)}**`,
    '',
    [...what.filter(Boolean), withId ? `id ${markdownCode(p.id)}` : ''].filter(Boolean).join(' · '),
  ].join('\n');
}
