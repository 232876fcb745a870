import { scrubIps, truncateIp } from './ip';

/**
 * The three log layouts the log bucket receives, and how each one's client IP
 * fields are truncated. A line whose layout is not recognised is still kept
 * (lines in = lines out) with every IP-looking token in it truncated instead.
 */

export type LogFormat = 'cloudfront' | 'alb' | 's3-access';

/** Where a raw log lives: `cloudfront/<site>/`, `alb/<site>/` or `s3-access/`. */
export interface RawLogKey {
  readonly format: LogFormat;
  /** Site key for CloudFront and load balancer logs; undefined for S3 server access logs. */
  readonly siteKey?: string;
}

export const ANONYMIZED_PREFIX = 'anonymized/';
export const QUARANTINE_PREFIX = 'quarantine/';

export function classifyKey(key: string): RawLogKey | undefined {
  const [top, site] = key.split('/', 2);
  if (top === 's3-access' && key.length > 's3-access/'.length) return { format: 's3-access' };
  if ((top === 'cloudfront' || top === 'alb') && site && key.length > top.length + site.length + 2) {
    return { format: top, siteKey: site };
  }
  return undefined;
}

/** The object is not a log of the format its prefix promises (or not text at all). */
export class UnrecognisedLogError extends Error {}

/** Turns one line (without its `\n`) into its anonymized form. Holds per-file state (headers). */
export interface LineAnonymizer {
  line(text: string): string;
  /** Lines that did not fit the layout and were scrubbed token by token. */
  readonly malformed: number;
}

export function lineAnonymizer(format: LogFormat): LineAnonymizer {
  switch (format) {
    case 'cloudfront':
      return new CloudFrontLines();
    case 'alb':
      return new PrefixFieldLines(format, albClient);
    case 's3-access':
      return new PrefixFieldLines(format, s3AccessRemoteIp);
  }
}

/** Leading space-separated fields of `text`, up to `count`; the rest of the line is untouched. */
function leadingFields(text: string, count: number): { fields: string[]; rest: string } | undefined {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = text.indexOf(' ', start);
    if (end < 0) return undefined;
    fields.push(text.slice(start, end));
    start = end + 1;
  }
  return { fields, rest: text.slice(start) };
}

type FieldRewrite = (fields: string[]) => boolean;

const ALB_TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);

/** ALB: `type time elb client:port target:port ...`; the client field is `ip:port` or `[ipv6]:port`. */
function albClient(fields: string[]): boolean {
  if (!ALB_TYPES.has(fields[0]) || !/^\d{4}-\d\d-\d\dT/.test(fields[1])) return false;
  const client = fields[3];
  const cut = client.lastIndexOf(':');
  if (cut < 0 || !/^\d+$/.test(client.slice(cut + 1))) return false;
  const host = client.slice(0, cut);
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const truncated = truncateIp(bracketed ? host.slice(1, -1) : host);
  if (truncated === undefined) return false;
  fields[3] = `${bracketed ? `[${truncated}]` : truncated}${client.slice(cut)}`;
  return true;
}

/** S3 server access log: `owner bucket [dd/Mon/yyyy:hh:mm:ss +0000] remote_ip requester ...`. */
function s3AccessRemoteIp(fields: string[]): boolean {
  if (!fields[2].startsWith('[') || !fields[3].endsWith(']')) return false;
  if (fields[4] === '-') return true;
  const truncated = truncateIp(fields[4]);
  if (truncated === undefined) return false;
  fields[4] = truncated;
  return true;
}

/** Formats whose IP sits in the first few space-separated fields (ALB, S3 server access logs). */
class PrefixFieldLines implements LineAnonymizer {
  public malformed = 0;
  private seenLine = false;

  constructor(
    private readonly format: LogFormat,
    private readonly rewrite: FieldRewrite,
  ) {}

  public line(text: string): string {
    if (text.trim() === '') return text;
    const parts = leadingFields(text, 5);
    const ok = parts !== undefined && this.rewrite(parts.fields);
    if (!ok && !this.seenLine) {
      throw new UnrecognisedLogError(`first line is not a ${this.format} log line`);
    }
    this.seenLine = true;
    if (!ok) {
      this.malformed++;
      return scrubIps(text);
    }
    return `${parts.fields.join(' ')} ${parts.rest}`;
  }
}

/**
 * CloudFront standard logs: `#Version:` and `#Fields:` headers, then tab-separated
 * fields. Positions come from the `#Fields:` header, so added fields do not shift
 * what is truncated.
 */
class CloudFrontLines implements LineAnonymizer {
  public malformed = 0;
  private seenLine = false;
  private fieldCount = 0;
  private clientIp = -1;
  private forwardedFor = -1;

  public line(text: string): string {
    if (text.trim() === '') return text;
    if (!this.seenLine && !text.startsWith('#Version:')) {
      throw new UnrecognisedLogError('first line is not a CloudFront "#Version:" header');
    }
    this.seenLine = true;
    if (text.startsWith('#')) {
      if (text.startsWith('#Fields:')) this.readFields(text);
      return text;
    }
    const fields = text.split('\t');
    const ip = this.clientIp >= 0 && fields.length === this.fieldCount ? truncateIp(fields[this.clientIp]) : undefined;
    if (ip === undefined) {
      this.malformed++;
      return scrubIps(text);
    }
    fields[this.clientIp] = ip;
    if (this.forwardedFor >= 0) fields[this.forwardedFor] = scrubIps(fields[this.forwardedFor]);
    return fields.join('\t');
  }

  private readFields(header: string): void {
    const names = header.slice('#Fields:'.length).trim().split(/\s+/);
    this.fieldCount = names.length;
    this.clientIp = names.indexOf('c-ip');
    this.forwardedFor = names.indexOf('x-forwarded-for');
  }
}
