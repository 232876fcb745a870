/**
 * Log fixtures generated from the documented formats: CloudFront standard logs
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html),
 * ALB access logs (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html)
 * and S3 server access logs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html).
 * A seeded generator, so every run and the benchmark see the same bytes.
 */

export const CLOUDFRONT_FIELDS = [
  'date', 'time', 'x-edge-location', 'sc-bytes', 'c-ip', 'cs-method', 'cs(Host)', 'cs-uri-stem', 'sc-status',
  'cs(Referer)', 'cs(User-Agent)', 'cs-uri-query', 'cs(Cookie)', 'x-edge-result-type', 'x-edge-request-id',
  'x-host-header', 'cs-protocol', 'cs-bytes', 'time-taken', 'x-forwarded-for', 'ssl-protocol', 'ssl-cipher',
  'x-edge-response-result-type', 'cs-protocol-version', 'fle-status', 'fle-encrypted-fields', 'c-port',
  'time-to-first-byte', 'x-edge-detailed-result-type', 'sc-content-type', 'sc-content-len', 'sc-range-start', 'sc-range-end',
];

export const CLOUDFRONT_HEADER = `#Version: 1.0\n#Fields: ${CLOUDFRONT_FIELDS.join(' ')}\n`;

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Generated {
  readonly text: string;
  /** Every full client address written, so tests can prove none survives. */
  readonly clientIps: string[];
}

const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

/** A client address whose host part is never zero, so truncation always changes it. */
export function clientIp(rnd: () => number): string {
  if (rnd() < 0.7) return `${1 + int(rnd, 223)}.${int(rnd, 256)}.${int(rnd, 256)}.${1 + int(rnd, 254)}`;
  const g = () => (1 + int(rnd, 0xfffe)).toString(16);
  return `2001:db8:${g()}:${g()}:${g()}::${g()}`;
}

const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'curl/8.5.0',
  'Go-http-client/1.1 "quoted"',
];
const PATHS = ['/', '/docs/installation.html', '/rock-ons/index.json', '/t/update-channel/1234', '/login?next=%2Fsettings'];

export function cloudFrontLog(lines: number, seed = 1): Generated {
  const rnd = random(seed);
  const clientIps: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ip = clientIp(rnd);
    const proxy = clientIp(rnd);
    const forwarded = i % 3 === 0;
    clientIps.push(ip, ...(forwarded ? [proxy] : []));
    const sec = String(i % 60).padStart(2, '0');
    rows.push(
      [
        '2024-05-01', `12:00:${sec}`, 'FRA56-P1', String(200 + int(rnd, 90000)), ip, 'GET', 'd111111abcdef8.cloudfront.net',
        PATHS[i % PATHS.length].split('?')[0], '200', '-', encodeURIComponent(AGENTS[i % AGENTS.length]),
        PATHS[i % PATHS.length].includes('?') ? 'next=%252Fsettings' : '-', '-', 'Hit',
        `SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==${i}`, 'www.example.org', 'https', '150', '0.002',
        forwarded ? `${proxy},%20${ip}` : '-', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256', 'Hit', 'HTTP/2.0', '-', '-',
        String(1024 + int(rnd, 60000)), '0.002', 'Hit', 'text/html', '2417', '-', '-',
      ].join('\t'),
    );
  }
  return { text: CLOUDFRONT_HEADER + rows.map((r) => r + '\n').join(''), clientIps };
}

export function albLog(lines: number, seed = 2): Generated {
  const rnd = random(seed);
  const clientIps: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ip = clientIp(rnd);
    clientIps.push(ip);
    const client = ip.includes(':') && i % 2 === 0 ? `[${ip}]:${1024 + i}` : `${ip}:${1024 + i}`;
    rows.push(
      `${i % 4 === 0 ? 'http' : 'https'} 2024-05-01T12:00:${String(i % 60).padStart(2, '0')}.186641Z app/estate-appman/50dc6c495c0c9188 ` +
        `${client} 10.0.1.23:8000 0.000 0.001 0.000 200 200 34 366 ` +
        `"GET https://appman.example.org:443${PATHS[i % PATHS.length]} HTTP/1.1" "${AGENTS[i % AGENTS.length].replace(/"/g, '\\"')}" ` +
        `ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/appman/73e2d6bc24d8a067 ` +
        `"Root=1-58337262-36d228ad5d99923122bbe354" "appman.example.org" "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" ` +
        `0 2024-05-01T12:00:00.364000Z "forward" "-" "-" "10.0.1.23:8000" "200" "-" "-" TID_1234abcd5678ef90`,
    );
  }
  return { text: rows.map((r) => r + '\n').join(''), clientIps };
}

export function s3AccessLog(lines: number, seed = 3): Generated {
  const rnd = random(seed);
  const clientIps: string[] = [];
  const rows: string[] = [];
  const owner = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
  for (let i = 0; i < lines; i++) {
    const ip = clientIp(rnd);
    clientIps.push(ip);
    rows.push(
      `${owner} estate-site-content [01/May/2024:12:00:${String(i % 60).padStart(2, '0')} +0000] ${ip} ${owner} 3E57427F3EXAMPLE ` +
        `REST.GET.OBJECT docs/index.html "GET /estate-site-content/docs/index.html HTTP/1.1" 200 - 2417 2417 7 6 "-" ` +
        `"${AGENTS[i % AGENTS.length]}" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ` +
        `ECDHE-RSA-AES128-GCM-SHA256 AuthHeader estate-site-content.s3.eu-west-1.amazonaws.com TLSv1.2 - -`,
    );
  }
  return { text: rows.map((r) => r + '\n').join(''), clientIps };
}

/** Lines that fit no layout but still carry an address: they must be kept, with the address truncated. */
export const MALFORMED_LINE = 'truncated write from 198.51.100.77 and 2001:db8:aaaa:bbbb::9 here';
export const MALFORMED_LINE_ANONYMIZED = 'truncated write from 198.51.100.0 and 2001:db8:aaaa:: here';
