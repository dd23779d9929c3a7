import { useCallback, useRef, useState } from 'react';

/**
 * `useReducer` whose latest state is readable at once. Ink re-subscribes an input handler only after
 * React commits, so a fast second key would otherwise see the state before the first: a Good typed
 * right after space would be dropped, and two quick keys could rate one card twice.
 */
export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, () => S] {
  const current = useRef<{ state: S } | null>(null);
  if (current.current === null) current.current = { state: init() };
  const latestReducer = useRef(reducer);
  latestReducer.current = reducer;
  const [state, setState] = useState(current.current.state);
  const dispatch = useCallback((action: A) => {
    const box = current.current as { state: S };
    box.state = latestReducer.current(box.state, action);
    setState(box.state);
  }, []);
  const getState = useCallback(() => (current.current as { state: S }).state, []);
  return [state, dispatch, getState];
}
