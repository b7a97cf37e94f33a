package org.caseway.conformance.kit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caseway.conformance.kit.SampleResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in a real browser: headless Chromium (Debian's {@code chromium} package)
 * loads it from a file and the DOM it builds shows every test's result, with the target's text as
 * text. Fails, never skips, when Chromium is missing ({@code .ci/run} installs it).
 */
class HtmlReportChromiumIT {

  private static Path chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() {
    chromium = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
        .map(folder -> Path.of(folder, "chromium"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
    assertThat(chromium).as("Chromium is needed to check the HTML report renders: apt-get install -y chromium").isNotNull();
  }

  @Test
  void chromiumRendersEveryTestAndShowsTheTargetsMarkupAsText() throws Exception {
    Path page = Files.writeString(dir.resolve("report.html"), HtmlReportWriter.toHtml(SampleResults.mixed()));

    String dom = chromium("--dump-dom", page.toUri().toString());

    assertThat(dom).contains("<body data-level-reached=\"none\" data-result=\"fail\">");
    assertThat(dom).contains(
        "data-test=\"receiver-timing/answers-within-the-agreed-time\" data-outcome=\"pass\"",
        "data-test=\"receiver-refuses-invalid/refuses-a-bad-nhs-number\" data-outcome=\"fail\"",
        "data-test=\"receiver-repeat/acknowledges-a-repeat\" data-outcome=\"error\"",
        "data-test=\"receiver-repeat-recognised/says-a-repeat-was-not-processed-again\" data-outcome=\"skip\"");
    assertThat(dom).contains("expected HTTP status one of 400, 422, got 200");
    assertThat(dom).contains("Level reached: <strong id=\"level-reached\">none</strong>");
    assertThat(dom).as("the response's markup stays text").doesNotContain("<script>", "<b>bold</b>")
        .contains("&lt;script&gt;alert('owned')&lt;/script&gt;");
  }

  @Test
  void chromiumTakesAScreenshotOfIt() throws Exception {
    Path page = Files.writeString(dir.resolve("report.html"), HtmlReportWriter.toHtml(SampleResults.mixed()));
    Path png = dir.resolve("report.png");

    chromium("--screenshot=" + png, "--window-size=1280,1400", page.toUri().toString());

    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  private String chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(dir.resolve("chromium-profile-" + System.nanoTime()));
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 2 minutes: " + Files.readString(err));
    }
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out);
  }
}
