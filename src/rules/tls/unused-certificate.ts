import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { ClusterModel, containersOf, isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** `namespace/name` of every Secret something in the manifests reads, plus ClusterIssuer CA secrets by name alone. */
function usedSecrets(model: ClusterModel): { namespaced: Set<string>; anyNamespace: Set<string> } {
  const namespaced = new Set<string>();
  const anyNamespace = new Set<string>();
  for (const ingress of model.ofKind('Ingress')) {
    for (const entry of listOf(ingress.json.spec?.tls)) {
      if (isObject(entry) && typeof entry.secretName === 'string') namespaced.add(`${ingress.namespace}/${entry.secretName}`);
    }
    // Controller annotations that name a secret (client CA, upstream TLS): "name" or "namespace/name".
    for (const [key, value] of Object.entries(ingress.annotations)) {
      if (typeof value !== 'string' || !/(secret|-ca|-crt)$/.test(key)) continue;
      namespaced.add(value.includes('/') ? value : `${ingress.namespace}/${value}`);
    }
  }
  for (const gateway of model.ofKind('Gateway', 'ListenerSet')) {
    if (!gateway.apiVersion.startsWith('gateway.networking.k8s.io/')) continue;
    for (const listener of listOf(gateway.json.spec?.listeners)) {
      for (const ref of listOf(listener?.tls?.certificateRefs)) {
        if (isObject(ref) && (ref.kind ?? 'Secret') === 'Secret' && (ref.group ?? '') === '') namespaced.add(`${ref.namespace ?? gateway.namespace}/${ref.name}`);
      }
    }
  }
  for (const issuer of model.ofKind('Issuer')) {
    const secret = issuer.json.spec?.ca?.secretName;
    if (typeof secret === 'string') namespaced.add(`${issuer.namespace}/${secret}`);
  }
  for (const issuer of model.ofKind('ClusterIssuer')) {
    // The CA secret lives in cert-manager's cluster resource namespace, which manifests do not show.
    const secret = issuer.json.spec?.ca?.secretName;
    if (typeof secret === 'string') anyNamespace.add(secret);
  }
  for (const pod of model.podTemplates()) {
    const ns = pod.object.namespace;
    for (const volume of listOf(pod.spec.volumes)) {
      if (typeof volume?.secret?.secretName === 'string') namespaced.add(`${ns}/${volume.secret.secretName}`);
      for (const source of listOf(volume?.projected?.sources)) {
        if (typeof source?.secret?.name === 'string') namespaced.add(`${ns}/${source.secret.name}`);
      }
    }
    for (const { container } of containersOf(pod)) {
      for (const env of listOf(container.env)) {
        if (typeof env?.valueFrom?.secretKeyRef?.name === 'string') namespaced.add(`${ns}/${env.valueFrom.secretKeyRef.name}`);
      }
      for (const from of listOf(container.envFrom)) {
        if (typeof from?.secretRef?.name === 'string') namespaced.add(`${ns}/${from.secretRef.name}`);
      }
      // Controller flags such as --default-ssl-certificate=namespace/name.
      for (const arg of [...listOf(container.args), ...listOf(container.command)].map(String)) {
        const m = /=([a-z0-9.-]+\/[a-z0-9.-]+)$/.exec(arg);
        if (m) namespaced.add(m[1]);
      }
    }
  }
  return { namespaced, anyNamespace };
}

export const UNUSED_CERTIFICATE = defineRule({
  id: 'CG-TLS-010',
  severity: Severity.WARNING,
  description: 'A cert-manager Certificate writes a secret that nothing in the manifests uses (no Ingress TLS entry, Gateway or ListenerSet listener, CA issuer or pod)',
  fix: 'Reference the secret where the certificate is served (Ingress spec.tls[].secretName), or delete the Certificate; suppress with the reason when a consumer outside these manifests reads it',
  manifestLevel: true,
  kinds: ['Certificate', 'Ingress', 'Gateway', 'ListenerSet', 'Issuer', 'ClusterIssuer', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    const certs = model.ofKind('Certificate').filter((c) => c.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`) && typeof c.json.spec?.secretName === 'string');
    if (certs.length === 0) return;
    const { namespaced, anyNamespace } = usedSecrets(model);
    for (const cert of certs) {
      const secretName: string = cert.json.spec.secretName;
      if (namespaced.has(`${cert.namespace}/${secretName}`) || anyNamespace.has(secretName)) continue;
      report({
        object: cert,
        field: 'spec.secretName',
        value: secretName,
        message: `nothing in these manifests uses secret ${cert.namespace}/${secretName}; cert-manager would issue and renew a certificate that no Ingress, Gateway, CA issuer or pod serves`,
      });
    }
  },
});
