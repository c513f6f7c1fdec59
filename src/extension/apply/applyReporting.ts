// How an apply reads while it runs (the progress notification) and when it ends (one summary sentence). Pure.
import type { ApplyEvent, ApplyReport } from '../../apply/model';

export interface ProgressStep {
  message: string;
  increment?: number;
}

/** A progress line for an apply event; `increment` (percent) only for finished operations. */
export function progressStep(e: ApplyEvent): ProgressStep {
  if (e.type === 'phase') return { message: `${e.phase} (${e.total})` };
  if (e.type === 'verify') return { message: 'checking the tenant matches the plan' };
  const o = e.outcome;
  return {
    message: `${e.done}/${e.total} ${o.status === 'done' ? '' : `${o.status}: `}${o.groupKey}: ${o.summary}`,
    increment: e.total ? 100 / e.total : undefined,
  };
}

export interface ApplySummary {
  text: string;
  level: 'info' | 'warning' | 'error';
}

export function applySummary(r: ApplyReport): ApplySummary {
  const c = r.counts;
  const counts = `${c.done} done${c.failed ? `, ${c.failed} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}${c.cancelled ? `, ${c.cancelled} cancelled` : ''}`;
  if (r.converged) return { text: `Applied: ${counts}. The tenant now matches the plan.`, level: 'info' };
  if (r.cancelled) return { text: `Apply cancelled: ${counts}. Preview again to see what is left.`, level: 'warning' };
  const firstFailure = r.outcomes.find((o) => o.status === 'failed');
  const why = firstFailure
    ? ` First failure: ${firstFailure.groupKey}: ${firstFailure.summary}${firstFailure.message ? ` (${firstFailure.message})` : ''}.`
    : '';
  return {
    text: `Applied with problems: ${counts}; the tenant does not match the plan yet.${why}`,
    level: c.failed ? 'error' : 'warning',
  };
}
