CREATE TABLE `exit_collisions` (
	`proxy_id` integer NOT NULL,
	`other_proxy_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`other_model_id` integer NOT NULL,
	`address` text NOT NULL,
	`raised_at` integer NOT NULL,
	`forced` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`proxy_id`, `other_proxy_id`),
	FOREIGN KEY (`proxy_id`) REFERENCES `proxies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_proxy_id`) REFERENCES `proxies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "exit_collisions_pair_order" CHECK("exit_collisions"."proxy_id" < "exit_collisions"."other_proxy_id"),
	CONSTRAINT "exit_collisions_forced_bool" CHECK("exit_collisions"."forced" IN (0, 1))
);
--> statement-breakpoint
CREATE INDEX `exit_collisions_other_idx` ON `exit_collisions` (`other_proxy_id`);