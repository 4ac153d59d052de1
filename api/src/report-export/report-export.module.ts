import { Module } from '@nestjs/common';
import { OutcomeReportModule } from '../outcome-report/outcome-report.module';
import { ReportExportController } from './report-export.controller';

/** The funder outcome report as PDF and CSV downloads. */
@Module({
  imports: [OutcomeReportModule],
  controllers: [ReportExportController],
})
export class ReportExportModule {}
