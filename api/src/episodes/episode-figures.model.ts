import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { wilson } from '../stats';

// Figures shared by the episode metrics. Every one carries its numerator and denominator (or n),
// so that the dashboard can show them and a privacy layer can suppress small cells.

@ObjectType({ description: 'A proportion of episodes (or check-ins) with its 95% Wilson score interval' })
export class EpisodeProportion {
  @Field(() => Int, { description: 'Count in the numerator' })
  numerator!: number;

  @Field(() => Int, { description: 'Count in the denominator' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator; null when the denominator is 0' })
  rate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95% Wilson score interval' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the 95% Wilson score interval' })
  upper!: number | null;
}

@ObjectType({ description: 'A pooled ratio (no interval: its units are not independent)' })
export class EpisodeRatio {
  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator; null when the denominator is 0' })
  rate!: number | null;
}

@ObjectType({ description: 'A mean and the number of values behind it' })
export class EpisodeMean {
  @Field(() => Int, { description: 'Number of values averaged' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'The mean; null when n = 0' })
  mean!: number | null;
}

@ObjectType({ description: 'The resolved scope a report was computed over' })
export class EpisodeScopeInfo {
  @Field({ description: 'First admission date in scope (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last admission date in scope (YYYY-MM-DD)' })
  to!: string;

  @Field({ description: 'The as-of date (YYYY-MM-DD): later rows are ignored' })
  asOf!: string;
}

export function proportion(numerator: number, denominator: number): EpisodeProportion {
  return { numerator, denominator, ...wilson(numerator, denominator) };
}

export function ratio(numerator: number, denominator: number): EpisodeRatio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
