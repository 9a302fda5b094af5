import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

export function searchHandlers({ data }: HandlerDeps): Handlers<'search.query' | 'documents.text'> {
  return {
    'search.query': (input) => data.search(input),
    'documents.text': (input) => data.documentText(input),
  };
}
