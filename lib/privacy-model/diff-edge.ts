import { Change, compareDays, pair } from './change';
import { PrivacyModel } from './types';
import { describeCookie, describeCookieLifetime, describeRegionPlace, siteName } from './wording';

/** Stacks that moved region, new stacks outside the EU, and sites' host, CSP and IP handling. */
export function diffRegionsAndSites(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const stacks = pair(base.stacks, head.stacks, (s) => s.name);
  const moves = new Map<string, string[]>();
  for (const [b, h] of stacks.both) {
    if (b.region !== h.region) {
      const key = `${describeRegionPlace(b.region, b.inEu)} → ${describeRegionPlace(h.region, h.inEu)}|${b.inEu}|${h.inEu}`;
      moves.set(key, [...(moves.get(key) ?? []), h.name]);
    }
  }
  for (const [key, names] of moves) {
    const [text, fromEu, toEu] = key.split('|');
    const effect = fromEu === toEu ? 'neutral' : toEu === 'true' ? 'narrowing' : 'widening';
    changes.push({ effect, category: 'region', text: `region ${text}: ${names.join(', ')}` });
  }
  for (const s of stacks.added) {
    if (!s.inEu) changes.push({ effect: 'widening', category: 'region', text: `new stack ${s.name} in ${describeRegionPlace(s.region, s.inEu)}` });
  }

  const sites = pair(base.sites, head.sites, (s) => s.site);
  for (const s of sites.added) changes.push({ effect: 'widening', category: 'site', text: `new site ${siteName(s.site)} on ${s.host}` });
  for (const s of sites.removed) changes.push({ effect: 'narrowing', category: 'site', text: `site ${siteName(s.site)} removed` });
  for (const [b, h] of sites.both) {
    const name = siteName(h.site);
    if (b.host !== h.host) changes.push({ effect: 'neutral', category: 'site', text: `${name}: host ${b.host} → ${h.host}` });
    if (b.ipInLogs !== h.ipInLogs) {
      const effect = h.ipInLogs === 'truncate' ? 'narrowing' : 'widening';
      changes.push({ effect, category: 'site', text: `${name}: client IPs in logs ${ipWords(b.ipInLogs)} → ${ipWords(h.ipInLogs)}` });
    }
    if (b.csp !== h.csp) changes.push(cspChange(name, b.csp, h.csp, b.thirdPartyHosts, h.thirdPartyHosts));
  }
  return changes;
}

/** New, removed and changed cookies, per site. */
export function diffCookies(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const cookies = pair(base.cookies, head.cookies, (c) => `${c.site} ${c.name}`);
  for (const c of cookies.added) {
    changes.push({ effect: 'widening', category: 'cookie', text: `${siteName(c.site)}: new cookie \`${c.name}\`, ${describeCookie(c)}` });
  }
  for (const c of cookies.removed) {
    changes.push({ effect: 'narrowing', category: 'cookie', text: `${siteName(c.site)}: cookie \`${c.name}\` no longer passes the edge` });
  }
  for (const [b, h] of cookies.both) {
    const name = `${siteName(h.site)}: cookie \`${h.name}\``;
    const longer = compareDays(b.lifetime, h.lifetime);
    if (b.lifetime !== h.lifetime) {
      changes.push({
        effect: longer > 0 ? 'widening' : longer < 0 ? 'narrowing' : 'neutral',
        category: 'cookie',
        text: `${name} lifetime ${describeCookieLifetime(b.lifetime)} → ${describeCookieLifetime(h.lifetime)}`,
      });
    }
    if (b.httpOnly !== h.httpOnly) {
      const effect = h.httpOnly === false ? 'widening' : 'narrowing';
      changes.push({ effect, category: 'cookie', text: `${name} ${h.httpOnly === false ? 'now readable by scripts' : 'now HttpOnly'}` });
    }
    if (b.reaches.join() !== h.reaches.join()) {
      const effect = h.reaches.length > b.reaches.length ? 'widening' : h.reaches.length < b.reaches.length ? 'narrowing' : 'neutral';
      changes.push({ effect, category: 'cookie', text: `${name} reaches ${b.reaches.join(' and ')} → ${h.reaches.join(' and ')}` });
    }
    if (b.disclosed !== h.disclosed) {
      const effect = h.disclosed ? 'narrowing' : 'widening';
      changes.push({ effect, category: 'cookie', text: `${name} ${h.disclosed ? 'now in the disclosure' : 'no longer in the disclosure'}` });
    }
  }
  return changes;
}

function ipWords(handling: string | undefined): string {
  return handling === 'truncate' ? 'truncated' : handling === 'keep' ? 'kept as logged' : 'not anonymized';
}

/** One line per CSP change: the directives that changed, and the third-party hosts gained or lost. */
function cspChange(site: string, before: string | undefined, after: string | undefined, hostsBefore: readonly string[], hostsAfter: readonly string[]): Change {
  const b = directives(before);
  const a = directives(after);
  const names = [...new Set([...b.keys(), ...a.keys()])].filter((d) => b.get(d) !== a.get(d));
  const parts = names.map((d) => `\`${d}\` ${b.get(d) ?? '(absent)'} → ${a.get(d) ?? '(absent)'}`);
  const gained = hostsAfter.filter((h) => !hostsBefore.includes(h));
  const lost = hostsBefore.filter((h) => !hostsAfter.includes(h));
  if (gained.length > 0) parts.push(`new third-party host${gained.length > 1 ? 's' : ''} ${gained.join(', ')}`);
  if (lost.length > 0) parts.push(`no longer reaches ${lost.join(', ')}`);
  const effect = gained.length > 0 ? 'widening' : lost.length > 0 ? 'narrowing' : 'neutral';
  return { effect, category: 'site', text: `${site}: CSP ${parts.join('; ')}` };
}

function directives(csp: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of (csp ?? '').split(';')) {
    const [name, ...sources] = d.trim().split(/\s+/);
    if (name) out.set(name, sources.join(' ') || '(no value)');
  }
  return out;
}
