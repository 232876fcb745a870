import { UnrecognisedLogError, classifyKey, lineAnonymizer, LogFormat } from '../../lambda/log-anonymizer/formats';
import { truncateIp } from '../../lambda/log-anonymizer/ip';
import { CLOUDFRONT_HEADER, Generated, MALFORMED_LINE, MALFORMED_LINE_ANONYMIZED, albLog, cloudFrontLog, s3AccessLog } from './support/fixtures';

function anonymize(format: LogFormat, text: string): { lines: string[]; malformed: number } {
  const a = lineAnonymizer(format);
  const lines = text.split('\n').map((l) => a.line(l));
  return { lines, malformed: a.malformed };
}

/** No full client address of the fixture survives, and each one's truncated form is there instead. */
function expectNoClientIp(generated: Generated, output: string): void {
  for (const ip of generated.clientIps) {
    expect(output).not.toMatch(new RegExp(`(^|[^0-9a-f:.])${ip.replace(/[.]/g, '\\.')}($|[^0-9a-f:.])`, 'i'));
    expect(output).toContain(truncateIp(ip));
  }
}

describe('classifyKey', () => {
  test.each([
    ['cloudfront/main/E2ABC.2024-05-01-12.a1b2c3.gz', { format: 'cloudfront', siteKey: 'main' }],
    ['alb/appman/AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2024/05/01/x.log.gz', { format: 'alb', siteKey: 'appman' }],
    ['s3-access/site-content/2024-05-01-12-00-00-ABCDEF', { format: 's3-access' }],
  ])('%s', (key, expected) => expect(classifyKey(key)).toEqual(expected));

  test.each(['anonymized/cloudfront/main/x.gz', 'quarantine/alb/appman/x', 'cloudfront/main/', 'other/x', 's3-access/'])('%s is not raw', (key) =>
    expect(classifyKey(key)).toBeUndefined(),
  );
});

describe('CloudFront standard logs', () => {
  const log = cloudFrontLog(60);
  const { lines } = anonymize('cloudfront', log.text);
  const inLines = log.text.split('\n');

  test('headers pass unchanged, line count is kept', () => {
    expect(lines.slice(0, 2).join('\n') + '\n').toBe(CLOUDFRONT_HEADER);
    expect(lines).toHaveLength(inLines.length);
  });

  test('c-ip and every x-forwarded-for address are truncated; nothing else changes', () => {
    expectNoClientIp(log, lines.join('\n'));
    for (let i = 2; i < inLines.length - 1; i++) {
      const before = inLines[i].split('\t');
      const after = lines[i].split('\t');
      expect(after).toHaveLength(33);
      expect(after[4]).toBe(truncateIp(before[4]));
      const untouched = (f: string[]) => f.filter((_, j) => j !== 4 && j !== 19);
      expect(untouched(after)).toEqual(untouched(before));
    }
  });

  test('field positions come from #Fields, not from a fixed layout', () => {
    const a = lineAnonymizer('cloudfront');
    a.line('#Version: 1.0');
    a.line('#Fields: date c-ip x-forwarded-for');
    expect(a.line('2024-05-01\t2001:db8:1:2::3\t192.0.2.9,%20198.51.100.1')).toBe('2024-05-01\t2001:db8:1::\t192.0.2.0,%20198.51.100.0');
  });

  test('a malformed line is kept with every address in it truncated', () => {
    const { lines: out, malformed } = anonymize('cloudfront', `${CLOUDFRONT_HEADER}${MALFORMED_LINE}\n`);
    expect(out[2]).toBe(MALFORMED_LINE_ANONYMIZED);
    expect(malformed).toBe(1);
  });

  test('a file without the #Version header is not a CloudFront log', () => {
    expect(() => anonymize('cloudfront', albLog(1).text)).toThrow(UnrecognisedLogError);
  });
});

describe('ALB access logs', () => {
  const log = albLog(40);
  const { lines, malformed } = anonymize('alb', log.text);

  test('client address truncated in ip:port and [ipv6]:port, port and the rest unchanged', () => {
    expectNoClientIp(log, lines.join('\n'));
    expect(malformed).toBe(0);
    const inLines = log.text.split('\n');
    for (let i = 0; i < inLines.length - 1; i++) {
      const before = inLines[i].split(' ');
      const after = lines[i].split(' ');
      expect(after.length).toBe(before.length);
      expect(after[3].slice(after[3].lastIndexOf(':'))).toBe(before[3].slice(before[3].lastIndexOf(':')));
      expect([...after.slice(0, 3), ...after.slice(4)]).toEqual([...before.slice(0, 3), ...before.slice(4)]);
    }
    expect(lines.some((l) => /^\S+ \S+ \S+ \[2001:db8:[0-9a-f]+::\]:\d+ /.test(l))).toBe(true);
  });

  test('target (the server, not a visitor) is left as logged', () => {
    expect(lines.every((l) => l === '' || l.includes(' 10.0.1.23:8000 '))).toBe(true);
  });

  test('a file that does not start with an ALB line is unrecognised', () => {
    expect(() => anonymize('alb', s3AccessLog(1).text)).toThrow(UnrecognisedLogError);
  });
});

describe('S3 server access logs', () => {
  const log = s3AccessLog(40);
  const { lines } = anonymize('s3-access', log.text);

  test('remote_ip truncated; the bracketed time and every other field unchanged', () => {
    expectNoClientIp(log, lines.join('\n'));
    const inLines = log.text.split('\n');
    for (let i = 0; i < inLines.length - 1; i++) {
      const before = inLines[i].split(' ');
      const after = lines[i].split(' ');
      expect(after[4]).toBe(truncateIp(before[4]));
      expect([...after.slice(0, 4), ...after.slice(5)]).toEqual([...before.slice(0, 4), ...before.slice(5)]);
    }
  });

  test('"-" as remote_ip stays', () => {
    const line = s3AccessLog(1).text.trim().split(' ');
    line[4] = '-';
    expect(lineAnonymizer('s3-access').line(line.join(' '))).toBe(line.join(' '));
  });

  test('after the first line, a malformed line is kept, scrubbed', () => {
    const { lines: out, malformed } = anonymize('s3-access', `${s3AccessLog(1).text}${MALFORMED_LINE}\n`);
    expect(out[1]).toBe(MALFORMED_LINE_ANONYMIZED);
    expect(malformed).toBe(1);
  });
});
