import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION, GatewayApiBinding } from './gateway-api-binding';
import type { GatewayApiCaReference, GatewayApiGatewayTranslation } from '../../controllers/gateway-api-implementation';
import { ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED, encodeList, LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';

/** Mode of the standard frontend validation: a connection without a valid client certificate is refused. */
const FRONTEND_VALIDATION_MODE = 'AllowValidOnly';

/**
 * The Gateway's `spec.tls` for the translation's client CA references (`frontend.default`, so every HTTPS listener
 * validates client certificates), or undefined without them.
 */
export function gatewayFrontendTls(translation: GatewayApiGatewayTranslation): { [key: string]: any } | undefined {
  const refs = translation.frontendCaCertificateRefs;
  if (refs === undefined || refs.length === 0) return undefined;
  return {
    frontend: {
      default: {
        validation: { caCertificateRefs: refs.map((ref) => ({ ...ref })), mode: FRONTEND_VALIDATION_MODE },
      },
    },
  };
}

/**
 * Creates what the gateway-wide translation needs besides the Gateway's own fields: the implementation's objects in
 * the Gateway's namespace, one ReferenceGrant per other namespace a CA reference points into (from the Gateway, to
 * exactly the objects named), and, on `gateway`, the client certificate settings the implementation can not apply
 * (CG-GWAPI-012). Other gaps (trusted proxies) belong to the preset that asked for them and are recorded by it.
 */
export function renderGatewaySettings(
  scope: Construct, gateway: ApiObject, binding: GatewayApiBinding, translation: GatewayApiGatewayTranslation,
): void {
  for (const extra of translation.objects) {
    new ApiObject(scope, `${extra.kind}-${extra.name}`, {
      apiVersion: extra.apiVersion,
      kind: extra.kind,
      metadata: { name: extra.name, namespace: binding.gatewayNamespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
      spec: extra.spec,
    });
  }
  for (const [namespace, refs] of crossNamespaceRefs(translation.frontendCaCertificateRefs ?? [], binding.gatewayNamespace)) {
    new ApiObject(scope, `ClientCaGrant-${namespace}`, {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'ReferenceGrant',
      metadata: { name: `gateway-${binding.gatewayName}-client-ca`, namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
      spec: {
        from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: binding.gatewayNamespace }],
        to: refs.map((ref) => ({ group: ref.group, kind: ref.kind, name: ref.name })),
      },
    });
  }
  const clientCertificateGaps = translation.unsupported.filter((key) => key === 'clientCertificate' || key.startsWith('clientCertificate.')).sort();
  if (clientCertificateGaps.length > 0) gateway.metadata.addAnnotation(ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED, encodeList(clientCertificateGaps));
}

/** The references into other namespaces than the Gateway's, by namespace, in a stable order. */
function crossNamespaceRefs(refs: GatewayApiCaReference[], gatewayNamespace: string): [string, GatewayApiCaReference[]][] {
  const byNamespace = new Map<string, GatewayApiCaReference[]>();
  for (const ref of refs) {
    if (ref.namespace === undefined || ref.namespace === gatewayNamespace) continue;
    byNamespace.set(ref.namespace, [...(byNamespace.get(ref.namespace) ?? []), ref]);
  }
  return [...byNamespace.entries()].sort(([a], [b]) => a.localeCompare(b));
}
