import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { LoadRecord, RejectedRow, RejectReasonCount } from './loads.model';
import { LoadsService } from './loads.service';

// Default roles (director, quality): the loader's records are program data, not a funder's.
@Resolver(() => LoadRecord)
export class LoadsResolver {
  constructor(private readonly loads: LoadsService) {}

  @Query(() => [LoadRecord], { description: 'The latest loads, newest first, with their files' })
  loadHistory(@Args('limit', { type: () => Int, defaultValue: 20 }) limit: number): Promise<LoadRecord[]> {
    return this.loads.history(limit);
  }

  @Query(() => [RejectedRow], { description: 'Rejected values of a load (values shown to directors only)' })
  rejectedRows(
    @Args('loadId', { type: () => Int }) loadId: number,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<RejectedRow[]> {
    return this.loads.rejectedRows(loadId, limit);
  }

  @Query(() => [RejectReasonCount], { description: 'Rejected rows of a load, counted by file, column and reason' })
  rejectReasons(@Args('loadId', { type: () => Int }) loadId: number): Promise<RejectReasonCount[]> {
    return this.loads.rejectReasons(loadId);
  }
}
