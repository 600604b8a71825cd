import { deployment, findingsOf, lintObjects, ruleIds, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-PORT-001';
const C0 = 'spec.template.spec.containers[0]';

describe(`${ID} invalid port`, () => {
  it('accepts valid Service and container ports', () => {
    // GIVEN port 80 "http" → targetPort "http", and targetPort by number
    const objs = [
      deployment({ ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }),
      service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }] }),
      service({ name: 'edge', ports: [{ port: 1 }, { name: 'max', port: 65535 }] }),
    ];
    // THEN
    expect(ruleIds(lintObjects(objs))).not.toContain(ID);
  });

  it.each([0, 65536])('rejects Service port number %p', (port) => {
    // GIVEN a Service port outside 1-65535
    const f = singleFinding(lintObjects([service({ ports: [{ name: 'http', port, targetPort: 8080 }] })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Service', field: 'spec.ports[0].port', value: shown(port) });
    expect(f.message).toContain('port must be an integer between 1 and 65535');
  });

  it.each([0, 65536])('rejects Service targetPort number %p', (targetPort) => {
    // GIVEN a targetPort outside 1-65535
    const f = singleFinding(lintObjects([service({ ports: [{ name: 'http', port: 80, targetPort }] })]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.ports[0].targetPort', value: shown(targetPort) });
    expect(f.message).toContain('targetPort must be an integer between 1 and 65535');
  });

  it.each([
    ['longer than 15 characters', 'prometheus-metrics', 'must be no more than 15 characters (got 18)'],
    ["with '--'", 'web--alt', "must not contain consecutive hyphens ('--')"],
    ['without a letter', '8080', 'must contain at least one letter'],
  ])('rejects a Service targetPort name %s', (_what, name, phrase) => {
    // GIVEN a targetPort name that is not an IANA service name
    const f = singleFinding(lintObjects([service({ ports: [{ name: 'http', port: 80, targetPort: name }] })]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.ports[0].targetPort', value: shown(name) });
    expect(f.message).toContain(`targetPort name ${phrase}`);
  });

  it('rejects an uppercase Service port name', () => {
    // GIVEN Service port name "HTTP"
    const f = singleFinding(lintObjects([service({ ports: [{ name: 'HTTP', port: 80, targetPort: 8080 }] })]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.ports[0].name', value: shown('HTTP') });
    expect(f.message).toContain('port name must consist of lower case alphanumeric characters');
  });

  it.each([0, 65536])('rejects containerPort %p', (containerPort) => {
    // GIVEN a container port outside 1-65535
    const f = singleFinding(lintObjects([deployment({ ports: [{ name: 'http', containerPort }] })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Deployment', field: `${C0}.ports[0].containerPort`, value: shown(containerPort) });
    expect(f.message).toContain('containerPort must be an integer between 1 and 65535');
  });

  it.each([
    ['longer than 15 characters', 'prometheus-metrics', 'must be no more than 15 characters (got 18)'],
    ["with '--'", 'web--alt', "must not contain consecutive hyphens ('--')"],
    ['without a letter', '8080', 'must contain at least one letter'],
  ])('rejects a container port name %s', (_what, name, phrase) => {
    // GIVEN a container port name that is not an IANA service name
    const f = singleFinding(lintObjects([deployment({ ports: [{ name, containerPort: 8080 }] })]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${C0}.ports[0].name`, value: shown(name) });
    expect(f.message).toContain(`port name ${phrase}`);
  });

  it('reports every bad port of a Service', () => {
    // GIVEN two bad ports
    const svc = service({ ports: [{ name: 'a', port: 0 }, { name: 'b', port: 80, targetPort: 70000 }] });
    // THEN
    expect(findingsOf(lintObjects([svc]), ID).map((f) => f.field)).toEqual(['spec.ports[0].port', 'spec.ports[1].targetPort']);
  });
});
