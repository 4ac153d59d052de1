import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How much of one kind of record is loaded, and how recent it is.' })
export class TableFreshness {
  @Field({ description: 'The data contract file this table is loaded from, e.g. attendance' })
  kind!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => String, { nullable: true, description: 'Latest date in the table (YYYY-MM-DD), if it has dates' })
  latestDate!: string | null;
}

@ObjectType({ description: 'What the figures are computed from.' })
export class DataFreshness {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last successful load finished' })
  lastSuccessfulLoadAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Default as-of date: the latest session, check-in, admission or discharge date (YYYY-MM-DD)',
  })
  defaultAsOf!: string | null;

  @Field(() => [TableFreshness])
  tables!: TableFreshness[];
}
