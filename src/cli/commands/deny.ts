// pim-groups deny --id ID --justification TEXT (see ./decision.ts).
import { decisionCommand } from './decision';

export const command = decisionCommand('Deny');
