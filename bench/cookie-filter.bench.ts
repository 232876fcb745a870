/**
 * Median time per event of the shipped cookie-filter functions (code taken from
 * the synthesized template) in the node:vm harness, next to a pass-through
 * function in the same harness. Target: <= 2 µs per event with 10 cookies.
 *
 * `BENCH_AGAINST=<git revision> npm run bench -- cookie-filter` also compiles
 * that revision's function sources (lib/cookie-filter/functions, lambda/edge
 * before the move) with today's policies and times both
 * viewer-response functions with their batches interleaved, so the machine's
 * noise hits both alike: the same-run before/after that BENCHMARKS.md records.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { estateConfig } from '../estate.config';
import { SiteKey } from '../lib/config';
import { PrivateDistribution } from '../lib/constructs/private-distribution';
import {
  CfEvent,
  compileCookieFilter,
  cookieFiltersInTemplate,
  cookiePolicy,
  loadFunction,
  LoadedFunction,
  viewerRequestEvent,
  viewerResponseEvent,
} from '../lib/cookie-filter';
import type { SiteRoutes } from '../lib/cookie-filter/functions/site-routes';
import { median } from './timing';

// Small batches: every event is cloned before its batch is timed, and a large set of
// live clones makes each young-generation GC during the timed loop copy them all,
// which measured the collector rather than the function.
const BATCH = 100;
const BATCHES = 801;

/** The main site's routes in the budget's shape: the folder rewrite and 50 redirects of realistic length. */
function fiftyRedirects(): SiteRoutes {
  const r: Record<string, string> = {};
  for (let i = 0; i < 50; i++) r[`/docs/old-section-${i}/page-${i}.html`] = `/docs/section-${i}/page-${i}/`;
  return { r };
}

function shipped(key: SiteKey, routes?: SiteRoutes) {
  const app = new App({ context: require('../cdk.json').context });
  const stack = new Stack(app, `Bench-${key}`, { env: { region: 'eu-west-1' } });
  new PrivateDistribution(stack, 'Site', {
    siteKey: key,
    site: estateConfig.sites[key]!,
    origin: new HttpOrigin('origin.invalid'),
    logBucket: new s3.Bucket(stack, 'Logs'),
    cookieDomain: 'example.org',
    routes,
  });
  return cookieFiltersInTemplate(Template.fromStack(stack).toJSON())[0];
}

/** n cookies: about a third allowlisted on appman, two legacy analytics, the rest unknown. */
function names(n: number): string[] {
  const pool = ['sessionid', 'csrftoken', '_ga', 'messages', '_ga_ABC123', 'theme', 'lang', 'x1', 'x2', 'x3'];
  return Array.from({ length: n }, (_, i) => (i < pool.length ? pool[i] : `c${i}`));
}

function requestEvent(n: number, uri?: string): CfEvent {
  return viewerRequestEvent({ cookie: names(n).map((c) => `${c}=v${c}`).join('; '), uri });
}

function responseEvent(n: number): CfEvent {
  const setCookies = names(n).map((c) => `${c}=v; Path=/; Max-Age=99999999; SameSite=None`);
  return viewerResponseEvent({ cookie: '_ga=1; _ga_ABC123=2', setCookies });
}

/** Median µs per call over BATCHES batches of BATCH calls, each on a fresh copy of the event. */
function perEvent(fn: LoadedFunction, template: CfEvent): number {
  const times: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const events = Array.from({ length: BATCH }, () => structuredClone(template));
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) fn.run(events[i]);
    times.push(Number(process.hrtime.bigint() - start) / 1e3 / BATCH);
  }
  return median(times);
}

/** Median µs per call of each function, batches of the functions interleaved. */
function interleaved(fns: LoadedFunction[], template: CfEvent): number[] {
  const times: number[][] = fns.map(() => []);
  for (let b = 0; b < BATCHES; b++) {
    fns.forEach((fn, k) => {
      const events = Array.from({ length: BATCH }, () => structuredClone(template));
      const start = process.hrtime.bigint();
      for (let i = 0; i < BATCH; i++) fn.run(events[i]);
      times[k].push(Number(process.hrtime.bigint() - start) / 1e3 / BATCH);
    });
  }
  return times.map(median);
}

/** Viewer responses of `revision` against today's, 10 cookies, same policies, interleaved. */
function againstRevision(revision: string): void {
  const root = path.join(__dirname, '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-edge-'));
  try {
    // The sources lived in lambda/edge before they joined lib/cookie-filter/.
    const folder = ['lib/cookie-filter/functions', 'lambda/edge'].find(
      (f) => spawnSync('git', ['cat-file', '-e', `${revision}:${f}`], { cwd: root }).status === 0,
    );
    if (!folder) throw new Error(`${revision} has no cookie-filter function sources`);
    const archive = execFileSync('git', ['archive', revision, folder], { cwd: root });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    const before = path.join(dir, folder);
    console.log(`viewer response, 10 cookies: ${revision} against the working tree (median µs, batches interleaved)`);
    console.log('  site   | before µs | after µs | ratio | bytes before → after');
    for (const key of ['main', 'appman', 'forum'] as SiteKey[]) {
      const policy = cookiePolicy(estateConfig.sites[key]!, 'example.org');
      const codes = [compileCookieFilter('viewer-response', policy, null, before), compileCookieFilter('viewer-response', policy)];
      const [b, a] = interleaved(codes.map((c) => loadFunction(c)), responseEvent(10));
      const bytes = codes.map((c) => Buffer.byteLength(c)).join(' → ');
      console.log(`  ${key.padEnd(6)} | ${b.toFixed(3).padStart(9)} | ${a.toFixed(3).padStart(8)} | ${(a / b).toFixed(2).padStart(5)} | ${bytes}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  if (process.env.BENCH_AGAINST) againstRevision(process.env.BENCH_AGAINST);
  const passRequest = loadFunction('function handler(event){return event.request}');
  const passResponse = loadFunction('function handler(event){return event.response}');
  for (const key of ['main', 'appman'] as SiteKey[]) {
    const pair = shipped(key);
    console.log(`${key} (${pair.viewerRequest.code.length} B request, ${pair.viewerResponse.code.length} B response)`);
    console.log('  cookies | viewer-request µs | pass-through µs | viewer-response µs | pass-through µs');
    for (const n of [0, 10, 50]) {
      const vr = perEvent(pair.viewerRequest, requestEvent(n));
      const pr = perEvent(passRequest, requestEvent(n));
      const vs = perEvent(pair.viewerResponse, responseEvent(n));
      const ps = perEvent(passResponse, responseEvent(n));
      console.log(`  ${String(n).padStart(7)} | ${vr.toFixed(3).padStart(17)} | ${pr.toFixed(3).padStart(15)} | ${vs.toFixed(3).padStart(18)} | ${ps.toFixed(3).padStart(15)}`);
    }
  }
  // The main site as deployed: folder rewrite and redirects before the cookie filter.
  const routed = shipped('main', fiftyRedirects());
  console.log(`main with rewrite + 50 redirects (${Buffer.byteLength(routed.viewerRequest.code)} B request; budget 10240 B, target 5120 B)`);
  console.log('  cookies | folder URL /docs/a/ µs | redirect hit µs | pass-through µs');
  for (const n of [0, 10]) {
    const folder = perEvent(routed.viewerRequest, requestEvent(n, '/docs/a/'));
    const moved = perEvent(routed.viewerRequest, requestEvent(n, '/docs/old-section-25/page-25.html'));
    const pr = perEvent(passRequest, requestEvent(n, '/docs/a/'));
    console.log(`  ${String(n).padStart(7)} | ${folder.toFixed(3).padStart(22)} | ${moved.toFixed(3).padStart(15)} | ${pr.toFixed(3).padStart(15)}`);
  }
  console.log('target: <= 2 µs median per event with 10 cookies');
}
