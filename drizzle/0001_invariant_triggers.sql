-- Invariants the database keeps itself (DESIGN.md section 2), so no code path can break them:
--   proxies.account_count     = number of active accounts whose proxy_id is the proxy
--   proxies.assigned_model_id = the model of those accounts, NULL when there are none
--   an active account never lands on a full proxy or on one serving another model
--   proxy_assignment_history is append-only
-- Each RAISE message starts with a stable code word (proxy_full, proxy_model_mismatch,
-- proxy_counts_derived, history_append_only) that src/main/db/constraint-errors.ts recognises.

CREATE TRIGGER `accounts_guard_insert`
BEFORE INSERT ON `accounts`
WHEN NEW.`status` = 'active' AND NEW.`proxy_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'proxy_model_mismatch: the proxy already serves accounts of another model; a proxy serves one model only')
  WHERE EXISTS (
    SELECT 1 FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`proxy_id` AND a.`status` = 'active' AND a.`model_id` <> NEW.`model_id`
  );
  SELECT RAISE(ABORT, 'proxy_full: the proxy already holds its maximum number of active accounts')
  WHERE (
    SELECT count(*) FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`proxy_id` AND a.`status` = 'active'
  ) >= (SELECT p.`max_accounts` FROM `proxies` AS p WHERE p.`id` = NEW.`proxy_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_guard_update`
BEFORE UPDATE OF `proxy_id`, `status`, `model_id` ON `accounts`
WHEN NEW.`status` = 'active' AND NEW.`proxy_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'proxy_model_mismatch: the proxy already serves accounts of another model; a proxy serves one model only')
  WHERE EXISTS (
    SELECT 1 FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`proxy_id` AND a.`status` = 'active' AND a.`model_id` <> NEW.`model_id`
      AND a.`id` <> OLD.`id`
  );
  SELECT RAISE(ABORT, 'proxy_full: the proxy already holds its maximum number of active accounts')
  WHERE (
    SELECT count(*) FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`proxy_id` AND a.`status` = 'active' AND a.`id` <> OLD.`id`
  ) >= (SELECT p.`max_accounts` FROM `proxies` AS p WHERE p.`id` = NEW.`proxy_id`);
END;
--> statement-breakpoint
-- The sync triggers recount rather than add or subtract: at most max_accounts index entries per
-- proxy, and a recount cannot drift.
CREATE TRIGGER `accounts_sync_insert`
AFTER INSERT ON `accounts`
WHEN NEW.`proxy_id` IS NOT NULL
BEGIN
  UPDATE `proxies` SET
    `account_count` = (
      SELECT count(*) FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
    ),
    `assigned_model_id` = (
      SELECT a.`model_id` FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
      ORDER BY a.`id` LIMIT 1
    )
  WHERE `id` = NEW.`proxy_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_sync_update`
AFTER UPDATE OF `proxy_id`, `status`, `model_id` ON `accounts`
WHEN OLD.`proxy_id` IS NOT NEW.`proxy_id`
  OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`model_id` IS NOT NEW.`model_id`
BEGIN
  UPDATE `proxies` SET
    `account_count` = (
      SELECT count(*) FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
    ),
    `assigned_model_id` = (
      SELECT a.`model_id` FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
      ORDER BY a.`id` LIMIT 1
    )
  WHERE `id` IN (OLD.`proxy_id`, NEW.`proxy_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_sync_delete`
AFTER DELETE ON `accounts`
WHEN OLD.`proxy_id` IS NOT NULL
BEGIN
  UPDATE `proxies` SET
    `account_count` = (
      SELECT count(*) FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
    ),
    `assigned_model_id` = (
      SELECT a.`model_id` FROM `accounts` AS a
      WHERE a.`proxy_id` = `proxies`.`id` AND a.`status` = 'active'
      ORDER BY a.`id` LIMIT 1
    )
  WHERE `id` = OLD.`proxy_id`;
END;
--> statement-breakpoint
-- The two derived columns belong to the triggers above: a service writing a stale value (say, a
-- whole row read before an assignment) is refused instead of silently breaking the invariant.
CREATE TRIGGER `proxies_counts_start_empty`
BEFORE INSERT ON `proxies`
WHEN NEW.`account_count` <> 0 OR NEW.`assigned_model_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'proxy_counts_derived: a new proxy starts with account_count 0 and no assigned model; assign accounts to it instead');
END;
--> statement-breakpoint
CREATE TRIGGER `proxies_counts_derived`
BEFORE UPDATE OF `account_count`, `assigned_model_id` ON `proxies`
WHEN NEW.`account_count` IS NOT (
    SELECT count(*) FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`id` AND a.`status` = 'active'
  )
  OR NEW.`assigned_model_id` IS NOT (
    SELECT a.`model_id` FROM `accounts` AS a
    WHERE a.`proxy_id` = NEW.`id` AND a.`status` = 'active'
    ORDER BY a.`id` LIMIT 1
  )
BEGIN
  SELECT RAISE(ABORT, 'proxy_counts_derived: account_count and assigned_model_id follow the accounts table; change accounts instead');
END;
--> statement-breakpoint
CREATE TRIGGER `history_no_update`
BEFORE UPDATE ON `proxy_assignment_history`
BEGIN
  SELECT RAISE(ABORT, 'history_append_only: assignment history rows are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `history_no_delete`
BEFORE DELETE ON `proxy_assignment_history`
BEGIN
  SELECT RAISE(ABORT, 'history_append_only: assignment history rows are never deleted');
END;
