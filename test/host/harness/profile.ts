// The throw-away world of one run: a temp folder with code-server's config, a fresh VS Code profile and a
// copy of the fixture workspace, so nothing under $HOME is read or written and tests may change files freely.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './paths';

export interface RunProfile {
  tmp: string;
  configFile: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  /** Where suite and harness exchange screenshot handshakes (see screenshots.ts). */
  handshakeDir: string;
}

/** Settings that keep the offline web workbench quiet and deterministic. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/** `fixture`: the folder (relative to the repo) whose copy is opened; the copy keeps its name (the window title). */
export function createProfile(fixture = 'test/host/fixtures/workspace'): RunProfile {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-groups-host-'));
  const profile: RunProfile = {
    tmp,
    configFile: path.join(tmp, 'code-server.yaml'),
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, path.basename(fixture)),
    handshakeDir: path.join(tmp, 'handshake'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.mkdirSync(profile.handshakeDir, { recursive: true });
  // Our own config, so code-server never creates ~/.config/code-server/config.yaml with a password.
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  fs.cpSync(path.join(repoRoot, fixture), profile.workspace, { recursive: true });
  return profile;
}

/**
 * Merges settings into the workspace copy's .vscode/settings.json: the only channel from the harness to the
 * tests, because the URL payload has no extensionEnvironment.
 */
export function addWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  const file = path.join(workspace, '.vscode', 'settings.json');
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
}

export function removeProfile(profile: RunProfile): void {
  fs.rmSync(profile.tmp, { recursive: true, force: true });
}
