-- Keeps outbox_tally (src/schema/outbox-tally.ts) equal to what stats() used to count over the whole table:
-- delivered rows and the sum of failures. Statement-level triggers with transition tables: one small
-- aggregate over the rows a statement touched, and no write to the tally when nothing it counts changed
-- (a claim), so concurrent relays on one PostgreSQL only meet on the tally row when they settle.
CREATE FUNCTION "outbox_tally_add"(delivered_delta bigint, failures_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF delivered_delta <> 0 OR failures_delta <> 0 THEN
    INSERT INTO "outbox_tally" ("id", "delivered", "failures") VALUES (1, delivered_delta, failures_delta)
    ON CONFLICT ("id") DO UPDATE SET
      "delivered" = "outbox_tally"."delivered" + excluded."delivered",
      "failures" = "outbox_tally"."failures" + excluded."failures";
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "outbox_tally_on_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "outbox_tally_add"(
    (SELECT count(*) FILTER (WHERE "status" = 'delivered') FROM new_rows),
    (SELECT coalesce(sum("failures"), 0) FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "outbox_tally_on_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "outbox_tally_add"(
    (SELECT count(*) FILTER (WHERE "status" = 'delivered') FROM new_rows)
      - (SELECT count(*) FILTER (WHERE "status" = 'delivered') FROM old_rows),
    (SELECT coalesce(sum("failures"), 0) FROM new_rows) - (SELECT coalesce(sum("failures"), 0) FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "outbox_tally_on_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "outbox_tally_add"(
    -(SELECT count(*) FILTER (WHERE "status" = 'delivered') FROM old_rows),
    -(SELECT coalesce(sum("failures"), 0) FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "outbox_tally_on_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "outbox_tally";
  RETURN NULL;
END $$;
--> statement-breakpoint
-- No writer may slip between the triggers' creation and the seed below (migrations run in one transaction).
LOCK TABLE "outbox" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TRIGGER "outbox_tally_insert" AFTER INSERT ON "outbox" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "outbox_tally_on_insert"();
--> statement-breakpoint
CREATE TRIGGER "outbox_tally_update" AFTER UPDATE ON "outbox" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "outbox_tally_on_update"();
--> statement-breakpoint
CREATE TRIGGER "outbox_tally_delete" AFTER DELETE ON "outbox" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "outbox_tally_on_delete"();
--> statement-breakpoint
CREATE TRIGGER "outbox_tally_truncate" AFTER TRUNCATE ON "outbox"
FOR EACH STATEMENT EXECUTE FUNCTION "outbox_tally_on_truncate"();
--> statement-breakpoint
-- An existing table's totals, counted once.
SELECT "outbox_tally_add"(
  (SELECT count(*) FILTER (WHERE "status" = 'delivered') FROM "outbox"),
  (SELECT coalesce(sum("failures"), 0) FROM "outbox"));
