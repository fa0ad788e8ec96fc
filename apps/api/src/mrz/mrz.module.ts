import { Module } from '@nestjs/common';
import { MrzController } from './mrz.controller';
import { MrzService } from './mrz.service';

@Module({ controllers: [MrzController], providers: [MrzService], exports: [MrzService] })
export class MrzModule {}
