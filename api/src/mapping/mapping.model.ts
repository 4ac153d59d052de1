import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A saved mapping profile: how a program's own exports become the contract's files" })
export class MappingProfileRecord {
  @Field()
  name!: string;

  @Field(() => Int, { description: 'Every save is a new version; the old ones are kept' })
  version!: number;

  @Field(() => String, { nullable: true })
  savedBy!: string | null;

  @Field(() => GraphQLISODateTime)
  savedAt!: Date;

  @Field({ description: 'The profile as JSON (format iop-mapping-profile, version 1): what is exported and imported' })
  document!: string;
}

@ObjectType({ description: 'A column a file can be mapped to' })
export class MappingTargetColumn {
  @Field()
  name!: string;

  @Field()
  required!: boolean;

  @Field({ description: 'Read as a date, in the date format the mapping chooses' })
  date!: boolean;

  @Field(() => [String], { nullable: true, description: 'The codes a coded column accepts (value maps lead to these)' })
  codes!: string[] | null;
}

@ObjectType({ description: 'What a file can become: a contract file, or a group-attendance report' })
export class MappingTarget {
  @Field()
  target!: string;

  @Field(() => [MappingTargetColumn])
  columns!: MappingTargetColumn[];
}

@ObjectType()
export class MappingSourceColumn {
  @Field({ description: 'The header as written' })
  name!: string;

  @Field(() => [String], { description: 'A few distinct values (none for a direct-identifier column)' })
  samples!: string[];

  @Field(() => String, { nullable: true, description: 'The direct identifier the name is (never loaded)' })
  identifier!: string | null;
}

@ObjectType({ description: 'A file of an upload that waits for a mapping' })
export class MappingSourceFile {
  @Field()
  fileName!: string;

  @Field(() => String, { nullable: true, description: 'The contract file it is already, by its name' })
  contractKind!: string | null;

  @Field(() => [MappingSourceColumn])
  columns!: MappingSourceColumn[];

  @Field({ description: "The suggested file mapping, as JSON (one entry of a profile's files)" })
  suggestion!: string;

  @Field(() => String, { nullable: true, description: 'Why the file could not be read' })
  error!: string | null;
}

@ObjectType()
export class MappingPreviewTable {
  @Field()
  file!: string;

  @Field()
  kind!: string;

  @Field(() => [String])
  columns!: string[];

  @Field(() => [[String]], { description: 'The first rows as they would reach the loader' })
  rows!: string[][];

  @Field(() => Int)
  rowCount!: number;

  @Field(() => Int, { description: "Rows the mapping or the contract's row rules would reject" })
  rejectedRows!: number;
}

@ObjectType()
export class MappingPreviewReject {
  @Field()
  file!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  detail!: string | null;
}

@ObjectType({ description: 'What a mapping would load, before anything is written' })
export class MappingPreview {
  @Field(() => [MappingPreviewTable])
  tables!: MappingPreviewTable[];

  @Field(() => [MappingPreviewReject])
  rejects!: MappingPreviewReject[];

  @Field(() => [String])
  warnings!: string[];
}
