/**
 * Emulated time: runs `timeScale` times faster than the injected real clock. Changing the scale
 * re-anchors, so emulated time never jumps when the speed changes.
 */
export class EmulatedClock {
  private readonly originMs: number;
  private anchorRealMs: number;
  private anchorSeconds = 0;

  constructor(
    private readonly realNow: () => number,
    private scale: number,
  ) {
    this.originMs = realNow();
    this.anchorRealMs = this.originMs;
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Milliseconds on the real (or injected) clock. */
  realMs(): number {
    return this.realNow();
  }

  /** Emulated seconds since the emulator started. */
  seconds(): number {
    return this.anchorSeconds + ((this.realNow() - this.anchorRealMs) / 1000) * this.scale;
  }

  /** Epoch milliseconds of an emulated instant: the emulated calendar starts at the real start time. */
  epochMsAt(emulatedSeconds: number): number {
    return this.originMs + emulatedSeconds * 1000;
  }

  setTimeScale(scale: number): void {
    this.anchorSeconds = this.seconds();
    this.anchorRealMs = this.realNow();
    this.scale = scale;
  }

  /** Jumps emulated time forward without waiting. */
  advance(emulatedSeconds: number): void {
    this.anchorSeconds += emulatedSeconds;
  }
}
