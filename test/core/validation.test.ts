/**
 * The validator module against the boundaries of the upstream checks it ports: every rejected value has a valid
 * neighbour on the other side of the same boundary.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  checkCidr, checkConfigMapKey, checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkEnvVarName, checkGoDuration,
  checkInteger, checkIp, checkLabelValue, checkPathSegmentName, checkPortName, checkPortNumber, checkQualifiedName, checkRequired,
  checkWholeKibibytes, checkWholeMebibytes, checkWholeSeconds, checkWildcardDns1123Subdomain, parseGoDuration,
} from '../../src/core/validation';

type Case<T> = [rejected: T, validNeighbour: T, reason: string];

/** Each case: the rejected value gives a reason containing `reason`; its neighbour is accepted. */
function boundaries<T>(name: string, check: (value: T) => string | undefined, cases: Case<T>[]): void {
  describe(name, () => {
    it.each(cases)('rejects %p (and accepts %p)', (rejected, valid, reason) => {
      // WHEN / THEN
      expect(check(rejected)).toContain(reason);
      expect(check(valid)).toBeUndefined();
    });
  });
}

const label63 = 'a'.repeat(63);
const subdomain253 = [label63, label63, label63, 'a'.repeat(61)].join('.');

boundaries('checkDns1123Label (IsDNS1123Label)', checkDns1123Label, [
  [`${label63}a`, label63, 'no more than 63 characters'],
  ['-team', 'team', 'start and end with an alphanumeric'],
  ['team.one', 'team-one', 'must not contain dots'],
  ['Team', 'team', 'lower case'],
  ['', '0', 'must not be empty'],
]);

boundaries('checkDns1123Subdomain (IsDNS1123Subdomain)', checkDns1123Subdomain, [
  [`${subdomain253}a`, subdomain253, 'no more than 253 characters'],
  ['a..b', 'a.b', 'RFC 1123 subdomain'],
  ['Example.com', 'example.com', 'RFC 1123 subdomain'],
  ['web_tls', 'web-tls', 'RFC 1123 subdomain'],
  ['', 'a', 'must not be empty'],
]);

boundaries('checkDns1035Label (IsDNS1035Label)', checkDns1035Label, [
  ['1web', 'web1', 'start with a letter'],
  [`${label63}a`, label63, 'no more than 63 characters'],
]);

boundaries('checkWildcardDns1123Subdomain (Ingress hosts)', checkWildcardDns1123Subdomain, [
  ['*.*.example.com', '*.example.com', 'wildcard only as the whole leftmost label'],
  ['f*.example.com', 'foo.example.com', 'wildcard only as the whole leftmost label'],
  [`*.${subdomain253}`, `*.${subdomain253.slice(2)}`, 'no more than 253 characters'],
]);

boundaries('checkQualifiedName (IsQualifiedName: label and annotation keys, loadBalancerClass)', checkQualifiedName, [
  ['a/b/c', 'a/c', 'optional DNS subdomain prefix'],
  ['/name', 'example.com/name', 'prefix part must not be empty'],
  ['Example.com/name', 'example.com/Name', 'prefix part'],
  [`example.com/${label63}a`, `example.com/${label63}`, 'name part must be 1-63 characters'],
  ['_name', 'my_name', 'name part'],
  ['example.com/', 'example.com/a', 'name part'],
]);

boundaries('checkLabelValue (IsValidLabelValue)', checkLabelValue, [
  [`${label63}a`, label63, 'no more than 63 characters'],
  ['value-', '', 'starting and ending with an alphanumeric'],
  ['my value', 'my_value', 'alphanumerics'],
]);

boundaries('checkEnvVarName (IsEnvVarName, Kubernetes 1.28)', checkEnvVarName, [
  ['1ENV', 'ENV1', 'must not start with a digit'],
  ['MY ENV', 'MY_ENV.NAME', "letters, digits, '_', '-' or '.'"],
  ['.', '.a', "must not be '.'"],
  ['..', 'a..', "must not be '..'"],
  ['..a', '-a', "must not start with '..'"],
  ['', 'a', 'must not be empty'],
]);

boundaries('checkConfigMapKey (IsConfigMapKey)', checkConfigMapKey, [
  ['a/b', 'a.b', "alphanumerics, '-', '_' or '.'"],
  [`${'k'.repeat(254)}`, `${'k'.repeat(253)}`, 'no more than 253 characters'],
  ['..', 'a..', "must not be '..'"],
  ['..data', '.data', "must not start with '..'"],
  ['', 'k', 'must not be empty'],
]);

boundaries('checkPathSegmentName (IsValidPathSegmentName: IngressClass parameters kind and name)', checkPathSegmentName, [
  ['.', '...', "may not be '.'"],
  ['..', '.a', "may not be '..'"],
  ['params/v1', 'params.v1', "may not contain '/'"],
  ['params%2f', 'params2f', "may not contain '%'"],
  ['', 'IngressClassParams', 'must not be empty'],
]);

describe('checkIp (IsValidIP with ParseIPSloppy; strict: net.ParseIP as cert-manager uses it)', () => {
  it.each([
    ['10.9.8.7'], ['010.9.8.7'], ['2001:db8::ffff'], ['::'], ['::1'], ['::ffff:1.2.3.4'], ['1:2:3:4:5:6:7:8'], ['1:2:3:4:5:6:7::'], ['00001::1'],
  ])('the API server accepts %p', (ip) => {
    expect(checkIp(ip)).toBeUndefined();
  });
  it.each([
    ['256.1.1.1'], ['1.2.3'], ['1.2.3.4.5'], [' 1.2.3.4'], ['1:2:3:4:5:6:7:8:9'], ['1::2::3'], ['fe80::1%eth0'], ['1:2:3:4:5:6:7:8::'], ['example.com'], [''],
  ])('the API server rejects %p', (ip) => {
    expect(checkIp(ip)).toBeDefined();
  });
  it('cert-manager rejects leading zeros and long IPv6 groups that the API server accepts', () => {
    // GIVEN / THEN
    expect(checkIp('010.9.8.7', { strict: true })).toContain('no leading zeros');
    expect(checkIp('10.9.8.7', { strict: true })).toBeUndefined();
    expect(checkIp('00001::1', { strict: true })).toBeDefined();
    expect(checkIp('0001::1', { strict: true })).toBeUndefined();
    expect(checkIp('::ffff:01.2.3.4', { strict: true })).toBeDefined();
    expect(checkIp('::ffff:1.2.3.4', { strict: true })).toBeUndefined();
  });
});

boundaries('checkCidr (ParseCIDRSloppy: NetworkPolicy ipBlock, loadBalancerSourceRanges)', checkCidr, [
  ['10.0.0.0/33', '10.0.0.0/32', 'IPv4 prefix length above 32'],
  ['fd00::/129', 'fd00::/128', 'IPv6 prefix length above 128'],
  ['10.0.0.300/8', '10.0.0.255/8', 'octet above 255'],
  ['10.0.0.0', '10.0.0.0/0', 'prefix length'],
  ['10.0.0.0/', '10.0.0.0/8', 'decimal prefix length'],
  ['10.0.0.0/8a', '10.0.0.1/8', 'decimal prefix length'],
  ['kubernetes/32', '::ffff:10.0.0.1/104', 'is not an IPv4 or IPv6 address'],
  ['', '010.0.0.0/08', 'must not be empty'],
]);

describe('checkCidr strict (Go net.ParseCIDR, as controllers parse allowlists)', () => {
  it('rejects a leading zero the API server accepts, and accepts its neighbour', () => {
    expect(checkCidr('010.0.0.0/8', { strict: true })).toContain('no leading zeros');
    expect(checkCidr('10.0.0.0/8', { strict: true })).toBeUndefined();
    expect(checkCidr('2001:db8::/32', { strict: true })).toBeUndefined();
  });
});

boundaries('checkPortNumber (IsValidPortNum)', checkPortNumber, [
  [0, 1, 'between 1 and 65535'],
  [65536, 65535, 'between 1 and 65535'],
  [80.5, 80, 'integer'],
]);

boundaries('checkPortName (IsValidPortName: IANA service names)', checkPortName, [
  ['http-metrics-ext', 'http-metrics-ex', 'no more than 15 characters'],
  ['a--b', 'a-b', 'consecutive hyphens'],
  ['8080', 'h8080', 'at least one letter'],
  ['-http', 'http', 'start and end with an alphanumeric'],
  ['HTTP', 'http', 'lower case'],
]);

boundaries('checkGoDuration (time.ParseDuration)', checkGoDuration, [
  ['1', '1s', 'Go duration'],
  ['1d', '24h', 'Go duration'],
  ['', '0', 'Go duration'],
  ['.h', '1.h', 'Go duration'],
  ['h1', '1h30m', 'Go duration'],
  ['9999999h', '2562047h', 'Go duration'],
]);

describe('parseGoDuration', () => {
  it.each<[string, number]>([['1h', 3_600_000], ['5m', 300_000], ['1.5h', 5_400_000], ['-5m', -300_000], ['+1s', 1000], ['500ms', 500], ['1µs', 0.001], ['.5s', 500]])(
    '%p is %p ms', (value, ms) => {
      expect(parseGoDuration(value)).toBeCloseTo(ms);
    });
});

boundaries('checkWholeSeconds (controller timeouts)', checkWholeSeconds, [
  [1500, 2000, 'whole number of seconds'],
  [500, 0, 'whole number of seconds'],
]);

boundaries('checkWholeKibibytes (controller body sizes)', checkWholeKibibytes, [
  [0.5, 1, 'whole number of kibibytes'],
]);

boundaries('checkWholeMebibytes (memory quantities)', checkWholeMebibytes, [
  [1.5, 2, 'whole number of mebibytes'],
]);

boundaries('checkInteger (replicas, rate limits, verify depths)', (v: number) => checkInteger(v, { min: 0 }), [
  [2.5, 2, 'whole number'],
  [-1, 0, 'whole number from 0'],
]);

boundaries('checkRequired (required strings given as "")', checkRequired, [
  ['', 'x', 'is required'],
  ['  ', ' x ', 'is required'],
]);

describe('the validator module is the bottom layer', () => {
  it('imports nothing of this library outside src/core/validation', () => {
    // GIVEN every file of the module
    const dir = path.join(__dirname, '../../src/core/validation');
    const imports = fs.readdirSync(dir).flatMap((file) =>
      [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${file}: ${m[1]}`));
    // THEN each import is a sibling file
    expect(imports.filter((i) => !/: \.\/[a-z-]+$/.test(i))).toStrictEqual([]);
  });
});
