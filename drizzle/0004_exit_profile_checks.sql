-- Value checks of the exit-profile columns 0003 added with ALTER TABLE. A table CHECK would have
-- made drizzle-kit rebuild `proxies` and `proxy_checks` (and a rebuild drops `proxies`' triggers),
-- so they are triggers. The code word exit_profile_invalid starts each message.

CREATE TRIGGER `proxies_anonymity_valid_insert`
BEFORE INSERT ON `proxies`
WHEN NEW.`anonymity` IS NOT NULL AND NEW.`anonymity` NOT IN ('transparent', 'anonymous', 'elite', 'not_applicable')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: anonymity must be transparent, anonymous, elite or not_applicable');
END;
--> statement-breakpoint
CREATE TRIGGER `proxies_reachability_valid_insert`
BEFORE INSERT ON `proxies`
WHEN NEW.`reachability` IS NOT NULL AND (NOT json_valid(NEW.`reachability`) OR json_type(NEW.`reachability`) <> 'array')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: reachability must be a JSON array');
END;
--> statement-breakpoint
CREATE TRIGGER `proxies_anonymity_valid_update`
BEFORE UPDATE OF `anonymity` ON `proxies`
WHEN NEW.`anonymity` IS NOT NULL AND NEW.`anonymity` NOT IN ('transparent', 'anonymous', 'elite', 'not_applicable')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: anonymity must be transparent, anonymous, elite or not_applicable');
END;
--> statement-breakpoint
CREATE TRIGGER `proxies_reachability_valid_update`
BEFORE UPDATE OF `reachability` ON `proxies`
WHEN NEW.`reachability` IS NOT NULL AND (NOT json_valid(NEW.`reachability`) OR json_type(NEW.`reachability`) <> 'array')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: reachability must be a JSON array');
END;
--> statement-breakpoint
CREATE TRIGGER `proxy_checks_anonymity_valid_insert`
BEFORE INSERT ON `proxy_checks`
WHEN NEW.`anonymity` IS NOT NULL AND NEW.`anonymity` NOT IN ('transparent', 'anonymous', 'elite', 'not_applicable')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: anonymity must be transparent, anonymous, elite or not_applicable');
END;
--> statement-breakpoint
CREATE TRIGGER `proxy_checks_reachability_valid_insert`
BEFORE INSERT ON `proxy_checks`
WHEN NEW.`reachability` IS NOT NULL AND (NOT json_valid(NEW.`reachability`) OR json_type(NEW.`reachability`) <> 'array')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: reachability must be a JSON array');
END;
--> statement-breakpoint
CREATE TRIGGER `proxy_checks_anonymity_valid_update`
BEFORE UPDATE OF `anonymity` ON `proxy_checks`
WHEN NEW.`anonymity` IS NOT NULL AND NEW.`anonymity` NOT IN ('transparent', 'anonymous', 'elite', 'not_applicable')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: anonymity must be transparent, anonymous, elite or not_applicable');
END;
--> statement-breakpoint
CREATE TRIGGER `proxy_checks_reachability_valid_update`
BEFORE UPDATE OF `reachability` ON `proxy_checks`
WHEN NEW.`reachability` IS NOT NULL AND (NOT json_valid(NEW.`reachability`) OR json_type(NEW.`reachability`) <> 'array')
BEGIN
  SELECT RAISE(ABORT, 'exit_profile_invalid: reachability must be a JSON array');
END;
