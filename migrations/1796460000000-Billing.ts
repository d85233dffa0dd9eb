import { MigrationInterface, QueryRunner } from "typeorm";

export class Billing1796460000000 implements MigrationInterface {
    name = 'Billing1796460000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "company_billing_profiles" ("company_id" uuid NOT NULL, "legal_name" text NOT NULL, "representative" text, "address" text NOT NULL, "business_type" text, "business_item" text, "tax_id" text, "invoice_email" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4c74e1b2d970972c42fcf96e84" PRIMARY KEY ("company_id"))`);
        await queryRunner.query(`CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "application_id" uuid NOT NULL, "company_id" uuid, "sequence_number" integer NOT NULL, "number" text NOT NULL, "locale" character varying(2) NOT NULL, "lines" jsonb NOT NULL, "net_krw" integer NOT NULL, "vat_krw" integer NOT NULL, "total_krw" integer NOT NULL, "vat_pct" integer NOT NULL, "deposit_krw" integer NOT NULL, "deposit_due_on" date NOT NULL, "balance_due_on" date NOT NULL, "seller" jsonb NOT NULL, "buyer" jsonb NOT NULL, "invoice_email" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoices_application_key" UNIQUE ("application_id"), CONSTRAINT "invoices_edition_number_key" UNIQUE ("edition_id", "sequence_number"), CONSTRAINT "invoices_amounts_check" CHECK (net_krw >= 0 AND vat_krw >= 0 AND total_krw = net_krw + vat_krw AND deposit_krw BETWEEN 0 AND total_krw AND sequence_number > 0), CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "invoices_edition_idx" ON "invoices"  ("edition_id") `);
        await queryRunner.query(`CREATE TABLE "invoice_number_counters" ("edition_id" uuid NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_f464d6c47bcd47347d1355ed7af" PRIMARY KEY ("edition_id"))`);
        await queryRunner.query(`CREATE TABLE "invoice_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "kind" text NOT NULL, "method" text NOT NULL, "provider" text, "provider_reference" text, "idempotency_key" text, "amount_krw" integer NOT NULL, "received_on" date NOT NULL, "payer_name" text NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoice_payments_idempotency_key" UNIQUE ("invoice_id", "idempotency_key"), CONSTRAINT "invoice_payments_provider_reference_key" UNIQUE ("provider", "provider_reference"), CONSTRAINT "invoice_payments_reference_check" CHECK ((provider IS NULL) = (provider_reference IS NULL)), CONSTRAINT "invoice_payments_kind_check" CHECK (kind IN ('payment', 'refund')), CONSTRAINT "invoice_payments_amount_check" CHECK (amount_krw > 0), CONSTRAINT "PK_e19c9ebfa432289f510de7b4e99" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments"  ("invoice_id") `);
        await queryRunner.query(`CREATE TABLE "invoice_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "step" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoice_reminders_step_key" UNIQUE ("invoice_id", "step"), CONSTRAINT "PK_d863821fb8afd85c53de7a7c31f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "deposit_pct" integer NOT NULL DEFAULT '30'`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "deposit_due_days" integer NOT NULL DEFAULT '14'`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "balance_due_on" date`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "refund_cutoff_on" date`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "refund_before_pct" integer NOT NULL DEFAULT '50'`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD "refund_after_pct" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" ADD CONSTRAINT "edition_exhibitor_terms_billing_check" CHECK (deposit_pct BETWEEN 0 AND 100 AND deposit_due_days >= 0 AND refund_before_pct BETWEEN 0 AND 100 AND refund_after_pct BETWEEN 0 AND 100)`);
        await queryRunner.query(`ALTER TABLE "company_billing_profiles" ADD CONSTRAINT "FK_f4c74e1b2d970972c42fcf96e84" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_0382c4b8bd999a7dbcb927cda21" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_2f3eff8007fdaf744cde8028a5f" FOREIGN KEY ("application_id") REFERENCES "exhibitor_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoice_number_counters" ADD CONSTRAINT "FK_f464d6c47bcd47347d1355ed7af" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoice_payments" ADD CONSTRAINT "FK_e94fa427d3da279450dba6f4aa6" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoice_reminders" ADD CONSTRAINT "FK_a6a46467bda64b2a54149cce6ce" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "invoice_reminders" DROP CONSTRAINT "FK_a6a46467bda64b2a54149cce6ce"`);
        await queryRunner.query(`ALTER TABLE "invoice_payments" DROP CONSTRAINT "FK_e94fa427d3da279450dba6f4aa6"`);
        await queryRunner.query(`ALTER TABLE "invoice_number_counters" DROP CONSTRAINT "FK_f464d6c47bcd47347d1355ed7af"`);
        await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_2f3eff8007fdaf744cde8028a5f"`);
        await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_0382c4b8bd999a7dbcb927cda21"`);
        await queryRunner.query(`ALTER TABLE "company_billing_profiles" DROP CONSTRAINT "FK_f4c74e1b2d970972c42fcf96e84"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP CONSTRAINT "edition_exhibitor_terms_billing_check"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "refund_after_pct"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "refund_before_pct"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "refund_cutoff_on"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "balance_due_on"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "deposit_due_days"`);
        await queryRunner.query(`ALTER TABLE "edition_exhibitor_terms" DROP COLUMN "deposit_pct"`);
        await queryRunner.query(`DROP TABLE "invoice_reminders"`);
        await queryRunner.query(`DROP INDEX "public"."invoice_payments_invoice_idx"`);
        await queryRunner.query(`DROP TABLE "invoice_payments"`);
        await queryRunner.query(`DROP TABLE "invoice_number_counters"`);
        await queryRunner.query(`DROP INDEX "public"."invoices_edition_idx"`);
        await queryRunner.query(`DROP TABLE "invoices"`);
        await queryRunner.query(`DROP TABLE "company_billing_profiles"`);
    }

}
