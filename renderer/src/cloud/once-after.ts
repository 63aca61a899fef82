/**
 * Runs `work` once, `delayMs` after the first poke of a burst: a screen told of changes several
 * times a second (the outbox draining) reloads at most once per `delayMs`, and a poke always has a
 * run that starts after it. Nothing runs while nobody pokes.
 */
export function onceAfter(work: () => void, delayMs: number): { poke: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    poke() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        work();
      }, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
