import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail';

/** The audit log's writer and reader, available everywhere (organizer actions live in every area), and the interceptor that logs every organizer write. */
@Global()
@Module({ providers: [AuditTrail, AuditLog, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }], exports: [AuditTrail, AuditLog] })
export class AuditModule {}
