import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import { FifoSlotsPerKey } from './fifo-slots';

/** The API's one connection pool (DatabaseModule). */
export const POOL_SIZE = 10;

/**
 * Connections one user's GraphQL execution may hold at once. Root fields run in parallel and each
 * runs its statements, so without a share one user's request could take the whole pool and every
 * other user's statement would queue behind it. Two of ten: as many statements as the machine has
 * cores (more at once finish no sooner), leaving the rest to other users, their session checks and
 * audit rows.
 */
export const CONNECTIONS_PER_USER = 2;

type ConnectCallback = (
  err: Error | undefined,
  client: PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * Caps the pool connections of the user whose GraphQL execution is running (runAs), over every
 * way a statement takes a connection: TypeORM's queries and pool.query both go through
 * pool.connect. Statements outside an execution (session checks, audit rows, loads) are not
 * counted, so a busy user never holds up anyone else's.
 */
export class ConnectionShare {
  private readonly storage = new AsyncLocalStorage<number>();
  private readonly perUser = new FifoSlotsPerKey<number>(CONNECTIONS_PER_USER);

  /** Runs `work` (and everything it starts) as this user's. */
  runAs<T>(userId: number, work: () => T): T {
    return this.storage.run(userId, work);
  }

  /** Connections this user holds now. */
  busy(userId: number): number {
    return this.perUser.busy(userId);
  }

  install(pool: Pool): void {
    const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<PoolClient> | undefined;
    const shared = (callback?: ConnectCallback): Promise<PoolClient> | undefined => {
      const userId = this.storage.getStore();
      if (userId === undefined) return connect(callback);
      if (!callback) {
        return new Promise((resolve, reject) =>
          shared((err, client) => (err || !client ? reject(err) : resolve(client))),
        );
      }
      // No queue bound: the requests of one user are bounded already (UserConcurrency).
      void this.perUser.acquire(userId)!.then((releaseSlot) =>
        connect((err, client, done) => {
          if (err || !client) {
            releaseSlot();
            return callback(err, client, done);
          }
          // pg-pool gives each checkout its own release; both callers (pg's pool.query and
          // TypeORM) call the one they were given, so the slot is freed with the connection.
          const release = client.release;
          client.release = (error?: Error | boolean) => {
            releaseSlot();
            return release(error);
          };
          callback(undefined, client, client.release);
        }),
      );
      return undefined;
    };
    pool.connect = shared as Pool['connect'];
  }
}
