import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { Roles } from '../common/decorators/roles.decorator';
import { IdParamDto } from '../common/dto/params.dto';
import { TraineeImportService } from './trainee-import.service';
import { CreateUserDto, ImportResultDto, UpdateUserDto, UserListQueryDto, UserPageDto, UserViewDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: TraineeImportService,
  ) {}

  @Roles('admin', 'supervisor', 'instructor')
  @Get()
  @ApiOperation({
    summary: 'Users in the caller’s scope (admin: all; supervisor: own unit; instructor: own unit’s trainees)',
  })
  @ZodResponse({ status: 200, type: UserPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto) {
    return this.users.list(actor, query);
  }

  @Roles('admin')
  @Post()
  @ApiOperation({ summary: 'Create a user' })
  @ZodResponse({ status: 201, type: UserViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Roles('admin', 'instructor')
  @Post('import')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV: service_number,name,unit,cohort,language' },
      },
    },
  })
  @ApiOperation({ summary: 'Import trainees from CSV, all or nothing; a bad file gets a per-row error report' })
  @ZodResponse({ status: 201, type: ImportResultDto })
  import(@CurrentActor() actor: Actor, @UploadedFile() file?: Express.Multer.File) {
    return this.importer.import(actor, file?.buffer);
  }

  @Roles('admin', 'supervisor', 'instructor')
  @Get(':id')
  @ApiOperation({ summary: 'One user in the caller’s scope' })
  @ZodResponse({ status: 200, type: UserViewDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto) {
    return this.users.get(actor, params.id);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role, unit, details, status or password' })
  @ZodResponse({ status: 200, type: UserViewDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() body: UpdateUserDto) {
    return this.users.update(actor, params.id, body);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a user (records are kept)' })
  async remove(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    await this.users.deactivate(actor, params.id);
  }
}
