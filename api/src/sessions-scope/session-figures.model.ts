import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GroupType, Scope } from '../filters';
import { wilson } from '../stats';

// Figures shared by the session metrics. Every one carries its numerator and denominator, so that
// the dashboard can show them and a privacy layer can suppress small cells.

@ObjectType({ description: 'A proportion of session rows (or participant-weeks) with its 95% Wilson score interval' })
export class SessionProportion {
  @Field(() => Int, { description: 'Count in the numerator' })
  numerator!: number;

  @Field(() => Int, { description: 'Count in the denominator' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator; null when the denominator is 0' })
  rate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower bound of the 95% Wilson score interval (treats the units as independent)',
  })
  lower!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound of the 95% Wilson score interval (treats the units as independent)',
  })
  upper!: number | null;
}

@ObjectType({ description: 'The resolved scope a session report was computed over' })
export class SessionScopeInfo {
  @Field({ description: 'First session date in scope (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last session date in scope (YYYY-MM-DD); rows after asOf are ignored even if to is later' })
  to!: string;

  @Field({ description: 'The as-of date (YYYY-MM-DD)' })
  asOf!: string;

  @Field(() => [String], { nullable: true, description: 'The sites in scope; null = all sites' })
  siteIds!: string[] | null;

  @Field(() => [GroupType], { description: 'The group types in scope' })
  groupTypes!: GroupType[];
}

export function sessionProportion(numerator: number, denominator: number): SessionProportion {
  return { numerator, denominator, ...wilson(numerator, denominator) };
}

export function scopeInfo(scope: Scope): SessionScopeInfo {
  return { ...scope };
}
