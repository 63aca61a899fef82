import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const MiB = 1024 * 1024;

/**
 * How large the till lets V8's young generation grow (`new_space`: both semi-spaces), issue 19,
 * item 5. Under a fast load V8 doubles it whenever enough has survived its scavenges (16 → 32 → 64
 * → 128 MiB on a machine with much memory) and keeps it for the load's length: 40–60 MiB of RSS the
 * till holds right after a busy spell. The till starts with 16 MiB here; holding it there kept RSS
 * right after the bench's fast load within the 120 MiB budget (README, *Memory*).
 */
export const YOUNG_GENERATION_CAP_BYTES = 16 * MiB;

/**
 * Waiter requests between two looks at the young generation: a look costs about 3 µs, and V8 needs
 * far more survivors than 256 requests leave to double it twice.
 */
export const LOOK_EVERY_REQUESTS = 256;

/** V8's own factor for the young generation's growth (`--semi-space-growth-factor`). */
const V8_GROWTH_FACTOR = 2;

export type GrowthFactor = 1 | typeof V8_GROWTH_FACTOR;

/**
 * V8's factor for the young generation's next growth: its own (doubling) while that stays within the
 * cap, 1 (no growth) once doubling would pass it. So the young generation never grows past the cap,
 * and grows again as far as the cap once V8 has shrunk it (the quiet release, or V8 itself).
 */
export function youngGrowthFactor(youngBytes: number, capBytes: number): GrowthFactor {
  return youngBytes * V8_GROWTH_FACTOR > capBytes ? 1 : V8_GROWTH_FACTOR;
}

export interface YoungGenerationCapOptions {
  capBytes?: number;
  lookEvery?: number;
  /** The young generation's size now (V8's `new_space`). */
  youngBytes?: () => number;
  /** Tells V8 the factor for its next growth of the young generation. */
  setGrowthFactor?: (factor: GrowthFactor) => void;
  /** The young generation grew although growth was stopped: this V8 ignores the flag, the cap is given up. */
  notHonoured?: (youngBytes: number, capBytes: number) => void;
}

const v8YoungBytes = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/** `--semi-space-growth-factor` is read each time V8 grows the young generation, so it works after start. */
const v8GrowthFactor = (factor: GrowthFactor): void => setFlagsFromString(`--semi-space-growth-factor=${factor}`);

/**
 * Keeps V8's young generation within a cap while the waiters call. `--max-semi-space-size` is read
 * only when the process starts (Electron's main process cannot take it from the app), but V8 reads
 * its growth factor at each growth: every `lookEvery` waiter requests the till looks at the young
 * generation's size (first at the first request) and sets the factor to 1 when doubling would pass the cap, back to V8's 2 when
 * it would not. The factor is set only when it changes. Where V8 grows it anyway, the cap is given
 * up (factor back to 2) and `notHonoured` is told once.
 */
export class YoungGenerationCap {
  /** The first look comes with the first waiter request: V8 may grow the young generation early in a spell. */
  private requestsSince: number;
  private factor: GrowthFactor = V8_GROWTH_FACTOR;
  /** The young generation at the last look while growth was stopped. */
  private heldAt = 0;
  private givenUp = false;
  private readonly capBytes: number;
  private readonly lookEvery: number;
  private readonly youngBytes: () => number;
  private readonly setGrowthFactor: (factor: GrowthFactor) => void;

  constructor(private readonly options: YoungGenerationCapOptions = {}) {
    this.capBytes = options.capBytes ?? YOUNG_GENERATION_CAP_BYTES;
    this.lookEvery = options.lookEvery ?? LOOK_EVERY_REQUESTS;
    this.youngBytes = options.youngBytes ?? v8YoungBytes;
    this.setGrowthFactor = options.setGrowthFactor ?? v8GrowthFactor;
    this.requestsSince = this.lookEvery - 1;
  }

  /** Whether growth is stopped now. */
  get holding(): boolean {
    return this.factor === 1;
  }

  /** A waiter called: costs a count, and a look at the young generation every `lookEvery`. */
  requested(): void {
    if (this.givenUp) return;
    this.requestsSince += 1;
    if (this.requestsSince < this.lookEvery) return;
    this.requestsSince = 0;
    this.look();
  }

  private look(): void {
    const young = this.youngBytes();
    if (this.factor === 1 && young > this.heldAt) {
      this.giveUp();
      this.options.notHonoured?.(young, this.capBytes);
      return;
    }
    this.heldAt = young;
    const factor = youngGrowthFactor(young, this.capBytes);
    if (factor === this.factor) return;
    try {
      this.setGrowthFactor(factor);
      this.factor = factor;
    } catch {
      this.giveUp();
    }
  }

  private giveUp(): void {
    this.givenUp = true;
    if (this.factor === V8_GROWTH_FACTOR) return;
    this.factor = V8_GROWTH_FACTOR;
    try {
      this.setGrowthFactor(V8_GROWTH_FACTOR);
    } catch {
      // V8 refuses its own flag: nothing more the till can do.
    }
  }
}
