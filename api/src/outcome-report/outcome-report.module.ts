import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { SessionFeedbackModule } from '../feedback/session-feedback.module';
import { OverviewModule } from '../overview/overview.module';
import { RetentionModule } from '../retention/retention.module';
import { SobrietyModule } from '../sobriety/sobriety.module';
import { OutcomeReportResolver } from './outcome-report.resolver';
import { OutcomeReportService } from './outcome-report.service';

@Module({
  imports: [OverviewModule, RetentionModule, AttendanceModule, SobrietyModule, SessionFeedbackModule],
  providers: [OutcomeReportResolver, OutcomeReportService],
  exports: [OutcomeReportService],
})
export class OutcomeReportModule {}
