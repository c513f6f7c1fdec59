// `pim-groups token --as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B]` or `token --app-roles A,B [--app SPID]`: prints
// a sandbox bearer token (an unsigned JWT that only the sandbox accepts), delegated for a user or app-only for a
// service principal. Nothing is written anywhere else.
import { CliCommand, UsageError } from '../io';
import { DEMO_PIPELINE_APP, mintSandboxAppToken, mintSandboxToken } from '../../auth/sandboxToken';
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
  'app-roles': {
    type: 'string',
    value: 'LIST',
    description:
      'an app-only token (client credentials) with these application permissions (the roles claim), e.g. PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup,Group.Read.All; instead of --as',
  },
  app: {
    type: 'string',
    value: 'ID',
    description: `the service principal's object id for --app-roles (default: the demo tenant's pim-groups-pipeline, ${DEMO_PIPELINE_APP.servicePrincipalId})`,
  },
};

const HELP = renderHelp({
  usage:
    'pim-groups token (--as UPN [--mfa] [--acrs c1[,c2]] [--scopes A,B] | --app-roles A,B [--app ID]) [--lifetime SECONDS]',
  about: [
    '',
    'Prints a bearer token for the local sandbox tenant, acting as UPN (e.g. alice@contoso.com), or as an application',
    'with --app-roles.',
  ],
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
    const lifetimeText = str(p, 'lifetime');
    const lifetime = lifetimeText === undefined ? undefined : Number(lifetimeText);
    if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime <= 0))
      throw new UsageError('--lifetime needs seconds.');
    const appRoles = str(p, 'app-roles');
    if (appRoles !== undefined) {
      if (
        str(p, 'as') !== undefined ||
        str(p, 'scopes') !== undefined ||
        bool(p, 'mfa') ||
        str(p, 'acrs') !== undefined
      )
        throw new UsageError('--app-roles makes an app-only token: it takes no --as, --scopes, --mfa or --acrs.');
      const roles = appRoles.split(/[ ,]+/).filter(Boolean);
      if (!roles.length) throw new UsageError('--app-roles needs a list like Group.Read.All,User.Read.All.');
      io.out(mintSandboxAppToken({ roles, lifetimeSeconds: lifetime, servicePrincipalId: str(p, 'app') }));
      return 0;
    }
    if (str(p, 'app') !== undefined) throw new UsageError('--app goes with --app-roles.');
    const upn = str(p, 'as');
    if (!upn) throw new UsageError('--as UPN (a user) or --app-roles LIST (an application) is required.');
    if (!upn.includes('@')) throw new UsageError('--as needs a user principal name.');
    const acrsText = str(p, 'acrs');
    if (acrsText === '') throw new UsageError('--acrs needs a list like c1,c2.');
    const acrs =
      acrsText
        ?.split(',')
        .map((x) => x.trim())
        .filter(Boolean) ?? [];
    const scopesText = str(p, 'scopes');
    if (scopesText === '') throw new UsageError('--scopes needs a list like User.Read,Group.Read.All.');
    const scopes = scopesText?.split(/[ ,]+/).filter(Boolean);
    io.out(
      mintSandboxToken({ upn, mfa: bool(p, 'mfa'), acrs, lifetimeSeconds: lifetime, ...(scopes ? { scopes } : {}) }),
    );
    return 0;
  },
};
