import { createStore } from 'zustand/vanilla';
import { bindStore } from '../state/useStore.ts';

/** A new app version is installed and waiting; `apply` activates it and reloads the page. */
export interface UpdateState {
  waiting: boolean;
  apply: () => void;
  setWaiting: (apply: () => void) => void;
}

export const useUpdateStore = bindStore(
  createStore<UpdateState>((set) => ({
    waiting: false,
    apply: () => undefined,
    setWaiting: (apply) => set({ waiting: true, apply }),
  })),
);
