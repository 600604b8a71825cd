import { GWAPI_VERSION } from './gwapi-manifests';
import { controllerDeployment, findingsOf, lintObjects, Manifest, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-037';

function traefikClass(labels: Record<string, string>): Manifest {
  return { apiVersion: GWAPI_VERSION, kind: 'GatewayClass', metadata: { name: 'edge', labels }, spec: { controllerName: 'traefik.io/gateway-controller' } };
}

/** A Traefik with the Gateway provider on, selecting GatewayClasses labelled for instance "edge". */
function traefik(): Manifest {
  return controllerDeployment({
    className: 'edge',
    args: ['--entryPoints.web.address=:8000/tcp', '--providers.kubernetesgateway=true', '--providers.kubernetesgateway.labelselector=gateways.cdk8s.io/gateway-class=edge'],
  });
}

describe(`${ID} Traefik GatewayClass selected by no Traefik`, () => {
  it('warns about a Traefik GatewayClass without the label its Traefik selects', () => {
    // GIVEN class "edge" without labels, and the Traefik that selects gateways.cdk8s.io/gateway-class=edge
    const f = singleFinding(lintObjects([traefikClass({}), traefik()]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'GatewayClass', name: 'edge', field: 'metadata.labels', severity: 'warning' });
    expect(f.value).toBe(shown({}));
    expect(f.message).toContain('selects {"gateways.cdk8s.io/gateway-class":"edge"}');
  });

  it('accepts the class when it carries the selected label', () => {
    // GIVEN the same Traefik and the labelled class
    const objs = [traefikClass({ 'gateways.cdk8s.io/gateway-class': 'edge' }), traefik()];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });

  it('does not judge a class when no Traefik with the Gateway provider is in the manifests', () => {
    // GIVEN only the class (its Traefik is deployed elsewhere)
    expect(findingsOf(lintObjects([traefikClass({})]), ID)).toStrictEqual([]);
  });
});
