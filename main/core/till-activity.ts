import { silentLogger, type Logger } from './logger.js';
import { QuietMemoryRelease, type HeapFigures } from './quiet-memory.js';
import { RefusalTally } from './refusal-tally.js';
import { RefusedCallers } from './refused-callers.js';
import { YoungGenerationCap } from './young-generation-cap.js';

/** Where the HTTP listener reports to: `listen` calls these, and never touches the core. */
export interface ListenerReport {
  listeningOn(host: string, port: number): void;
  portTaken(port: number): void;
  stoppedListening(): void;
  /** A connection closed at once for passing its address's cap or the LAN's. */
  connectionRefused?(address: string): void;
}

/** What the host and the waiter API have seen, for the dashboard's status, the setup assistant and the tray. */
export class TillActivity implements ListenerReport {
  /** A Date, made into text only when someone asks: a waiter's request costs no formatting. */
  private waiterRequestAt: Date | null = null;
  private address: { host: string; port: number } | null = null;
  private takenPort: number | null = null;
  /** Hosts the waiter API refused lately: the setup screen offers to allow them. */
  readonly refusedCallers = new RefusedCallers();
  /** 403 and 429 answers and connections closed at the cap, counted and summarised in the log once a minute. */
  readonly refusals: RefusalTally;

  /** Gives V8's unused heap back once the waiters go quiet after a busy spell (issue 19, item 5). */
  readonly memory: QuietMemoryRelease;
  /** Keeps V8's young generation within its cap while the waiters call (issue 19, item 5). */
  readonly youngGeneration: YoungGenerationCap;

  constructor(logger: Logger = silentLogger(), memory?: QuietMemoryRelease, youngGeneration?: YoungGenerationCap) {
    this.refusals = new RefusalTally(logger);
    const mib = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
    this.youngGeneration =
      youngGeneration ??
      new YoungGenerationCap({
        notHonoured: (young: number, cap: number) =>
          logger.warn({ youngMiB: mib(young), capMiB: mib(cap) }, 'V8 grew its young generation past the cap: the cap is given up'),
      });
    this.memory =
      memory ??
      new QuietMemoryRelease({
        released: (before: HeapFigures, after: HeapFigures, ms: number) =>
          logger.info({ heapMiB: { before: mib(before.physical), after: mib(after.physical), used: mib(after.used) }, ms }, 'memory given back after a busy spell'),
      });
  }

  get lastWaiterRequestAt(): string | null {
    return this.waiterRequestAt?.toISOString() ?? null;
  }

  get listening(): { host: string; port: number } | null {
    return this.address;
  }

  /** The port the host wanted but found taken by another program. */
  get portInUse(): number | null {
    return this.takenPort;
  }

  waiterRequested(at: Date): void {
    this.waiterRequestAt = at;
    this.memory.requested();
    this.youngGeneration.requested();
  }

  listeningOn(host: string, port: number): void {
    this.address = { host, port };
    this.takenPort = null;
  }

  portTaken(port: number): void {
    this.takenPort = port;
  }

  stoppedListening(): void {
    this.address = null;
  }

  connectionRefused(address: string): void {
    this.refusals.count('connection', address);
  }

  /** Writes the last refusal summary and stops its timer. */
  close(): void {
    this.refusals.close();
    this.memory.close();
  }
}
