CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` integer NOT NULL,
	`platform` text NOT NULL,
	`username` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`proxy_id` integer,
	`notes` text,
	`created_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`proxy_id`) REFERENCES `proxies`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "accounts_username_not_empty" CHECK(length(trim("accounts"."username")) > 0),
	CONSTRAINT "accounts_platform_valid" CHECK("accounts"."platform" IN ('instagram', 'tiktok', 'twitter', 'reddit', 'onlyfans', 'other')),
	CONSTRAINT "accounts_status_valid" CHECK("accounts"."status" IN ('active', 'invalid', 'removed')),
	CONSTRAINT "accounts_only_active_hold_proxy" CHECK("accounts"."status" = 'active' OR "accounts"."proxy_id" IS NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_platform_username_unique` ON `accounts` (`platform`,`username`);--> statement-breakpoint
CREATE INDEX `accounts_proxy_idx` ON `accounts` (`proxy_id`,`status`);--> statement-breakpoint
CREATE INDEX `accounts_model_idx` ON `accounts` (`model_id`);--> statement-breakpoint
CREATE TABLE `models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`notes` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	CONSTRAINT "models_name_not_empty" CHECK(length(trim("models"."name")) > 0),
	CONSTRAINT "models_status_valid" CHECK("models"."status" IN ('active', 'inactive'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `models_name_unique` ON `models` (`name`);--> statement-breakpoint
CREATE TABLE `proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`protocol` text NOT NULL,
	`remote_dns` integer DEFAULT false NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`username` text,
	`password_encrypted` text,
	`location` text,
	`country` text,
	`status` text DEFAULT 'active' NOT NULL,
	`assigned_model_id` integer,
	`account_count` integer DEFAULT 0 NOT NULL,
	`max_accounts` integer DEFAULT 3 NOT NULL,
	`monthly_cost_override_cents` integer,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`expires_at` integer,
	`rotation_url` text,
	`sticky` integer DEFAULT false NOT NULL,
	`last_tested_at` integer,
	`last_success_at` integer,
	`last_error_code` text,
	`last_error_message` text,
	`response_time_ms` integer,
	`exit_ip` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `proxy_providers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assigned_model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "proxies_port_range" CHECK("proxies"."port" BETWEEN 1 AND 65535),
	CONSTRAINT "proxies_host_not_empty" CHECK(length("proxies"."host") > 0),
	CONSTRAINT "proxies_protocol_valid" CHECK("proxies"."protocol" IN ('http', 'https', 'socks4', 'socks5')),
	CONSTRAINT "proxies_status_valid" CHECK("proxies"."status" IN ('active', 'inactive', 'error', 'testing')),
	CONSTRAINT "proxies_max_accounts_positive" CHECK("proxies"."max_accounts" >= 1),
	CONSTRAINT "proxies_account_count_not_negative" CHECK("proxies"."account_count" >= 0),
	CONSTRAINT "proxies_account_count_within_max" CHECK("proxies"."account_count" <= "proxies"."max_accounts"),
	CONSTRAINT "proxies_model_iff_accounts" CHECK(("proxies"."account_count" = 0) = ("proxies"."assigned_model_id" IS NULL)),
	CONSTRAINT "proxies_cost_override_not_negative" CHECK("proxies"."monthly_cost_override_cents" IS NULL OR "proxies"."monthly_cost_override_cents" >= 0),
	CONSTRAINT "proxies_last_error_code_valid" CHECK("proxies"."last_error_code" IS NULL OR "proxies"."last_error_code" IN ('timeout', 'refused', 'dns_failed', 'auth_failed', 'tls_failed', 'protocol_error', 'judge_failed', 'bad_response')),
	CONSTRAINT "proxies_response_time_not_negative" CHECK("proxies"."response_time_ms" IS NULL OR "proxies"."response_time_ms" >= 0),
	CONSTRAINT "proxies_consecutive_failures_not_negative" CHECK("proxies"."consecutive_failures" >= 0),
	CONSTRAINT "proxies_tags_json_array" CHECK(json_valid("proxies"."tags") AND json_type("proxies"."tags") = 'array'),
	CONSTRAINT "proxies_remote_dns_bool" CHECK("proxies"."remote_dns" IN (0, 1)),
	CONSTRAINT "proxies_sticky_bool" CHECK("proxies"."sticky" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proxies_endpoint_unique` ON `proxies` (`protocol`,`host`,`port`,(CASE WHEN "username" IS NULL THEN '' ELSE "username" END));--> statement-breakpoint
CREATE INDEX `proxies_assignable_idx` ON `proxies` (`status`,`assigned_model_id`,`account_count`);--> statement-breakpoint
CREATE INDEX `proxies_available_idx` ON `proxies` (`assigned_model_id`,`id`) WHERE "proxies"."status" = 'active' AND "proxies"."account_count" < "proxies"."max_accounts";--> statement-breakpoint
CREATE INDEX `proxies_provider_idx` ON `proxies` (`provider_id`);--> statement-breakpoint
CREATE INDEX `proxies_host_idx` ON `proxies` (`host`);--> statement-breakpoint
CREATE INDEX `proxies_country_idx` ON `proxies` (`country`);--> statement-breakpoint
CREATE INDEX `proxies_last_tested_idx` ON `proxies` (`last_tested_at`);--> statement-breakpoint
CREATE INDEX `proxies_expires_idx` ON `proxies` (`expires_at`);--> statement-breakpoint
CREATE TABLE `proxy_assignment_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proxy_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text NOT NULL,
	`assigned_by` text NOT NULL,
	`created_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	CONSTRAINT "history_action_valid" CHECK("proxy_assignment_history"."action" IN ('assigned', 'released', 'reassigned', 'rotated')),
	CONSTRAINT "history_reason_valid" CHECK("proxy_assignment_history"."reason" IN ('automatic', 'manual', 'cleanup', 'account_invalid', 'account_removed', 'proxy_failed', 'proxy_removed', 'rotation')),
	CONSTRAINT "history_assigned_by_valid" CHECK("proxy_assignment_history"."assigned_by" IN ('system', 'operator'))
);
--> statement-breakpoint
CREATE INDEX `history_created_idx` ON `proxy_assignment_history` (`created_at`);--> statement-breakpoint
CREATE INDEX `history_proxy_idx` ON `proxy_assignment_history` (`proxy_id`);--> statement-breakpoint
CREATE INDEX `history_account_idx` ON `proxy_assignment_history` (`account_id`);--> statement-breakpoint
CREATE INDEX `history_model_idx` ON `proxy_assignment_history` (`model_id`);--> statement-breakpoint
CREATE TABLE `proxy_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proxy_id` integer NOT NULL,
	`checked_at` integer NOT NULL,
	`ok` integer NOT NULL,
	`error_code` text,
	`error_message` text,
	`connect_ms` integer,
	`total_ms` integer,
	`exit_ip` text,
	`country` text,
	`city` text,
	`judge` text,
	FOREIGN KEY (`proxy_id`) REFERENCES `proxies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "checks_ok_bool" CHECK("proxy_checks"."ok" IN (0, 1)),
	CONSTRAINT "checks_error_code_valid" CHECK("proxy_checks"."error_code" IS NULL OR "proxy_checks"."error_code" IN ('timeout', 'refused', 'dns_failed', 'auth_failed', 'tls_failed', 'protocol_error', 'judge_failed', 'bad_response')),
	CONSTRAINT "checks_durations_not_negative" CHECK(("proxy_checks"."connect_ms" IS NULL OR "proxy_checks"."connect_ms" >= 0) AND ("proxy_checks"."total_ms" IS NULL OR "proxy_checks"."total_ms" >= 0))
);
--> statement-breakpoint
CREATE INDEX `checks_proxy_checked_idx` ON `proxy_checks` (`proxy_id`,`checked_at`);--> statement-breakpoint
CREATE INDEX `checks_checked_idx` ON `proxy_checks` (`checked_at`);--> statement-breakpoint
CREATE TABLE `proxy_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`monthly_cost_per_proxy_cents` integer DEFAULT 0 NOT NULL,
	`contact_email` text,
	`website` text,
	`service_type` text,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)) NOT NULL,
	CONSTRAINT "proxy_providers_name_not_empty" CHECK(length(trim("proxy_providers"."name")) > 0),
	CONSTRAINT "proxy_providers_cost_not_negative" CHECK("proxy_providers"."monthly_cost_per_proxy_cents" >= 0),
	CONSTRAINT "proxy_providers_service_type_valid" CHECK("proxy_providers"."service_type" IS NULL OR "proxy_providers"."service_type" IN ('residential', 'datacenter', 'mobile', 'isp')),
	CONSTRAINT "proxy_providers_status_valid" CHECK("proxy_providers"."status" IN ('active', 'inactive', 'suspended'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proxy_providers_name_unique` ON `proxy_providers` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	CONSTRAINT "settings_value_json" CHECK(json_valid("settings"."value"))
);
