// Small helpers shared by the benchmark scripts: percentiles, medians, timing, formatting.
import { performance } from 'node:perf_hooks';

/** The p-th percentile (0–100) by nearest rank of an unsorted list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds taken by fn, and its result. */
export function timed<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

export interface LatencySummary {
  p50: number;
  p95: number;
  max: number;
  /** The process's CPU time (user + system, all threads) during the same calls: the work done, without the time spent waiting for a core. */
  cpuP50: number;
  cpuP95: number;
  samples: number;
}

/**
 * Calls fn `warmup` times unmeasured, then up to `samples` times, and summarises the latencies. A
 * slow call stops early once `budgetMs` of measuring has passed and `minSamples` are taken, so a
 * 30 ms query does not hold the whole benchmark up (its p95 then rests on fewer samples).
 */
export function measureLatency(fn: () => unknown, samples: number, warmup = 5, budgetMs = Number.POSITIVE_INFINITY, minSamples = 30): LatencySummary {
  for (let i = 0; i < warmup; i++) fn();
  // Start each measurement from a collected heap when the process allows it (--expose-gc), so one
  // query's garbage does not land as a pause in the next one's figures.
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples; i++) {
    if (i >= minSamples && performance.now() - started > budgetMs) break;
    const before = process.cpuUsage();
    times.push(timed(fn).ms);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), samples: times.length };
}

export const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
export const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** A fixed-width text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The tests' seeded PRNG (mulberry32): generated data is the same on every machine. */
export { seededRandom } from '../../test/support/generated-room';
