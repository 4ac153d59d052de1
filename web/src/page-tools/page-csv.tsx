import { createContext, useContext, useEffect, useId, useMemo, useSyncExternalStore, type ReactNode } from 'react';

/** One CSV a page offers: the file name and its text, built only when asked for. */
export interface PageCsv {
  fileName: string;
  text: () => string;
}

/** The CSVs of the page shown, in the order their charts appear; "Download all" zips them. */
class PageCsvRegistry {
  private files = new Map<string, PageCsv>();
  private snapshot: PageCsv[] = [];
  private listeners = new Set<() => void>();

  set(id: string, file: PageCsv | null): void {
    if (file) this.files.set(id, file);
    else this.files.delete(id);
    this.snapshot = [...this.files.values()];
    this.listeners.forEach((l) => l());
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  list = () => this.snapshot;
}

const RegistryContext = createContext<PageCsvRegistry | null>(null);

/** Around one page: its charts register their CSVs here. A new key (a new page) starts empty. */
export function PageCsvProvider({ children }: { children: ReactNode }) {
  const registry = useMemo(() => new PageCsvRegistry(), []);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/**
 * Offers a CSV to the page's "Download all" while `file` is not null: the same builder as the
 * chart's own Download CSV, so both files are one and the same.
 */
export function usePageCsv(file: PageCsv | null): void {
  const registry = useContext(RegistryContext);
  const id = useId();
  useEffect(() => {
    if (!registry) return;
    registry.set(id, file);
    return () => registry.set(id, null);
  }, [registry, id, file]);
}

/** The CSVs the page offers now. */
export function usePageCsvFiles(): PageCsv[] {
  const registry = useContext(RegistryContext);
  return useSyncExternalStore(registry?.subscribe ?? noSubscribe, registry?.list ?? noFiles);
}

const NONE: PageCsv[] = [];
const noFiles = () => NONE;
const noSubscribe = () => () => undefined;
