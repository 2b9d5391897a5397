import { createStore } from 'zustand/vanilla';
import { bindStore } from './useStore.ts';
import { MUST_SAY_KEYS, type MustSayKey } from '../../shared/mustSay.ts';
import type { DeclineReason, Outcome } from '../../shared/schemas/fieldRecords.ts';

/**
 * The recommendation being composed, per campaign: which must-say elements were ticked, the demo
 * device, the outcome and the decline reason. UI state only: it becomes a record when the person
 * taps "record", and it survives a failed write so they can retry.
 */
export interface Draft {
  said: readonly MustSayKey[];
  demo: boolean;
  outcome: Outcome | null;
  declineReason: DeclineReason | null;
}

export const EMPTY_DRAFT: Draft = { said: [], demo: false, outcome: null, declineReason: null };

interface ComposerState {
  selectedCampaignId: string | null;
  drafts: Readonly<Record<string, Draft>>;
  select: (campaignId: string) => void;
  toggleSaid: (campaignId: string, key: MustSayKey) => void;
  setAllSaid: (campaignId: string, all: boolean) => void;
  setDemo: (campaignId: string, demo: boolean) => void;
  setOutcome: (campaignId: string, outcome: Outcome) => void;
  setDeclineReason: (campaignId: string, reason: DeclineReason) => void;
  resetDraft: (campaignId: string) => void;
  resetAll: () => void;
}

const inOrder = (keys: Iterable<MustSayKey>): MustSayKey[] => {
  const set = new Set(keys);
  return MUST_SAY_KEYS.filter((k) => set.has(k));
};

export const useComposerStore = bindStore(
  createStore<ComposerState>()((set) => {
    const change = (campaignId: string, f: (d: Draft) => Draft) =>
      set((s) => ({ drafts: { ...s.drafts, [campaignId]: f(s.drafts[campaignId] ?? EMPTY_DRAFT) } }));
    return {
      selectedCampaignId: null,
      drafts: {},
      select: (campaignId) => set({ selectedCampaignId: campaignId }),
      toggleSaid: (campaignId, key) =>
        change(campaignId, (d) => ({
          ...d,
          said: d.said.includes(key) ? d.said.filter((k) => k !== key) : inOrder([...d.said, key]),
        })),
      setAllSaid: (campaignId, all) => change(campaignId, (d) => ({ ...d, said: all ? [...MUST_SAY_KEYS] : [] })),
      setDemo: (campaignId, demo) => change(campaignId, (d) => ({ ...d, demo })),
      setOutcome: (campaignId, outcome) =>
        change(campaignId, (d) => ({ ...d, outcome, declineReason: outcome === 'declined' ? d.declineReason : null })),
      setDeclineReason: (campaignId, reason) => change(campaignId, (d) => ({ ...d, outcome: 'declined', declineReason: reason })),
      resetDraft: (campaignId) =>
        set((s) => {
          const drafts = { ...s.drafts };
          delete drafts[campaignId];
          return { drafts };
        }),
      resetAll: () => set({ drafts: {} }),
    };
  }),
);

/** Whether one element is ticked: each checklist row subscribes to its own tick only. */
export const useIsSaid = (campaignId: string, key: MustSayKey): boolean =>
  useComposerStore((s) => s.drafts[campaignId]?.said.includes(key) ?? false);

export const useDraft = (campaignId: string | null): Draft =>
  useComposerStore((s) => (campaignId ? s.drafts[campaignId] : undefined) ?? EMPTY_DRAFT);
