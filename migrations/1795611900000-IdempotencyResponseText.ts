import { MigrationInterface, QueryRunner } from "typeorm";

/** Stored answers become text: jsonb reorders keys and spacing, so a replay was not byte-identical. */
export class IdempotencyResponseText1795611900000 implements MigrationInterface {
    name = 'IdempotencyResponseText1795611900000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE text USING "response_body"::text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE jsonb USING "response_body"::jsonb`);
    }

}
