import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A web contents stand-in: an event emitter that records its window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  sent: Array<[string, unknown]> = [];
  mainFrame = { url: 'app://renderer/index.html' };
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown) {
    this.sent.push([channel, message]);
  }
}

/** Emits an Electron-style event and reports whether a listener called preventDefault. */
export function emitPreventable(target: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = { defaultPrevented: false, preventDefault: vi.fn(() => (event.defaultPrevented = true)) };
  target.emit(name, event, ...args);
  return event.defaultPrevented;
}
