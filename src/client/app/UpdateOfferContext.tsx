import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * A new app version waiting to be applied. main.tsx feeds it from the service-worker bridge
 * (pwa/updateStore); tests give their own. The counter applies it only between customers.
 */
export interface UpdateOffer {
  waiting: boolean;
  apply: () => void;
}

const NO_UPDATE: UpdateOffer = { waiting: false, apply: () => undefined };

export const UpdateOfferContext = createContext<UpdateOffer>(NO_UPDATE);

export const useUpdateOffer = (): UpdateOffer => useContext(UpdateOfferContext);
