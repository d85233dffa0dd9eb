import { MigrationInterface, QueryRunner } from "typeorm";

export class MeetingRequestNotices1796398981766 implements MigrationInterface {
    name = 'MeetingRequestNotices1796398981766'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_request_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "event" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "meeting_request_notices_once_key" UNIQUE ("request_id", "participant_id", "event"), CONSTRAINT "meeting_request_notices_event_check" CHECK (event IN ('received','sent','accepted','declined','expired')), CONSTRAINT "PK_cba54187681fd80bccc0406affd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_request_notices_pending_idx" ON "meeting_request_notices"  ("participant_id", "created_at") WHERE notified_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "meeting_request_notices" ADD CONSTRAINT "FK_85049a18c1b7b8c225fea677e52" FOREIGN KEY ("request_id") REFERENCES "meeting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_request_notices" ADD CONSTRAINT "FK_786f2bd9d21854d7ba3bb563f9e" FOREIGN KEY ("participant_id") REFERENCES "meeting_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_request_notices" DROP CONSTRAINT "FK_786f2bd9d21854d7ba3bb563f9e"`);
        await queryRunner.query(`ALTER TABLE "meeting_request_notices" DROP CONSTRAINT "FK_85049a18c1b7b8c225fea677e52"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_request_notices_pending_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_request_notices"`);
    }

}
