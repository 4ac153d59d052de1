import { BadRequestException } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { currentUser, CurrentUser } from '../auth/current-user';
import { Roles, ROLES } from '../auth/roles';
import { FieldCost } from '../graphql/field-cost.decorator';
import { OUTCOME_REPORT_COST } from '../outcome-report/outcome-report.service';
import { isPeriodKind } from './release-period';
import { OpenReleaseDraftInput, Release, toReleaseModel } from './release.model';
import { ReleasesService } from './releases.service';

// Reading: every role (the service shows funders only their published releases). Drafting and
// publishing: the default clinical roles.
@Resolver(() => Release)
export class ReleasesResolver {
  constructor(private readonly service: ReleasesService) {}

  @Roles(...ROLES)
  @Query(() => [Release], { description: 'Releases you may see, newest period first' })
  async releases(): Promise<Release[]> {
    return (await this.service.list(user())).map(toReleaseModel);
  }

  @Roles(...ROLES)
  @Query(() => Release)
  async release(@Args('releaseId', { type: () => Int }) releaseId: number): Promise<Release> {
    return toReleaseModel(await this.service.get(user(), releaseId));
  }

  @FieldCost(OUTCOME_REPORT_COST)
  @Mutation(() => Release, {
    description: 'Opens a draft: the figures as they would be released, and why each hidden one is',
  })
  async openReleaseDraft(@Args('input') input: OpenReleaseDraftInput): Promise<Release> {
    if (!isPeriodKind(input.periodKind))
      throw new BadRequestException(
        `periodKind must be month, quarter, half or year (got "${input.periodKind.slice(0, 20)}")`,
      );
    return toReleaseModel(await this.service.openDraft(user(), input.periodKind, input.from, input.siteIds ?? null));
  }

  @Mutation(() => Release, { description: 'Publishes a draft; a correction of a published release needs a note' })
  async publishRelease(
    @Args('releaseId', { type: () => Int }) releaseId: number,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<Release> {
    return toReleaseModel(await this.service.publish(user(), releaseId, note ?? null));
  }

  @Mutation(() => Boolean)
  discardReleaseDraft(@Args('releaseId', { type: () => Int }) releaseId: number): Promise<boolean> {
    return this.service.discardDraft(user(), releaseId);
  }
}

function user(): CurrentUser {
  const u = currentUser();
  if (!u) throw new BadRequestException('Sign in first.');
  return u;
}
