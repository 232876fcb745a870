import { format } from 'pretty-format';

const serializer = require('./template-serializer');
const hashes = require('./asset-hash-serializer');

const print = (value: unknown) => format(value, { plugins: [serializer, hashes] });

describe('template snapshot serializer', () => {
  const hash = 'a'.repeat(64);
  const template = {
    Resources: {
      FilterViewerRequest1A2B3C4D: {
        Type: 'AWS::CloudFront::Function',
        Properties: { FunctionCode: '/* privacy:cookie-filter */\nvar x={allow:{sessionid:{h:!0,m:null}}}', FunctionConfig: { Comment: 'appman: viewer-request cookie filter' } },
      },
      HandlerABCDEF12: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'b', S3Key: `${hash}.zip` }, Handler: 'index.handler' } },
      InlineABCDEF12: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'import boto3' }, Description: 'bucket notifications handler' } },
      Deployment: { Type: 'Custom::CDKBucketDeployment', Properties: { SourceObjectKeys: [`${hash}.zip`] } },
    },
  };

  test('code becomes a placeholder naming its source; other hashes are still scrubbed', () => {
    const out = print(template);
    expect(out).toContain('"FunctionCode": "[bundled: lib/cookie-filter/functions/viewer-request.ts with the site\'s cookie policy, by lib/cookie-filter/compile.ts]"');
    expect(out).toContain('"S3Key": "[code asset of Handler]"');
    expect(out).toContain('"ZipFile": "[inline code of bucket notifications handler]"');
    expect(out).toContain('"[ASSET HASH].zip"');
    expect(out).not.toContain('sessionid');
    expect(out).not.toContain(hash);
  });

  test('leaves the template it was given unchanged', () => {
    const before = JSON.stringify(template);
    print(template);
    expect(JSON.stringify(template)).toBe(before);
  });
});
