package org.caseway.gateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * A child process for {@link H2CommitSurvivesKillIT}: commits {@code rows} rows, one transaction
 * each, into table {@code probe} of the H2 database at the URL given, says so after each commit, then waits to be killed.
 */
public final class H2Committer {

  private H2Committer() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int rows = Integer.parseInt(args[1]);
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO probe (n) VALUES (?)")) {
        for (int n = 1; n <= rows; n++) {
          insert.setInt(1, n);
          insert.executeUpdate();
          connection.commit();
        }
      }
      System.out.println("committed " + rows);
      System.out.flush();
      // Wait to be killed, as a running gateway would be: nothing closes the database.
      System.in.read();
    }
  }
}
