/**
 * The deployment shapes the README documents, as the `-c` values `cdk synth`
 * gets. CI synthesizes each one with the real CLI (.ci/run); the tests
 * synthesize them in-process through the same entry (createDeployableEstate).
 */
export const DEPLOYABLE_IMAGE = 'registry.example.org/appman:1.0.0';
export const DEPLOYABLE_ADMIN = 'forum-admin@example.org';
export const DEPLOYABLE_ALERTS = 'ops@example.org';

export const SHAPES: ReadonlyArray<readonly [string, Readonly<Record<string, string>>]> = [
  ['account-agnostic', {}],
  ['a concrete account', { account: '123456789012' }],
  [
    'an account and a domain',
    {
      account: '123456789012',
      domainName: 'example.org',
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      appmanImage: DEPLOYABLE_IMAGE,
      forumAdminEmails: DEPLOYABLE_ADMIN,
      alertEmails: DEPLOYABLE_ALERTS,
    },
  ],
];

/** The shape as `cdk synth` arguments, for the README and .ci/run. */
export function contextArgs(context: Readonly<Record<string, string>>): string {
  return Object.entries(context)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
}
