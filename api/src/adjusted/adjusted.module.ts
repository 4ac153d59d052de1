import { Module } from '@nestjs/common';
import { AdjustedComparisonResolver } from './adjusted.resolver';
import { AdjustedComparisonService } from './adjusted.service';

@Module({ providers: [AdjustedComparisonResolver, AdjustedComparisonService] })
export class AdjustedComparisonModule {}
