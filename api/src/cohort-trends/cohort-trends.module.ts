import { Module } from '@nestjs/common';
import { CohortTrendsResolver } from './cohort-trends.resolver';
import { CohortTrendsService } from './cohort-trends.service';

@Module({ providers: [CohortTrendsResolver, CohortTrendsService] })
export class CohortTrendsModule {}
