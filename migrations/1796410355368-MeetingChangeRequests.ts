import { MigrationInterface, QueryRunner } from "typeorm";

export class MeetingChangeRequests1796410355368 implements MigrationInterface {
    name = 'MeetingChangeRequests1796410355368'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_change_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "kind" text NOT NULL, "note" text, "meeting_sequence" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_change_requests_kind_check" CHECK (kind IN ('cancel','move')), CONSTRAINT "PK_7018f6e33e1de0ba20b04eee624" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_change_requests_edition_idx" ON "meeting_change_requests"  ("edition_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "meeting_change_requests" ADD CONSTRAINT "FK_cbccab1a0066d1707f8de0e879f" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_change_requests" ADD CONSTRAINT "FK_cbd80e8b4e838183e7f3dcf1227" FOREIGN KEY ("participant_id") REFERENCES "meeting_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_change_requests" DROP CONSTRAINT "FK_cbd80e8b4e838183e7f3dcf1227"`);
        await queryRunner.query(`ALTER TABLE "meeting_change_requests" DROP CONSTRAINT "FK_cbccab1a0066d1707f8de0e879f"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_change_requests_edition_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_change_requests"`);
    }

}
