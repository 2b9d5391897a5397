import { create } from 'zustand';

/** A new app version is installed and waiting; `apply` activates it and reloads the page. */
export interface UpdateState {
  waiting: boolean;
  apply: () => void;
  setWaiting: (apply: () => void) => void;
}

export const useUpdateStore = create<UpdateState>((set) => ({
  waiting: false,
  apply: () => undefined,
  setWaiting: (apply) => set({ waiting: true, apply }),
}));
