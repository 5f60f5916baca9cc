// What one block body has declared so far, for `duplicate-name` and repeated properties: kept in
// one reusable record per nesting depth, since a large model has tens of thousands of blocks.

import type { Entity, Location } from './types.js';

export class Declarations {
  /** Children by name (the first of a name). */
  private readonly children = new Map<string, Entity>();
  /**
   * Where each property was first set. A body sets at most the schema's few property names (unknown
   * ones are reported before they get here), so two short lists searched in order serve.
   */
  private readonly propertyNames: string[] = [];
  private readonly propertyLocs: Location[] = [];

  /** Forgets everything: the record starts the next body at its depth. */
  clear(): void {
    if (this.children.size > 0) this.children.clear();
    this.propertyNames.length = 0;
    this.propertyLocs.length = 0;
  }

  /** Adds the child, or returns the sibling declared first with its name (the child is not added). */
  addChild(child: Entity): Entity | undefined {
    const first = this.children.get(child.name);
    if (first === undefined) this.children.set(child.name, child);
    return first;
  }

  /** Where the property was first set, undefined the first time (it is then recorded at `loc`). */
  firstSetting(name: string, loc: Location): Location | undefined {
    const index = this.propertyNames.indexOf(name);
    if (index >= 0) return this.propertyLocs[index];
    this.propertyNames.push(name);
    this.propertyLocs.push(loc);
    return undefined;
  }
}
