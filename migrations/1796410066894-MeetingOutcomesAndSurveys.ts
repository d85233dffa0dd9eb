import { MigrationInterface, QueryRunner } from "typeorm";

export class MeetingOutcomesAndSurveys1796410066894 implements MigrationInterface {
    name = 'MeetingOutcomesAndSurveys1796410066894'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_surveys" ("meeting_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, "satisfaction" integer, "follow_up" boolean, "consultation_usd" numeric(14,2), "expected_contract_usd" numeric(14,2), "comment" text, CONSTRAINT "meeting_surveys_amounts_check" CHECK ((consultation_usd IS NULL OR consultation_usd >= 0) AND (expected_contract_usd IS NULL OR expected_contract_usd >= 0)), CONSTRAINT "meeting_surveys_satisfaction_check" CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5), CONSTRAINT "PK_eb83f4082f9f48bc0496280046f" PRIMARY KEY ("meeting_id", "participant_id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_surveys_participant_idx" ON "meeting_surveys"  ("participant_id") `);
        await queryRunner.query(`ALTER TABLE "meetings" ADD "outcome" text`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD "outcome_recorded_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD "outcome_recorded_by" uuid`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "meetings_outcome_check" CHECK (outcome IS NULL OR (outcome IN ('held','no_show_buyer','no_show_exhibitor','no_show_both') AND status = 'published'))`);
        await queryRunner.query(`ALTER TABLE "meeting_surveys" ADD CONSTRAINT "FK_9898f667c1b779a2d9d0eae092c" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_surveys" ADD CONSTRAINT "FK_fe7bc2ef4acf26f328b2c65b95b" FOREIGN KEY ("participant_id") REFERENCES "meeting_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_surveys" DROP CONSTRAINT "FK_fe7bc2ef4acf26f328b2c65b95b"`);
        await queryRunner.query(`ALTER TABLE "meeting_surveys" DROP CONSTRAINT "FK_9898f667c1b779a2d9d0eae092c"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "meetings_outcome_check"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "outcome_recorded_by"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "outcome_recorded_at"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "outcome"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_surveys_participant_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_surveys"`);
    }

}
