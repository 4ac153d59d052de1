import { Module } from '@nestjs/common';
import { FreshnessResolver } from './freshness.resolver';
import { FreshnessService } from './freshness.service';

@Module({ providers: [FreshnessResolver, FreshnessService], exports: [FreshnessService] })
export class FreshnessModule {}
