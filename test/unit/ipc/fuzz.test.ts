import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../../src-shared/contract';
import { testBackend, TRUSTED } from './backend-fixture';
import { POISON_VALUES, prng, randomValue, VALID_INPUTS } from './valid-inputs';

// Random and malformed payloads to every channel are rejected with a validation error, and the
// main side keeps answering. Inputs are strict objects of bounded scalars, so everything generated
// here is invalid by construction (an unknown key, a wrong type, or a value out of range).

function mutations(valid: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, replace: (v: unknown) => unknown) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      for (const poison of POISON_VALUES) out.push(replace({ ...(value as object), [key]: poison }));
      walk(child, (v) => replace({ ...(value as object), [key]: v }));
    }
    out.push(replace({ ...(value as object), unexpected: 1 }));
  };
  walk(valid, (v) => v);
  return out;
}

describe('IPC fuzz', () => {
  it('every valid sample passes its schema (so the mutations below test the right thing)', () => {
    for (const channel of CHANNELS) expect(contract[channel].input.safeParse(VALID_INPUTS[channel]).success, channel).toBe(true);
  });

  it('rejects mutated inputs on every channel with a validation error', async () => {
    const { backend, logged } = testBackend();
    let calls = 0;
    for (const channel of CHANNELS) {
      const cases = [...mutations(VALID_INPUTS[channel]), ...POISON_VALUES, 'string', 42, [], [VALID_INPUTS[channel]]];
      for (const input of cases) {
        const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
        calls += 1;
        expect(reply.ok, `${channel} accepted ${inspect(input, { depth: 3 })}`).toBe(false);
        if (!reply.ok) expect(reply.error.code, `${channel}: ${reply.error.message}`).toBe('validation');
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(logged).toEqual([]);
  });

  it('rejects random payloads on every channel, never crashing or leaking internals', async () => {
    const { backend, logged } = testBackend();
    const rand = prng(20260630);
    for (const channel of CHANNELS) {
      for (let i = 0; i < 150; i++) {
        let input = randomValue(rand);
        // An empty object is valid for the few channels without parameters: make every case invalid.
        if (typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0) input = { x_: 1 };
        const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
        expect(reply.ok, `${channel} accepted ${inspect(input, { depth: 3 })}`).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe('validation');
          expect(reply.error.message).not.toMatch(/at .*\.ts:\d+|SQLITE|node_modules/);
        }
      }
    }
    expect(logged).toEqual([]);
    const after = await backend.router.dispatch({ channel: 'deals.list', input: {} }, TRUSTED);
    expect(after).toEqual({ ok: true, data: { deals: [] } });
  });

  it('rejects malformed envelopes and unknown channels without touching Object.prototype', async () => {
    const { backend } = testBackend();
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "channel": "deals.list", "input": {}}') as unknown;
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 5000; i++) {
      const next: unknown[] = [];
      cursor.push(next);
      cursor = next;
    }
    const cases: Array<[unknown, string]> = [
      [null, 'validation'],
      [undefined, 'validation'],
      ['deals.list', 'validation'],
      [[{ channel: 'deals.list', input: {} }], 'validation'],
      [{}, 'unknown_channel'],
      [{ channel: 42, input: {} }, 'unknown_channel'],
      [{ channel: '__proto__', input: {} }, 'unknown_channel'],
      [{ channel: 'constructor', input: {} }, 'unknown_channel'],
      [{ channel: 'toString', input: {} }, 'unknown_channel'],
      [{ channel: 'deals.list ', input: {} }, 'unknown_channel'],
      [{ channel: 'x'.repeat(1_000_000), input: {} }, 'unknown_channel'],
      [{ channel: 'deals.get', input: deep }, 'validation'],
      [{ channel: 'facts.list', input: { dealId: 1, page: { limit: 10, offset: 0 }, filter: { search: 'x'.repeat(100_000) } } }, 'validation'],
    ];
    for (const [message, code] of cases) {
      const reply = await backend.router.dispatch(message, TRUSTED);
      expect(reply).toMatchObject({ ok: false, error: { code } });
    }
    const reply = await backend.router.dispatch(polluted, TRUSTED);
    expect(reply.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists exactly the channels of the contract', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    const channels: ChannelName[] = [...CHANNELS];
    expect(new Set(channels).size).toBe(channels.length);
  });
});
