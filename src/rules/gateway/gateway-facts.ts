import { ManifestObject } from '../model';

/** Where an object came from, for messages that name two objects: its construct path, file position, or ref. */
export function origin(object: ManifestObject): string {
  if (object.origin.constructPath) return object.origin.constructPath;
  if (object.origin.file !== undefined) return `${object.origin.file}:${object.origin.documentIndex}`;
  return object.ref;
}

/** `Kind namespace/name (origin)`, the way the rules of this folder name an object in a message. */
export function describeObject(object: ManifestObject): string {
  return `${object.ref} (${origin(object)})`;
}

/** `value` when it is an array, else an empty one (linted YAML may hold anything). */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every container argument and command word of a pod spec, as strings. */
export function argsOf(podSpec: any): string[] {
  const containers = [...arrayOf(podSpec?.initContainers), ...arrayOf(podSpec?.containers)] as any[];
  return containers.flatMap((c) => [...arrayOf(c?.command), ...arrayOf(c?.args)]).map(String);
}
