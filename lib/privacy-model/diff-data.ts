import { Change, compareDays, pair } from './change';
import { inEu } from './regions';
import { PrivacyModel, StoreFact } from './types';
import { describeDestinationPlace, describeRetention, isLogStore, storeLabel } from './wording';

const LOGS_PROMISE = 'policy says logs are rotated periodically, not kept indefinitely';

/** Stores that appeared or went, and changes of their encryption, retention or count. */
export function diffStores(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const logTargets = new Set([...base.destinations, ...head.destinations].filter((d) => /logs$/.test(d.via)).map((d) => d.to));
  const stores = pair(base.stores, head.stores, (s) => s.name);
  for (const s of stores.added) {
    const where = describeDestinationPlace({ region: s.region, inEu: inEu(s.region) });
    changes.push({ effect: 'widening', category: 'store', text: `new store: ${storeLabel(s)}${where}, ${s.encryption}, ${describeRetention(s.retention)}` });
  }
  for (const s of stores.removed) changes.push({ effect: 'narrowing', category: 'store', text: `store removed: ${storeLabel(s)}` });
  // One line per retention change shared by several log stores: "logs: retention 30 → 400 days".
  const retention = new Map<string, { stores: StoreFact[]; logs: boolean; effect: number }>();
  for (const [b, h] of stores.both) {
    const label = storeLabel(h);
    if (b.encryption !== h.encryption) {
      const effect = h.encryption.startsWith('not encrypted') ? 'widening' : b.encryption.startsWith('not encrypted') ? 'narrowing' : 'neutral';
      changes.push({ effect, category: 'store', text: `${label}: encryption ${b.encryption} → ${h.encryption}` });
    }
    if (b.retention !== h.retention) {
      const logs = isLogStore(h, logTargets);
      const key = `${logs}|${describeRetention(b.retention)} → ${describeRetention(h.retention)}`;
      const entry = retention.get(key) ?? { stores: [], logs, effect: compareDays(b.retention, h.retention) };
      entry.stores.push(h);
      retention.set(key, entry);
    }
    if (b.count !== h.count) changes.push({ effect: 'neutral', category: 'store', text: `${h.name}: ${b.count} → ${h.count}` });
  }
  for (const [key, { stores: list, logs, effect }] of retention) {
    const names = list.map(storeLabel).join(', ');
    const text = `${logs ? `logs (${names})` : names}: retention ${key.split('|')[1]}${logs ? `; ${LOGS_PROMISE}` : ''}`;
    changes.push({ effect: effect > 0 ? 'widening' : effect < 0 ? 'narrowing' : 'neutral', category: 'store', text });
  }
  return changes;
}

/** New and removed destinations (a site's CSP hosts are reported with its CSP change). */
export function diffDestinations(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const notCsp = (m: PrivacyModel) => m.destinations.filter((d) => d.region !== 'third party');
  const destinations = pair(notCsp(base), notCsp(head), (d) => `${d.from} ${d.via} ${d.to}`);
  for (const d of destinations.added) {
    changes.push({ effect: 'widening', category: 'destination', text: `new destination: ${d.via} from ${d.from} to ${d.to}${describeDestinationPlace(d) || ` (${d.region})`}` });
  }
  for (const d of destinations.removed) {
    changes.push({ effect: 'narrowing', category: 'destination', text: `destination removed: ${d.via} from ${d.from} to ${d.to}` });
  }
  return changes;
}

/** Email tracking turned on or off, and senders added or removed. */
export function diffEmail(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const email = pair(base.email, head.email, (e) => e.name);
  for (const e of email.added) {
    const untracked = e.tracking === 'no tracking' || (e.tracking.startsWith('sends through ') && !e.tracking.startsWith('sends through no '));
    const effect = untracked ? 'neutral' : 'widening';
    changes.push({ effect, category: 'email', text: `new email sender ${e.name}: ${e.tracking}` });
  }
  for (const e of email.removed) changes.push({ effect: 'neutral', category: 'email', text: `email sender removed: ${e.name}` });
  for (const [b, h] of email.both) {
    if (b.tracking === h.tracking) continue;
    const effect = h.tracking === 'no tracking' ? 'narrowing' : b.tracking === 'no tracking' ? 'widening' : 'neutral';
    changes.push({ effect, category: 'email', text: `email ${h.name}: ${b.tracking} → ${h.tracking}` });
  }
  return changes;
}

/**
 * Acknowledgements: a Privacy-* one accepts a broken promise (widening); another pack's
 * is about security or cost (neutral), shown so a reviewer sees its reason.
 */
export function diffAcknowledgements(base: PrivacyModel, head: PrivacyModel): Change[] {
  const changes: Change[] = [];
  const acks = pair(base.acknowledgements, head.acknowledgements, (a) => `${a.rule} ${a.path}`);
  const privacy = (rule: string) => rule.startsWith('Privacy-');
  for (const a of acks.added) {
    changes.push({ effect: privacy(a.rule) ? 'widening' : 'neutral', category: 'acknowledgement', text: `new acknowledgement of ${a.rule} at ${a.path}: ${a.reason}` });
  }
  for (const a of acks.removed) {
    changes.push({ effect: privacy(a.rule) ? 'narrowing' : 'neutral', category: 'acknowledgement', text: `acknowledgement of ${a.rule} at ${a.path} removed` });
  }
  for (const [b, h] of acks.both) {
    if (b.reason !== h.reason) changes.push({ effect: 'neutral', category: 'acknowledgement', text: `acknowledgement of ${h.rule} at ${h.path}: reason now "${h.reason}"` });
  }
  return changes;
}
