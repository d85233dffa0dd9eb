import { MigrationInterface, QueryRunner } from "typeorm";

export class MailTexts1796480000000 implements MigrationInterface {
    name = 'MailTexts1796480000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mail_text_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope_id" uuid NOT NULL, "kind" text NOT NULL, "locale" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "updated_by_account_id" uuid, "updated_by_email" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_text_overrides_scope_kind_locale_key" UNIQUE ("scope_id", "kind", "locale"), CONSTRAINT "mail_text_overrides_body_check" CHECK (char_length(body) BETWEEN 1 AND 10000), CONSTRAINT "mail_text_overrides_subject_check" CHECK (char_length(subject) BETWEEN 1 AND 200), CONSTRAINT "mail_text_overrides_locale_check" CHECK (locale IN ('ko','en')), CONSTRAINT "PK_b79a6f25170d00f59ede3085cb8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "scope_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "scope_id"`);
        await queryRunner.query(`DROP TABLE "mail_text_overrides"`);
    }

}
