// The one DataSource definition, used by the app (through TypeOrmModule) and by the migration CLI.
import { DataSource, DataSourceOptions } from 'typeorm';
import { PreparingClient } from '../common/sql/prepared';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+; no extension needed
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // PreparingClient: the hot paths' statements are prepared once per connection (common/sql/prepared.ts)
    extra: {
      max: poolSize,
      // Connections stay open once made, up to `max`: a fixed-size pool once grown (as HikariCP advises for its own).
      // pg-pool's default closes one idle for 10 s, and the next burst pays for new backends — a fork, cold catalog
      // caches, every hot statement prepared again. On an exam day that burst is the shift arriving.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: 10_000,
      application_name: 'firstline-api',
      Client: PreparingClient,
    },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
