import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { extname, join, sep } from 'path';
import { AssetStaging, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Files whose text a browser or a runtime reads: where a tracker would be shipped. */
const TEXT_EXTENSIONS = new Set(['.html', '.htm', '.js', '.mjs', '.cjs', '.css', '.json', '.xml', '.svg', '.txt', '.py', '.rb', '.php', '.ts', '.map']);
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** CDK's own handlers (custom-resource providers, BucketDeployment's copier) are not the app's content. */
const CDK_OWN = `${sep}aws-cdk-lib${sep}`;

// One read per asset directory per validation run.
let texts = new Map<string, readonly { file: string; text: string }[]>();
export function resetAssetCache(): void {
  texts = new Map();
}

/**
 * The construct that owns a resource's assets: a Lambda function's CfnFunction
 * sits directly under it; a BucketDeployment's custom resource sits under
 * `<deployment>/CustomResource`, its sources beside that.
 */
function owner(node: CfnResource): IConstruct | undefined {
  const scope = node.node.scope;
  return node.cfnResourceType === 'Custom::CDKBucketDeployment' ? scope?.node.scope : scope;
}

/**
 * The text files of every asset a Lambda function runs or a BucketDeployment uploads, as staged for
 * deployment; undefined when the resource has no asset of this app.
 */
export function assetTexts(node: CfnResource): { file: string; text: string }[] | undefined {
  const o = owner(node);
  const stagings = (o?.node.findAll() ?? []).filter((c): c is AssetStaging => c instanceof AssetStaging);
  // No asset at all: the code or content comes from outside the app.
  if (stagings.length === 0) return undefined;
  const found: { file: string; text: string }[] = [];
  for (const c of stagings) {
    if (c.sourcePath.includes(CDK_OWN)) continue;
    // The staged copy is what ships: for a bundled asset (esbuild, Docker) the source path is
    // the whole project, the staged path only the bundle.
    const path = existsSync(c.absoluteStagedPath) ? c.absoluteStagedPath : c.sourcePath;
    let files = texts.get(path);
    if (!files) {
      files = readTexts(path);
      texts.set(path, files);
    }
    found.push(...files);
  }
  return found;
}

function readTexts(path: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const visit = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(p, e));
    } else if (s.isFile() && s.size <= MAX_FILE_BYTES && TEXT_EXTENSIONS.has(extname(p).toLowerCase())) {
      out.push({ file: p, text: readFileSync(p, 'utf8') });
    }
  };
  visit(path);
  return out;
}
