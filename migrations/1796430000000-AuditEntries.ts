import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditEntries1796430000000 implements MigrationInterface {
    name = 'AuditEntries1796430000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_account_id" uuid, "actor_email" text, "scope_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text, "before" jsonb, "after" jsonb, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_entries_actor_at_idx" ON "audit_entries"  ("actor_account_id", "at") `);
        await queryRunner.query(`CREATE INDEX "audit_entries_scope_at_idx" ON "audit_entries"  ("scope_id", "at") `);
        await queryRunner.query(`CREATE INDEX "audit_entries_at_idx" ON "audit_entries"  ("at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."audit_entries_at_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_entries_scope_at_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_entries_actor_at_idx"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
    }

}
