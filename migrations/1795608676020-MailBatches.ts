import { MigrationInterface, QueryRunner } from "typeorm";

export class MailBatches1795608676020 implements MigrationInterface {
    name = 'MailBatches1795608676020'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mail_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template" text NOT NULL, "label" text NOT NULL, "total" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f17abb9bce3c45eebea1029df0a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "batch_id" uuid`);
        await queryRunner.query(`CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages"  ("created_at") `);
        await queryRunner.query(`CREATE INDEX "outbox_messages_batch_idx" ON "outbox_messages"  ("batch_id", "status") `);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_ed5542605ffc3effd25ef156536" FOREIGN KEY ("batch_id") REFERENCES "mail_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_ed5542605ffc3effd25ef156536"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_messages_batch_idx"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_messages_created_idx"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "batch_id"`);
        await queryRunner.query(`DROP TABLE "mail_batches"`);
    }

}
