package org.caseway.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default's H2 database, with the very URL of {@code application.yaml}, keeps every
 * transaction it has committed when the process is killed with SIGKILL straight after: what the
 * gateway acknowledged (an accepted message, a dispatched message whose journal offset it then
 * commits) must not vanish with the process.
 *
 * <p>H2's MVStore writes committed changes to its file in a background thread, every {@code
 * WRITE_DELAY} ms (500 by default): killed in between, the process takes the last half second of
 * commits with it. {@code WRITE_DELAY=0} writes each commit to the file before it returns (into
 * the operating system's cache: a killed process loses nothing; a power cut may, as fsync is not
 * forced).
 */
class H2CommitSurvivesKillIT {

  private static final int ROWS = 200;

  @Test
  void everyCommitBeforeTheKillIsThereAfterIt() throws Exception {
    Path dataDir = EmbeddedGatewayProperties.freshDataDir("h2-kill");
    String url = gatewayDatasourceUrl().replace("${caseway.data-dir}", dataDir.toString());
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)");
    }
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), H2Committer.class.getName(), url, String.valueOf(ROWS))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("committed " + ROWS));
      assertThat(line).as("the child committed its rows").isNotNull();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
      count.next();
      assertThat(count.getInt(1)).as("rows committed before SIGKILL, found after it").isEqualTo(ROWS);
    }
  }

  private static String gatewayDatasourceUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties properties = yaml.getObject();
    return properties.getProperty("spring.datasource.url");
  }
}
