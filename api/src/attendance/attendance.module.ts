import { Module } from '@nestjs/common';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';
import { IntensityService } from './intensity.service';
import { SessionAccountabilityService } from './session-accountability.service';

@Module({
  providers: [AttendanceResolver, AttendanceService, IntensityService, SessionAccountabilityService],
  exports: [AttendanceService, IntensityService],
})
export class AttendanceModule {}
