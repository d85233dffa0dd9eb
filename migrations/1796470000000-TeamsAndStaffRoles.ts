import { MigrationInterface, QueryRunner } from "typeorm";

export class TeamsAndStaffRoles1796470000000 implements MigrationInterface {
    name = 'TeamsAndStaffRoles1796470000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "edition_id" uuid, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "staff_roles_role_check" CHECK (role IN ('admin','reviewer','venue','meetings','onsite')), CONSTRAINT "PK_87101d9c9d1604a36152cfad1c5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "staff_roles_edition_idx" ON "staff_roles"  ("edition_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_roles_all_editions_key" ON "staff_roles"  ("account_id", "role") WHERE edition_id IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_roles_edition_key" ON "staff_roles"  ("account_id", "edition_id", "role") WHERE edition_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "accounts" ADD "org_admin" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "staff_roles" ADD CONSTRAINT "FK_79cfb809cc7161429845ec7fc21" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_roles" ADD CONSTRAINT "FK_a60935a444b3ef208bf198868ae" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_purpose_check" CHECK (purpose IN ('confirm_email','reset_password','staff_invite'))`);
        // Every organizer account that exists today runs the organization, so nothing that works breaks.
        await queryRunner.query(`UPDATE "accounts" SET "org_admin" = true WHERE "role" = 'organizer'`);
        // The organization never loses its last active admin. Checked at commit (deferred) under one
        // advisory lock, so two concurrent demotions are serialized: the second sees the first committed.
        await queryRunner.query(`CREATE FUNCTION organization_keeps_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fairgate:organization-admins'));
  IF EXISTS (SELECT 1 FROM accounts WHERE role = 'organizer')
     AND NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'organizer' AND org_admin AND NOT disabled) THEN
    RAISE EXCEPTION 'the organization must keep at least one active organization admin'
      USING ERRCODE = '23514', CONSTRAINT = 'organization_admin_kept';
  END IF;
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "organization_admin_kept" AFTER UPDATE OR DELETE ON "accounts" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.org_admin AND NOT OLD.disabled) EXECUTE FUNCTION organization_keeps_an_admin()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "organization_admin_kept" ON "accounts"`);
        await queryRunner.query(`DROP FUNCTION organization_keeps_an_admin()`);
        await queryRunner.query(`DELETE FROM "account_tokens" WHERE purpose = 'staff_invite'`);
        await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_purpose_check" CHECK (purpose IN ('confirm_email','reset_password'))`);
        await queryRunner.query(`ALTER TABLE "staff_roles" DROP CONSTRAINT "FK_a60935a444b3ef208bf198868ae"`);
        await queryRunner.query(`ALTER TABLE "staff_roles" DROP CONSTRAINT "FK_79cfb809cc7161429845ec7fc21"`);
        await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "org_admin"`);
        await queryRunner.query(`DROP INDEX "public"."staff_roles_edition_key"`);
        await queryRunner.query(`DROP INDEX "public"."staff_roles_all_editions_key"`);
        await queryRunner.query(`DROP INDEX "public"."staff_roles_edition_idx"`);
        await queryRunner.query(`DROP TABLE "staff_roles"`);
    }

}
