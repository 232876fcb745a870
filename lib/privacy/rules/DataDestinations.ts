import { CfnResource } from 'aws-cdk-lib';
import { destinationsOf, placeOf } from '../checks/destinations';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule, undecidable } from '../rule';

/**
 * Data a resource sends or copies elsewhere — S3 replication and inventory,
 * server access logs, Firehose delivery, log subscriptions and destinations,
 * CloudFront real-time logs and log deliveries, VPC flow logs, load balancer
 * access logs, Backup copy actions, RDS automated-backup replication, DynamoDB
 * replicas, EventBridge rule, pipe and schedule targets, Lambda dead-letter and
 * invocation destinations, Step Functions and API Gateway logs, WAF logs,
 * OpenSearch log publishing, Route 53 query logs, CloudTrail trails — lands in an
 * allowed region. An EventBridge API destination sends to an endpoint outside AWS:
 * the rule reports itself undecidable for it. A destination of
 * this app is then held to the app's own retention rules. One outside the app is
 * judged by the region its ARN names: outside the allowed regions it does not
 * comply; inside them, or with no region to read, the rule cannot show where or
 * how long the data is kept and reports itself undecidable.
 */
const DataDestinations: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    const destinations = destinationsOf(node);
    if (destinations.length === 0) return NOT_APPLICABLE;
    let outside: { what: string; why: string } | undefined;
    for (const d of destinations) {
      const place = placeOf(node, d);
      if ('unknown' in place) outside ??= { what: d.what, why: place.unknown };
      else if (!t.allowedRegions.has(place.region)) return NON_COMPLIANT;
      else if (!place.inApp && d.kind !== 'region') outside ??= { what: d.what, why: `outside this app, in ${place.region}` };
    }
    if (outside) undecidable(node, `destination ${outside.what} (${outside.why}; its retention cannot be shown)`, outside.why);
    return COMPLIANT;
  });

export default DataDestinations;
