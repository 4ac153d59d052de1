import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One query a user made: who, when, which operation, which filters' })
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

  @Field({
    description:
      'allowed, forbidden, invalid or error; unrecorded when the request was still running, or the server stopped before it ended',
  })
  outcome!: string;
}
