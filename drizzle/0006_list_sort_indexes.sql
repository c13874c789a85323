CREATE INDEX `proxies_response_time_idx` ON `proxies` (`response_time_ms`);--> statement-breakpoint
CREATE INDEX `proxies_account_count_idx` ON `proxies` (`account_count`);--> statement-breakpoint
CREATE INDEX `proxies_status_sort_idx` ON `proxies` (("status" || ''));--> statement-breakpoint
CREATE INDEX `proxies_protocol_sort_idx` ON `proxies` (("protocol" || ''));