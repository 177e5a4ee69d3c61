import { randomUUID } from 'node:crypto';
import { invalid } from '../errors/index.ts';
import { getPath, setPath, type CompiledPersister } from '../persister/index.ts';

type Entity = Record<string, unknown>;

/**
 * Ids of child rows (the items of an entity's arrays) are the server's, like the
 * entity's own: on create each child gets a new one; on update a child keeps an id the stored
 * record has for one of its children and gets a new one otherwise, so an id copied from another
 * record cannot reach that record's rows. One id twice in a list is refused.
 */
export function assignChildIds(persister: CompiledPersister, entity: Entity, path: string, stored?: Entity): void {
  for (const child of persister.children) {
    const items = getPath(entity, child.arrayPath);
    if (!Array.isArray(items)) continue;
    const storedItems = stored ? getPath(stored, child.arrayPath) : undefined;
    const known = new Set(Array.isArray(storedItems) ? storedItems.map((s) => getPath(s, child.primaryKey.path)) : []);
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const id = getPath(item, child.primaryKey.path);
      if (id === undefined || id === null || !known.has(id)) {
        setPath(item as Entity, child.primaryKey.path, randomUUID());
        return;
      }
      const at = `${path}.${child.arrayPath.join('.')}[${i}].${child.primaryKey.path.join('.')}`;
      if (seen.has(id)) throw invalid('DUPLICATE_ID', `${at} '${String(id)}' is given to two items of the list`, at);
      seen.add(id);
    });
  }
}
