import { useEffect } from 'preact/hooks';
import { useComposerStore } from '../../../state/composerStore.ts';

/**
 * The preview uses the counter's own components, which keep ticks and the chosen campaign in the
 * composer store. Its campaign id is a preview-only key, so its ticks never mix with a visit's;
 * when the preview goes, its ticks go and the counter's chosen campaign is put back.
 */
export function useIsolatedComposer(previewId: string): void {
  useEffect(() => {
    const chosen = useComposerStore.getState().selectedCampaignId;
    return () => {
      useComposerStore.getState().resetDraft(previewId);
      useComposerStore.setState({ selectedCampaignId: chosen });
    };
  }, [previewId]);
}
