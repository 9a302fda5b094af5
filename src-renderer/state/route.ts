import { DOMAINS, type Domain } from '../../src-shared/domain';

export const DEAL_PAGES = ['dashboard', 'progress', 'domain', 'findings', 'gaps', 'facts', 'documents', 'runs', 'compare', 'search'] as const;
export type DealPage = (typeof DEAL_PAGES)[number];

export type Route =
  | { page: 'deals' }
  | { page: DealPage; dealId: number; domain?: Domain; runNumber?: number };

/** Parses the location hash: #/deals/3/domain/applications?run=2. Anything unknown is the deals list. */
export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  if (parts[0] !== 'deals' || parts.length < 3) return { page: 'deals' };
  const dealId = Number(parts[1]);
  const page = parts[2] as DealPage;
  if (!Number.isInteger(dealId) || dealId < 1 || !(DEAL_PAGES as readonly string[]).includes(page)) return { page: 'deals' };
  const run = Number(new URLSearchParams(queryPart).get('run'));
  const runNumber = Number.isInteger(run) && run > 0 ? run : undefined;
  if (page === 'domain') {
    const domain = parts[3] as Domain;
    if (!(DOMAINS as readonly string[]).includes(domain)) return { page: 'dashboard', dealId, runNumber };
    return { page, dealId, domain, runNumber };
  }
  return { page, dealId, runNumber };
}

export function formatHash(route: Route): string {
  if (route.page === 'deals') return '#/';
  const domain = route.page === 'domain' && route.domain ? `/${route.domain}` : '';
  const run = route.runNumber ? `?run=${route.runNumber}` : '';
  return `#/deals/${route.dealId}/${route.page}${domain}${run}`;
}
