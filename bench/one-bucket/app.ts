// The smallest useful CDK app, synthesized with the estate's own toolchain as the
// yardstick for the estate's synth time.
import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';

const app = new App();
new Bucket(new Stack(app, 'OneBucket', { env: { region: 'eu-west-1' } }), 'Bucket');
app.synth();
