import { queryAll, type Doc, type Store } from '../storage';
import type { DataSubject, PersonalDataSource } from './personal-data';

/**
 * The common case: the person's records are the documents of one container whose `field`
 * holds their key. Export returns them without store internals; erase deletes them.
 */
export function fieldSource(
  name: string,
  store: Store,
  container: string,
  field: string,
  keyOf: (subject: DataSubject) => string = (subject) => subject.profileId,
): PersonalDataSource {
  const records = async (subject: DataSubject): Promise<Array<Doc & { etag: string }>> => {
    const found: Array<Doc & { etag: string }> = [];
    const where = [{ field, op: '=' as const, value: keyOf(subject) }];
    for await (const doc of queryAll<Doc>(store, container, { where })) found.push(doc);
    return found;
  };
  return {
    name,
    export: async (subject) => (await records(subject)).map(({ etag: _etag, ...doc }) => doc),
    erase: async (subject) => {
      let erased = 0;
      for (const doc of await records(subject)) {
        if (await store.delete(container, doc.id)) erased += 1;
      }
      return erased;
    },
  };
}
