import { Query, Resolver } from '@nestjs/graphql';
import { Roles, ROLES } from '../auth/roles';
import { DataFreshness } from './freshness.model';
import { FreshnessService } from './freshness.service';

@Roles(...ROLES)
@Resolver(() => DataFreshness)
export class FreshnessResolver {
  constructor(private readonly freshness: FreshnessService) {}

  @Query(() => DataFreshness, { description: 'Last successful load, latest date of each table, default as-of' })
  dataFreshness(): Promise<DataFreshness> {
    return this.freshness.freshness();
  }
}
