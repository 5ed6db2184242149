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
 * strings whose hashes V8 keeps). Bounded like src/util/memo.ts: the tree is
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
