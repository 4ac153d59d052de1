import { Module } from '@nestjs/common';
import { AuditLogModule } from '../auth/audit-log/audit-log.module';
import { OutcomeReportModule } from '../outcome-report/outcome-report.module';
import { ReleaseFilesController } from './release-files.controller';
import { ReleasesResolver } from './releases.resolver';
import { ReleasesService } from './releases.service';

/** Funder releases: drafts, publishing, and the published files. */
@Module({
  imports: [OutcomeReportModule, AuditLogModule],
  providers: [ReleasesResolver, ReleasesService],
  controllers: [ReleaseFilesController],
})
export class ReleasesModule {}
