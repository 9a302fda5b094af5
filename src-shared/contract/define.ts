import type { z } from 'zod';

/** A channel: the schema of its input and of its output. Queries read; commands change state. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'command';
  input: I;
  output: O;
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { kind: 'query', input, output };
}

export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { kind: 'command', input, output };
}
