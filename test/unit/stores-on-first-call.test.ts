import { describe, expect, it } from 'vitest';
import { onFirstCall } from '../../functions/src/composition/table-stores';

interface Shelf {
  get(id: string): Promise<string | undefined>;
  pages(prefix: string): AsyncIterable<string[]>;
}

/** A store whose module is loaded on first call, counting the loads; `failFirst` makes the first load fail. */
function lazyShelf(failFirst = false) {
  let loads = 0;
  const shelf = onFirstCall<Shelf>(async () => {
    loads += 1;
    if (failFirst && loads === 1) throw new Error('the chunk could not be read');
    return {
      get: async (id) => (id === 'a' ? 'apple' : undefined),
      async *pages(prefix) {
        yield [`${prefix}1`, `${prefix}2`];
        yield [`${prefix}3`];
      },
    };
  });
  return { shelf, loads: () => loads };
}

describe('a store loaded on the first call of one of its methods', () => {
  it('loads nothing until a method is called, then once, however many calls follow', async () => {
    const { shelf, loads } = lazyShelf();
    expect(loads()).toBe(0);
    await expect(Promise.all([shelf.get('a'), shelf.get('b')])).resolves.toEqual(['apple', undefined]);
    await shelf.get('a');
    expect(loads()).toBe(1);
  });

  it('gives the pages of a method that reads them one after another, to `for await`', async () => {
    const { shelf } = lazyShelf();
    const pages: string[][] = [];
    for await (const page of shelf.pages('p')) pages.push(page);
    expect(pages).toEqual([['p1', 'p2'], ['p3']]);
  });

  it('tries a failed load again on the next call rather than remembering the failure', async () => {
    const { shelf, loads } = lazyShelf(true);
    await expect(shelf.get('a')).rejects.toThrow('could not be read');
    await expect(shelf.get('a')).resolves.toBe('apple');
    expect(loads()).toBe(2);
  });

  it('is not itself a promise, so a port can be awaited or handed on as it is', async () => {
    const { shelf, loads } = lazyShelf();
    expect(await shelf).toBe(shelf);
    expect(loads()).toBe(0);
  });
});
