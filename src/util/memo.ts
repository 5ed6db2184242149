/** An undefined answer as a cache holds it. */
const NONE: unique symbol = Symbol('none');

/**
 * A pure function of a string, remembered: metric, column and file names
 * repeat across thousands of files, and each answer is computed once. The
 * cache is emptied when it reaches `limit`, so memory stays bounded however
 * many distinct names a run meets. Results are shared: callers must not
 * change them.
 */
export function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  // An undefined answer is kept as NONE, so a miss costs one lookup before the work, not two.
  const cache = new Map<string, T | typeof NONE>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined) return (known === NONE ? undefined : known) as T;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value === undefined ? NONE : value);
    return value;
  };
}

/**
 * memo for a pure function of two strings, without building a key string
 * per call: on a hot path (once per series) the concatenation and its hash
 * cost more than the answer. Bounded like memo: emptied at `limit` entries.
 */
export function memo2<T>(limit: number, compute: (a: string, b: string) => T): (a: string, b: string) => T {
  const cache = new Map<string, Map<string, T>>();
  let size = 0;
  return (a, b) => {
    let inner = cache.get(b);
    if (inner === undefined) {
      inner = new Map();
      cache.set(b, inner);
    }
    let value = inner.get(a);
    if (value === undefined && !inner.has(a)) {
      value = compute(a, b);
      if (size >= limit) {
        cache.clear();
        size = 0;
        inner = new Map();
        cache.set(b, inner);
      }
      inner.set(a, value);
      size += 1;
    }
    return value as T;
  };
}

/** A node of the tree of key lists seen: the lists that go on with one more key, and the answer for the list ending here. */
interface ListNode<T> {
  next: Map<string, ListNode<T>> | undefined;
  known: boolean;
  value: T | undefined;
}

const emptyNode = <T>(): ListNode<T> => ({ next: undefined, known: false, value: undefined });

/** Longer lists (a document keyed by thousands of names) are rarely seen twice: computed, not stored. */
const MAX_KEYS = 64;

/**
 * A pure function of a list of keys (an object's key names, in order),
 * remembered: the objects of a document, and of thousands of documents
 * written by one script, share a few shapes, and working out what a shape's
 * keys mean (which are statistics, which summaries they form) costs far more
 * than finding the shape again. Lists are looked up key by key in a tree of
 * Maps, so a lookup builds no joined string (object keys are interned
 * strings whose hashes V8 keeps). Bounded like memo: the tree is
 * emptied once it holds `limit` nodes. Results are shared: callers must not
 * change them.
 */
export function keyListMemo<T>(limit: number, compute: (keys: readonly string[]) => T): (keys: readonly string[]) => T {
  let root = emptyNode<T>();
  let nodes = 0;
  return (keys) => {
    if (keys.length > MAX_KEYS) return compute(keys);
    if (nodes >= limit) {
      root = emptyNode<T>();
      nodes = 0;
    }
    let node = root;
    for (const key of keys) {
      let next = node.next?.get(key);
      if (next === undefined) {
        next = emptyNode<T>();
        (node.next ??= new Map()).set(key, next);
        nodes += 1;
      }
      node = next;
    }
    if (!node.known) {
      node.value = compute(keys);
      node.known = true;
    }
    return node.value as T;
  };
}
