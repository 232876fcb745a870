/**
 * OCI / Docker image references, as the registry client parses them: the grammar
 * of distribution/reference (github.com/distribution/reference, regexp.go and
 * reference.go), which `docker pull` and ECS use.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component [ "/" path-component ]*
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
/** reference.go: NameTotalLengthMax. */
const NAME_MAX = 255;

/**
 * Why `image` is not a pinned image reference, or `undefined` when it is. The
 * estate also requires a tag or a digest: without one the registry serves
 * whatever `latest` is on the day of the deploy.
 */
export function imageReferenceProblem(image: string): string | undefined {
  const match = REFERENCE.exec(image);
  if (!match) {
    return 'not a valid image reference: use registry/repository:tag or registry/repository@sha256:<digest>, lower-case repository (e.g. "ghcr.io/your-org/appman:1.4.2").';
  }
  if (match[1].length > NAME_MAX) return `the repository name is longer than ${NAME_MAX} characters.`;
  if (match[2] === undefined && match[3] === undefined) {
    return 'name a tag or digest (repository:1.4.2 or repository@sha256:...): without one every deploy pulls whatever "latest" is that day.';
  }
  return undefined;
}
