import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { estateConfig } from '../../estate.config';
import { EstateConfigError, PolicyCeilings } from '../../lib/config';
import { createDeployableEstate } from '../../lib/estate';
import { readAssembly } from '../../lib/privacy-model/assembly';
import { buildPrivacyModel } from '../../lib/privacy-model/build';
import { diffModels } from '../../lib/privacy-model/diff';
import { projectContext } from '../../lib/preview/synth';
import { privacyPolicy } from '../../privacy-policy';

/** The estate as bin/estate.ts builds it, under `policy`, synthesized into a temporary folder. */
function synthUnder(policy: PolicyCeilings, config = estateConfig): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-ceilings-'));
  const app = new App({ context: projectContext(), outdir, builtinCloudFormationValidation: false });
  createDeployableEstate(app, config, policy);
  app.synth();
  return outdir;
}

function refusal(config: typeof estateConfig): string {
  try {
    synthUnder(privacyPolicy, config);
  } catch (e) {
    if (e instanceof EstateConfigError) return e.message;
    throw e;
  }
  throw new Error('expected the config to be refused');
}

describe("the privacy policy's ceilings live apart from the estate's settings", () => {
  test('raising a ceiling in estate.config.ts, with the retention it limits, is refused: the ceiling is the policy owner\'s', () => {
    const message = refusal({ ...estateConfig, logRetentionDays: 400, maxLogRetentionDays: 400 });
    expect(message).toMatch(new RegExp(`maxLogRetentionDays: 400 — above ${privacyPolicy.maxLogRetentionDays}: it is a ceiling of the privacy policy \\(privacy-policy\\.ts`));
  });

  test('a processor the policy does not name is refused the same way; a config stricter than the policy is not', () => {
    const message = refusal({
      ...estateConfig,
      allowedRegions: [...estateConfig.allowedRegions].filter((r) => r !== 'eu-south-2'),
      processors: [...estateConfig.processors, { name: 'Mailchimp', purpose: 'Newsletters.', privacyPolicyUrl: 'https://mailchimp.com/legal/privacy/' }],
    });
    expect(message).toMatch(/processors\[1\]\.name: "Mailchimp" — it is a ceiling of the privacy policy .* names only Shopify/);
    const stricter = refusal({ ...estateConfig, maxLogRetentionDays: 14, logRetentionDays: 400 });
    // Stricter than the policy is fine; only the config's own ceiling then stops the retention.
    expect(stricter).not.toMatch(/privacy-policy\.ts/);
  });

  test('the synth records the ceilings, and the privacy diff lists a raised ceiling first, as widening', () => {
    const base = buildPrivacyModel(readAssembly(synthUnder(privacyPolicy)));
    expect(base.policyCeilings).toEqual({
      allowedRegions: [...privacyPolicy.allowedRegions].sort().join(', '),
      maxBackupRetentionDays: String(privacyPolicy.maxBackupRetentionDays),
      maxLogRetentionDays: String(privacyPolicy.maxLogRetentionDays),
      processors: 'Shopify',
    });
    const raised = { ...privacyPolicy, maxLogRetentionDays: 400 };
    const head = buildPrivacyModel(readAssembly(synthUnder(raised, { ...estateConfig, logRetentionDays: 400, maxLogRetentionDays: 400 })));
    const diff = diffModels(base, head);
    expect(diff.changes[0]).toEqual({
      effect: 'widening',
      category: 'policy',
      text: `privacy policy ceiling maxLogRetentionDays: ${privacyPolicy.maxLogRetentionDays} → 400 (privacy-policy.ts; the policy owner's review)`,
    });
    expect(diff.changes.slice(1).every((c) => c.category !== 'policy')).toBe(true);
  });
});
