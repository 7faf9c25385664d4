import { readFileSync, writeFileSync } from 'node:fs';

function statusKb(field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of this process in MB (Linux VmHWM), falling back to the current RSS elsewhere. */
export function peakRssMb(): number {
  const kb = statusKb('VmHWM');
  return kb !== undefined ? kb / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/** Resets the kernel's peak-RSS mark to the current RSS (Linux ≥ 4.0), so the next peak is per task. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
