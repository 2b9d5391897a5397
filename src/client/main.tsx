import { render } from 'preact';
import { App } from './app/App.tsx';
import { firstScreenShown } from './app/firstScreen.ts';
import { createLazyServices } from './app/lazyServices.ts';
import { ServicesProvider } from './app/ServicesContext.tsx';
import { UpdateOfferContext } from './app/UpdateOfferContext.tsx';
import { requestPersistence } from './pwa/persistence.ts';
import { registerServiceWorker } from './pwa/swBridge.ts';
import { useUpdateStore } from './pwa/updateStore.ts';
import { useUiStore } from './state/uiStore.ts';
import './styles/base.css';
import './styles/screens.css';
import './styles/counter.css';

// Which build this page runs (a new version differs); the update tests read it.
document.documentElement.dataset.build = __APP_BUILD__;

// Created once per page. The database is there at once; the network layer follows in its own chunk,
// after the first screen has painted (or sooner, when a page asks the server something first).
const services = createLazyServices(undefined, firstScreenShown);

/** The service worker's update offer, handed to the UI through context (tests give their own). */
function Root() {
  const waiting = useUpdateStore((s) => s.waiting);
  const apply = useUpdateStore((s) => s.apply);
  return (
    <UpdateOfferContext.Provider value={{ waiting, apply }}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </UpdateOfferContext.Provider>
  );
}

render(<Root />, document.getElementById('app')!);

registerServiceWorker();
void requestPersistence().then((state) => useUiStore.getState().setPersistence(state));
services.sync.start();
