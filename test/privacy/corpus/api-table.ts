/** The API-with-a-table shape: REST API → Lambda → DynamoDB, stage logging on. */
import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export function apiWithTable(stack: Stack): void {
  const table = new dynamodb.Table(stack, 'Items', {
    partitionKey: { name: 'itemId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });
  const handler = new lambda.Function(stack, 'ItemsFn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "[]" });'),
    environment: { TABLE_NAME: table.tableName },
  });
  table.grantReadWriteData(handler);
  const api = new apigw.RestApi(stack, 'ItemsApi', {
    deployOptions: { loggingLevel: apigw.MethodLoggingLevel.INFO, dataTraceEnabled: true },
  });
  api.root.addResource('items').addMethod('GET', new apigw.LambdaIntegration(handler));
}
