/**
 * `record[key] = value` for a key read from a file. A plain assignment to
 * `__proto__` sets the object's prototype instead of a property, so a label
 * or column of that name would vanish without a word; it is defined as an
 * own property like any other name.
 */
export function setOwn<R extends Record<string, unknown>>(record: R, key: string, value: R[string]): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else (record as Record<string, unknown>)[key] = value;
}

/**
 * `table[key]` for a key read from a file: only the table's own entries. A
 * plain lookup finds Object.prototype's too, so a column or key named
 * `constructor` or `toString` would be read as a function.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
