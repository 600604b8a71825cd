import {
  checkControllerValue,
  checkDns1035Label,
  checkDns1123Label,
  checkDns1123Subdomain,
  checkIngressHost,
  checkIngressPath,
  checkPortName,
  checkPortNumber,
  checkQualifiedName,
  isIpAddress,
} from '../../src/core/validation';

// Each table row: input, then a phrase the reason must contain (undefined = accepted).

describe('checkDns1123Label (namespaces)', () => {
  it.each<[string, string | undefined]>([
    ['apps', undefined],
    ['a', undefined],
    ['team-1', undefined],
    ['1team', undefined],
    ['a'.repeat(63), undefined],
    ['', 'must not be empty'],
    ['a'.repeat(64), 'no more than 63 characters (got 64)'],
    ['Apps', 'lower case alphanumeric'],
    ['team.one', 'must not contain dots'],
    ['-team', 'start and end with an alphanumeric'],
    ['team-', 'start and end with an alphanumeric'],
    ['team_one', 'lower case alphanumeric'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkDns1123Label(value), reason);
  });
});

describe('checkDns1123Subdomain (most object names, hosts)', () => {
  it.each<[string, string | undefined]>([
    ['web', undefined],
    ['web.example.com', undefined],
    ['1web', undefined],
    ['a-b.c-d', undefined],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, undefined], // 253 characters
    ['', 'must not be empty'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, 'no more than 253 characters (got 254)'],
    ['Web', 'lowercase RFC 1123 subdomain'],
    ['web..example', 'lowercase RFC 1123 subdomain'],
    ['.web', 'lowercase RFC 1123 subdomain'],
    ['web.', 'lowercase RFC 1123 subdomain'],
    ['web_1', 'lowercase RFC 1123 subdomain'],
    ['web-.example.com', 'lowercase RFC 1123 subdomain'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkDns1123Subdomain(value), reason);
  });
});

describe('checkDns1035Label (Service names)', () => {
  it.each<[string, string | undefined]>([
    ['web', undefined],
    ['web-1', undefined],
    ['w', undefined],
    ['', 'must not be empty'],
    ['1web', 'start with a letter'],
    ['web.internal', 'start with a letter'],
    ['Web', 'lower case alphanumeric'],
    ['web-', 'end with an alphanumeric'],
    ['w'.repeat(64), 'no more than 63 characters (got 64)'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkDns1035Label(value), reason);
  });
});

describe('checkPortName (IANA service names)', () => {
  it.each<[string, string | undefined]>([
    ['http', undefined],
    ['https-alt', undefined],
    ['h2c', undefined],
    ['web8080', undefined],
    ['a'.repeat(15), undefined],
    ['', 'must not be empty'],
    ['a'.repeat(16), 'no more than 15 characters (got 16)'],
    ['metrics-exporter', 'no more than 15 characters'],
    ['http--alt', "consecutive hyphens ('--')"],
    ['8080', 'at least one letter'],
    ['80-443', 'at least one letter'],
    ['HTTP', 'lower case alphanumeric'],
    ['-http', 'start and end with an alphanumeric'],
    ['http-', 'start and end with an alphanumeric'],
    ['http_alt', 'lower case alphanumeric'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkPortName(value), reason);
  });
});

describe('checkPortNumber', () => {
  it.each<[number, string | undefined]>([
    [1, undefined],
    [80, undefined],
    [65535, undefined],
    [0, 'between 1 and 65535'],
    [65536, 'between 1 and 65535'],
    [-1, 'between 1 and 65535'],
    [80.5, 'between 1 and 65535'],
    [NaN, 'between 1 and 65535'],
  ])('%p → %s', (value, reason) => {
    expectReason(checkPortNumber(value), reason);
  });
});

describe('isIpAddress', () => {
  it.each<[string, boolean]>([
    ['10.0.0.1', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['2001:db8::1', true],
    ['::ffff:10.0.0.1', true],
    ['10.0.0.256', false],
    ['10.0.0', false],
    ['example.com', false],
    ['app.example.com:8080', false],
  ])('%j → %p', (value, expected) => {
    expect(isIpAddress(value)).toBe(expected);
  });
});

describe('checkIngressHost', () => {
  it.each<[string, string | undefined]>([
    ['app.example.com', undefined],
    ['localhost', undefined],
    ['*.example.com', undefined],
    ['*.a.example.com', undefined],
    ['10.0.0.256', undefined], // not an IP: the API server validates it as a DNS name (all-digit labels are legal)
    ['App.Example.com', 'lowercase RFC 1123 subdomain'],
    ['10.0.0.1', 'must be a DNS name, not an IP address'],
    ['2001:db8::1', 'must be a DNS name, not an IP address'],
    ['app.example.com:8080', 'must not contain a port'],
    ['localhost:80', 'must not contain a port'],
    ['*', 'wildcard only as the whole leftmost label'],
    ['foo.*.com', 'wildcard only as the whole leftmost label'],
    ['f*o.example.com', 'wildcard only as the whole leftmost label'],
    ['*foo.example.com', 'wildcard only as the whole leftmost label'],
    ['*.*.example.com', 'wildcard only as the whole leftmost label'],
    ['*.Example.com', 'wildcard host must be a lowercase RFC 1123 subdomain'],
    ['app_1.example.com', 'lowercase RFC 1123 subdomain'],
    ['', 'must not be empty'],
  ])('%j → %s', (host, reason) => {
    expectReason(checkIngressHost(host), reason);
  });
});

describe('checkIngressPath', () => {
  it.each<[string, string, string | undefined]>([
    ['/', 'Prefix', undefined],
    ['/api/v1', 'Prefix', undefined],
    ['/api/', 'Prefix', undefined],
    ['/.well-known/acme-challenge', 'Prefix', undefined],
    ['/a.b/c..d', 'Exact', undefined],
    ['/healthz', 'Exact', undefined],
    ['/([a-z0-9]*)', 'ImplementationSpecific', undefined],
    ['/api(/|$)(.*)', 'ImplementationSpecific', undefined],
    ['/a//b', 'ImplementationSpecific', undefined],
    ['', 'ImplementationSpecific', undefined],
    ['api', 'Prefix', "must be an absolute path (start with '/')"],
    ['', 'Prefix', "must be an absolute path (start with '/')"],
    ['healthz', 'Exact', "must be an absolute path (start with '/')"],
    ['api(/|$)', 'ImplementationSpecific', "must be an absolute path (start with '/')"],
    ['/a//b', 'Prefix', "must not contain '//'"],
    ['//', 'Exact', "must not contain '//'"],
    ['/a/./b', 'Prefix', "must not contain '/./'"],
    ['/a/../b', 'Exact', "must not contain '/../'"],
    ['/a%2fb', 'Prefix', "must not contain '%2f'"],
    ['/a%2Fb', 'Exact', "must not contain '%2F'"],
    ['/a/.', 'Prefix', "must not end with '/.'"],
    ['/a/..', 'Exact', "must not end with '/..'"],
    ['/.', 'Exact', "must not end with '/.'"],
    ['/', 'Regex', 'pathType must be one of Exact, Prefix or ImplementationSpecific (got "Regex")'],
  ])('%j (%s) → %s', (path, pathType, reason) => {
    expectReason(checkIngressPath(path, pathType), reason);
  });
});

describe('checkControllerValue (IngressClass spec.controller)', () => {
  it.each<[string, string | undefined]>([
    ['k8s.io/ingress-nginx', undefined],
    ['traefik.io/ingress-controller', undefined],
    ['example.com/ingress/controller', undefined],
    // The API server accepts these too (IsDomainPrefixedPath): no segment rules, and ':' etc. are allowed.
    ['example.com/ctrl:v1', undefined],
    ['example.com/a//b', undefined],
    ['ingress.k8s.aws/alb', undefined],
    [`example.com/${'c'.repeat(238)}`, undefined], // 250 characters
    [`example.com/${'c'.repeat(239)}`, 'no more than 250 characters (got 251)'],
    ['ingress-nginx', 'domain-prefixed path'],
    ['/ingress-nginx', 'domain-prefixed path'],
    ['', 'domain-prefixed path'],
    ['example.com/', 'must have a path after the domain'],
    ['Example.com/ctrl', 'lowercase DNS subdomain prefix (got "Example.com")'],
    ['example_com/ctrl', 'lowercase DNS subdomain prefix'],
    ['example.com/with space', 'may contain only letters'],
    ['example.com/a<b', 'may contain only letters'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkControllerValue(value), reason);
  });
});

describe('checkQualifiedName (label and annotation keys)', () => {
  it.each<[string, string | undefined]>([
    ['app', undefined],
    ['app.kubernetes.io/name', undefined],
    ['suppress.gateways.cdk8s.io/CG-POD-001', undefined],
    ['A_b.c', undefined],
    ['n'.repeat(63), undefined],
    ['a/b/c', 'optional DNS subdomain prefix'],
    ['Example.com/name', 'prefix part must be a lowercase RFC 1123 subdomain'],
    ['example.com/', 'name part must be 1-63 characters'],
    ['n'.repeat(64), 'name part must be 1-63 characters'],
    ['-name', 'name part must be 1-63 characters'],
    ['name-', 'name part must be 1-63 characters'],
  ])('%j → %s', (value, reason) => {
    expectReason(checkQualifiedName(value), reason);
  });
});

function expectReason(actual: string | undefined, expected: string | undefined): void {
  if (expected === undefined) expect(actual).toBeUndefined();
  else expect(actual).toContain(expected);
}
