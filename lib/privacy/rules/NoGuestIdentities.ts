import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { literalBool, props } from '../template/resolve';

/**
 * No Cognito identity pool hands out identities to unauthenticated visitors. A
 * guest identity is a persistent id for an anonymous browser — how RUM and
 * Pinpoint web clients recognise a returning visitor — stored by Cognito with no
 * retention the app controls.
 */
const NoGuestIdentities = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::Cognito::IdentityPool') return NOT_APPLICABLE;
  return literalBool(node, 'AllowUnauthenticatedIdentities', props(node).AllowUnauthenticatedIdentities) === true ? NON_COMPLIANT : COMPLIANT;
});

export default NoGuestIdentities;
