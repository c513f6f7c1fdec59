// Azure Resource Manager at `${url}/arm/...` (issue 5): written after the Graph surface.
import type { Engine, GraphAnswer } from './engine';

export function armHandler(_engine: Engine) {
  return (_method: string, target: string): GraphAnswer => ({
    status: 404, headers: { 'Content-Type': 'application/json' },
    body: { error: { code: 'InvalidResourceType', message: `The sandbox does not serve '${target}' yet.` } },
  });
}
