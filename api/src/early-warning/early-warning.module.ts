import { Module } from '@nestjs/common';
import { EarlyWarningResolver } from './early-warning.resolver';
import { EarlyWarningService } from './early-warning.service';

@Module({ providers: [EarlyWarningResolver, EarlyWarningService] })
export class EarlyWarningModule {}
