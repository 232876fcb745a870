import { randomBytes, randomUUID, scryptSync } from 'crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'fs';
import { dirname, join } from 'path';
import { canonicalIp } from '../../lambda/log-anonymizer/ip';
import { fold } from './line-matcher';

/**
 * The erasure receipt: a JSON-lines file written as the run goes (one line per
 * event, flushed to disk before the next object), so a crash leaves a record of
 * everything done up to it, and a later run can resume from it. It answers the
 * requester ("these objects held lines about you and were rewritten on …; these
 * CloudWatch log groups still hold some until …") and is the audit trail.
 *
 * It never holds an identifier in clear: each is stored as scrypt(salt, canonical
 * form) with a per-request random salt. Whoever holds the identifier can check the
 * receipt is about it; scrypt's cost (N=2^14, ~50 ms a guess) makes trying every
 * IPv4 address (2^32) take years of CPU rather than minutes. It does hold the
 * object keys, which name dates and sites, never people.
 */

export type IdentifierKind = 'ip' | 'match';

export interface RequestRecord {
  readonly type: 'request';
  readonly requestId: string;
  readonly time: string;
  readonly salt: string;
  readonly identifiers: ReadonlyArray<{ readonly kind: IdentifierKind; readonly hash: string }>;
  readonly buckets: readonly string[];
  /** CloudWatch log groups searched. */
  readonly logGroups: readonly string[];
  readonly dryRun: boolean;
}

export interface ObjectRecord {
  readonly type: 'object';
  readonly time: string;
  readonly bucket: string;
  readonly key: string;
  /** `unchanged`: scanned, no line matched. */
  readonly status: 'unchanged' | 'rewritten' | 'would-rewrite' | 'failed' | 'version-deleted' | 'version-would-delete';
  readonly lines: number;
  readonly versionId?: string;
  readonly error?: string;
}

export interface LogGroupRecord {
  readonly type: 'log-group';
  readonly time: string;
  readonly logGroup: string;
  readonly matches: number;
  /** When the last matching event expires (event time + the group's retention); absent if kept forever. */
  readonly expiresBy?: string;
  readonly retentionDays?: number;
  /** Whole streams deleted (--delete-log-streams). */
  readonly streamsDeleted: number;
  readonly error?: string;
}

export interface SummaryRecord {
  readonly type: 'summary';
  readonly time: string;
  readonly objectsScanned: number;
  readonly linesMatched: number;
  readonly objectsRewritten: number;
  readonly objectsFailed: number;
  readonly recheckAfter: string;
}

export type ReceiptRecord = RequestRecord | ObjectRecord | LogGroupRecord | SummaryRecord | { readonly type: 'resumed'; readonly time: string };

const SCRYPT = { N: 1 << 14, r: 8, p: 1 };

/** The identifier as it is matched: canonical address, or folded text. */
function canonical(kind: IdentifierKind, value: string): string {
  return kind === 'ip' ? (canonicalIp(value) ?? value) : fold(value);
}

export function hashIdentifier(salt: string, kind: IdentifierKind, value: string): string {
  return scryptSync(`${kind}:${canonical(kind, value)}`, Buffer.from(salt, 'hex'), 32, SCRYPT).toString('hex');
}

/** How the receipt names an object (or a noncurrent version of one). */
export function objectId(bucket: string, key: string, versionId?: string): string {
  return versionId ? `${bucket}/${key}?versionId=${versionId}` : `${bucket}/${key}`;
}

export function defaultReceiptPath(requestId: string, cwd: string = process.cwd()): string {
  return join(cwd, 'erasure-receipts', `${requestId}.jsonl`);
}

export class Receipt {
  private constructor(
    public readonly path: string,
    public readonly request: RequestRecord,
    /** `bucket/key` of every object finished in an earlier run (rewritten or found unchanged). */
    public readonly done: ReadonlySet<string>,
    private readonly fd: number,
  ) {}

  /** A new receipt for a new request; refuses to overwrite an existing file. */
  public static create(
    path: string,
    ips: readonly string[],
    matches: readonly string[],
    buckets: readonly string[],
    logGroups: readonly string[],
    dryRun: boolean,
  ): Receipt {
    if (existsSync(path)) throw new Error(`--receipt: ${path} already exists; give a new file, or --resume ${path} to continue that request`);
    mkdirSync(dirname(path), { recursive: true });
    const salt = randomBytes(16).toString('hex');
    const request: RequestRecord = {
      type: 'request',
      requestId: randomUUID(),
      time: new Date().toISOString(),
      salt,
      identifiers: [
        ...ips.map((ip) => ({ kind: 'ip' as const, hash: hashIdentifier(salt, 'ip', ip) })),
        ...matches.map((m) => ({ kind: 'match' as const, hash: hashIdentifier(salt, 'match', m) })),
      ],
      buckets: [...buckets],
      logGroups: [...logGroups],
      dryRun,
    };
    const receipt = new Receipt(path, request, new Set(), openSync(path, 'wx', 0o600));
    receipt.write(request);
    return receipt;
  }

  /** Reopens a receipt to continue its request; the identifiers given must be the receipt's. */
  public static resume(path: string, ips: readonly string[], matches: readonly string[]): Receipt {
    if (!existsSync(path)) throw new Error(`--resume: ${path} does not exist; give the receipt file of the interrupted run`);
    const records = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as ReceiptRecord];
        } catch {
          return []; // the last line of a run killed mid-write
        }
      });
    const request = records.find((r): r is RequestRecord => r.type === 'request');
    if (!request) throw new Error(`--resume: ${path} has no request record; it is not an erasure receipt`);
    const given = [...ips.map((v) => hashIdentifier(request.salt, 'ip', v)), ...matches.map((v) => hashIdentifier(request.salt, 'match', v))].sort();
    const recorded = request.identifiers.map((i) => i.hash).sort();
    if (given.join() !== recorded.join()) {
      throw new Error(`--resume: the --ip/--match given are not the ${recorded.length} identifier(s) of ${path}; give exactly the same ones`);
    }
    const done = new Set(
      records
        .filter((r): r is ObjectRecord => r.type === 'object' && r.status !== 'failed')
        .map((r) => objectId(r.bucket, r.key, r.versionId)),
    );
    const receipt = new Receipt(path, request, done, openSync(path, 'a'));
    receipt.write({ type: 'resumed', time: new Date().toISOString() });
    return receipt;
  }

  public object(record: Omit<ObjectRecord, 'type' | 'time'>): void {
    this.write({ type: 'object', time: new Date().toISOString(), ...record });
  }

  public logGroup(record: Omit<LogGroupRecord, 'type' | 'time'>): void {
    this.write({ type: 'log-group', time: new Date().toISOString(), ...record });
  }

  public summary(record: Omit<SummaryRecord, 'type' | 'time'>): void {
    this.write({ type: 'summary', time: new Date().toISOString(), ...record });
  }

  public close(): void {
    closeSync(this.fd);
  }

  /** One line, on disk before the run moves on. */
  private write(record: ReceiptRecord): void {
    writeSync(this.fd, JSON.stringify(record) + '\n');
    fsyncSync(this.fd);
  }
}
