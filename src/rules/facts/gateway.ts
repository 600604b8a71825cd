import { listOf } from '../model';

/** Every container argument and command word of a pod spec, as strings. */
export function argsOf(podSpec: any): string[] {
  const containers = [...listOf(podSpec?.initContainers), ...listOf(podSpec?.containers)] as any[];
  return containers.flatMap((c) => [...listOf(c?.command), ...listOf(c?.args)]).map(String);
}
