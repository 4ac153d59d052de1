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

  @Field(() => String, {
    nullable: true,
    description: 'Why the file was refused, or its warnings, in fixed words (no values, ids or paths)',
  })
  message!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The particulars behind the message, e.g. header cells as written (directors only; null for others)',
  })
  detail!: string | null;
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

  @Field(() => String, {
    nullable: true,
    description: 'What was loaded: server paths, or the upload and who made it (directors only; null for others)',
  })
  source!: string | null;

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

  @Field(() => String, { nullable: true, description: 'Why the load failed, in fixed words (no values, ids or paths)' })
  message!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The failure's particulars, e.g. a path or the database's words (directors only; null for others)",
  })
  detail!: string | null;

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

  @Field({ description: "The rule's fixed text: names no participant, episode or session and repeats no value" })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What is particular to the row behind the reason: ids, dates, lines (directors only; null for others)',
  })
  detail!: string | null;
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
