import { BadRequestException } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { currentUser, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles';
import { MappingPreview, MappingProfileRecord, MappingSourceFile, MappingTarget } from './mapping.model';
import { MappingService } from './mapping.service';

// Directors only: profiles say how the program's exports load, and previews show the values of
// uploaded files. Every operation is in the audit log (graphql/audit-plugin) with its arguments.
@Roles('director')
@Resolver(() => MappingProfileRecord)
export class MappingResolver {
  constructor(private readonly mapping: MappingService) {}

  @Query(() => [MappingTarget], { description: "What a file can be mapped to, with each target's columns" })
  mappingTargets(): MappingTarget[] {
    return this.mapping.targets();
  }

  @Query(() => [MappingProfileRecord], { description: 'Saved mapping profiles (latest versions), by name' })
  mappingProfiles(): Promise<MappingProfileRecord[]> {
    return this.mapping.list();
  }

  @Query(() => MappingProfileRecord, { nullable: true })
  mappingProfile(@Args('name') name: string): Promise<MappingProfileRecord | null> {
    return this.mapping.get(name);
  }

  @Query(() => [MappingSourceFile], { description: 'The files of an upload that waits for a mapping' })
  mappingUpload(@Args('uploadId') uploadId: string): Promise<MappingSourceFile[]> {
    return this.mapping.sourceFiles(uploadId);
  }

  @Query(() => MappingPreview, {
    description: 'The contract rows and rejects a profile would give; nothing is written',
  })
  mappingPreview(@Args('uploadId') uploadId: string, @Args('document') document: string): Promise<MappingPreview> {
    return this.mapping.preview(uploadId, document);
  }

  @Mutation(() => MappingProfileRecord, { description: 'Saves the profile (JSON) as the next version of its name' })
  saveMappingProfile(@Args('document') document: string): Promise<MappingProfileRecord> {
    return this.mapping.save(user(), document);
  }

  @Mutation(() => Boolean, { description: 'Deletes the profile (its versions are kept)' })
  deleteMappingProfile(@Args('name') name: string): Promise<boolean> {
    return this.mapping.delete(user(), name);
  }

  @Mutation(() => Boolean, {
    description: 'Loads an upload that waits for a mapping by the saved profile; poll /api/uploads/:id',
  })
  loadUploadWithProfile(@Args('uploadId') uploadId: string, @Args('name') name: string): Promise<boolean> {
    return this.mapping.load(user(), uploadId, name);
  }
}

function user(): CurrentUser {
  const u = currentUser();
  if (!u) throw new BadRequestException('Sign in first.');
  return u;
}
