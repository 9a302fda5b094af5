import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

export function compareHandlers({ data }: HandlerDeps): Handlers<'runs.compare'> {
  return {
    'runs.compare': (input) => data.compare(input),
  };
}
