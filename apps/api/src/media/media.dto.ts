// Request and response shapes of media assets and their signed routes.
import * as c from '@firstline/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const mediaToken = z.string().min(1).max(1024); // judged by the signature check (a bad token is a 403, not a 400)
export class MediaAssetViewDto extends createZodDto(c.MediaAssetView) {}
export class MediaFileParamDto extends createZodDto(z.strictObject({ token: mediaToken, file: z.string().max(40) })) {}
export class MediaTileParamDto extends createZodDto(
  z.strictObject({
    token: mediaToken,
    level: z.string().regex(/^\d{1,2}$/),
    tile: z.string().regex(/^\d{1,5}_\d{1,5}\.webp$/),
  }),
) {}
