/**
 * What the synthesized templates promise visitors, in the policy's terms. Built
 * from a cloud assembly (never from the estate config), so it shows what a
 * deployment would really do. Every list is sorted and every name is a construct
 * path or a site key: no asset hashes, no logical ids.
 */
export interface PrivacyModel {
  /** The privacy policy's ceilings the estate was built under (privacy-policy.ts), when the synth recorded them. */
  readonly policyCeilings?: Readonly<Record<string, string>>;
  /** Each stack and the region it deploys to. */
  readonly stacks: readonly StackFact[];
  readonly sites: readonly SiteFact[];
  readonly cookies: readonly CookieFact[];
  readonly stores: readonly StoreFact[];
  readonly destinations: readonly DestinationFact[];
  readonly email: readonly EmailFact[];
  readonly acknowledgements: readonly AcknowledgementFact[];
  /** The generated privacy page as text lines; absent when the assembly holds none. */
  readonly disclosurePage?: readonly string[];
}

export interface StackFact {
  readonly name: string;
  readonly region: string;
  /** Whether the region is in an EU member state. */
  readonly inEu: boolean;
}

export interface SiteFact {
  /** `main`, `appman`, `forum`: from the distribution's alias or its "<site> site" comment. */
  readonly site: string;
  /** Custom host name, or `CloudFront domain` without one. */
  readonly host: string;
  readonly region: string;
  /** The Content-Security-Policy of the site's default behavior. */
  readonly csp?: string;
  /** Hosts other than the site's own that the CSP lets the page load from or send to. */
  readonly thirdPartyHosts: readonly string[];
  /** What the log anonymizer does with client IPs in this site's logs. */
  readonly ipInLogs?: 'keep' | 'truncate';
}

export interface CookieFact {
  readonly site: string;
  readonly name: string;
  /** Where the edge lets the cookie through: `browser` (viewer response), `origin` (viewer request, origin and cache policies). */
  readonly reaches: readonly ('browser' | 'origin')[];
  /** Longest lifetime the edge allows, in days; `session` when it strips Expires/Max-Age; absent when no function says. */
  readonly lifetime?: number | 'session';
  /** Whether the edge forces HttpOnly; absent when no function says. */
  readonly httpOnly?: boolean;
  /** Who sets it, as far as the templates tell. */
  readonly setBy: string;
  /** Whether the generated privacy page lists it for this site. */
  readonly disclosed: boolean;
}

export type StoreKind = 'S3 bucket' | 'log groups' | 'RDS database' | 'EBS volume' | 'SQS queue' | 'backup plan' | 'backup vault';

export interface StoreFact {
  /** Construct path; for log groups `log groups` (`log groups in <region>` outside the estate's main region). */
  readonly name: string;
  readonly kind: StoreKind;
  readonly region: string;
  /** How it is encrypted at rest, or `not encrypted`. */
  readonly encryption: string;
  /** Longest time anything stays, in days; `never expires`; or why nothing personal is kept. */
  readonly retention: number | string;
  /** How many resources the fact covers (log groups are counted per region). */
  readonly count: number;
}

export interface DestinationFact {
  /** What sends: a construct path or a site. */
  readonly from: string;
  /** How: `S3 replication`, `log delivery`, `email`, `subscription`, `CSP host`, … */
  readonly via: string;
  /** Where to: a construct path, an address, a host. */
  readonly to: string;
  /** Region of the destination, `outside AWS` for a third-party host, `unknown` when the templates do not tell. */
  readonly region: string;
  readonly inEu: boolean;
}

export interface EmailFact {
  /** Construct path of the SES configuration set or identity. */
  readonly name: string;
  /** `no tracking`, or which tracking is on. */
  readonly tracking: string;
}

export interface AcknowledgementFact {
  /** Rule id as cdk-nag prints it, e.g. `AwsSolutions-IAM5[Action::s3:List*]`, `Privacy-S3BucketExpiry`. */
  readonly rule: string;
  /** Construct path the acknowledgement is attached to. */
  readonly path: string;
  readonly reason: string;
}
