/**
 * Python (standard library only, present on Amazon Linux 2023) run once at boot:
 * replaces the app.yml placeholders with values read from SSM (written as JSON
 * strings, which YAML reads as double-quoted scalars whatever characters they
 * hold), and writes the SMTP credentials read from Secrets Manager to a root-only
 * env file for `docker run --env-file`, never into app.yml (smtp-env-file.ts says
 * why). No secret is ever in the template or the user data.
 *
 * The SMTP password is derived from the sending user's secret access key with
 * SES's documented algorithm (HMAC-SHA256 chain, version byte 0x04).
 *
 * Environment: AWS_REGION; HOSTNAME_PARAMETER (optional); SMTP_SECRET_ARN
 * (optional, JSON with accessKeyId and secretAccessKey) with SMTP_ENV_FILE (where
 * to write them). Argument: app.yml path.
 */
export const FILL_PLACEHOLDERS_PY = String.raw`
import base64, hashlib, hmac, json, os, re, subprocess, sys, time

def smtp_password(secret_access_key, region):
    def sign(key, msg):
        return hmac.new(key, msg.encode('utf-8'), hashlib.sha256).digest()
    signature = sign(('AWS4' + secret_access_key).encode('utf-8'), '11111111')
    for part in (region, 'ses', 'aws4_request', 'SendRawEmail'):
        signature = sign(signature, part)
    return base64.b64encode(bytes([0x04]) + signature).decode('utf-8')

def aws(region, *args):
    out = subprocess.run(['aws', '--region', region, *args, '--output', 'text'], check=True, capture_output=True, text=True)
    return out.stdout.strip()

def write_env_file(path, values):
    # docker/cli opts/file.go parseKeyValueFile: one NAME=value per line, the value taken
    # as is (no quotes removed), so a value may not hold a line break.
    for name, value in values.items():
        if '\n' in value or '\r' in value:
            sys.exit('%s: the value of %s holds a line break, which an env file cannot carry' % (path, name))
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    os.chmod(os.path.dirname(path), 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, 'w') as f:
        f.write(''.join('%s=%s\n' % item for item in values.items()))

def fill(path, region, hostname_parameter, smtp_secret_arn, smtp_env_file):
    values = {}
    if hostname_parameter:
        # Written by the stack once the distribution exists, which may be after this host boots.
        for _ in range(180):
            try:
                values['@@FORUM_HOSTNAME@@'] = aws(region, 'ssm', 'get-parameter', '--name', hostname_parameter, '--query', 'Parameter.Value')
                break
            except subprocess.CalledProcessError:
                time.sleep(20)
        else:
            sys.exit('HOSTNAME_PARAMETER %s: not readable after 60 minutes; check the stack deployed and the host role may read it' % hostname_parameter)
    if smtp_secret_arn:
        if not smtp_env_file:
            sys.exit('SMTP_SECRET_ARN is set without SMTP_ENV_FILE: the credentials need a root-only env file, never app.yml')
        secret = json.loads(aws(region, 'secretsmanager', 'get-secret-value', '--secret-id', smtp_secret_arn, '--query', 'SecretString'))
        write_env_file(smtp_env_file, {
            'DISCOURSE_SMTP_USER_NAME': secret['accessKeyId'],
            'DISCOURSE_SMTP_PASSWORD': smtp_password(secret['secretAccessKey'], region),
        })
    with open(path) as f:
        text = f.read()
    for placeholder, value in values.items():
        text, count = re.subn('["\']?' + re.escape(placeholder) + '["\']?', lambda _m: json.dumps(value), text)
        if count == 0:
            sys.exit('%s: placeholder %s not found' % (path, placeholder))
    left = re.findall('@@[A-Z_]+@@', text)
    if left:
        sys.exit('%s: placeholders without a value: %s' % (path, ', '.join(left)))
    # app.yml names the admins' addresses: root only, restricted before it is rewritten.
    os.chmod(path, 0o600)
    with open(path, 'w') as f:
        f.write(text)

if __name__ == '__main__':
    fill(sys.argv[1], os.environ['AWS_REGION'], os.environ.get('HOSTNAME_PARAMETER'), os.environ.get('SMTP_SECRET_ARN'), os.environ.get('SMTP_ENV_FILE'))
`;
