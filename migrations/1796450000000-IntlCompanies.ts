import { MigrationInterface, QueryRunner } from "typeorm";

/** International companies: a country's own identifier (kind + value) beside the 사업자등록번호, and a name in the other script. */

export class IntlCompanies1796450000000 implements MigrationInterface {
    name = 'IntlCompanies1796450000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "companies" ADD "alternate_name" text`);
        await queryRunner.query(`ALTER TABLE "companies" ADD "identifier_kind" text NOT NULL DEFAULT 'kr-brn'`);
        await queryRunner.query(`ALTER TABLE "companies" ADD "identifier" text`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD "company_alternate_name" text`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD "company_identifier_kind" text NOT NULL DEFAULT 'kr-brn'`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD "company_identifier" text`);
        // Every company so far signed up with a 사업자등록번호: Korean, kind kr-brn (the default), nothing lost.
        await queryRunner.query(`UPDATE "companies" SET "country" = 'KR' WHERE "country" <> 'KR'`);
        await queryRunner.query(`ALTER TABLE "companies" ALTER COLUMN "business_registration_number" DROP NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_anonymous_key"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_key"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ALTER COLUMN "business_registration_number" DROP NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "companies_identifier_key" ON "companies"  ("country", "identifier_kind", "identifier") WHERE confirmed_at IS NOT NULL AND identifier IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_identifier_anonymous_key" ON "exhibitor_applications"  ("edition_id", "company_country", "company_identifier_kind", "company_identifier") WHERE company_id IS NULL AND company_identifier IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_identifier_key" ON "exhibitor_applications"  ("edition_id", "company_country", "company_identifier_kind", "company_identifier") WHERE company_id IS NOT NULL AND company_identifier IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_anonymous_key" ON "exhibitor_applications"  ("edition_id", "business_registration_number") WHERE company_id IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_key" ON "exhibitor_applications"  ("edition_id", "business_registration_number") WHERE company_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "companies" ADD CONSTRAINT "companies_identifier_kind_brn_check" CHECK ((identifier_kind = 'kr-brn') = (business_registration_number IS NOT NULL) AND (identifier_kind = 'kr-brn') = (identifier IS NULL))`);
        await queryRunner.query(`ALTER TABLE "companies" ADD CONSTRAINT "companies_identifier_check" CHECK (identifier ~ '^[0-9A-Z]{2,40}$')`);
        await queryRunner.query(`ALTER TABLE "companies" ADD CONSTRAINT "companies_identifier_kind_check" CHECK (identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other'))`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "exhibitor_applications_identifier_kind_brn_check" CHECK ((company_identifier_kind = 'kr-brn') = (business_registration_number IS NOT NULL) AND (company_identifier_kind = 'kr-brn') = (company_identifier IS NULL))`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "exhibitor_applications_identifier_kind_check" CHECK (company_identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP CONSTRAINT "exhibitor_applications_identifier_kind_check"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP CONSTRAINT "exhibitor_applications_identifier_kind_brn_check"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP CONSTRAINT "companies_identifier_kind_check"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP CONSTRAINT "companies_identifier_check"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP CONSTRAINT "companies_identifier_kind_brn_check"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_key"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_anonymous_key"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_identifier_key"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_identifier_anonymous_key"`);
        await queryRunner.query(`DROP INDEX "public"."companies_identifier_key"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ALTER COLUMN "business_registration_number" SET NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_key" ON "exhibitor_applications" USING btree ("edition_id", "business_registration_number") WHERE (company_id IS NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_anonymous_key" ON "exhibitor_applications" USING btree ("edition_id", "business_registration_number") WHERE (company_id IS NULL)`);
        await queryRunner.query(`ALTER TABLE "companies" ALTER COLUMN "business_registration_number" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP COLUMN "company_identifier"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP COLUMN "company_identifier_kind"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP COLUMN "company_alternate_name"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "identifier"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "identifier_kind"`);
        await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "alternate_name"`);
    }

}
