// `pim-groups token --as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B]`: prints a sandbox bearer token (an unsigned JWT that only
// the sandbox accepts). Nothing is written anywhere else.
import { CliCommand, UsageError } from '../io';
import { mintSandboxToken } from '../../auth/sandboxToken';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  as: { type: 'string', value: 'UPN', description: 'the user the token is for, e.g. alice@contoso.com (required)' },
  mfa: { type: 'boolean', description: 'the session passed multi-factor authentication (amr contains "mfa")' },
  acrs: {
    type: 'string',
    value: 'LIST',
    description: 'authentication context classes satisfied by the session (e.g. c1)',
  },
  lifetime: { type: 'string', value: 'SECONDS', description: 'how long the token lasts (default 3600)' },
  scopes: {
    type: 'string',
    value: 'LIST',
    description:
      'delegated permission scopes (the scp claim), enforced per endpoint as Graph does, e.g. PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup,User.Read (default: no scp claim, full access)',
  },
};

const HELP = renderHelp({
  usage: 'pim-groups token --as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B] [--lifetime SECONDS]',
  about: ['', 'Prints a bearer token for the local sandbox tenant, acting as UPN (e.g. alice@contoso.com).'],
  options: [['', OPTIONS]],
});

export const command: CliCommand = {
  summary: 'Print a sandbox token for a user (--as UPN [--mfa] [--acrs c1])',
  async run(args, io) {
    const p = parseOptions(args, OPTIONS);
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const upn = str(p, 'as');
    if (!upn) throw new UsageError('--as UPN is required.');
    if (!upn.includes('@')) throw new UsageError('--as needs a user principal name.');
    const acrsText = str(p, 'acrs');
    if (acrsText === '') throw new UsageError('--acrs needs a list like c1,c2.');
    const acrs =
      acrsText
        ?.split(',')
        .map((x) => x.trim())
        .filter(Boolean) ?? [];
    const lifetimeText = str(p, 'lifetime');
    const lifetime = lifetimeText === undefined ? undefined : Number(lifetimeText);
    if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime <= 0))
      throw new UsageError('--lifetime needs seconds.');
    const scopesText = str(p, 'scopes');
    if (scopesText === '') throw new UsageError('--scopes needs a list like User.Read,Group.Read.All.');
    const scopes = scopesText?.split(/[ ,]+/).filter(Boolean);
    io.out(
      mintSandboxToken({ upn, mfa: bool(p, 'mfa'), acrs, lifetimeSeconds: lifetime, ...(scopes ? { scopes } : {}) }),
    );
    return 0;
  },
};
