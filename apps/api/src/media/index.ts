// The media feature's public surface: what other features and the app module may import.
export { MediaModule } from './media.module';
export { MediaService } from './media.service';
export type { IngestOptions, MediaUrlGrant } from './media.service';
export { incomingUpload, type IncomingUpload, type ReceivedUpload } from './upload';
export { assertMediaDriverAvailable } from './storage';
export { TRAINEE_IMAGE_URL_TTL_SECONDS } from './media-urls.service';
