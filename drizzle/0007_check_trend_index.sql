DROP INDEX IF EXISTS `checks_checked_idx`;--> statement-breakpoint
CREATE INDEX `checks_trend_idx` ON `proxy_checks` (`checked_at`,`ok`,`total_ms`,`proxy_id`,`error_code`);