import { IngressController } from '../../src';

const GATEWAY = { name: 'edge', namespace: 'ingress-edge' };
const CA = { caSecretName: 'client-ca', caSecretNamespace: 'pki' };

describe('translateGatewaySettings', () => {
  it('Envoy Gateway: trusted proxies are one ClientTrafficPolicy on the Gateway, client certificates the standard frontend references', () => {
    // WHEN both gateway-wide settings are asked of Envoy Gateway
    const t = IngressController.envoyGateway().gatewayApi!.translateGatewaySettings!({ trustedProxyCidrs: ['203.0.113.0/24'], clientCertificate: CA }, GATEWAY);
    // THEN
    expect(t.objects).toStrictEqual([{
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'ClientTrafficPolicy',
      name: 'edge-client-traffic',
      spec: {
        targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'edge' }],
        clientIPDetection: { xForwardedFor: { trustedCIDRs: ['203.0.113.0/24'] } },
      },
    }]);
    expect(t.frontendCaCertificateRefs).toStrictEqual([{ group: '', kind: 'Secret', name: 'client-ca', namespace: 'pki' }]);
    expect(t.unsupported).toStrictEqual([]);
  });

  it('Envoy Gateway: reports an explicit chain depth, which neither the standard field nor a policy can set', () => {
    // WHEN a depth is asked
    const t = IngressController.envoyGateway().gatewayApi!.translateGatewaySettings!({ clientCertificate: { ...CA, verifyDepth: 2 } }, GATEWAY);
    // THEN the certificates are still required, and only the depth is reported
    expect(t.frontendCaCertificateRefs).toHaveLength(1);
    expect(t.unsupported).toStrictEqual(['clientCertificate.verifyDepth']);
  });

  it('Traefik: applies trusted proxies only when its entry points trust exactly them (configureEdge), and never client certificates', () => {
    // GIVEN a profile whose entry points trust the CDN, and one that trusts nothing
    const configured = IngressController.traefik().configureEdge!({ trustedProxyCidrs: ['203.0.113.0/24'] }).controller.gatewayApi!;
    const plain = IngressController.traefik().gatewayApi!;
    // THEN the configured one applies them; the plain one, or a different range, is reported
    expect(configured.translateGatewaySettings!({ trustedProxyCidrs: ['203.0.113.0/24'] }, GATEWAY).unsupported).toStrictEqual([]);
    expect(configured.translateGatewaySettings!({ trustedProxyCidrs: ['198.51.100.0/24'] }, GATEWAY).unsupported).toStrictEqual(['trustedProxyCidrs']);
    expect(plain.translateGatewaySettings!({ trustedProxyCidrs: ['203.0.113.0/24'] }, GATEWAY).unsupported).toStrictEqual(['trustedProxyCidrs']);
    expect(configured.translateGatewaySettings!({ clientCertificate: CA }, GATEWAY)).toStrictEqual({ objects: [], unsupported: ['clientCertificate'] });
  });

  it('an existing GatewayClass: reports both (no standard field for trusted proxies; a Secret CA is not Core)', () => {
    // WHEN
    const t = IngressController.gatewayClass('istio').gatewayApi!.translateGatewaySettings!({ trustedProxyCidrs: ['203.0.113.0/24'], clientCertificate: CA }, GATEWAY);
    // THEN
    expect(t).toStrictEqual({ objects: [], unsupported: ['trustedProxyCidrs', 'clientCertificate'] });
  });

  it('answers nothing to do for no settings', () => {
    // THEN every implementation applies the empty set
    for (const controller of [IngressController.envoyGateway(), IngressController.traefik(), IngressController.gatewayClass('istio')]) {
      expect(controller.gatewayApi!.translateGatewaySettings!({}, GATEWAY)).toStrictEqual({ objects: [], unsupported: [] });
    }
  });
});
