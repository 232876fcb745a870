import { readFileSync } from 'fs';
import { join } from 'path';
import { PrivacyChecks } from '../../lib/privacy/privacy-checks';

// docs/RULES.md is what an ops engineer reads after a failed synth: it must name every rule, and no other.
describe('docs/RULES.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/RULES.md'), 'utf8');
  const documented = [...doc.matchAll(/^### (Privacy-\w+)$/gm)].map((m) => m[1]);

  test('documents exactly the rules the pack runs', () => {
    expect([...documented].sort()).toEqual(Object.keys(new PrivacyChecks(undefined, { dataSafety: true }).ruleLevels()).sort());
  });

  test('every rule section says what it checks, which quoted promise it protects, and how to fix', () => {
    const promises = [...doc.matchAll(/^- \*\*([^*]+)\*\*: "/gm)].map((m) => m[1]);
    expect(promises.length).toBeGreaterThan(5);
    const sections = doc.split(/^### /m).slice(1);
    expect(sections).toHaveLength(documented.length);
    for (const section of sections) {
      const id = section.split('\n')[0];
      const protects = /\*\*Protects\*\*: ([^\n]+)/.exec(section)?.[1] ?? '';
      expect({ id, checks: /\*\*Checks\*\*:/.test(section), fix: /\*\*Fix\*\*:/.test(section) }).toEqual({ id, checks: true, fix: true });
      expect({ id, protectsAQuotedPromise: promises.some((p) => protects.includes(p)) }).toEqual({ id, protectsAQuotedPromise: true });
    }
  });
});
