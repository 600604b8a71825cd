/**
 * Every route of the model, whichever API declared it: the producers' facts concatenated, computed once per model
 * (several rules read them in one evaluation). A new route API adds its producer here.
 */
import { ingressRouteFacts } from './ingress-routes';
import { RouteFact, RouteParentFact } from './route-fact';
import { ClusterModel } from '../model';

const factsByModel = new WeakMap<ClusterModel, readonly RouteFact[]>();

/** The route facts of `model`: Ingress rule paths (and, once its producer is listed here, Gateway API route matches). */
export function routeFacts(model: ClusterModel): readonly RouteFact[] {
  let facts = factsByModel.get(model);
  if (!facts) {
    facts = [...ingressRouteFacts(model)];
    factsByModel.set(model, facts);
  }
  return facts;
}

/**
 * How messages name a route's parent: `class "public"` for an IngressClass (an Ingress without a class gets
 * `defaultClass`, else `(no class)`), `Gateway shop/web` (with `/section` when given) for the Gateway API.
 */
export function describeParent(parent: RouteParentFact, defaultClass: string | undefined): string {
  if (parent.kind === 'IngressClass') return `class "${parent.name ?? defaultClass ?? '(no class)'}"`;
  return `${parent.kind} ${parent.namespace}/${parent.name}${parent.sectionName ? `/${parent.sectionName}` : ''}`;
}
