/**
 * Builders for the cert-manager issuers and public-web IngressClasses of the TLS rule tests. Like
 * test/util/manifests.ts, every builder returns a schema-valid object that, with its defaults, triggers no rule.
 */
import { Manifest, merge } from '../../util/manifests';

export interface IssuerOptions {
  readonly name?: string;
  /** Makes it a namespaced Issuer. */
  readonly namespace?: string;
  /** The ACME solvers. @default [{ http01: { ingress: { ingressClassName: 'nginx' } } }] */
  readonly solvers?: any[];
  readonly override?: any;
}

export const HTTP01_NGINX = { http01: { ingress: { ingressClassName: 'nginx' } } };
export const DNS01_ROUTE53 = { dns01: { route53: { region: 'eu-west-1' } } };

/** An ACME ClusterIssuer `letsencrypt` (or an Issuer when a namespace is given) with an HTTP-01 solver on class nginx. */
export function acmeIssuer(opts: IssuerOptions = {}): Manifest {
  return merge({
    apiVersion: 'cert-manager.io/v1',
    kind: opts.namespace === undefined ? 'ClusterIssuer' : 'Issuer',
    metadata: { name: opts.name ?? 'letsencrypt', ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}) },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'ops@example.com',
        privateKeySecretRef: { name: `${opts.name ?? 'letsencrypt'}-account-key` },
        solvers: opts.solvers ?? [HTTP01_NGINX],
      },
    },
  }, opts.override);
}

/** A CA ClusterIssuer `internal-ca` signing with secret `internal-ca`. */
export function caIssuer(opts: { name?: string; secretName?: string; namespace?: string } = {}): Manifest {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: opts.namespace === undefined ? 'ClusterIssuer' : 'Issuer',
    metadata: { name: opts.name ?? 'internal-ca', ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}) },
    spec: { ca: { secretName: opts.secretName ?? 'internal-ca' } },
  };
}

/** The TLS entry of an Ingress for `hosts` in `secretName`. */
export function tls(secretName = 'web-tls', hosts: string[] = ['app.example.com']): any[] {
  return [{ hosts, secretName }];
}
