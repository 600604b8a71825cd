import { EdgeSettings, IIngressController } from '../controllers/controller-profile';
import { RouteOptions } from '../routing/route-options';

/**
 * The defaults a preset gives every route, that its Gateway API implementation can not apply: asked of the
 * implementation's translation, so the gap is the implementation's own answer. A profile without the Gateway API is
 * rejected by the gateway; nothing is applied then.
 */
export function unappliedRouteDefaults(controller: IIngressController, defaults: RouteOptions): string[] {
  const translation = controller.gatewayApi?.translateRouteOptions(defaults, { kind: 'HTTPRoute', name: 'defaults', namespace: 'default' });
  return translation ? [...translation.unsupported] : Object.keys(defaults).sort();
}

/** Edge settings as route options (the client allowlist is a route's source ranges). */
export function edgeSettingsAsRouteOptions(settings: EdgeSettings): RouteOptions {
  const options: RouteOptions = {
    allowedSourceRanges: settings.clientAllowlist,
    rateLimitPerSecond: settings.rateLimitPerSecond,
    maxRequestBodySize: settings.maxRequestBodySize,
    connectTimeout: settings.connectTimeout,
    readTimeout: settings.readTimeout,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as RouteOptions;
}

/**
 * The edge settings an implementation can not apply as route defaults, by `EdgeSettings` name: those whose route
 * option it does not apply, and trusted proxies, which no route option expresses.
 */
export function unappliedEdgeSettings(controller: IIngressController, settings: EdgeSettings): string[] {
  const unapplied = unappliedRouteDefaults(controller, edgeSettingsAsRouteOptions(settings))
    .map((option) => (option === 'allowedSourceRanges' ? 'clientAllowlist' : option));
  if (settings.trustedProxyCidrs?.length) unapplied.push('trustedProxyCidrs');
  return unapplied.sort();
}
