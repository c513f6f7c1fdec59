// `pim-groups token --as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B]`: prints a sandbox bearer token (an unsigned JWT that only
// the sandbox accepts). Nothing is written anywhere else.
import { CliCommand, UsageError } from '../io';
import { mintSandboxToken } from '../../auth/sandboxToken';

const HELP = `Usage: pim-groups token --as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B] [--lifetime SECONDS]

Prints a bearer token for the local sandbox tenant, acting as UPN (e.g. alice@contoso.com).
  --mfa          the session passed multi-factor authentication (amr contains "mfa")
  --acrs LIST    authentication context classes satisfied by the session (e.g. c1)
  --scopes LIST  delegated permission scopes (the scp claim), enforced per endpoint as Graph does, e.g.
                 PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup,User.Read (default: no scp claim, full access)`;

export const command: CliCommand = {
  summary: 'Print a sandbox token for a user (--as UPN [--mfa] [--acrs c1])',
  async run(args, io) {
    let upn: string | undefined, mfa = false, acrs: string[] = [], lifetime: number | undefined, scopes: string[] | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i], v = args[i + 1];
      if (a === '--help' || a === '-h') { io.out(HELP); return 0; }
      if (a === '--as') { if (!v || !v.includes('@')) throw new UsageError('--as needs a user principal name.'); upn = v; i++; }
      else if (a === '--mfa') mfa = true;
      else if (a === '--acrs') { if (!v) throw new UsageError('--acrs needs a list like c1,c2.'); acrs = v.split(',').map((x) => x.trim()).filter(Boolean); i++; }
      else if (a === '--scopes') { if (!v) throw new UsageError('--scopes needs a list like User.Read,Group.Read.All.'); scopes = v.split(/[ ,]+/).filter(Boolean); i++; }
      else if (a === '--lifetime') { lifetime = Number(v); if (!Number.isInteger(lifetime) || lifetime <= 0) throw new UsageError('--lifetime needs seconds.'); i++; }
      else throw new UsageError(`unknown option '${a}'.`);
    }
    if (!upn) throw new UsageError('--as UPN is required.');
    io.out(mintSandboxToken({ upn, mfa, acrs, lifetimeSeconds: lifetime, ...(scopes ? { scopes } : {}) }));
    return 0;
  },
};
