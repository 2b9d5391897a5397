import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * zustand's vanilla stores read from Preact with plain hooks (no react/compat layer): a component
 * re-renders only when the slice it selected changes (Object.is), so selectors must return stored
 * references or primitives, never fresh objects.
 */
export function useStore<S, U>(store: StoreApi<S>, selector: (state: S) => U): U {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = selector(store.getState());
  const latest = useRef({ selector, selected });
  latest.current = { selector, selected };
  // Subscribed as soon as the component is in the DOM, so a tap right after it appears is not missed.
  useLayoutEffect(() => {
    const check = () => {
      const next = latest.current.selector(store.getState());
      if (!Object.is(next, latest.current.selected)) rerender(0);
    };
    check(); // the state may have changed between render and subscription
    return store.subscribe(check);
  }, [store]);
  return selected;
}

/** A store usable like zustand's `create` result: `useX(selector)` in components, `useX.getState()` elsewhere. */
export type BoundStore<S> = (<U>(selector: (state: S) => U) => U) & StoreApi<S>;

export function bindStore<S>(store: StoreApi<S>): BoundStore<S> {
  const useBound = <U,>(selector: (state: S) => U): U => useStore(store, selector);
  return Object.assign(useBound, store);
}
