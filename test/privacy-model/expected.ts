/**
 * What the privacy diff must print for each change of changes.ts, and which lines of the
 * model snapshot each change moves. Written out line by line, so a change in wording or
 * in what the model reads fails here and is reviewed.
 */
export const EXPECTED_MODEL_CHANGES: Record<string, { removed: string[]; added: string[] }> = {
  imageBump: {
    removed: [],
    added: []
  },
  cspDirective: {
    removed: [
      'site Main site CSP: default-src \'self\'; script-src \'self\'; style-src \'self\'; style-src-attr \'unsafe-inline\'; img-src \'self\' data:; font-src \'self\'; connect-src \'self\'; object-src \'none\'; base-uri \'self\'; form-action \'self\'; frame-ancestors \'none\'; upgrade-insecure-requests'
    ],
    added: [
      'site Main site CSP: default-src \'self\'; script-src \'self\'; style-src \'self\'; style-src-attr \'unsafe-inline\'; img-src \'self\' data: https://images.example.net; font-src \'self\'; connect-src \'self\'; object-src \'none\'; base-uri \'self\'; form-action \'self\'; frame-ancestors \'none\'; upgrade-insecure-requests',
      'destination CSP lets pages reach: main → images.example.net (third party)'
    ]
  },
  gaCookie: {
    removed: [],
    added: [
      'cookie Appman `visitor_id`: 400 days, readable by scripts, reaches browser and origin, set by the site (first party), in the disclosure'
    ]
  },
  logRetention: {
    removed: [
      'store S3 bucket Estate-Logs/Logs: S3-managed keys; 30 days',
      'store log groups (10): CloudWatch Logs default; 30 days'
    ],
    added: [
      'store S3 bucket Estate-Logs/Logs: S3-managed keys; 400 days',
      'store log groups (10): CloudWatch Logs default; 400 days'
    ]
  },
  region: {
    removed: [
      'region eu-west-1 (EU): Estate-Appman, Estate-Forum, Estate-Logs, Estate-MainSite, Estate-Network'
    ],
    added: [
      'region eu-north-1 (EU): Estate-Appman, Estate-Forum, Estate-Logs, Estate-MainSite, Estate-Network'
    ]
  },
  replication: {
    removed: [
      'store S3 bucket Estate-Logs/Logs: S3-managed keys; 30 days'
    ],
    added: [
      'region us-east-1 (outside the EU): Estate-Replica',
      'store S3 bucket Estate-Logs/Logs: S3-managed keys; 60 days',
      'store S3 bucket Estate-Replica/Replica: S3-managed keys; 31 days',
      'destination S3 replication: Estate-Logs/Logs → Estate-Replica/Replica (us-east-1, outside the EU)'
    ]
  }
};

export const EXPECTED_DIFFS: Record<string, string[]> = {
  imageBump: [
    '',
    'no change to what the policy promises',
    ''
  ],
  cspDirective: [
    '',
    '- **widening** Main site: CSP `img-src` \'self\' data: → \'self\' data: https://images.example.net; new third-party host images.example.net',
    ''
  ],
  gaCookie: [
    '',
    '- **widening** Appman: new cookie `visitor_id`, 400 days, readable by scripts, reaches browser and origin, set by the site (first party), in the disclosure',
    '',
    '### Privacy page (generated at synth)',
    '',
    '```diff',
    '  | messages | Shows one-time notices after an action. | session (deleted when the browser closes) | after login | no |',
    '+ | visitor_id | Recognizes returning visitors. | up to 400 days | always | yes |',
    '  All are first-party, non-tracking and strictly necessary. No other cookie passes our servers.',
    '  …',
    '```',
    ''
  ],
  logRetention: [
    '',
    '- **widening** logs (S3 bucket Estate-Logs/Logs, log groups (10)): retention 30 days → 400 days; policy says logs are rotated periodically, not kept indefinitely',
    '',
    '### Privacy page (generated at synth)',
    '',
    '```diff',
    '  - Hosted in AWS eu-west-1 (Ireland).',
    '- - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '+ - Web server logs are deleted after at most 400 days; client IP addresses are kept as logged until then.',
    '  - Backups are deleted after at most 14 days.',
    '  …',
    '  - Hosted in AWS eu-west-1 (Ireland).',
    '- - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '+ - Web server logs are deleted after at most 400 days; client IP addresses are kept as logged until then.',
    '  - Backups are deleted after at most 14 days.',
    '  …',
    '  - Hosted in AWS eu-west-1 (Ireland).',
    '- - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '+ - Web server logs are deleted after at most 400 days; client IP addresses are kept as logged until then.',
    '  - Backups are deleted after at most 14 days.',
    '  …',
    '```',
    ''
  ],
  region: [
    '',
    '- **neutral** region eu-west-1 (in the EU) → eu-north-1 (in the EU): Estate-Appman, Estate-Forum, Estate-Logs, Estate-MainSite, Estate-Network',
    '',
    '### Privacy page (generated at synth)',
    '',
    '```diff',
    '  ### Where and for how long',
    '- - Hosted in AWS eu-west-1 (Ireland).',
    '+ - Hosted in AWS eu-north-1 (Stockholm).',
    '  - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '  …',
    '  ### Where and for how long',
    '- - Hosted in AWS eu-west-1 (Ireland).',
    '+ - Hosted in AWS eu-north-1 (Stockholm).',
    '  - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '  …',
    '  ### Where and for how long',
    '- - Hosted in AWS eu-west-1 (Ireland).',
    '+ - Hosted in AWS eu-north-1 (Stockholm).',
    '  - Web server logs are deleted after at most 30 days; client IP addresses are kept as logged until then.',
    '  …',
    '```',
    ''
  ],
  replication: [
    '',
    '- **widening** new stack Estate-Replica in us-east-1 (outside the EU)',
    '- **widening** new store: S3 bucket Estate-Replica/Replica (us-east-1, outside the EU), S3-managed keys, 31 days',
    '- **widening** logs (S3 bucket Estate-Logs/Logs): retention 30 days → 60 days; policy says logs are rotated periodically, not kept indefinitely',
    '- **widening** new destination: S3 replication from Estate-Logs/Logs to Estate-Replica/Replica (us-east-1, outside the EU)',
    ''
  ]
};
