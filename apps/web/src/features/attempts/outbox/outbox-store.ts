// The answer outbox on this device (IndexedDB): final answers wait here, with their Idempotency-Key, until the
// API has acknowledged them, so a lost network or a reload loses nothing.
import type { ItemResponseRequest } from '@firstline/contracts';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { randomUuid } from '@/lib/uuid';

export interface OutboxEntry {
  /** Queue order (auto-increment). */
  seq: number;
  /** Sent as Idempotency-Key on every try, so a retried answer is stored once. */
  key: string;
  /** Answers wait for the trainee who gave them (a desk computer can be shared). */
  userId: string;
  attemptId: string;
  n: number;
  body: ItemResponseRequest;
  queuedAt: string;
}

interface OutboxSchema extends DBSchema {
  responses: { key: number; value: OutboxEntry; indexes: { byUser: string } };
}

const DB_NAME = 'firstline-outbox';
let db: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function open() {
  db ??= openDB<OutboxSchema>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('responses', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('byUser', 'userId');
    },
  });
  return db;
}

export async function addToOutbox(
  entry: Pick<OutboxEntry, 'userId' | 'attemptId' | 'n' | 'body'>,
): Promise<OutboxEntry> {
  const database = await open();
  const value = { ...entry, key: randomUuid(), queuedAt: new Date().toISOString() } as Omit<OutboxEntry, 'seq'>;
  const seq = await database.add('responses', value as OutboxEntry);
  return { ...value, seq };
}

/** A user's waiting answers, oldest first. */
export async function listOutbox(userId: string): Promise<OutboxEntry[]> {
  const database = await open();
  const entries = await database.getAllFromIndex('responses', 'byUser', userId);
  return entries.sort((a, b) => a.seq - b.seq);
}

export async function removeFromOutbox(seq: number): Promise<void> {
  const database = await open();
  await database.delete('responses', seq);
}

/** Tests only: forget the open connection (each test gets a fresh fake IndexedDB). */
export async function closeOutboxForTests() {
  const database = await db;
  database?.close();
  db = null;
}
