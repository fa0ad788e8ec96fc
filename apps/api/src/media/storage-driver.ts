// The configured media driver: local (MEDIA_DIR) or s3, and the start-up check that its settings work.
import { AppConfig, ConfigError } from '../config/config';
import { LocalMediaStorage } from './local-storage';
import { normalisePrefix, S3MediaStorage, S3SettingsError } from './s3-storage';
import { MediaStorage } from './storage';

export function createMediaStorage(config: AppConfig): MediaStorage {
  if (config.MEDIA_DRIVER !== 's3') return new LocalMediaStorage(config.MEDIA_DIR);
  // The schema requires these four when MEDIA_DRIVER=s3.
  return new S3MediaStorage({
    bucket: config.S3_BUCKET!,
    prefix: config.S3_PREFIX,
    region: config.S3_REGION!,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
  });
}

/**
 * Before anything else starts: with MEDIA_DRIVER=s3, the bucket must exist and the keys must be accepted (a
 * ConfigError naming the variable otherwise). A store that is merely unreachable now gives a warning to log, not a
 * refusal: replicas must be able to start while the store recovers.
 */
export async function checkMediaStorage(config: AppConfig): Promise<string | null> {
  if (config.MEDIA_DRIVER !== 's3') return null;
  const storage = createMediaStorage(config) as S3MediaStorage;
  try {
    return await storage.check();
  } catch (err) {
    if (err instanceof S3SettingsError) throw new ConfigError([err.message]);
    throw err;
  } finally {
    storage.onModuleDestroy();
  }
}

/** Where media bytes are kept, in words (the start-up banner). */
export function mediaLocation(config: AppConfig): string {
  if (config.MEDIA_DRIVER !== 's3') return config.MEDIA_DIR;
  const at = config.S3_ENDPOINT ? ` at ${config.S3_ENDPOINT}` : '';
  return `s3://${config.S3_BUCKET}/${normalisePrefix(config.S3_PREFIX)}${at}`;
}
