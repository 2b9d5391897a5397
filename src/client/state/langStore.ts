import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { bindStore } from './useStore.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

/** The chosen language, kept in localStorage so a shared tablet keeps it across reloads. */
export const useLangStore = bindStore(
  createStore<LangState>()(
    persist(
      (set) => ({
        lang: 'zh-CN',
        setLang: (lang) => set({ lang }),
      }),
      {
        name: 'talktrack-lang',
        storage: createJSONStorage(() => localStorage),
        partialize: (s) => ({ lang: s.lang }),
      },
    ),
  ),
);
