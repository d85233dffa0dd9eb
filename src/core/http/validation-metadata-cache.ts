import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const INSTALLED = Symbol.for('fairgate.validationMetadataCache');

/**
 * class-validator looks a class's rules up again on every validation of every object, nested
 * ones included, and each look-up walks every class that has rules (`instanceof` against each,
 * for inherited rules): 2–3 % of the server's CPU per request in the profiles of bench:api and
 * bench:venue (docs/benchmarks.md, Session 7). The rules of a class do not change once its
 * decorators have run, so the answer is kept per class and options — and all of it is dropped
 * whenever a rule is added (a class defined later, e.g. in a test), so an answer is never stale.
 * The grouped form (by property) is kept for the same arrays. Neither is mutated by its callers
 * (class-validator's ValidationExecutor, Nest's ValidationPipe).
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byClass = new Map<unknown, Map<string, Metadatas>>();
  let grouped = new WeakMap<Metadatas, Grouped>();

  storage.addValidationMetadata = (metadata) => {
    byClass = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema ?? ''}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${groups?.join('\u0001') ?? '-'}`;
    let forClass = byClass.get(targetConstructor);
    if (!forClass) byClass.set(targetConstructor, (forClass = new Map<string, Metadatas>()));
    let found = forClass.get(key);
    if (!found) forClass.set(key, (found = lookUp(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
