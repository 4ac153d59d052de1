import { Query, Resolver } from '@nestjs/graphql';
import { CachedFigures } from '../figure-cache';
import { DataFreshness } from './freshness.model';
import { FreshnessService } from './freshness.service';

// Clinical roles only (the default): row counts and per-site dates are not a funder's; a funder's
// release carries its own data date.
@Resolver(() => DataFreshness)
export class FreshnessResolver {
  constructor(private readonly freshness: FreshnessService) {}

  // Changes only with a load: a successful one also writes a new data version, and a failed one
  // leaves lastSuccessfulLoadAt as it was.
  // One small statement over the freshness counts.
  @CachedFigures({ cost: 1 })
  @Query(() => DataFreshness, { description: 'Last successful load, latest date of each table, default as-of' })
  dataFreshness(): Promise<DataFreshness> {
    return this.freshness.freshness();
  }
}
