import { Module } from '@nestjs/common';
import { SobrietyResolver } from './sobriety.resolver';
import { SobrietyService } from './sobriety.service';

@Module({ providers: [SobrietyResolver, SobrietyService], exports: [SobrietyService] })
export class SobrietyModule {}
