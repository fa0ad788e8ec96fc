import { DOCUMENT_SIDES, LIGHTS } from '@firstline/contracts';
import { applyDecorators, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPartialContentResponse,
  ApiProduces,
  ApiRequestedRangeNotSatisfiableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Public, Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { sendFile } from '../common/http/send-file';
import { MediaFilesService } from './media-files.service';
import { MediaUploadsService } from './media-uploads.service';
import { MediaUrlsService } from './media-urls.service';
import { MediaAssetViewDto, MediaFileParamDto, MediaTileParamDto } from './media.dto';
import { incomingUpload } from './upload';

/**
 * What a signed file route answers (see sendFile): the bytes of `what` in one of the `types`, all of them or one
 * `Range`; 304 when If-None-Match names the ETag; 416 for a range beyond the file.
 */
function ServesSignedFile(what: string, ...types: string[]) {
  const bytes = { type: 'string', format: 'binary' } as const;
  return applyDecorators(
    ApiProduces(...types),
    ApiOkResponse({ description: what, schema: bytes }),
    ApiPartialContentResponse({
      description: 'One byte range of the file (a `Range: bytes=…` request)',
      schema: bytes,
      headers: { 'Content-Range': { description: '`bytes <start>-<end>/<size>`', schema: { type: 'string' } } },
    }),
    ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag; no body' }),
    ApiRequestedRangeNotSatisfiableResponse({
      description: 'The requested range lies beyond the file',
      headers: { 'Content-Range': { description: '`bytes */<size>`', schema: { type: 'string' } } },
    }),
  );
}

@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(
    private readonly urls: MediaUrlsService,
    private readonly files: MediaFilesService,
    private readonly uploads: MediaUploadsService,
  ) {}

  @Roles('instructor', 'admin')
  @Post('uploads')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'JPEG, PNG, TIFF or WebP (judged by content), one still image',
        },
        side: { type: 'string', enum: [...DOCUMENT_SIDES] },
        light: { type: 'string', enum: [...LIGHTS] },
        frame: { type: 'integer', minimum: 1, maximum: 12, default: 1, description: 'oblique frames from 1' },
        group: {
          type: 'string',
          pattern: '^[A-Za-z0-9_-]{1,64}$',
          description: "the uploader's images of one group and side are processed to the same size",
        },
      },
    },
  })
  @ApiOperation({
    summary:
      'Upload a photograph not tied to a specimen (e.g. of a seized forgery) for an exercise; accepted at once (202) ' +
      'and processed in the background',
  })
  @ZodResponse({ status: 202, type: MediaAssetViewDto })
  upload(@CurrentActor() actor: Actor, @Req() req: Request) {
    return this.uploads.upload(actor, incomingUpload(req));
  }

  @Roles('instructor', 'supervisor', 'admin')
  @Get(':id')
  @ApiOperation({ summary: 'Processing status, progress, warnings and (when ready) signed URLs of one image' })
  @ZodResponse({ status: 200, type: MediaAssetViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.urls.view(p.id, { userId: actor.id, scope: 'library' });
  }

  // The token is the credential: <img> and OpenSeadragon cannot send a bearer. Expired or forged → 403.
  @Public()
  @Get('s/:token/:file')
  @ApiOperation({
    summary: 'A signed display variant (`<width>.<webp|avif|jpeg>`) or the DeepZoom descriptor (`image.dzi`)',
  })
  @ServesSignedFile(
    'The display variant, or the DeepZoom descriptor (XML)',
    'image/webp',
    'image/avif',
    'image/jpeg',
    'application/xml',
  )
  async file(@Param() p: MediaFileParamDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.files.signedFile(p.token, p.file));
  }

  @Public()
  @Get('s/:token/image_files/:level/:tile')
  @ApiOperation({ summary: 'A signed DeepZoom tile (`<col>_<row>.webp`), as OpenSeadragon requests it' })
  @ServesSignedFile('The tile', 'image/webp')
  async tile(@Param() p: MediaTileParamDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.files.signedFile(p.token, `image_files/${p.level}/${p.tile}`));
  }
}
