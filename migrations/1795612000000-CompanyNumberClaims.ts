import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A business registration number belongs to the first company whose owner CONFIRMS the email
 * address, not to the first sign-up: unconfirmed sign-ups no longer block it. Anonymous
 * applications are unique among themselves and no longer block a company's own application.
 */
export class CompanyNumberClaims1795612000000 implements MigrationInterface {
    name = 'CompanyNumberClaims1795612000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "companies" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`);
        // Companies with a confirmed member hold their number already (the old index kept them unique).
        await queryRunner.query(`UPDATE "companies" c SET "confirmed_at" = m.at
            FROM (SELECT cm.company_id, min(a.email_confirmed_at) AS at FROM company_members cm JOIN accounts a ON a.id = cm.account_id
                   WHERE a.email_confirmed_at IS NOT NULL GROUP BY cm.company_id) m
           WHERE m.company_id = c.id`);
        await queryRunner.query(`DROP INDEX "public"."companies_brn_key"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "companies_brn_key" ON "companies" ("business_registration_number") WHERE confirmed_at IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "companies_brn_idx" ON "companies" ("business_registration_number") `);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_key"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_key" ON "exhibitor_applications" ("edition_id", "business_registration_number") WHERE company_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_anonymous_key" ON "exhibitor_applications" ("edition_id", "business_registration_number") WHERE company_id IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_anonymous_key"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_key"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_key" ON "exhibitor_applications" ("edition_id", "business_registration_number") `);
        await queryRunner.query(`DROP INDEX "public"."companies_brn_idx"`);
        await queryRunner.query(`DROP INDEX "public"."companies_brn_key"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "companies_brn_key" ON "companies" ("business_registration_number") `);
        await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "confirmed_at"`);
    }
}
