import { checkDns1123Subdomain } from '../../src/core/validation';
import { gatewaySecretName } from '../../src/renderers/gateway-api/gateway-secret';

describe('gatewaySecretName (route Secrets in the Gateway\'s namespace)', () => {
  it('prefixes the route namespace with a dot, so the same tlsSecretName in two namespaces gives two names', () => {
    // GIVEN / WHEN / THEN
    expect(gatewaySecretName('shop', 'www-tls')).toBe('shop.www-tls');
    expect(gatewaySecretName('blog', 'www-tls')).toBe('blog.www-tls');
  });

  it('does not merge names that a dash separator would (namespace "a-b" + "c" vs "a" + "b-c")', () => {
    // GIVEN / WHEN / THEN
    expect(gatewaySecretName('a-b', 'c')).not.toBe(gatewaySecretName('a', 'b-c'));
  });

  it('shortens a name over 253 characters with a hash, keeping it a valid, deterministic and distinct DNS-1123 subdomain', () => {
    // GIVEN two secret names of 250 characters differing only in their last character
    const longA = `${'x'.repeat(200)}.${'y'.repeat(48)}a`;
    const longB = `${'x'.repeat(200)}.${'y'.repeat(48)}b`;
    // WHEN
    const a = gatewaySecretName('tenant-with-a-long-name', longA);
    const b = gatewaySecretName('tenant-with-a-long-name', longB);
    // THEN
    expect(a.length).toBeLessThanOrEqual(253);
    expect(checkDns1123Subdomain(a)).toBeUndefined();
    expect(a.startsWith('tenant-with-a-long-name.xxx')).toBe(true);
    expect(a).not.toBe(b);
    expect(gatewaySecretName('tenant-with-a-long-name', longA)).toBe(a);
  });
});
