/** Hands the window's store and the API to every component, and the hooks that read them. */
import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { ScorecardApi } from "../../../shared/api/contract.ts";
import type { DocumentActions, DocumentStore, DocumentStoreState } from "./document-store.ts";

interface Services {
  api: ScorecardApi;
  store: DocumentStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ api, store, children }: Services & { children: ReactNode }) {
  return <ServicesContext.Provider value={{ api, store }}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("ServicesProvider is missing");
  return services;
}

export function useApi(): ScorecardApi {
  return useServices().api;
}

/** A slice of the window's state; the component re-renders only when the slice changes. */
export function useDocumentStore<T>(selector: (state: DocumentStoreState & DocumentActions) => T): T {
  return useStore(useServices().store, selector);
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useStoreApi(): DocumentStore {
  return useServices().store;
}
