import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One file of a load' })
export class LoadFileRecord {
  @Field()
  fileName!: string;

  @Field(() => String, { nullable: true, description: 'The contract file kind, e.g. attendance' })
  kind!: string | null;

  @Field({ description: 'loaded or refused' })
  status!: string;

  @Field(() => Int)
  rowsRead!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why the file was refused' })
  message!: string | null;
}

@ObjectType({ description: 'One run of the loader' })
export class LoadRecord {
  @Field(() => Int)
  loadId!: number;

  @Field(() => GraphQLISODateTime)
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field({ description: 'running, succeeded, partial (some rows or files rejected) or failed' })
  status!: string;

  @Field({ description: 'What was loaded (paths or upload)' })
  source!: string;

  @Field(() => Int)
  rowsRead!: number;

  @Field(() => Int)
  rowsInserted!: number;

  @Field(() => Int)
  rowsUpdated!: number;

  @Field(() => Int)
  rowsUnchanged!: number;

  @Field(() => Int)
  rowsRejected!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => [LoadFileRecord])
  files!: LoadFileRecord[];
}

@ObjectType({ description: 'A rejected value of a load: where, what, and why' })
export class RejectedRow {
  @Field()
  fileName!: string;

  @Field(() => Int, { description: 'Line of the file where the record starts (the header is line 1)' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'null when the row as a whole is at fault' })
  columnName!: string | null;

  @Field(() => String, { nullable: true, description: 'The offending value (directors only; null for others)' })
  value!: string | null;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'How many rows of a load were rejected for one reason' })
export class RejectReasonCount {
  @Field()
  fileName!: string;

  @Field(() => String, { nullable: true })
  columnName!: string | null;

  @Field()
  reason!: string;

  @Field(() => Int)
  rows!: number;
}
