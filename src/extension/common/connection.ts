// The contract between the connection feature (sign-in, sandbox, status bar) and the features that talk to a
// tenant (explorer, My Access, preview, apply, activation, import). Implemented in connectionService.ts.
import type * as vscode from 'vscode';
import type { Engine } from '../engine/engineLoader';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

export type ConnectionKind = 'sandbox' | 'tenant';

export interface ConnectionInfo {
  kind: ConnectionKind;
  /** What the status bar shows, e.g. "Sandbox · admin@contoso.com" or "contoso.onmicrosoft.com · lee@contoso.com". */
  label: string;
  /** The signed-in account's UPN (sandbox: the caller the tokens are minted for). */
  account: string;
  /** The signed-in account's object id, when known. */
  accountId?: string;
  /** Tenant id or domain. */
  tenant?: string;
  /** Graph base URL (no version segment). */
  graphBaseUrl: string;
}

export interface Connections {
  /** The current connection, or undefined when signed out. */
  current(): ConnectionInfo | undefined;
  readonly onDidChange: vscode.Event<ConnectionInfo | undefined>;
  /**
   * A transport for the current connection (loads the engine chunk on first use). Throws a UserFacingError
   * with a "Sign In" action when there is no connection.
   */
  transport(): Promise<GraphTransport>;
  /** The sandbox caller in use (the "retry as an MFA session" offer reconnects with MFA). */
  sandboxCaller(): SandboxCallerChoice;
  /** Connects to the sandbox as `caller` (default: the settings' caller). */
  connectSandbox(caller?: SandboxCallerChoice): Promise<ConnectionInfo>;
  /** Signs in to a tenant through VS Code's Microsoft account provider. */
  signIn(options?: { forceNewSession?: boolean; tenantId?: string }): Promise<ConnectionInfo>;
}

/** Who the sandbox's minted tokens speak for. */
export interface SandboxCallerChoice {
  upn: string;
  mfa: boolean;
  /** Delegated scopes the token carries (`scp`), as a real app registration's would; absent: the sandbox's all. */
  scopes?: string[];
}
