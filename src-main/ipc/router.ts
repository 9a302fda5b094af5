import { contract, isChannelName, type ChannelName, type Envelope, type Output, type ParsedInput } from '../../src-shared/contract';
import { describeIssues, IpcError, toErrorPayload } from './errors';

/** Who is calling: the URL of the frame (Electron) or the page origin (dev bridge). */
export interface CallContext {
  senderUrl: string | null;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: CallContext) => Output<C> | Promise<Output<C>>;
export type Handlers<C extends ChannelName = ChannelName> = { [K in C]: Handler<K> };

export interface RouterOptions {
  handlers: Handlers;
  /** Decides whether a sender may call at all (our renderer's URL only). */
  isTrustedSender: (senderUrl: string | null) => boolean;
  /** Where unexpected errors are reported (with their stack); defaults to console.error. */
  log?: (message: string, error: unknown) => void;
}

export interface Router {
  /** Handles one raw { channel, input } message; always resolves to an envelope, never throws. */
  dispatch(message: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
}

/**
 * The single entry point of every call: checks the sender, checks the channel exists, validates
 * the input, runs the handler, validates the output, and maps any error to {code, message}.
 */
export function createRouter(options: RouterOptions): Router {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return {
    async dispatch(message, ctx) {
      try {
        if (!options.isTrustedSender(ctx.senderUrl)) {
          throw new IpcError('forbidden', 'This window is not allowed to talk to Diligence Desk.');
        }
        if (typeof message !== 'object' || message === null || Array.isArray(message)) {
          throw new IpcError('validation', 'Invalid request — expected { channel, input }.');
        }
        const { channel, input } = message as { channel?: unknown; input?: unknown };
        if (!isChannelName(channel)) {
          throw new IpcError('unknown_channel', `Unknown channel ${typeof channel === 'string' ? `"${channel.slice(0, 60)}"` : `(${typeof channel})`}.`);
        }
        const spec = contract[channel];
        const parsed = spec.input.safeParse(input);
        if (!parsed.success) throw new IpcError('validation', describeIssues(parsed.error));
        const handler = options.handlers[channel] as Handler<ChannelName>;
        const result = await handler(parsed.data as ParsedInput<ChannelName>, ctx);
        const checked = spec.output.safeParse(result);
        if (!checked.success) {
          log(`Handler for ${channel} returned data that does not match the contract`, checked.error);
          throw new IpcError('internal', 'Diligence Desk produced an invalid response. The error was logged.');
        }
        return { ok: true, data: checked.data };
      } catch (error) {
        const payload = toErrorPayload(error);
        if (payload.code === 'internal' && !(error instanceof IpcError)) log('Unexpected error while handling a request', error);
        return { ok: false, error: payload };
      }
    },
  };
}
