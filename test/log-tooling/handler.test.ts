import { settingsFromEnv } from '../../lambda/log-anonymizer/settings';
import { s3AccessLog } from './support/fixtures';
import { getText, keys, put } from './support/objects';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';

const BUCKET = 'estate-logs-handler';
let server: LoopbackS3;
beforeAll(async () => {
  server = await startLoopbackS3([BUCKET]);
});
afterAll(() => server.stop());

test('the handler decodes notification keys and processes every record', async () => {
  const key = 's3-access/content/2024-05-01 12:00:00-ABC';
  await put(server.client, BUCKET, key, s3AccessLog(3).text);
  process.env.ANONYMIZER_SITES = '{"main":"truncate"}';
  const { handler } = await import('../../lambda/log-anonymizer/index');
  const logged: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
  try {
    // S3 event keys are URL-encoded with '+' for spaces.
    await handler({ Records: [{ s3: { bucket: { name: BUCKET }, object: { key: 's3-access/content/2024-05-01+12%3A00%3A00-ABC' } } }] });
  } finally {
    spy.mockRestore();
    delete process.env.ANONYMIZER_SITES;
  }
  expect(await keys(server.client, BUCKET)).toEqual([`anonymized/${key}`]);
  expect(await getText(server.client, BUCKET, `anonymized/${key}`)).not.toContain(s3AccessLog(3).clientIps[0]);
  expect(JSON.parse(logged[0])).toEqual({ bucket: BUCKET, key, status: 'anonymized', lines: 3, malformedLines: 0 });
});

test('settings errors name the variable and the bad value', () => {
  expect(() => settingsFromEnv({ ANONYMIZER_SITES: '{"main":"drop"}' })).toThrow('ANONYMIZER_SITES.main: "drop" is not "keep" or "truncate"');
  expect(() => settingsFromEnv({ ANONYMIZER_SITES: 'main' })).toThrow(/ANONYMIZER_SITES: "main" is not JSON/);
  expect(() => settingsFromEnv({ ANONYMIZER_S3_ACCESS: 'yes' })).toThrow(/ANONYMIZER_S3_ACCESS: "yes"/);
  expect(settingsFromEnv({})).toEqual({ sites: {}, s3Access: 'truncate' });
});
