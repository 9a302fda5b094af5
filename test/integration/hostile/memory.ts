// Peak memory of this process while something runs: sampled every few milliseconds and, on Linux,
// also the kernel's high-water mark (VmHWM, reset at the start through /proc/self/clear_refs), which
// catches spikes inside one synchronous call that sampling would miss.
import { readFileSync, writeFileSync } from 'node:fs';

export interface MemoryPeak {
  /** Peak resident set size above the level at start. */
  rssGrowthBytes: number;
  /** Peak of memory outside the JS heap (Buffers, inflated data) above the level at start. */
  externalGrowthBytes: number;
  /** Whether the kernel's high-water mark was available (else sampling only). */
  kernelPeak: boolean;
}

function highWaterMark(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function sampleMemory(intervalMs = 5): { stop(): MemoryPeak } {
  const kernel = resetHighWaterMark() && highWaterMark() !== null;
  const start = process.memoryUsage();
  let rss = start.rss;
  let external = start.external;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    external = Math.max(external, now.external);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const peak = kernel ? Math.max(rss, highWaterMark() ?? 0) : rss;
      return { rssGrowthBytes: peak - start.rss, externalGrowthBytes: external - start.external, kernelPeak: kernel };
    },
  };
}
