// pim-groups apply [PATH...] | --plan FILE: performs a plan after confirmation, then checks the tenant converged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPlan, ApplyReport, StalePlanError } from '../../apply';
import { hasErrors, isEmpty, parsePlanJson, Plan, renderText } from '../../plan';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, CliIo, EXIT_CANCELLED } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import {
  loadDefinitions,
  planWorkspace,
  progressPrinter,
  readRecord,
  recordAfterApply,
  recordContext,
  recordFileFor,
  writeRecord,
} from '../planning';
import { escapeControl } from '../../text/escape';
import { definitionsRootOf, planFileDifference } from '../planFile';

const OPTIONS: OptionSpecs = {
  plan: {
    type: 'string',
    value: 'FILE',
    description: 'apply a plan saved by plan --out (refused when the tenant changed since)',
  },
  yes: { type: 'boolean', description: 'do not ask for confirmation (required without a terminal)' },
  json: { type: 'boolean', description: 'print the apply report as JSON' },
  state: {
    type: 'string',
    value: 'FILE',
    description: 'where to keep the applied record (default: .pim-groups/applied/<tenant>.json beside the definitions)',
  },
  forget: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    description: 'stop tracking the deleted definition NAME; its access stays',
  },
};

const HELP = renderHelp({
  usage: 'pim-groups apply [PATH...] [options]',
  about: ['Plans the *.pim.yaml files under PATH (default: .) and applies the plan after you confirm it.'],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export function reportLines(r: ApplyReport): string[] {
  const c = r.counts;
  const lines = [`Applied: ${c.done} done, ${c.failed} failed, ${c.skipped} skipped, ${c.cancelled} cancelled.`];
  for (const o of r.outcomes.filter((x) => x.status !== 'done'))
    lines.push(
      escapeControl(
        `  ${o.status}: ${o.groupKey}: ${o.summary}${o.message ? ` — ${o.message}` : ''}${o.requestId ? ` [request-id ${o.requestId}]` : ''}`,
      ),
    );
  for (const n of r.notConverged) lines.push(`  not converged: ${escapeControl(n)}`);
  lines.push(
    r.converged
      ? 'The tenant now matches the plan.'
      : 'The tenant does not match the plan yet; run plan to see what is left.',
  );
  return lines;
}

/** Cancelled once writing had begun: how far it got, counted from the report (what was done is verified). */
export function cancelledLine(r: ApplyReport): string {
  const total = r.outcomes.length;
  return r.counts.done === 0 && r.counts.failed === 0
    ? 'Cancelled: nothing was applied.'
    : `Cancelled after ${r.counts.done} of ${total} operations; run plan again to see what is left.`;
}

export async function confirmAndApply(
  plan: Plan,
  io: CliIo,
  opts: { yes: boolean; json: boolean; transport: Parameters<typeof applyPlan>[0] },
): Promise<ApplyReport | number> {
  if (!opts.json) io.out(renderText(plan, { color: io.isTty && !io.env.NO_COLOR }));
  if (hasErrors(plan)) return 1;
  if (isEmpty(plan)) {
    if (opts.json) io.out(JSON.stringify({ outcomes: [], converged: true }));
    return 0;
  }
  if (!opts.yes) {
    if (!io.isTty) {
      io.err(
        'Refusing to apply without confirmation: there is no terminal to ask on. Review the plan, then run again with --yes.',
      );
      return 1;
    }
    if (!(await io.confirm('Apply this plan?'))) {
      io.out('Nothing applied.');
      return 0;
    }
  }
  try {
    return await applyPlan(opts.transport, plan, {
      signal: io.signal,
      onEvent: opts.json ? undefined : progressPrinter(io),
    });
  } catch (e) {
    if (e instanceof StalePlanError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

export const command: CliCommand = {
  summary: 'Apply the definitions (or a saved plan) to the tenant',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS }, { positionals: true });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const conn = await connect(p, io);
    let record = recordFileFor(p.positionals, io, conn.target, str(p, 'state'));
    const forget = list(p, 'forget');
    let plan: Plan;
    if (str(p, 'plan')) {
      const fromFile = parsePlanJson(fs.readFileSync(path.resolve(io.cwd, str(p, 'plan')!), 'utf8'));
      if (fromFile.target !== conn.target) {
        io.err(
          escapeControl(
            `This plan was made for ${fromFile.target}, not ${conn.target}; make a new plan for this tenant.`,
          ),
        );
        return 1;
      }
      // Derived again from its definitions and a fresh read; the file only has to agree with that.
      const paths = p.positionals.length ? p.positionals : [definitionsRootOf(fromFile) ?? '.'];
      const ws = loadDefinitions(paths, io);
      if (!ws) return 1;
      record = recordFileFor(paths, io, conn.target, str(p, 'state'));
      plan = (await planWorkspace(conn, ws, recordContext(paths, io, conn.target, str(p, 'state'), forget), io.signal))
        .plan;
      const difference = planFileDifference(fromFile, plan);
      if (difference) {
        io.err(`${difference} Nothing was applied; make a new plan and review it.`);
        return 1;
      }
    } else {
      const ws = loadDefinitions(p.positionals, io);
      if (!ws) return 1;
      plan = (
        await planWorkspace(conn, ws, recordContext(p.positionals, io, conn.target, str(p, 'state'), forget), io.signal)
      ).plan;
    }
    const result = await confirmAndApply(plan, io, {
      yes: bool(p, 'yes'),
      json: bool(p, 'json'),
      transport: conn.transport,
    });
    if (typeof result === 'number') return result;
    const next = result.converged
      ? recordAfterApply(readRecord(record, conn.target), plan, new Date(), forget, result.groupIds)
      : undefined;
    if (next) writeRecord(record, next, io.cwd);
    if (bool(p, 'json')) io.out(JSON.stringify(result, null, 2));
    else {
      io.out('');
      for (const l of reportLines(result)) io.out(l);
    }
    if (result.cancelled) {
      io.err(cancelledLine(result));
      return EXIT_CANCELLED;
    }
    return result.converged ? 0 : 1;
  },
};
