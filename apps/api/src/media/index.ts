// The media feature's public surface: what other features and the app module may import.
export { MediaModule } from './media.module';
export { MediaService } from './media.service';
export type { MediaUrlGrant } from './media.service';
export { incomingUpload, type IncomingUpload } from './upload';
export { receiveImageUpload } from './image-upload-fields';
export { checkMediaStorage, mediaLocation } from './storage-driver';
export { ImageWorker } from './worker/image-worker';
