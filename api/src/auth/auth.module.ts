import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthController } from './auth.controller';
import { AuthMiddleware } from './auth.middleware';
import { RolesGuard } from './roles.guard';

/** Sessions, roles and the audit log: every API request is checked here, on the server. */
@Module({
  imports: [AuditLogModule],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthMiddleware).forRoutes('*path');
  }
}
