// Plain YAML values → the typed model. Defensive: a value of the wrong type is left out (the schema already
// reported it), so the rules only ever see well-typed fields. Keys are never set to undefined, so that
// "not written" and "written" stay distinguishable for the template merge and the formatter.
import {
  ActivationPolicy,
  ApprovalPolicy,
  AssignmentDefinition,
  AssignmentPolicy,
  Bindings,
  ExpiryPolicy,
  GroupVisibility,
  Notifications,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  RolePolicy,
  RolePolicyBlock,
  SettingsDefinition,
  SourceInfo,
  USE_CASES,
  UseCase,
  VISIBILITIES,
} from './model';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/** A copy without the undefined entries (copying keeps objects in V8's fast mode, unlike `delete`). */
function defined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length ? o : undefined);

function approval(v: unknown): ApprovalPolicy | null | undefined {
  if (v === null) return null;
  if (!isObj(v)) return undefined;
  return defined({
    approvers: strings(v.approvers) ?? [],
    requireApproverJustification: bool(v.requireApproverJustification),
    timeoutDays: typeof v.timeoutDays === 'number' ? v.timeoutDays : undefined,
  });
}

function activation(v: unknown): ActivationPolicy | undefined {
  if (!isObj(v)) return undefined;
  return defined({
    maxDuration: str(v.maxDuration),
    requireMfa: bool(v.requireMfa),
    requireJustification: bool(v.requireJustification),
    requireTicket: bool(v.requireTicket),
    authenticationContext: v.authenticationContext === null ? null : str(v.authenticationContext),
    approval: approval(v.approval),
  });
}

function expiry(v: unknown): ExpiryPolicy | undefined {
  if (!isObj(v)) return undefined;
  return defined({ allowPermanent: bool(v.allowPermanent), maxDuration: str(v.maxDuration) });
}

function assignmentPolicy(v: unknown): AssignmentPolicy | undefined {
  if (!isObj(v)) return undefined;
  return defined({
    allowPermanent: bool(v.allowPermanent),
    maxDuration: str(v.maxDuration),
    requireMfa: bool(v.requireMfa),
    requireJustification: bool(v.requireJustification),
    requireTicket: bool(v.requireTicket),
  });
}

function notifications(v: unknown): Notifications | undefined {
  if (!isObj(v)) return undefined;
  const out: Notifications = {};
  for (const event of ['eligibleAssigned', 'activeAssigned', 'activated'] as const) {
    if (!isObj(v[event])) continue;
    const e = v[event] as Obj;
    const recipients: NonNullable<Notifications[typeof event]> = {};
    for (const r of ['admin', 'assignee', 'approver'] as const) {
      if (!isObj(e[r])) continue;
      const s = e[r] as Obj;
      recipients[r] = defined({
        defaultRecipients: bool(s.defaultRecipients),
        additionalRecipients: strings(s.additionalRecipients),
        criticalOnly: bool(s.criticalOnly),
      });
    }
    out[event] = recipients;
  }
  return out;
}

export function rolePolicy(v: unknown): RolePolicy {
  const o = obj(v);
  return defined({
    activation: activation(o.activation),
    eligibility: expiry(o.eligibility),
    assignment: assignmentPolicy(o.assignment),
    notifications: notifications(o.notifications),
  });
}

function rolePolicyBlock(v: unknown): RolePolicyBlock | undefined {
  if (!isObj(v)) return undefined;
  return defined({ template: str(v.template), ...rolePolicy(v) });
}

// Items of the wrong shape stay in the list (with an empty principal) so list indices keep matching the source.
function assignmentList(v: unknown): AssignmentDefinition[] {
  if (!Array.isArray(v)) return [];
  return v.map((item) => {
    const a = obj(item);
    const ticket = isObj(a.ticket)
      ? nonEmpty(defined({ system: str(a.ticket.system), number: str(a.ticket.number) }))
      : undefined;
    return defined<AssignmentDefinition>({
      principal: str(a.principal) ?? '',
      role: a.role === 'owner' ? 'owner' : 'member',
      duration: str(a.duration),
      until: str(a.until),
      permanent: bool(a.permanent),
      start: str(a.start),
      renew: a.renew === 'auto' || a.renew === 'never' ? a.renew : undefined,
      justification: str(a.justification),
      ticket,
    });
  });
}

function bindings(v: unknown): Bindings | undefined {
  if (!isObj(v)) return undefined;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter(isObj) : undefined);
  const ca = isObj(v.conditionalAccess)
    ? defined({
        excludeFrom: strings(v.conditionalAccess.excludeFrom),
        includeIn: strings(v.conditionalAccess.includeIn),
      })
    : undefined;
  return defined<Bindings>({
    directoryRoles: list(v.directoryRoles)?.map((b) => defined({ role: str(b.role) ?? '', scope: str(b.scope) })),
    intuneRoles: list(v.intuneRoles)?.map((b) => defined({ role: str(b.role) ?? '', scopeTags: strings(b.scopeTags) })),
    azureRoles: list(v.azureRoles)?.map((b) => ({ scope: str(b.scope) ?? '', role: str(b.role) ?? '' })),
    licenses: list(v.licenses)?.map((b) => defined({ sku: str(b.sku) ?? '', disabledPlans: strings(b.disabledPlans) })),
    conditionalAccess: ca,
    team: bool(v.team),
  });
}

export function toPimGroup(value: Obj, source: SourceInfo): PimGroupDefinition {
  const metadata = obj(value.metadata);
  const group = obj(value.group);
  const policies = obj(value.policies);
  const assignments = obj(value.assignments);
  const useCase = (USE_CASES as readonly unknown[]).includes(metadata.useCase)
    ? (metadata.useCase as UseCase)
    : undefined;
  return defined<PimGroupDefinition>({
    kind: 'PimGroup',
    apiVersion: String(value.apiVersion),
    metadata: defined({ name: str(metadata.name) ?? '', useCase, description: str(metadata.description) }),
    group: defined({
      displayName: str(group.displayName) ?? '',
      id: str(group.id),
      type: group.type === 'microsoft365' ? 'microsoft365' : 'security',
      mailNickname: str(group.mailNickname),
      description: str(group.description),
      roleAssignable: bool(group.roleAssignable),
      onboard: bool(group.onboard),
      owners: Array.isArray(group.owners) ? group.owners.map((o) => (typeof o === 'string' ? o : '')) : undefined,
      visibility: (VISIBILITIES as readonly unknown[]).includes(group.visibility)
        ? (group.visibility as GroupVisibility)
        : undefined,
    }),
    policies: defined({ member: rolePolicyBlock(policies.member), owner: rolePolicyBlock(policies.owner) }),
    assignments: {
      mode: assignments.mode === 'additive' ? 'additive' : 'authoritative',
      ...(assignments.renew === 'auto' || assignments.renew === 'never' ? { renew: assignments.renew } : {}),
      eligible: assignmentList(assignments.eligible),
      active: assignmentList(assignments.active),
      written: (['eligible', 'active'] as const).filter((k) => Array.isArray(assignments[k])),
    },
    bindings: bindings(value.bindings),
    source,
  });
}

export function toPolicyTemplate(value: Obj, source: SourceInfo): PolicyTemplateDefinition {
  const metadata = obj(value.metadata);
  return {
    kind: 'PolicyTemplate',
    apiVersion: String(value.apiVersion),
    metadata: defined({ name: str(metadata.name) ?? '', description: str(metadata.description) }),
    policy: rolePolicy(value.policy),
    source,
  };
}

// Entries that are not text stay in the list (as '') so indices keep matching the source, like assignment items.
export function toSettings(value: Obj, source: SourceInfo): SettingsDefinition {
  const metadata = isObj(value.metadata)
    ? defined({ name: str(value.metadata.name), description: str(value.metadata.description) })
    : undefined;
  return defined<SettingsDefinition>({
    kind: 'Settings',
    apiVersion: String(value.apiVersion),
    metadata,
    protectedPrincipals: Array.isArray(value.protectedPrincipals)
      ? value.protectedPrincipals.map((p) => str(p) ?? '')
      : [],
    source,
  });
}
