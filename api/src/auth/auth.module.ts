import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CachedAnswerMiddleware } from '../figure-cache/cached-answer.middleware';
import { FigureCacheModule } from '../figure-cache/figure-cache.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthController } from './auth.controller';
import { AuthMiddleware } from './auth.middleware';
import { RolesGuard } from './roles.guard';

/** Sessions, roles and the audit log: every API request is checked here, on the server. */
@Module({
  imports: [AuditLogModule, FigureCacheModule],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // In this order: the figure cache's fast path needs the user and data version the session
    // check reads.
    consumer.apply(AuthMiddleware, CachedAnswerMiddleware).forRoutes('*path');
  }
}
