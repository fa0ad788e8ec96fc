import { DOCUMENT_SIDES, LIGHTS } from '@firstline/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { incomingUpload } from '../media';
import {
  CreateSpecimenDto,
  ReplaceFeaturesDto,
  SpecimenImageParamDto,
  SpecimenImageViewDto,
  SpecimenListQueryDto,
  SpecimenPageDto,
  SpecimenViewDto,
  UpdateSpecimenDto,
} from './specimens.dto';
import { SpecimensService } from './specimens.service';

@ApiTags('specimens')
@Controller('specimens')
export class SpecimensController {
  constructor(private readonly specimens: SpecimensService) {}

  @Roles('instructor', 'supervisor', 'admin')
  @Get()
  @ApiOperation({ summary: 'The specimen library, newest change first; filter by text, issuing state, document type' })
  @ZodResponse({ status: 200, type: SpecimenPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: SpecimenListQueryDto) {
    return this.specimens.list(actor, q);
  }

  @Roles('instructor', 'admin')
  @Post()
  @ApiOperation({ summary: 'Add a document model to the library' })
  @ZodResponse({ status: 201, type: SpecimenViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSpecimenDto) {
    return this.specimens.create(actor, body);
  }

  @Roles('instructor', 'supervisor', 'admin')
  @Get(':id')
  @ApiOperation({ summary: 'One specimen with its images (signed URLs when ready) and annotated features' })
  @ZodResponse({ status: 200, type: SpecimenViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParamDto) {
    return this.specimens.get(actor, p.id);
  }

  @Roles('instructor', 'admin')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a specimen’s document model details' })
  @ZodResponse({ status: 200, type: SpecimenViewDto })
  update(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Body() body: UpdateSpecimenDto) {
    return this.specimens.update(actor, p.id, body);
  }

  @Roles('instructor', 'admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a specimen, its images and their files' })
  async remove(@CurrentActor() actor: Actor, @Param() p: IdParamDto): Promise<void> {
    await this.specimens.remove(actor, p.id);
  }

  @Roles('instructor', 'admin')
  @Post(':id/images')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'side', 'light'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'JPEG, PNG, TIFF or WebP (judged by content), one still image',
        },
        side: { type: 'string', enum: [...DOCUMENT_SIDES] },
        light: { type: 'string', enum: [...LIGHTS] },
        frame: {
          type: 'integer',
          minimum: 1,
          maximum: 12,
          default: 1,
          description: 'oblique frames are numbered from 1',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Upload a photograph of one side under one light; accepted at once (202) and processed in the background',
  })
  @ZodResponse({ status: 202, type: SpecimenImageViewDto })
  addImage(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Req() req: Request) {
    return this.specimens.addImage(actor, p.id, incomingUpload(req));
  }

  @Roles('instructor', 'admin')
  @Delete(':id/images/:imageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one image of a specimen and its files' })
  async removeImage(@CurrentActor() actor: Actor, @Param() p: SpecimenImageParamDto): Promise<void> {
    await this.specimens.removeImage(actor, p.id, p.imageId);
  }

  @Roles('instructor', 'admin')
  @Put(':id/features')
  @ApiOperation({ summary: 'Replace all annotated security features of a specimen (audited with before and after)' })
  @ZodResponse({ status: 200, type: SpecimenViewDto })
  replaceFeatures(@CurrentActor() actor: Actor, @Param() p: IdParamDto, @Body() body: ReplaceFeaturesDto) {
    return this.specimens.replaceFeatures(actor, p.id, body);
  }
}
