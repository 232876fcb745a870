import { Disclosure, DisclosedSite, describeLifetime, describeRegion, describeServerSessions } from './model';

/** The disclosure as Markdown, for the repository and for review in a pull request. */
export function renderMarkdown(d: Disclosure): string {
  const out: string[] = ['# Privacy: what our sites collect', ''];
  for (const site of d.sites) out.push(...siteSection(site));
  out.push('## Processors', '');
  if (d.processors.length === 0) out.push('We share personal data with no third party.', '');
  for (const p of d.processors) {
    out.push(`- **${p.name}**${p.host ? ` (${p.host})` : ''}: ${p.purpose} [Privacy policy](${p.privacyPolicyUrl})`);
  }
  out.push('');
  return out.join('\n');
}

function siteSection(site: DisclosedSite): string[] {
  const lines = [`## ${site.title}${site.host ? ` (${site.host})` : ''}`, '', site.description, ''];
  lines.push('### Cookies', '');
  if (site.cookies.length === 0) {
    lines.push('This site sets no cookies.', '');
  } else {
    lines.push('| Cookie | Purpose | Lifetime | When | Readable by scripts |', '| --- | --- | --- | --- | --- |');
    for (const c of site.cookies) {
      lines.push(`| \`${c.name}\` | ${cell(c.purpose)} | ${describeLifetime(c.lifetime)} | ${cell(c.when)} | ${c.httpOnly ? 'no' : 'yes'} |`);
    }
    lines.push('', 'All are first-party, non-tracking and strictly necessary. No other cookie passes our servers.', '');
  }
  lines.push('### Data stored', '', ...site.dataStored.map((x) => `- ${x}`), '');
  lines.push(
    '### Where and for how long',
    '',
    `- Hosted in ${describeRegion(site.region)}.`,
    `- Web server logs are deleted after at most ${site.logRetentionDays} days; client IP addresses are ${
      site.ipAddressesInLogs === 'truncate' ? 'truncated' : 'kept as logged'
    } until then.`,
    `- Backups are deleted after at most ${site.backupRetentionDays} days.`,
    ...(site.serverSessionDays ? [`- ${describeServerSessions(site.serverSessionDays)}`] : []),
    '',
  );
  return lines;
}

/** A Markdown table cell cannot hold a pipe or a line break. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
