/**
 * CDK's built-in CloudFormation validation (the "CloudFormation Validate" plugin, a
 * WASM engine that takes about 2.5 s to start in every test file and 1.5 s per estate
 * synth, most of the suite's time) is off for tests that read templates. It runs for
 * real where it is the point: test/deploy/synth-shapes.test.ts turns it back on for
 * every documented deployment shape and asserts its report, and `.ci/run` runs
 * `cdk synth` of the same shapes. Jest gives each test file its own `process.env`,
 * so this reaches neither other files' opt-ins nor the commands tests spawn.
 */
process.env.CDK_VALIDATION = 'false';
