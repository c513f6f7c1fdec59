// What the Entra portal shows about a PIM group beyond its activation settings, in words for the Groups view:
// assignment settings, notifications, what membership grants, and the group's own facts. Read from the exported
// definition (the engine's one reading of the tenant into the model) and the actual group. Pure: no `vscode`.
import type { ActualGroup } from '../../tenant/actualState';
import type { Bindings, ExpiryPolicy, Notifications, RolePolicy } from '../../definitions/model';
import { durationInWords } from '../../time';

/** "Eligible assignments: permanent allowed" / "Active assignments: expire after 15 days · MFA". */
export function assignmentSettingsInWords(policy: RolePolicy | undefined): string[] {
  const line = (what: string, p: ExpiryPolicy | undefined, extras: string[] = []) => {
    if (!p) return undefined;
    const expiry = p.allowPermanent
      ? 'permanent allowed'
      : p.maxDuration
        ? `expire after ${durationInWords(p.maxDuration)}`
        : 'expiry required';
    return `${what}: ${[expiry, ...extras].join(' · ')}`;
  };
  const a = policy?.assignment;
  const activeExtras = a
    ? [a.requireMfa && 'MFA', a.requireJustification && 'justification', a.requireTicket && 'ticket'].filter(
        (x): x is string => !!x,
      )
    : [];
  return [line('Eligible assignments', policy?.eligibility), line('Active assignments', a, activeExtras)].filter(
    (x): x is string => !!x,
  );
}

const EVENTS: Record<string, string> = {
  eligibleAssigned: 'eligible assigned',
  activeAssigned: 'active assigned',
  activated: 'activated',
};

/** "Notifications: default recipients" or one phrase per event whose recipients differ from the defaults. */
export function notificationsInWords(notifications: Notifications | undefined): string {
  const changed: string[] = [];
  for (const [event, recipients] of Object.entries(notifications ?? {})) {
    for (const [who, s] of Object.entries(recipients ?? {})) {
      const parts = [
        s?.defaultRecipients === false ? `no default ${who}` : undefined,
        s?.additionalRecipients?.length ? `also ${s.additionalRecipients.join(', ')}` : undefined,
        s?.criticalOnly ? 'critical only' : undefined,
      ].filter(Boolean);
      if (parts.length) changed.push(`${EVENTS[event] ?? event} → ${who}: ${parts.join(', ')}`);
    }
  }
  return changed.length ? `Notifications: ${changed.join('; ')}` : 'Notifications: default recipients';
}

/** One line per thing membership grants: Intune and Azure roles, licences, Conditional Access, a Team. */
export function grantsInWords(bindings: Bindings | undefined): string[] {
  const b = bindings ?? {};
  return [
    ...(b.intuneRoles ?? []).map(
      (r) => `Intune role ${r.role}${r.scopeTags?.length ? ` (scope tags ${r.scopeTags.join(', ')})` : ''}`,
    ),
    ...(b.azureRoles ?? []).map((r) => `Azure role ${r.role} at ${r.scope}`),
    ...(b.licenses ?? []).map(
      (l) => `Licence ${l.sku}${l.disabledPlans?.length ? ` without ${l.disabledPlans.join(', ')}` : ''}`,
    ),
    ...(b.conditionalAccess?.excludeFrom ?? []).map((p) => `Excluded from Conditional Access policy ${p}`),
    ...(b.conditionalAccess?.includeIn ?? []).map((p) => `Included in Conditional Access policy ${p}`),
    ...(b.team ? ['A Microsoft Team'] : []),
  ];
}

/** "Security group · assigned membership · cloud-only" and the mail nickname, as the portal's overview says. */
export function groupFactsInWords(group: ActualGroup): string[] {
  return [
    [
      group.type === 'microsoft365' ? 'Microsoft 365 group' : 'Security group',
      group.dynamic ? 'dynamic membership' : 'assigned membership',
      group.synced ? 'synced from on-premises' : 'cloud-only',
    ].join(' · '),
    ...(group.mailNickname ? [`Mail nickname ${group.mailNickname}`] : []),
    `Object id ${group.id}`,
  ];
}
