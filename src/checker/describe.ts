// How findings name entities: kind and path (`container worker-1/pod-1/app`), capitalised when the
// name opens the message.

import type { Entity } from '../model/types.js';

/** `container worker-1/pod-1/app`. */
export function describeEntity(entity: Entity): string {
  return `${entity.kind} ${entity.path}`;
}

/** `Container worker-1/pod-1/app`, for the start of a message. */
export function describeEntityAtStart(entity: Entity): string {
  const text = describeEntity(entity);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
