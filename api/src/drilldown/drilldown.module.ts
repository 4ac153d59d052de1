import { Module } from '@nestjs/common';
import { DrilldownResolver } from './drilldown.resolver';
import { DrilldownService } from './drilldown.service';

@Module({ providers: [DrilldownResolver, DrilldownService] })
export class DrilldownModule {}
