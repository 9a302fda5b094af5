import { create } from 'zustand';
import type { Domain, Entity, FindingType, GapKind, Severity } from '../../src-shared/domain';
import { formatHash, parseHash, type DealPage, type Route } from './route';

// UI state only: where the user is, what is selected, filters and dialogs. Data is never stored
// here; pages fetch it through the contract.

export type Selection = { kind: 'fact' | 'gap' | 'finding'; id: number } | null;

export interface FactFilters {
  domain?: Domain;
  attribute?: string;
  entity?: Entity;
  search: string;
  sort: { by: 'subject' | 'attribute' | 'value' | 'confidence'; dir: 'asc' | 'desc' };
}
export interface GapFilters {
  domain?: Domain;
  importance?: Severity;
  kind?: GapKind;
  search: string;
  sort: { by: 'importance' | 'domain' | 'title'; dir: 'asc' | 'desc' };
}
export interface FindingFilters {
  domain?: Domain;
  type?: FindingType;
  severity?: Severity;
  search: string;
  /** Dismissed findings are hidden unless the reviewer asks to see them. */
  showDismissed: boolean;
  sort: { by: 'severity' | 'domain' | 'title' | 'type'; dir: 'asc' | 'desc' };
}

export const DEFAULT_FILTERS = {
  facts: { search: '', sort: { by: 'subject', dir: 'asc' } } as FactFilters,
  gaps: { search: '', sort: { by: 'importance', dir: 'asc' } } as GapFilters,
  findings: { search: '', showDismissed: false, sort: { by: 'severity', dir: 'asc' } } as FindingFilters,
};

interface UiState {
  route: Route;
  selection: Selection;
  newDeal: { open: boolean; folder?: string };
  /** The settings dialog (language-model extraction): app-wide, so a dialog rather than a deal page. */
  settingsOpen: boolean;
  facts: FactFilters;
  gaps: GapFilters;
  findings: FindingFilters;
  /** What the search page searches for (kept while the user opens results and comes back). */
  searchText: string;
  navigate(route: Route): void;
  /** Within the current deal: another page, keeping the chosen run. */
  goTo(page: DealPage, domain?: Domain): void;
  setRun(runNumber: number | undefined): void;
  select(selection: Selection): void;
  openNewDeal(folder?: string): void;
  closeNewDeal(): void;
  openSettings(): void;
  closeSettings(): void;
  setFacts(patch: Partial<FactFilters>): void;
  setGaps(patch: Partial<GapFilters>): void;
  setFindings(patch: Partial<FindingFilters>): void;
  setSearchText(text: string): void;
  /** Applied when the location hash changes (back/forward, links). */
  syncFromHash(hash: string): void;
}

export const useUi = create<UiState>((set, get) => ({
  route: parseHash(window.location.hash),
  selection: null,
  newDeal: { open: false },
  settingsOpen: false,
  searchText: '',
  ...DEFAULT_FILTERS,
  navigate(route) {
    const previous = get().route;
    const dealChanged = route.page === 'deals' || previous.page === 'deals' || previous.dealId !== route.dealId;
    set({ route, selection: null, ...(dealChanged ? { ...DEFAULT_FILTERS, searchText: '' } : {}) });
    const hash = formatHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
  },
  goTo(page, domain) {
    const route = get().route;
    if (route.page === 'deals') return;
    get().navigate({ page, dealId: route.dealId, runNumber: route.runNumber, ...(domain ? { domain } : {}) });
  },
  setRun(runNumber) {
    const route = get().route;
    if (route.page === 'deals') return;
    get().navigate({ ...route, runNumber });
  },
  select: (selection) => set({ selection }),
  openNewDeal: (folder) => set({ newDeal: { open: true, folder } }),
  closeNewDeal: () => set({ newDeal: { open: false } }),
  openSettings: () => set({ settingsOpen: true }),
  closeSettings: () => set({ settingsOpen: false }),
  setFacts: (patch) => set((s) => ({ facts: { ...s.facts, ...patch } })),
  setGaps: (patch) => set((s) => ({ gaps: { ...s.gaps, ...patch } })),
  setFindings: (patch) => set((s) => ({ findings: { ...s.findings, ...patch } })),
  setSearchText: (searchText) => set({ searchText }),
  syncFromHash(hash) {
    const route = parseHash(hash);
    if (formatHash(route) !== formatHash(get().route)) get().navigate(route);
  },
}));

/** The current deal id, or null on the deals list. */
export function useDealId(): number | null {
  return useUi((s) => (s.route.page === 'deals' ? null : s.route.dealId));
}

export function useRunNumber(): number | undefined {
  return useUi((s) => (s.route.page === 'deals' ? undefined : s.route.runNumber));
}
