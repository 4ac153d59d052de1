import { Module } from '@nestjs/common';
import { AdjustedComparisonResolver } from './adjusted.resolver';
import { AdjustedComparisonService } from './adjusted.service';
import { GroupFunnelResolver } from './group-funnel.resolver';
import { GroupFunnelService } from './group-funnel.service';

@Module({ providers: [AdjustedComparisonResolver, AdjustedComparisonService, GroupFunnelResolver, GroupFunnelService] })
export class AdjustedComparisonModule {}
