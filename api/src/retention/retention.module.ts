import { Module } from '@nestjs/common';
import { RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

@Module({ providers: [RetentionResolver, RetentionService], exports: [RetentionService] })
export class RetentionModule {}
