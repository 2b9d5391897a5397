import { createStore } from 'zustand/vanilla';
import { bindStore } from './useStore.ts';
import type { StoreFailureReason } from '../db/errors.ts';
import type { PersistenceState } from '../pwa/persistence.ts';
import type { MessageKey } from '../i18n/index.ts';

/** A failed write, kept on screen until the next write succeeds or the person dismisses it. */
export interface StoreErrorState {
  reason: StoreFailureReason | 'visit_state';
  detail: string;
}

export interface Toast {
  id: number;
  key: MessageKey;
}

interface UiState {
  persistence: PersistenceState | null;
  persistenceDismissed: boolean;
  storeError: StoreErrorState | null;
  toast: Toast | null;
  syncing: boolean;
  setPersistence: (p: PersistenceState) => void;
  dismissPersistence: () => void;
  setStoreError: (e: StoreErrorState | null) => void;
  showToast: (key: MessageKey, ms?: number) => void;
  setSyncing: (syncing: boolean) => void;
}

/** Dismissing the storage warning is remembered on this tablet: it is said once, not at every reload. */
const PERSIST_DISMISSED_KEY = 'talktrack-persist-dismissed';
export const initialPersistenceDismissed = (): boolean => {
  try {
    return localStorage.getItem(PERSIST_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
};

let toastTimer: ReturnType<typeof setTimeout> | undefined;
let toastSeq = 0;

export const useUiStore = bindStore(
  createStore<UiState>()((set) => ({
    persistence: null,
    persistenceDismissed: initialPersistenceDismissed(),
    storeError: null,
    toast: null,
    syncing: false,
    setPersistence: (persistence) => set({ persistence }),
    dismissPersistence: () => {
      try {
        localStorage.setItem(PERSIST_DISMISSED_KEY, '1');
      } catch {
        // Private mode without storage: dismissed for this session only.
      }
      set({ persistenceDismissed: true });
    },
    setStoreError: (storeError) => set({ storeError }),
    showToast: (key, ms = 2500) => {
      clearTimeout(toastTimer);
      const id = ++toastSeq;
      set({ toast: { id, key } });
      toastTimer = setTimeout(() => set((s) => (s.toast?.id === id ? { toast: null } : s)), ms);
    },
    setSyncing: (syncing) => set({ syncing }),
  })),
);
