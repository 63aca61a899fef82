import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIT_DEADLINE_MS } from './quit-deadline.js';
import { SESSION_END_WINDOW, sessionEndSources, TillEnding, type EndingSteps, type SessionEnding } from './session-end.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A promise the test settles when it chooses: a close that takes its time. */
function later(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets every promise settled so far run its reactions. */
const turns = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The app's close steps, recorded in order; each close finishes when the test says. */
function app() {
  const log: string[] = [];
  const full = later();
  const rest = later();
  const steps: EndingSteps = {
    closeFully: () => {
      log.push('close fully');
      return full.promise;
    },
    closeAtOnce: (ending: SessionEnding, reasons: readonly string[]) => {
      log.push(`close at once (${[ending, ...reasons].join(', ')})`);
      return rest.promise;
    },
    closed: () => log.push('closed'),
    quit: () => log.push('quit'),
  };
  return { log, steps, full, rest };
}

describe('sessionEndSources', () => {
  it('hears Windows through a hidden window of its own, Linux and macOS through powerMonitor', () => {
    expect(sessionEndSources('win32')).toEqual({ hiddenWindow: true, powerMonitor: false });
    expect(sessionEndSources('linux')).toEqual({ hiddenWindow: false, powerMonitor: true });
    expect(sessionEndSources('darwin')).toEqual({ hiddenWindow: false, powerMonitor: true });
  });

  it('the hidden window costs as little as a window can: never shown, 1×1, off the taskbar, never focused, no page', () => {
    expect(SESSION_END_WINDOW).toMatchObject({ show: false, width: 1, height: 1, frame: false, skipTaskbar: true, focusable: false });
    // A BaseWindow's options: nothing of a web page (no webPreferences, no preload, no URL).
    expect(Object.keys(SESSION_END_WINDOW)).not.toContain('webPreferences');
  });
});

describe('TillEnding', () => {
  it('the cashier’s quit: holds the quit, closes fully once, then lets the next quit go', async () => {
    const { log, steps, full } = app();
    const ending = new TillEnding(steps);
    expect(ending.beforeQuit()).toBe('hold');
    expect(ending.beforeQuit()).toBe('hold');
    full.resolve();
    await turns();
    expect(log).toEqual(['close fully', 'closed', 'quit']);
    expect(ending.finished).toBe(true);
    expect(ending.beforeQuit()).toBe('go');
    expect(log).toEqual(['close fully', 'closed', 'quit']);
  });

  it('the session ends: closes at once before returning, never fully, and quits once — a before-quit meanwhile waits for that close', async () => {
    const { log, steps, rest } = app();
    const ending = new TillEnding(steps);
    ending.sessionEnds('session-end', ['logoff']);
    expect(log).toEqual(['close at once (session-end, logoff)']);
    // Electron's before-quit (the app's own app.quit, or the cashier's) while the till closes.
    expect(ending.beforeQuit()).toBe('hold');
    ending.sessionEnds('session-end');
    ending.sessionEnds('system-shutdown');
    rest.resolve();
    await turns();
    expect(log).toEqual(['close at once (session-end, logoff)', 'closed', 'quit']);
    expect(ending.beforeQuit()).toBe('go');
    ending.sessionEnds('session-end');
    expect(log).toEqual(['close at once (session-end, logoff)', 'closed', 'quit']);
  });

  it('the session ends while a quit is closing: the database is closed at once all the same, and the app quits once', async () => {
    const { log, steps, full } = app();
    const ending = new TillEnding(steps);
    expect(ending.beforeQuit()).toBe('hold');
    ending.sessionEnds('session-end');
    expect(log).toEqual(['close fully', 'close at once (session-end)']);
    full.resolve();
    await turns();
    expect(log).toEqual(['close fully', 'close at once (session-end)', 'closed', 'quit']);
  });

  it('never waits past the quit deadline for what follows the close (a cloud that does not answer)', async () => {
    vi.useFakeTimers();
    const { log, steps } = app();
    const ending = new TillEnding(steps);
    ending.sessionEnds('system-shutdown');
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    expect(log).toEqual(['close at once (system-shutdown)']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['close at once (system-shutdown)', 'closed', 'quit']);
  });

  it('a close that throws still ends the app, and says so', async () => {
    const failures: unknown[] = [];
    const { log, steps } = app();
    const ending = new TillEnding(
      {
        ...steps,
        closeAtOnce: () => {
          throw new Error('disk I/O error');
        },
      },
      QUIT_DEADLINE_MS,
      (error) => failures.push(error),
    );
    ending.sessionEnds('session-end');
    await turns();
    expect(log).toEqual(['closed', 'quit']);
    expect(failures).toHaveLength(1);
  });
});
