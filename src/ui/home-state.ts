/** The home tree's state (which rows are open, which is selected) and its reducer: pure. */
import type { TreeRow } from './deck-tree.js';

export interface VisibleRow {
  readonly row: TreeRow;
  readonly depth: number;
  readonly parent: string | null;
}

export interface HomeState {
  readonly open: ReadonlySet<string>;
  /** Id of the selected row. */
  readonly selected: string | null;
  /** The help overlay is open. */
  readonly help: boolean;
}

export type HomeAction =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'open' }
  | { readonly type: 'close' }
  | { readonly type: 'toggle' }
  | { readonly type: 'help'; readonly open: boolean };

/** The rows on screen: every open row's children, depth first. */
export function visibleRows(tree: readonly TreeRow[], open: ReadonlySet<string>): VisibleRow[] {
  const out: VisibleRow[] = [];
  const walk = (rows: readonly TreeRow[], depth: number, parent: string | null) => {
    for (const row of rows) {
      out.push({ row, depth, parent });
      if (open.has(row.id)) walk(row.children, depth + 1, row.id);
    }
  };
  walk(tree, 0, null);
  return out;
}

/** Decks start open, so their chapters show at once. */
export function initialHomeState(tree: readonly TreeRow[]): HomeState {
  return { open: new Set(tree.map((row) => row.id)), selected: tree[0]?.id ?? null, help: false };
}

const withOpen = (open: ReadonlySet<string>, id: string, isOpen: boolean) => {
  const next = new Set(open);
  if (isOpen) next.add(id);
  else next.delete(id);
  return next;
};

/** Index of the selected row among `rows` (the first when it is gone). */
export function selectedIndex(rows: readonly VisibleRow[], selected: string | null): number {
  return Math.max(rows.findIndex((r) => r.row.id === selected), 0);
}

/** The reducer over a given tree (rows change when the tree reloads; the state keeps ids). */
export function homeReducer(tree: readonly TreeRow[]) {
  return (state: HomeState, action: HomeAction): HomeState => {
    if (action.type === 'help') return { ...state, help: action.open };
    const rows = visibleRows(tree, state.open);
    const index = selectedIndex(rows, state.selected);
    const current = rows[index];
    if (!current) return state;
    switch (action.type) {
      case 'move': {
        const to = Math.max(0, Math.min(index + action.by, rows.length - 1));
        return { ...state, selected: rows[to]!.row.id };
      }
      case 'open':
        if (current.row.children.length === 0) return state;
        if (state.open.has(current.row.id)) return { ...state, selected: current.row.children[0]!.id };
        return { ...state, open: withOpen(state.open, current.row.id, true) };
      case 'close':
        if (state.open.has(current.row.id)) return { ...state, open: withOpen(state.open, current.row.id, false) };
        return current.parent ? { ...state, selected: current.parent } : state;
      case 'toggle':
        if (current.row.children.length === 0) return state;
        return { ...state, open: withOpen(state.open, current.row.id, !state.open.has(current.row.id)) };
    }
  };
}
