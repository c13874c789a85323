CREATE TABLE `proxy_exits` (
	`proxy_id` integer NOT NULL,
	`ip` text NOT NULL,
	`net` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`proxy_id`, `ip`),
	FOREIGN KEY (`proxy_id`) REFERENCES `proxies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "proxy_exits_seen_order" CHECK("proxy_exits"."first_seen_at" <= "proxy_exits"."last_seen_at")
);
--> statement-breakpoint
CREATE INDEX `proxy_exits_ip_idx` ON `proxy_exits` (`ip`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `proxy_exits_net_idx` ON `proxy_exits` (`net`,`last_seen_at`);--> statement-breakpoint
ALTER TABLE `proxies` ADD `exit_region` text;--> statement-breakpoint
ALTER TABLE `proxies` ADD `exit_city` text;--> statement-breakpoint
ALTER TABLE `proxies` ADD `exit_timezone` text;--> statement-breakpoint
ALTER TABLE `proxies` ADD `exit_asn` integer;--> statement-breakpoint
ALTER TABLE `proxies` ADD `exit_org` text;--> statement-breakpoint
ALTER TABLE `proxies` ADD `anonymity` text;--> statement-breakpoint
ALTER TABLE `proxies` ADD `reachability` text;--> statement-breakpoint
ALTER TABLE `proxy_assignment_history` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `region` text;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `timezone` text;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `asn` integer;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `org` text;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `anonymity` text;--> statement-breakpoint
ALTER TABLE `proxy_checks` ADD `reachability` text;