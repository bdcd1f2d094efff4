// Node 20 (the extension host of VS Code before 1.101, and many drafters' machines) lacks
// Object.groupBy, which Chevrotain 13 calls while it builds the parser. Imported first by
// each entry point (lsp/main.ts, cli/main.ts), before anything builds a parser.
type GroupBy = <T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K) => Partial<Record<K, T[]>>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };

if (typeof objectWithGroupBy.groupBy !== 'function') {
  const groupBy: GroupBy = <T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K) => {
    const groups = Object.create(null) as Partial<Record<K, T[]>>;
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      (groups[k] ??= []).push(item);
    }
    return groups;
  };
  Object.defineProperty(Object, 'groupBy', { value: groupBy, writable: true, configurable: true, enumerable: false });
}

export {};
