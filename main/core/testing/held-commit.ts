import type { DeferCommit } from '../ledger/group-commit.js';

/** A group commit that runs only when the test says: payments wait in their batch until `release()`. */
export function heldCommit(): { defer: DeferCommit; held: () => boolean; release: () => void } {
  let commit: (() => void) | null = null;
  return {
    defer: (run) => {
      commit = run;
    },
    held: () => commit !== null,
    release: () => {
      const run = commit;
      commit = null;
      run?.();
    },
  };
}
