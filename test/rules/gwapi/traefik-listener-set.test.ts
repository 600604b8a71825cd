import { gateway, GWAPI_VERSION, httpRoute, listener, listenerSet } from './gwapi-manifests';
import { findingsOf, lintObjects, Manifest, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-036';
const ADMIT_ALL = { namespaces: { from: 'All' } };

function gatewayClass(name: string, controllerName: string): Manifest {
  return { apiVersion: GWAPI_VERSION, kind: 'GatewayClass', metadata: { name }, spec: { controllerName } };
}

/** Gateway infra/web of class `className`, admitting ListenerSets from every namespace, with tenant-a's ListenerSet. */
function withListenerSet(className: string): Manifest[] {
  return [
    gateway({ allowedListeners: ADMIT_ALL, listeners: [listener({ port: 8000 })], override: { spec: { gatewayClassName: className } } }),
    listenerSet({ listeners: [listener({ name: 'tenant', port: 8000, hostname: 'a.tenants.example.org' })] }),
    httpRoute(),
  ];
}

describe(`${ID} ListenerSet on a Traefik Gateway`, () => {
  it('rejects a ListenerSet attached to a Gateway whose class Traefik implements', () => {
    // GIVEN class "edge" claimed by Traefik, and tenant-a's ListenerSet on its Gateway
    const objs = [gatewayClass('edge', 'traefik.io/gateway-controller'), ...withListenerSet('edge')];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN the ListenerSet is reported, with its unserved hostnames
    expect(f).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-a', name: 'tenant-a', field: 'spec.parentRef', severity: 'error' });
    expect(f.value).toBe(shown({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web', namespace: 'infra' }));
    expect(f.message).toContain('Traefik v3.7.11 does not read ListenerSets, so hostnames "a.tenants.example.org" are not served');
  });

  it('accepts the same ListenerSet on a Gateway of an implementation with ListenerSet support', () => {
    // GIVEN the same objects, class "eg" claimed by Envoy Gateway
    const objs = [gatewayClass('eg', 'gateway.envoyproxy.io/gatewayclass-controller'), ...withListenerSet('eg')];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });
});
