import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';

/** The audit log's writer, available everywhere (organizer actions live in every area). */
@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
