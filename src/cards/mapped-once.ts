/**
 * `f` over a list, worked out once per list object: the same list comes back for every card (a
 * setting's word list, a summary node's breadcrumb), and mapping it each time was measurable work.
 */
export function mappedOnce<T, U>(f: (item: T) => U): (list: readonly T[]) => readonly U[] {
  const done = new WeakMap<readonly T[], readonly U[]>();
  return (list) => {
    let mapped = done.get(list);
    if (!mapped) {
      mapped = list.map(f);
      done.set(list, mapped);
    }
    return mapped;
  };
}
