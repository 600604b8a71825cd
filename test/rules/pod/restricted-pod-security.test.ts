import { configMap, container, deployment, findingsOf, lintObjects, pod, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-POD-001';
const C0 = 'spec.template.spec.containers[0]';
const SC = `${C0}.securityContext`;

describe(`${ID} restricted pod security`, () => {
  it('accepts a Deployment that meets the restricted profile', () => {
    // GIVEN the compliant Deployment builder output (runAsNonRoot on pod and container, RuntimeDefault, drop ALL)
    const report = lintObjects([deployment()]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts runAsNonRoot and seccomp set only on the pod', () => {
    // GIVEN a container without runAsNonRoot/seccomp, inheriting them from the pod
    const dep = deployment({ containerSecurityContext: { runAsNonRoot: undefined } });
    // THEN
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });

  it('accepts runAsNonRoot and a Localhost seccomp profile set only on the container', () => {
    // GIVEN a pod without securityContext and a container that sets everything
    const dep = deployment({
      podSecurityContext: { runAsNonRoot: undefined, seccompProfile: undefined },
      containerSecurityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/web.json' } },
    });
    // THEN
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });

  it('accepts adding NET_BIND_SERVICE', () => {
    // GIVEN capabilities drop ALL, add NET_BIND_SERVICE
    const dep = deployment({ containerSecurityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } });
    // THEN
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });

  it('accepts configMap, secret, emptyDir, projected and PVC volumes', () => {
    // GIVEN the allowed volume types
    const dep = deployment({
      podSpec: {
        volumes: [
          { name: 'config', configMap: { name: 'config' } },
          { name: 'tls', secret: { secretName: 'web-tls' } },
          { name: 'tmp', emptyDir: {} },
          { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ],
      },
    });
    // THEN
    expect(findingsOf(lintObjects([dep, configMap()]), ID)).toEqual([]);
  });

  it.each([
    ['unset', undefined],
    ['true', true],
  ])('rejects allowPrivilegeEscalation %s', (_what, value) => {
    // GIVEN a container whose allowPrivilegeEscalation is not false
    const dep = deployment({ containerSecurityContext: { allowPrivilegeEscalation: value } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Deployment', field: `${SC}.allowPrivilegeEscalation`, value: value === undefined ? '(unset)' : 'true' });
    expect(f.message).toContain('allowPrivilegeEscalation must be set to false');
  });

  it('rejects runAsNonRoot unset on both pod and container', () => {
    // GIVEN no runAsNonRoot anywhere
    const dep = deployment({ podSecurityContext: { runAsNonRoot: undefined }, containerSecurityContext: { runAsNonRoot: undefined } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${SC}.runAsNonRoot`, value: '(unset)' });
    expect(f.message).toContain('runAsNonRoot must be true (on the container or the pod)');
  });

  it('rejects a container runAsNonRoot false that overrides the pod', () => {
    // GIVEN pod runAsNonRoot true, container false
    const dep = deployment({ containerSecurityContext: { runAsNonRoot: false } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID)).toMatchObject({ field: `${SC}.runAsNonRoot`, value: 'false' });
  });

  it('rejects a missing seccomp profile', () => {
    // GIVEN no seccompProfile on pod or container
    const dep = deployment({ podSecurityContext: { seccompProfile: undefined } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${SC}.seccompProfile.type`, value: '(unset)' });
    expect(f.message).toContain('seccompProfile.type must be RuntimeDefault or Localhost');
  });

  it('rejects an Unconfined seccomp profile on the pod (pod and container)', () => {
    // GIVEN pod seccompProfile Unconfined
    const dep = deployment({ podSecurityContext: { seccompProfile: { type: 'Unconfined' } } });
    // WHEN
    const found = findingsOf(lintObjects([dep]), ID);
    // THEN the pod field and the container (which inherits it) are reported
    expect(found.map((f) => [f.field, f.value])).toEqual([
      ['spec.template.spec.securityContext.seccompProfile.type', shown('Unconfined')],
      [`${SC}.seccompProfile.type`, shown('Unconfined')],
    ]);
  });

  it('rejects a container Unconfined seccomp profile even when the pod sets RuntimeDefault', () => {
    // GIVEN container seccompProfile Unconfined
    const dep = deployment({ containerSecurityContext: { seccompProfile: { type: 'Unconfined' } } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID)).toMatchObject({ field: `${SC}.seccompProfile.type`, value: shown('Unconfined') });
  });

  it('rejects capabilities that do not drop ALL', () => {
    // GIVEN drop [NET_RAW]
    const dep = deployment({ containerSecurityContext: { capabilities: { drop: ['NET_RAW'] } } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${SC}.capabilities.drop`, value: shown(['NET_RAW']) });
    expect(f.message).toContain('capabilities must drop ALL');
  });

  it('rejects a container without capabilities', () => {
    // GIVEN no capabilities at all
    const dep = deployment({ containerSecurityContext: { capabilities: undefined } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID)).toMatchObject({ field: `${SC}.capabilities.drop`, value: shown([]) });
  });

  it('rejects an added capability other than NET_BIND_SERVICE', () => {
    // GIVEN add [NET_BIND_SERVICE, SYS_ADMIN]
    const dep = deployment({ containerSecurityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${SC}.capabilities.add`, value: shown(['NET_BIND_SERVICE', 'SYS_ADMIN']) });
    expect(f.message).toContain('only NET_BIND_SERVICE may be added');
  });

  it.each(['hostNetwork', 'hostPID', 'hostIPC'])('rejects %s: true', (key) => {
    // GIVEN a pod sharing a host namespace
    const dep = deployment({ podSpec: { [key]: true } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `spec.template.spec.${key}`, value: 'true' });
    expect(f.message).toContain(`${key} must be false or unset`);
  });

  it('accepts hostNetwork: false', () => {
    const dep = deployment({ podSpec: { hostNetwork: false } });
    expect(findingsOf(lintObjects([dep]), ID)).toEqual([]);
  });

  it('rejects a hostPath volume', () => {
    // GIVEN a hostPath volume named "docker-sock"
    const dep = deployment({ podSpec: { volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'docker-sock', hostPath: { path: '/var/run/docker.sock' } }] } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.template.spec.volumes[1].hostPath', value: shown('docker-sock') });
    expect(f.message).toContain('volume type hostPath is not allowed');
  });

  it('rejects runAsUser 0 on the pod', () => {
    // GIVEN pod runAsUser 0
    const dep = deployment({ podSecurityContext: { runAsUser: 0 } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.template.spec.securityContext.runAsUser', value: '0' });
    expect(f.message).toContain('runAsUser must not be 0');
  });

  it('rejects runAsUser 0 on a container', () => {
    // GIVEN container runAsUser 0
    const dep = deployment({ containerSecurityContext: { runAsUser: 0 } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID)).toMatchObject({ field: `${SC}.runAsUser`, value: '0' });
  });

  it('rejects a privileged container', () => {
    // GIVEN privileged: true
    const dep = deployment({ containerSecurityContext: { privileged: true } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${SC}.privileged`, value: 'true' });
    expect(f.message).toContain('privileged containers are not allowed');
  });

  it('rejects a hostPort', () => {
    // GIVEN containerPort 8080 published as hostPort 80
    const dep = deployment({ ports: [{ name: 'http', containerPort: 8080, hostPort: 80 }] });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: `${C0}.ports[0].hostPort`, value: '80' });
    expect(f.message).toContain('hostPort must be unset or 0');
  });

  it('rejects an unsafe sysctl', () => {
    // GIVEN sysctl kernel.msgmax
    const dep = deployment({ podSecurityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.msgmax', value: '65536' }] } });
    // WHEN
    const f = singleFinding(lintObjects([dep]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.template.spec.securityContext.sysctls[1].name', value: shown('kernel.msgmax') });
    expect(f.message).toContain('sysctl is not in the safe set');
  });

  it('rejects procMount Unmasked', () => {
    // GIVEN procMount Unmasked
    const dep = deployment({ containerSecurityContext: { procMount: 'Unmasked' } });
    // THEN
    expect(singleFinding(lintObjects([dep]), ID)).toMatchObject({ field: `${SC}.procMount`, value: shown('Unmasked') });
  });

  it('checks init containers too', () => {
    // GIVEN an init container without a security context
    const init = container('migrate', { override: { securityContext: undefined, ports: undefined } });
    const dep = deployment({ initContainers: [init] });
    // WHEN
    const found = findingsOf(lintObjects([dep]), ID);
    // THEN every finding points at the init container
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.field!.startsWith('spec.template.spec.initContainers[0].securityContext.'))).toBe(true);
    expect(found.map((f) => f.field)).toContain('spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation');
  });

  it('checks a bare Pod at spec', () => {
    // GIVEN a Pod with hostNetwork
    const p = pod({ podSpec: { hostNetwork: true } });
    // THEN
    expect(singleFinding(lintObjects([p]), ID)).toMatchObject({ kind: 'Pod', field: 'spec.hostNetwork' });
  });

  it('checks a CronJob at spec.jobTemplate.spec.template.spec', () => {
    // GIVEN a CronJob whose container allows privilege escalation
    const dep = deployment({ containerSecurityContext: { allowPrivilegeEscalation: true }, podSpec: { restartPolicy: 'OnFailure' } });
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: dep.spec.template } } },
    };
    // THEN
    expect(singleFinding(lintObjects([cron]), ID)).toMatchObject({
      kind: 'CronJob',
      field: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    });
  });
});
