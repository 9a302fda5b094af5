import type { Handlers } from '../router';
import { appHandlers } from './app';
import { compareHandlers } from './compare';
import { dealHandlers } from './deals';
import type { HandlerDeps } from './deps';
import { exportHandlers } from './exports';
import { resultHandlers } from './results';
import { reviewHandlers } from './reviews';
import { runHandlers } from './runs';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';

export type { HandlerDeps, Platform } from './deps';

/** One handler map per domain, merged into the full contract (a missing channel fails to compile). */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...dealHandlers(deps),
    ...runHandlers(deps),
    ...resultHandlers(deps),
    ...reviewHandlers(deps),
    ...compareHandlers(deps),
    ...searchHandlers(deps),
    ...exportHandlers(deps),
    ...settingsHandlers(deps),
  };
}
