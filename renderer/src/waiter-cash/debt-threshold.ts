/**
 * Whether a waiter's debt (kopecks) is at or over the warning threshold of the settings, as the
 * tray's notification counts it; a threshold of 0 turns the warning off.
 */
export function isOverThreshold(debt: number, threshold: number): boolean {
  return threshold > 0 && debt >= threshold;
}
