import type { Envelope } from '../../src-shared/contract';

/**
 * What the preload exposes on window.dd (and the bridge shim imitates): exactly two functions.
 * invoke resolves to an envelope; it never rejects for application errors.
 */
export interface DdApi {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    dd?: DdApi;
  }
}
