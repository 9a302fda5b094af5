import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type ResultChannels =
  | 'dashboard.get'
  | 'domain.get'
  | 'inventory.list'
  | 'facts.list'
  | 'facts.attributes'
  | 'facts.get'
  | 'gaps.list'
  | 'gaps.get'
  | 'findings.list'
  | 'findings.get'
  | 'documents.list'
  | 'documents.skipped';

export function resultHandlers({ data }: HandlerDeps): Handlers<ResultChannels> {
  return {
    'dashboard.get': ({ dealId, runNumber }) => data.dashboard(dealId, runNumber),
    'domain.get': ({ dealId, runNumber, domain }) => data.domain(dealId, domain, runNumber),
    'inventory.list': (input) => data.inventory(input),
    'facts.list': (input) => data.facts(input),
    'facts.attributes': (input) => data.factAttributes(input),
    'facts.get': ({ dealId, factId }) => data.fact(dealId, factId),
    'gaps.list': (input) => data.gaps(input),
    'gaps.get': ({ dealId, gapId }) => data.gap(dealId, gapId),
    'findings.list': (input) => data.findings(input),
    'findings.get': ({ dealId, findingId }) => data.finding(dealId, findingId),
    'documents.list': (input) => data.documents(input),
    'documents.skipped': (input) => data.skippedFiles(input),
  };
}
