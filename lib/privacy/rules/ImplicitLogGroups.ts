import { CfnResource, Stack } from 'aws-cdk-lib';
import { boundedGroupNamed, nameKey, namesBoundedLogGroup } from '../checks/log-groups';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule, undecidable } from '../rule';
import { ResolvedThresholds } from '../thresholds';
import { list, literal, literalBool, props } from '../template/resolve';
import { target } from '../template/references';

/** Where each database engine family writes exported logs (AWS docs: "Publishing database logs to CloudWatch Logs"). */
const DB_LOG_PREFIX: Record<string, { prefix: string; identifier: string }> = {
  'AWS::RDS::DBInstance': { prefix: '/aws/rds/instance/', identifier: 'DBInstanceIdentifier' },
  'AWS::RDS::DBCluster': { prefix: '/aws/rds/cluster/', identifier: 'DBClusterIdentifier' },
  'AWS::DocDB::DBCluster': { prefix: '/aws/docdb/', identifier: 'DBClusterIdentifier' },
  'AWS::Neptune::DBCluster': { prefix: '/aws/neptune/', identifier: 'DBClusterIdentifier' },
};

/**
 * Log groups AWS creates on first write, with retention "never expire", are
 * bounded by the app: API Gateway execution logs (`API-Gateway-Execution-Logs_<api>/<stage>`)
 * and access logs, database log exports (`/aws/rds/instance/<id>/<log>` and the
 * cluster, DocumentDB and Neptune forms), and VPC flow logs to a named group. The
 * group must be defined with retention, or bounded through `Custom::LogRetention`.
 * A Serverless Application Repository app hides its functions: undecidable.
 * (Lambda's own group is Privacy-LambdaBoundedLogs.)
 */
const ImplicitLogGroups: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    const groups = implicitGroups(node);
    if (groups === undefined) return NOT_APPLICABLE;
    return groups.every((g) => bounded(node, g, t)) ? COMPLIANT : NON_COMPLIANT;
  });

type Group = { readonly key: string } | { readonly what: string; readonly value: unknown };

function bounded(node: CfnResource, g: Group, t: ResolvedThresholds): boolean {
  return 'key' in g ? boundedGroupNamed(node, g.key, t.maxLogRetentionDays) : namesBoundedLogGroup(node, g.what, g.value, t.maxLogRetentionDays);
}

function key(node: CfnResource, what: string, value: unknown): string {
  return nameKey(value) ?? undecidable(node, what, value);
}

function implicitGroups(node: CfnResource): Group[] | undefined {
  const p = props(node);
  const type = node.cfnResourceType;
  const db = DB_LOG_PREFIX[type];
  if (db !== undefined) {
    const exports = list(node, 'EnableCloudwatchLogsExports', p.EnableCloudwatchLogsExports);
    // Without an identifier CloudFormation names the database after its logical id, lowercased by RDS.
    const id = p[db.identifier] === undefined ? `{${Stack.of(node).resolve(node.logicalId)}}` : key(node, db.identifier, p[db.identifier]);
    return exports.map((log) => ({ key: `${db.prefix}${id}/${literal(node, 'EnableCloudwatchLogsExports[]', log)}` }));
  }
  switch (type) {
    case 'AWS::ApiGateway::Stage': {
      const groups: Group[] = [];
      const logging = list(node, 'MethodSettings', p.MethodSettings).some(
        (m) => ['INFO', 'ERROR'].includes(literal(node, 'MethodSettings[].LoggingLevel', m.LoggingLevel) as string) ||
          literalBool(node, 'MethodSettings[].DataTraceEnabled', m.DataTraceEnabled) === true,
      );
      if (logging) {
        groups.push({ key: `API-Gateway-Execution-Logs_${key(node, 'RestApiId', p.RestApiId)}/${key(node, 'StageName', p.StageName)}` });
      }
      if (p.AccessLogSetting?.DestinationArn !== undefined && !isFirehose(node, p.AccessLogSetting.DestinationArn)) {
        groups.push({ what: 'AccessLogSetting.DestinationArn', value: p.AccessLogSetting.DestinationArn });
      }
      return groups;
    }
    case 'AWS::ApiGatewayV2::Stage': {
      const groups: Group[] = [];
      const level = literal(node, 'DefaultRouteSettings.LoggingLevel', p.DefaultRouteSettings?.LoggingLevel);
      if (level === 'INFO' || level === 'ERROR') {
        groups.push({ key: `/aws/apigateway/${key(node, 'ApiId', p.ApiId)}/${key(node, 'StageName', p.StageName)}` });
      }
      if (p.AccessLogSettings?.DestinationArn !== undefined) {
        groups.push({ what: 'AccessLogSettings.DestinationArn', value: p.AccessLogSettings.DestinationArn });
      }
      return groups;
    }
    case 'AWS::EC2::FlowLog': {
      const destinationType = literal(node, 'LogDestinationType', p.LogDestinationType) ?? 'cloud-watch-logs';
      if (destinationType !== 'cloud-watch-logs') return undefined; // S3 and Firehose: Privacy-DataDestinations
      return [p.LogGroupName !== undefined
        ? { what: 'LogGroupName', value: p.LogGroupName }
        : { what: 'LogDestination', value: p.LogDestination }];
    }
    case 'AWS::Serverless::Application':
      // A SAR application (e.g. CDK's hosted secret rotation) deploys functions this
      // template does not show: where they log and for how long cannot be read.
      return undecidable(node, 'Location (a Serverless Application Repository app: its functions and their log groups are not in this template)', props(node).Location);
    default:
      return undefined;
  }
}

/** Access logs may go to Firehose instead (judged by Privacy-DataDestinations); only log groups are checked here. */
function isFirehose(node: CfnResource, value: unknown): boolean {
  const k = nameKey(value);
  if (k !== undefined) return /^arn:[^:]*:firehose:/.test(k);
  const t = target(node, 'AccessLogSetting.DestinationArn', value);
  return 'resource' in t && t.resource.cfnResourceType === 'AWS::KinesisFirehose::DeliveryStream';
}

export default ImplicitLogGroups;
