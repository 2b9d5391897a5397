import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Services } from './services.ts';

/** The app's services, given to every component; tests provide their own (fresh DB, fake API). */
const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ComponentChildren }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesProvider>');
  return services;
}
