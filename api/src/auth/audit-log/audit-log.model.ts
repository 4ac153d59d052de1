import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One query a user made: who, when, which operation, which filters and arguments' })
export class AuditEntry {
  @Field(() => Int)
  auditId!: number;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field()
  username!: string;

  @Field()
  role!: string;

  @Field({ description: 'Operation name and its root fields' })
  operation!: string;

  @Field({ description: 'The variables of the request (its filters), as JSON' })
  filters!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Each root field the operation ran, by alias, with its resolved arguments (inline or from variables), as JSON: {"alias":{"field":"…","args":{…}}}; null when nothing ran',
  })
  arguments!: string | null;

  @Field(() => [String], { nullable: true, description: 'The sites the user was limited to; null: every site' })
  sites!: string[] | null;

  @Field({
    description:
      'allowed, forbidden, invalid or error; unrecorded when the request was still running, or the server stopped before it ended',
  })
  outcome!: string;
}
