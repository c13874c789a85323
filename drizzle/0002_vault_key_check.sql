CREATE TABLE `vault_key_check` (
	`id` integer PRIMARY KEY NOT NULL,
	`key_version` integer NOT NULL,
	`check_value` text NOT NULL,
	`recorded_at` integer NOT NULL,
	CONSTRAINT "vault_key_check_single_row" CHECK("vault_key_check"."id" = 1),
	CONSTRAINT "vault_key_check_version_positive" CHECK("vault_key_check"."key_version" >= 1)
);
