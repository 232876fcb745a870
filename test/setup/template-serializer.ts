/**
 * Snapshot serializer for CloudFormation templates: code is not reviewed in a
 * template snapshot. Inline CloudFront Function code, inline Lambda code and code
 * asset keys become a placeholder naming where the code comes from, so a change of
 * function code shows in the pull request as its source file's diff (and, for the
 * cookie filter's baked policy, in the privacy-model snapshot), not as a minified
 * blob; and an unrelated change churns no code lines. Runs before the asset-hash
 * serializer, which still scrubs hashes anywhere else.
 */
const COOKIE_FILTER_CODE_MARKER = '/* privacy:cookie-filter */';
/** CDK's logical ids end in 8 hex digits of the construct path's hash. */
const LOGICAL_ID_SUFFIX = /[0-9A-F]{8}$/;

type Resource = { Type?: string; Properties?: Record<string, any> };
const scrubbed = new WeakSet<object>();

function isTemplate(value: unknown): value is { Resources: Record<string, Resource> } {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || scrubbed.has(value)) return false;
  const resources = (value as { Resources?: unknown }).Resources;
  return resources !== null && typeof resources === 'object';
}

function cloudFrontFunctionSource(code: string, comment: unknown): string {
  const event = typeof comment === 'string' ? /viewer-(request|response)/.exec(comment)?.[0] : undefined;
  if (code.startsWith(COOKIE_FILTER_CODE_MARKER) && event) {
    return `[bundled: lib/cookie-filter/functions/${event}.ts with the site's cookie policy, by lib/cookie-filter/compile.ts]`;
  }
  return '[inline CloudFront Function code]';
}

function scrub(template: { Resources: Record<string, Resource> }): object {
  const copy = JSON.parse(JSON.stringify(template)) as { Resources: Record<string, Resource> };
  for (const [id, r] of Object.entries(copy.Resources)) {
    const p = r.Properties;
    if (!p) continue;
    const name = id.replace(LOGICAL_ID_SUFFIX, '');
    // A test that already put a placeholder there keeps its own.
    if (r.Type === 'AWS::CloudFront::Function' && typeof p.FunctionCode === 'string' && !/^\[.*\]$/.test(p.FunctionCode)) {
      p.FunctionCode = cloudFrontFunctionSource(p.FunctionCode, p.FunctionConfig?.Comment);
    }
    const code = r.Type === 'AWS::Lambda::LayerVersion' ? p.Content : p.Code;
    if (code && typeof code === 'object') {
      if (typeof code.ZipFile === 'string') code.ZipFile = `[inline code of ${typeof p.Description === 'string' ? p.Description : name}]`;
      if (typeof code.S3Key === 'string') code.S3Key = `[code asset of ${name}]`;
    }
  }
  scrubbed.add(copy);
  return copy;
}

module.exports = {
  test: isTemplate,
  serialize: (value: { Resources: Record<string, Resource> }, config: unknown, indentation: string, depth: number, refs: unknown, printer: Function) =>
    printer(scrub(value), config, indentation, depth, refs),
};
