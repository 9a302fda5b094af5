import { describeEndpoint } from '../analysis/llm/endpoint';
import { LlmConfigError, modelSettings, type LlmRunOptions } from '../analysis/llm';
import { CliError } from './context';

/** The environment variable the CLI reads a model server's API key from (never a command-line argument, which other users can see). */
export const MODEL_KEY_ENV = 'DILIGENCE_DESK_LLM_API_KEY';

export interface ModelArgs {
  endpoint?: string;
  model?: string;
  allowRemote?: boolean;
}

/**
 * The language-model options of a new run from the CLI, or undefined when the model is off (the
 * default: no option, no network). Checked before anything is written, with the same rules as the
 * app's settings: a host other than this computer needs --allow-remote.
 */
export function modelRunOptions(args: ModelArgs, err: (line: string) => void): LlmRunOptions | undefined {
  if (args.endpoint === undefined && args.model === undefined) {
    if (args.allowRemote) throw new CliError('--allow-remote only applies with --model-endpoint and --model.');
    return undefined;
  }
  if (!args.endpoint || !args.model) throw new CliError('The language model needs both --model-endpoint URL (an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1) and --model NAME.');
  const options: LlmRunOptions = {
    config: { provider: 'openai-compatible', endpoint: args.endpoint, model: args.model, allowRemote: args.allowRemote === true },
    apiKey: process.env[MODEL_KEY_ENV] || null,
  };
  try {
    modelSettings(options);
  } catch (error) {
    if (error instanceof LlmConfigError) throw new CliError(error.message.replace('in the settings first', 'with --allow-remote'));
    throw error;
  }
  err(`Language model: ${args.model} at ${args.endpoint}. ${describeEndpoint(args.endpoint).description}`);
  return options;
}

/** A resumed run asks the model it was started with; only the key comes from the environment again. */
export function resumeModelOptions(): LlmRunOptions {
  return { apiKey: process.env[MODEL_KEY_ENV] || null };
}
