import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { currentUser } from '../auth/current-user';
import { Roles, ROLES } from '../auth/roles';
import { CachedFigures } from '../figure-cache';

@ObjectType({ description: 'A site of the program' })
export class Site {
  @Field()
  siteId!: string;

  @Field()
  siteName!: string;
}

@Roles(...ROLES)
@Resolver(() => Site)
export class SitesResolver {
  constructor(private readonly dataSource: DataSource) {}

  // Sent by every page: the site list changes only with a load, like the figures.
  // One read of the site table.
  @CachedFigures({ cost: 1 })
  @Query(() => [Site], { description: "The program's sites (a site-limited user sees only theirs)" })
  sites(): Promise<Site[]> {
    return this.dataSource.query(
      `SELECT site_id AS "siteId", site_name AS "siteName" FROM site
        WHERE $1::text[] IS NULL OR site_id = ANY ($1::text[]) ORDER BY site_name, site_id`,
      [currentUser()?.siteIds ?? null],
    );
  }
}
