import { CloudFormationClient, paginateDescribeStacks, paginateListStackResources } from '@aws-sdk/client-cloudformation';

/**
 * The deployed estate's CloudWatch log groups, read from its stacks' resources
 * (as its log buckets are read from their outputs, estate-buckets.ts): every
 * `AWS::Logs::LogGroup` of a stack whose name starts with the estate's name (the
 * forum's nginx and Rails logs, Appman's container logs, VPC flow logs, the
 * functions' own groups), and `/aws/lambda/<name>` for each function, the group
 * Lambda writes to when a function names none.
 */
export async function findLogGroups(cfn: CloudFormationClient, estateName: string): Promise<string[]> {
  const groups = new Set<string>();
  for await (const page of paginateDescribeStacks({ client: cfn }, {})) {
    for (const stack of page.Stacks ?? []) {
      if (!stack.StackName?.startsWith(estateName)) continue;
      for await (const resources of paginateListStackResources({ client: cfn }, { StackName: stack.StackName })) {
        for (const r of resources.StackResourceSummaries ?? []) {
          if (!r.PhysicalResourceId) continue;
          if (r.ResourceType === 'AWS::Logs::LogGroup') groups.add(r.PhysicalResourceId);
          if (r.ResourceType === 'AWS::Lambda::Function') groups.add(`/aws/lambda/${r.PhysicalResourceId}`);
        }
      }
    }
  }
  return [...groups].sort();
}
