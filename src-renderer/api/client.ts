import type { ChannelName, ErrorCode, EventName, EventPayload, Input, Output } from '../../src-shared/contract';
import './types';

/** A failed call, as {code, message} from the main side. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function api() {
  if (!window.dd) throw new ApiError('unavailable', 'Diligence Desk is not connected to its backend.');
  return window.dd;
}

/** Calls a contract channel; resolves with its output, or throws an ApiError. */
export async function invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const envelope = await api().invoke(channel, input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.data as Output<C>;
}

/** Subscribes to a contract event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
  if (!window.dd) return () => undefined;
  return window.dd.on(event, (payload) => handler(payload as EventPayload<E>));
}

export function isConnected(): boolean {
  return Boolean(window.dd);
}
