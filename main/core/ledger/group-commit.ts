import type { TillDatabase } from './database.js';
import type { AfterCommit } from './transaction.js';

/** Runs `commit` later: by default at the end of this turn of the event loop (tests may hold it). */
export type DeferCommit = (commit: () => void) => void;

interface Member {
  work: () => unknown;
  events: AfterCommit;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

interface Applied {
  member: Member;
  result: unknown;
}

/**
 * Group commit of payments (issue 19). With `synchronous = FULL` every commit is an fsync, and
 * better-sqlite3 waits for it on the event loop: eight waiters paying at once used to wait for
 * eight fsyncs one after another. Here the payments that arrive in the same turn of the event loop
 * are applied together in one transaction and one commit (one fsync), each in its own SAVEPOINT so
 * that a refused one rolls back only itself; each is answered only once that commit has returned,
 * so a payment is never told before it is on the disk. The whole batch runs inside one callback:
 * nothing else sees the transaction open, and no other write can join it.
 */
export class GroupCommit {
  private waiting: Member[] = [];
  private scheduled = false;
  private readonly statements;

  constructor(
    private readonly db: TillDatabase,
    private readonly defer: DeferCommit = (commit) => void setImmediate(commit),
  ) {
    this.statements = {
      begin: db.prepare('BEGIN'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT one_payment'),
      release: db.prepare('RELEASE one_payment'),
      rollbackTo: db.prepare('ROLLBACK TO one_payment'),
    };
  }

  /** Payments applied at the next commit, not yet run. */
  get waitingPayments(): number {
    return this.waiting.length;
  }

  /**
   * Runs `work` in the next group commit; resolves with its result once that commit is on the disk,
   * or rejects with its error (nothing of it written, the events it recorded forgotten), or with the
   * commit's error (nothing of the whole batch written).
   */
  run<T>(events: AfterCommit, work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, events, resolve: resolve as (result: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      this.defer(() => this.commitWaiting());
    });
  }

  /** Commits what waits now (the core does before it closes the database). */
  commitWaiting(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length > 0 && this.db.inTransaction) {
      const error = new Error('a group commit cannot start inside another transaction');
      for (const member of batch) member.reject(error);
      return;
    }
    let applied: Applied[] = [];
    for (const member of batch) {
      try {
        if (!this.db.inTransaction) this.statements.begin.run();
      } catch (error) {
        member.reject(error);
        continue;
      }
      const mark = member.events.waiting();
      try {
        this.statements.savepoint.run();
        const result = member.work();
        this.statements.release.run();
        applied.push({ member, result });
      } catch (error) {
        member.events.discardAfter(mark);
        member.reject(error);
        if (this.rolledBackToSavepoint()) continue;
        // SQLite gave up the whole transaction (a full disk, an I/O error): what was applied before
        // this payment is gone with it, and is refused with the same error; the rest start afresh.
        this.forget(applied, error);
        applied = [];
      }
    }
    this.commit(applied);
  }

  /** Undoes the last payment's savepoint; false when there is no transaction left to undo it in. */
  private rolledBackToSavepoint(): boolean {
    if (!this.db.inTransaction) return false;
    try {
      this.statements.rollbackTo.run();
      this.statements.release.run();
      return true;
    } catch {
      return false;
    }
  }

  private commit(applied: Applied[]): void {
    if (applied.length === 0) {
      this.rollBack();
      return;
    }
    try {
      this.statements.commit.run();
    } catch (error) {
      this.forget(applied, error);
      return;
    }
    for (const events of new Set(applied.map((done) => done.member.events))) events.flush();
    for (const done of applied) done.member.resolve(done.result);
  }

  /** Rolls back what is open, forgets the events of what was applied in it and refuses it with `error`. */
  private forget(applied: Applied[], error: unknown): void {
    this.rollBack();
    for (const events of new Set(applied.map((done) => done.member.events))) events.discard();
    for (const done of applied) done.member.reject(error);
  }

  private rollBack(): void {
    if (!this.db.inTransaction) return;
    try {
      this.statements.rollback.run();
    } catch {
      // Nothing is left to refuse: every payment of the batch has its answer (an error) already.
    }
  }
}
