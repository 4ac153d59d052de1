import { Module } from '@nestjs/common';
import { SessionFeedbackResolver } from './session-feedback.resolver';
import { SessionFeedbackService } from './session-feedback.service';

@Module({ providers: [SessionFeedbackResolver, SessionFeedbackService], exports: [SessionFeedbackService] })
export class SessionFeedbackModule {}
