// The IPC contract: every channel's input and output schema, and every event's payload schema.
// Main validates both directions against it; the renderer gets its types from it.
import type { z } from 'zod';
import { appChannels } from './app';
import { compareChannels } from './compare';
import { dealChannels } from './deals';
import type { ChannelSpec } from './define';
import { exportChannels } from './exports';
import { resultChannels } from './results';
import { reviewChannels } from './reviews';
import { runChannels } from './runs';
import { searchChannels } from './search';
import { settingsChannels } from './settings';
import type { ChannelName } from './names';

export const contract = {
  ...appChannels,
  ...dealChannels,
  ...runChannels,
  ...resultChannels,
  ...reviewChannels,
  ...compareChannels,
  ...searchChannels,
  ...exportChannels,
  ...settingsChannels,
} satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
/** Compile-time proof that the contract has no channel missing from CHANNELS (satisfies proves none is missing). */
type OnlyKnown<T extends never> = T;
export type NoUnknownChannels = OnlyKnown<Exclude<keyof Contract, ChannelName>>;
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = z.output<Contract[C]['output']>;

export * from './names';
export * from './common';
export * from './events';
export * from './app';
export * from './deals';
export * from './runs';
export * from './results';
export * from './progress';
export * from './settings';
export * from './reviews';
export * from './compare';
export * from './search';
export * from './exports';
