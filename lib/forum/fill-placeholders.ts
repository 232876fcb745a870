/**
 * Python (standard library only, present on Amazon Linux 2023) run once at boot:
 * replaces the app.yml placeholders with values read from SSM and Secrets
 * Manager, so no secret is ever in the template or the user data. Values are
 * written as JSON strings, which YAML reads as double-quoted scalars whatever
 * characters they hold.
 *
 * The SMTP password is derived from the sending user's secret access key with
 * SES's documented algorithm (HMAC-SHA256 chain, version byte 0x04).
 *
 * Environment: AWS_REGION; HOSTNAME_PARAMETER (optional); SMTP_SECRET_ARN
 * (optional, JSON with accessKeyId and secretAccessKey). Argument: app.yml path.
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

def fill(path, region, hostname_parameter, smtp_secret_arn):
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
        secret = json.loads(aws(region, 'secretsmanager', 'get-secret-value', '--secret-id', smtp_secret_arn, '--query', 'SecretString'))
        values['@@SMTP_USER_NAME@@'] = secret['accessKeyId']
        values['@@SMTP_PASSWORD@@'] = smtp_password(secret['secretAccessKey'], region)
    with open(path) as f:
        text = f.read()
    for placeholder, value in values.items():
        text, count = re.subn('["\']?' + re.escape(placeholder) + '["\']?', lambda _m: json.dumps(value), text)
        if count == 0:
            sys.exit('%s: placeholder %s not found' % (path, placeholder))
    left = re.findall('@@[A-Z_]+@@', text)
    if left:
        sys.exit('%s: placeholders without a value: %s' % (path, ', '.join(left)))
    # Restrict before the secrets are written: os.open's mode applies only to a new file.
    os.chmod(path, 0o600)
    with open(path, 'w') as f:
        f.write(text)

if __name__ == '__main__':
    fill(sys.argv[1], os.environ['AWS_REGION'], os.environ.get('HOSTNAME_PARAMETER'), os.environ.get('SMTP_SECRET_ARN'))
`;
