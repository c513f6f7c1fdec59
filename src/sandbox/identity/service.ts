// The identity endpoint's memory and rules: app registrations, device codes waiting for a person, refresh tokens,
// the token lifetime, and a log of what was asked (never a secret or token). The HTTPS face is ./server.ts.
import { ClaimsAsked, steppedUp } from './claimsRequest';
import { randomBytes } from 'node:crypto';
import type { SbState } from '../types';
import { userByUpn } from '../pimIndex';
import { AppRegistration, certificateCredential, FederatedCredential, seededRegistrations } from './registrations';
import { SigningKey, UserSession } from './tokens';
import * as err from './errors';

export interface DeviceCodeEntry {
  deviceCode: string;
  userCode: string;
  appId: string;
  scopes: string[];
  expiresAt: number;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
  user?: UserSession;
  /** What the client's `claims` request asked the person to satisfy at the sign-in page. */
  asked: ClaimsAsked;
}
export interface RefreshEntry {
  appId: string;
  user: UserSession;
  expiresAt: number;
}
export interface IdentityLogEntry {
  time: string;
  endpoint: 'token' | 'devicecode';
  grant: string;
  appId: string;
  outcome: string;
  /** For a person's token: the authentication contexts it carries (claims only, never the token). */
  acrs?: string[];
}

export interface IdentitySettings {
  /** Lifetime of access tokens (Entra: 60-90 minutes). Short lifetimes make clients renew during a long run. */
  accessTokenLifetimeSeconds: number;
  /** Device codes: how long one may be used, and the polling interval the client is told. */
  deviceCodeLifetimeSeconds: number;
  deviceCodeIntervalSeconds: number;
  refreshTokenLifetimeSeconds: number;
}

export class IdentityService {
  url = '';
  readonly apps = new Map<string, AppRegistration>();
  readonly deviceCodes = new Map<string, DeviceCodeEntry>();
  readonly refreshTokens = new Map<string, RefreshEntry>();
  readonly log: IdentityLogEntry[] = [];
  readonly settings: IdentitySettings = {
    accessTokenLifetimeSeconds: 3600,
    deviceCodeLifetimeSeconds: 900,
    deviceCodeIntervalSeconds: 1,
    refreshTokenLifetimeSeconds: 90 * 86_400,
  };

  constructor(
    readonly state: () => SbState,
    readonly graphUrl: () => string,
    readonly key: SigningKey,
    readonly caPem: string,
  ) {
    for (const app of seededRegistrations()) this.apps.set(app.appId, app);
  }

  issuer(tenantId: string): string {
    return `${this.url}/${tenantId}/v2.0`;
  }

  /** The tenant a path segment names (its id or domain; `organizations`/`common` where a person signs in). */
  tenantOf(segment: string, allowMultiTenant: boolean): SbState['tenant'] {
    const t = this.state().tenant;
    const s = segment.toLowerCase();
    if (s === t.id.toLowerCase() || s === t.domain.toLowerCase()) return t;
    if (allowMultiTenant && (s === 'organizations' || s === 'common')) return t;
    throw err.tenantNotFound(segment);
  }

  app(appId: string | null, tenant: SbState['tenant']): AppRegistration {
    const app = appId ? this.apps.get(appId.toLowerCase()) : undefined;
    if (!app) throw err.appNotFound(appId ?? '', tenant.id);
    return app;
  }

  /** The app's service principal must exist in the tenant for it to get a token there. */
  requireServicePrincipal(app: AppRegistration, tenant: SbState['tenant']): void {
    if (!this.state().servicePrincipals[app.servicePrincipalId]) throw err.noServicePrincipal(app.appId, tenant.id);
  }

  record(endpoint: IdentityLogEntry['endpoint'], grant: string, appId: string, outcome: string, acrs?: string[]): void {
    if (this.log.length >= 1000) this.log.splice(0, 500);
    this.log.push({ time: new Date().toISOString(), endpoint, grant, appId, outcome, ...(acrs ? { acrs } : {}) });
  }

  newDeviceCode(appId: string, scopes: string[], asked: ClaimsAsked = { acrs: [], mfa: false }): DeviceCodeEntry {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const userCode = Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join('');
    const entry: DeviceCodeEntry = {
      deviceCode: randomBytes(32).toString('base64url'),
      userCode,
      appId,
      scopes,
      asked,
      status: 'pending',
      expiresAt: Date.now() + this.settings.deviceCodeLifetimeSeconds * 1000,
    };
    this.deviceCodes.set(entry.deviceCode, entry);
    return entry;
  }

  private byUserCode(userCode: string): DeviceCodeEntry {
    const entry = [...this.deviceCodes.values()].find((d) => d.userCode === userCode.toUpperCase());
    if (!entry) throw new Error(`No device code ${userCode} is waiting.`);
    return entry;
  }

  /** What the person does in the browser: signs in as `upn` (with MFA, satisfying `acrs`) and accepts. */
  approveDeviceCode(userCode: string, who: { upn: string; mfa?: boolean; acrs?: string[] }): void {
    const entry = this.byUserCode(userCode);
    const user = userByUpn(this.state(), who.upn.toLowerCase());
    if (!user) throw new Error(`No user ${who.upn} in the tenant.`);
    entry.status = 'approved';
    // The sign-in page does not let the person finish without meeting the claims the client asked for.
    entry.user = steppedUp(
      {
        oid: user.id,
        upn: user.userPrincipalName,
        name: user.displayName,
        mfa: Boolean(who.mfa),
        acrs: who.acrs ?? [],
        authTime: Math.floor(Date.now() / 1000),
      },
      entry.asked,
    );
  }
  declineDeviceCode(userCode: string): void {
    this.byUserCode(userCode).status = 'declined';
  }
  expireDeviceCode(userCode: string): void {
    this.byUserCode(userCode).expiresAt = Date.now() - 1;
  }

  /** Sign-in frequency reached, or an administrator revoked the sessions: every refresh token is refused. */
  expireRefreshTokens(): void {
    for (const r of this.refreshTokens.values()) r.expiresAt = 0;
  }

  addCertificate(appId: string, certPem: string): void {
    this.mustApp(appId).certificates.push(certificateCredential(certPem));
  }
  addFederatedCredential(appId: string, fic: FederatedCredential): void {
    this.mustApp(appId).federatedCredentials.push({ ...fic, audiences: [...fic.audiences] });
  }
  addSecret(appId: string, value: string, endDateTime: string): void {
    this.mustApp(appId).secrets.push({ hint: value.slice(0, 3), value, endDateTime });
  }

  private mustApp(appId: string): AppRegistration {
    const app = this.apps.get(appId.toLowerCase());
    if (!app) throw new Error(`No app registration ${appId}.`);
    return app;
  }
}
