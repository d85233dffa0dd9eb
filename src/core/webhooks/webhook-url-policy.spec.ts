import { guardedLookup, isPrivateAddress, urlFormProblem } from './webhook-url-policy';

describe('webhook URL policy', () => {
  const strict = { allowHttp: false, allowPrivate: false };

  it('accepts a public https URL', () => {
    expect(urlFormProblem('https://crm.example.com/hooks/fairgate?x=1', strict)).toBeNull();
  });

  it.each([
    ['not a url', 'invalid'],
    ['http://crm.example.com/hooks', 'scheme'],
    ['ftp://crm.example.com/hooks', 'scheme'],
    ['https://user:pw@crm.example.com/hooks', 'credentials'],
    ['https://token@crm.example.com/hooks', 'credentials'],
    ['https://crm.example.com/hooks#x', 'fragment'],
    ['https://localhost/hooks', 'private'],
    ['https://127.0.0.1/hooks', 'private'],
    ['https://10.1.2.3/hooks', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'private'],
    ['https://[::1]/hooks', 'private'],
    ['https://[fe80::1]/hooks', 'private'],
    ['https://[::ffff:192.168.0.1]/hooks', 'private'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(urlFormProblem(url, strict)).toBe(problem);
  });

  it('allows http and private addresses only when configured (development, tests)', () => {
    expect(urlFormProblem('http://127.0.0.1:4106/hooks', { allowHttp: true, allowPrivate: true })).toBeNull();
    expect(urlFormProblem('http://127.0.0.1:4106/hooks', { allowHttp: true, allowPrivate: false })).toBe('private');
  });

  it('knows the private ranges', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fc00::1', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect({ a, private: isPrivateAddress(a) }).toEqual({ a, private: true });
    }
    for (const a of ['8.8.8.8', '211.234.1.1', '2001:4860:4860::8888']) expect({ a, private: isPrivateAddress(a) }).toEqual({ a, private: false });
  });

  it('refuses at connect time a name that resolves to a private address (DNS rebinding)', async () => {
    const lookup = guardedLookup(strict);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('localhost', {}, (err) => resolve(err)));
    expect(error?.code).toBe('EPRIVATEADDRESS');
    const allowed = guardedLookup({ allowHttp: true, allowPrivate: true });
    const address = await new Promise<string>((resolve, reject) => allowed('localhost', {}, (err, a) => (err ? reject(err) : resolve(String(a)))));
    expect(isPrivateAddress(address)).toBe(true);
  });
});
