import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type ReviewChannels = 'reviews.fact.set' | 'reviews.finding.set' | 'reviews.audit';

export function reviewHandlers({ data, reviews, emit }: HandlerDeps): Handlers<ReviewChannels> {
  return {
    'reviews.fact.set': (input) => {
      const state = reviews.fact(input);
      // Open lists, details and the dashboard refetch on it: the decision shows everywhere at once.
      emit('deals.changed', { dealId: input.dealId });
      return state;
    },
    'reviews.finding.set': (input) => {
      const state = reviews.finding(input);
      emit('deals.changed', { dealId: input.dealId });
      return state;
    },
    'reviews.audit': (input) => data.reviewAudit(input),
  };
}
