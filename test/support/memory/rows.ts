/** A key made of parts, as the table's sort keys are: rows of one area share the prefix `areaId#`. */
export const key = (...parts: (string | number)[]): string => parts.join('#');

/** The order DynamoDB keeps string keys in: by code unit, not by locale. */
export const inKeyOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows as the table keeps them: copied on the way in and out, so a use case never holds the
 * stored object and a change it makes to what it read is not silently stored. Tests may read and
 * seed the map directly.
 */
export class Rows<T extends object> extends Map<string, T> {
  read(rowKey: string): T | undefined {
    const row = this.get(rowKey);
    return row === undefined ? undefined : structuredClone(row);
  }

  write(rowKey: string, row: T): void {
    this.set(rowKey, structuredClone(row));
  }

  /** Writes the row unless one is there already, as a put on condition `attribute_not_exists` does; false if it was. */
  add(rowKey: string, row: T): boolean {
    if (this.has(rowKey)) return false;
    this.write(rowKey, row);
    return true;
  }

  /** Sets a field of the row once, as an update on condition `attribute_exists(pk) AND attribute_not_exists(field)` does; false if there is no row or the field is set. */
  setOnce<F extends keyof T>(rowKey: string, field: F, value: T[F]): boolean {
    const row = this.get(rowKey);
    if (row === undefined || row[field] !== undefined) return false;
    this.write(rowKey, { ...row, [field]: value });
    return true;
  }

  /** The rows under one prefix, in key order, as a query on a partition returns them. */
  under(...prefix: (string | number)[]): [string, T][] {
    const start = `${key(...prefix)}#`;
    return [...this.entries()]
      .filter(([rowKey]) => rowKey.startsWith(start))
      .sort(([a], [b]) => inKeyOrder(a, b))
      .map(([rowKey, row]) => [rowKey.slice(start.length), structuredClone(row)]);
  }

  /** The rows under one prefix, in key order. */
  listUnder(...prefix: (string | number)[]): T[] {
    return this.under(...prefix).map(([, row]) => row);
  }
}

/** A store of one row per area or region (its progress, its action plan, its event), read and replaced whole. */
export class OneRowEach<T extends object> {
  readonly rows = new Rows<T>();

  constructor(private readonly keyOf: (row: T) => string) {}

  async get(rowKey: string): Promise<T | undefined> {
    return this.rows.read(rowKey);
  }

  async save(row: T): Promise<void> {
    this.rows.write(this.keyOf(row), row);
  }
}
