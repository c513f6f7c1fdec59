// The one log of the extension: a LogOutputChannel ("PIM Groups") with every line passed through redaction.
import * as vscode from 'vscode';
import { Log } from './log';
// The engine's one redaction (a small pure module, bundled here too: the log works before the engine loads).
import { redact } from '../../graph/redact';

export function createLog(channel: vscode.LogOutputChannel): Log & vscode.Disposable {
  return {
    trace: (m) => channel.trace(redact(m)),
    debug: (m) => channel.debug(redact(m)),
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    error: (m, e) => {
      const detail = e instanceof Error ? `\n${e.stack ?? e.message}` : e === undefined ? '' : `\n${String(e)}`;
      channel.error(redact(m + detail));
    },
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
