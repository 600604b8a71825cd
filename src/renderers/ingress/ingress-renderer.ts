import { ApiObject } from 'cdk8s';
import type { IIngressController, RouteBinding } from '../../controllers/controller-profile';
import type { RouteOptionsTranslation } from '../../controllers/route-options-translation';
import { rejectInputs } from '../../core/input/reject-input';
import { ANNOTATION_LEGACY_CLASS, ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, encodeList, LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
// Type-only: routes are the model this module renders; the route table calls it (a value import would be a cycle).
import type { Route } from '../../routing/route';
import type { RouteOptions } from '../../routing/route-options';

/** The construct id of a route's Ingress: the id the route used when it created it, so generated names stay. */
export const ROUTE_INGRESS_ID = 'Resource';

/** What an IngressClass gateway tells the renderer: the class to bind to and the controller that translates options. */
export interface IngressClassBinding {
  /** The IngressClass name. */
  readonly className: string;
  /** Binding beyond `spec.ingressClassName` (GKE's class annotation, per-gateway annotations). */
  readonly routeBinding?: RouteBinding;
  /** The controller whose annotations express the route options. */
  readonly controller: IIngressController;
  /**
   * Options every route of the class gets unless it sets its own (a gateway's client certificate requirement on its
   * TLS routes). What the controller can not apply is recorded on each Ingress like the route's own options.
   * @default - none
   */
  readonly routeOptionDefaults?: RouteOptions;
}

/**
 * Renders a route as a `networking.k8s.io/v1` Ingress under the route (id `Resource`), in the route's namespace:
 * bound to the gateway's class (`spec.ingressClassName`, or the class annotation for controllers that read only
 * that, since the API server rejects an Ingress with both), with the annotations of the controller's translation
 * and, when the controller can not apply some options, the unsupported-options annotation (CG-GATEWAY-003 fails
 * synth on it: no option is dropped silently). Without a gateway the Ingress has no class; CG-INGRESS-010 reports it.
 *
 * A plain ApiObject, not the typed `KubeIngress`: the props are built here from checked values, and the typed
 * class's conversion would copy every route's object once more at synth.
 */
export function renderIngress(route: Route, binding: IngressClassBinding | undefined): ApiObject {
  const existing = route.node.tryFindChild(ROUTE_INGRESS_ID);
  if (existing) return existing as ApiObject;
  // Read now, at synth: the Service's ports may have been added after the route.
  rejectInputs(route, route.backend._problems());
  const classAnnotation = binding?.routeBinding?.classAnnotation;
  const translation: RouteOptionsTranslation = binding
    ? binding.controller.translateRouteOptions(
      { ...binding.routeOptionDefaults, ...route.options },
      { namespace: route.namespace, serviceName: route.backend.serviceName },
    )
    : { annotations: {}, unsupported: [] };
  const annotations: { [key: string]: string } = {
    ...(classAnnotation !== undefined ? { [ANNOTATION_LEGACY_CLASS]: classAnnotation } : {}),
    ...(binding?.routeBinding?.annotations ?? {}),
    ...translation.annotations,
    ...(translation.unsupported.length > 0 ? { [ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS]: encodeList(translation.unsupported) } : {}),
  };
  return new ApiObject(route, ROUTE_INGRESS_ID, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      // Keys are left out rather than set to undefined, which would override cdk8s's generated name.
      ...(route.ingressName ? { name: route.ingressName } : {}),
      ...(route._backendNamespace ? { namespace: route._backendNamespace } : {}),
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ...(binding && classAnnotation === undefined ? { ingressClassName: binding.className } : {}),
      ...(route.tlsSecretName ? { tls: [{ hosts: [route.host], secretName: route.tlsSecretName }] } : {}),
      rules: [{
        host: route.host,
        http: {
          paths: [{
            path: route.path,
            pathType: route.pathType,
            backend: { service: { name: route.backend.serviceName, port: { ...route.backend.port } } },
          }],
        },
      }],
    },
  });
}
