import type { LlmSettingsDraft } from '../../../src-shared/contract';
import { LlmSettingsError, type LlmSettingsInput } from '../../services/llm-settings';
import { IpcError } from '../errors';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type SettingsChannels = 'settings.llm.get' | 'settings.llm.save' | 'settings.llm.test';

/** The contract's explicit key action, as the service takes it: absent keeps, null clears. */
function toInput(draft: LlmSettingsDraft): LlmSettingsInput {
  const { apiKey, ...rest } = draft;
  return { ...rest, ...(apiKey.action === 'keep' ? {} : { apiKey: apiKey.action === 'clear' ? null : apiKey.value }) };
}

/** Runs a settings call, turning its refusals into errors the page can show as they are written. */
export function llmSettingsCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw translate(error);
  }
}

function translate(error: unknown): unknown {
  return error instanceof LlmSettingsError ? new IpcError(error.code === 'invalid' ? 'validation' : 'unavailable', error.message) : error;
}

export function settingsHandlers({ llmSettings }: HandlerDeps): Handlers<SettingsChannels> {
  return {
    'settings.llm.get': () => llmSettings.get(),
    'settings.llm.save': (draft) => llmSettingsCall(() => llmSettings.save(toInput(draft))),
    'settings.llm.test': ({ draft }) => llmSettings.testConnection(draft ? toInput(draft) : undefined).catch((error: unknown) => Promise.reject(translate(error))),
  };
}
