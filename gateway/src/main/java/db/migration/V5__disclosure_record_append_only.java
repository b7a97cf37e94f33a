package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, refuses UPDATE and DELETE on the record of disclosures with a trigger, so that
 * even a connection with the gateway's own rights cannot rewrite it (the hash chain would still
 * show it; this stops it). H2, the embedded default, has no PL/pgSQL: there the record relies on
 * the code inserting only and on the chain to show tampering.
 */
public class V5__disclosure_record_append_only extends BaseJavaMigration {

  private static final String FUNCTION =
      "CREATE OR REPLACE FUNCTION caseway_refuse_ledger_change() RETURNS trigger AS $$"
          + " BEGIN RAISE EXCEPTION 'The record of disclosures is append-only: % on % refused',"
          + " TG_OP, TG_TABLE_NAME; END; $$ LANGUAGE plpgsql";

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!product.toLowerCase().contains("postgresql")) {
      return;
    }
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute(FUNCTION);
      for (String table : new String[] {"disclosure_record", "disclosure_subject"}) {
        sql.execute(
            "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "
                + table + " FOR EACH STATEMENT EXECUTE FUNCTION caseway_refuse_ledger_change()");
      }
    }
  }
}
