import { Module } from '@nestjs/common';
import { AuditLogModule } from '../auth/audit-log/audit-log.module';
import { OutcomeReportModule } from '../outcome-report/outcome-report.module';
import { ReportExportController } from './report-export.controller';

/** The funder outcome report as PDF and CSV downloads. */
@Module({
  imports: [AuditLogModule, OutcomeReportModule],
  controllers: [ReportExportController],
})
export class ReportExportModule {}
