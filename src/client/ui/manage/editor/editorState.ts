import type { CampaignDetailResponse, CampaignDraft, ManagedCampaign, VersionSummary } from '../../../../shared/schemas/manage.ts';

/** The editor's data: the draft being typed, what was last stored, and the stored campaign (null while new). */
export interface EditorState {
  draft: CampaignDraft;
  /** The draft as last loaded or saved; the editor has unsaved changes while they differ. */
  savedJson: string;
  campaign: ManagedCampaign | null;
  versions: readonly VersionSummary[];
}

export type EditorAction =
  | { type: 'start'; draft: CampaignDraft }
  | { type: 'loaded'; detail: CampaignDetailResponse }
  | { type: 'edit'; change: (draft: CampaignDraft) => CampaignDraft }
  | { type: 'saved'; campaign: ManagedCampaign; draft: CampaignDraft }
  | { type: 'published'; campaign: ManagedCampaign };

export function editorReducer(state: EditorState | null, action: EditorAction): EditorState | null {
  switch (action.type) {
    case 'start':
      return { draft: action.draft, savedJson: JSON.stringify(action.draft), campaign: null, versions: [] };
    case 'loaded':
      return {
        draft: action.detail.draft,
        savedJson: JSON.stringify(action.detail.draft),
        campaign: action.detail.campaign,
        versions: action.detail.versions,
      };
    case 'edit':
      return state && { ...state, draft: action.change(state.draft) };
    case 'saved':
      // What was typed while the save was on its way stays, and still counts as unsaved.
      return state && { ...state, savedJson: JSON.stringify(action.draft), campaign: action.campaign };
    case 'published':
      return state && { ...state, campaign: action.campaign };
  }
}

export const isDirty = (state: EditorState): boolean => JSON.stringify(state.draft) !== state.savedJson;
