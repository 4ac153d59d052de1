import { Module } from '@nestjs/common';
import { LoadsModule } from '../loads/loads.module';
import { MappingResolver } from './mapping.resolver';
import { MappingService } from './mapping.service';

/** Mapping profiles: a program's own exports (EHR tables, spreadsheets, reports) onto the contract. */
@Module({ imports: [LoadsModule], providers: [MappingResolver, MappingService] })
export class MappingModule {}
