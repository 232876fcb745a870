import { PrivacyModel } from './types';
import { describeCookie, describeDestinationPlace, describeRetention, siteName, storeLabel } from './wording';

/**
 * The model as the lines of its snapshot, the one a reviewer reads first. Regions
 * are stated once per region (not per store), so moving the estate changes one line;
 * log groups are one line per region, so a retention change is one line too.
 */
export function modelLines(model: PrivacyModel): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(model.policyCeilings ?? {}).sort()) lines.push(`policy ceiling ${key}: ${value}`);
  const regions = new Map<string, string[]>();
  for (const s of model.stacks) regions.set(s.region, [...(regions.get(s.region) ?? []), s.name]);
  for (const [region, names] of [...regions].sort()) {
    const inEu = model.stacks.find((s) => s.region === region)!.inEu;
    lines.push(`region ${region} (${inEu ? 'EU' : 'outside the EU'}): ${names.join(', ')}`);
  }
  for (const s of model.sites) {
    lines.push(`site ${siteName(s.site)}: ${s.host}; client IPs in logs ${s.ipInLogs === 'truncate' ? 'truncated' : s.ipInLogs === 'keep' ? 'kept as logged' : 'not handled by the anonymizer'}`);
    lines.push(`site ${siteName(s.site)} CSP: ${s.csp ?? 'none'}`);
  }
  for (const c of model.cookies) lines.push(`cookie ${siteName(c.site)} \`${c.name}\`: ${describeCookie(c)}`);
  for (const s of model.stores) {
    lines.push(`store ${storeLabel(s)}: ${s.encryption}; ${describeRetention(s.retention)}`);
  }
  for (const d of model.destinations) {
    lines.push(`destination ${d.via}: ${d.from} → ${d.to}${describeDestinationPlace(d)}`);
  }
  for (const e of model.email) lines.push(`email ${e.name}: ${e.tracking}`);
  for (const a of model.acknowledgements) lines.push(`acknowledged ${a.rule} at ${a.path}: ${a.reason}`);
  return lines;
}
