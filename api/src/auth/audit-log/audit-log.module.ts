import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryableOf } from '../queryable';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditWriter } from './audit-writer';

/** The audit log: its one writer (shared by GraphQL and the report downloads) and its query. */
@Module({
  providers: [
    AuditLogResolver,
    { provide: AuditWriter, inject: [DataSource], useFactory: (ds: DataSource) => new AuditWriter(queryableOf(ds)) },
  ],
  exports: [AuditWriter],
})
export class AuditLogModule {}
