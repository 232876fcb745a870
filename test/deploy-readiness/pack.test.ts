import { readdirSync, readFileSync } from 'fs';
import { join, parse } from 'path';
import { DeployReadinessChecks } from '../../lib/deploy-readiness/deploy-readiness-checks';

const RULES_DIR = join(__dirname, '../../lib/deploy-readiness/rules');
const RULE_FILES = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('DeployReadinessChecks', () => {
  test('one rule per file, the id named after it', () => {
    expect(new DeployReadinessChecks().ruleIds.sort()).toEqual(RULE_FILES.map((f) => `DeployReadiness-${parse(f).name}`).sort());
  });
  test.each(RULE_FILES)('%s cites the AWS documentation page its limit comes from', (file) => {
    expect(readFileSync(join(RULES_DIR, file), 'utf8')).toMatch(/export const DOCS = 'https:\/\/docs\.aws\.amazon\.com\/[^']+';/);
  });
});
