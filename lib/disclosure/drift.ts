import { cookieDrift } from './drift-cookies';
import { regionDrift } from './drift-region';
import { retentionDrift } from './drift-retention';
import { sessionDrift } from './drift-sessions';
import { Disclosure } from './model';
import { SynthesizedStack } from './templates';

/**
 * Where the published disclosure and the synthesized templates disagree: a cookie
 * the edge lets through that the disclosure does not list, anything kept longer
 * than disclosed, Appman sessions that outlive the disclosed days or are never
 * deleted, a stack in a region other than the disclosed one. Reads only
 * the templates and the disclosure, never the config they both came from.
 */
export function disclosureDrift(stacks: readonly SynthesizedStack[], d: Disclosure): string[] {
  return [...cookieDrift(stacks, d), ...retentionDrift(stacks, d), ...sessionDrift(stacks, d), ...regionDrift(stacks, d)];
}
