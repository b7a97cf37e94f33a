package org.caseway.northshire.simulators;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WireMock's notifier, routed to SLF4J. WireMock bundles a relocated SLF4J of its own, so its
 * {@code Slf4jNotifier} would not reach the application's logging.
 *
 * <p>WireMock's informational messages are dropped: they echo requests, bodies included, and the
 * simulators' requests carry personal data. Errors are kept, without request content.
 */
final class WireMockLog implements Notifier {

  private static final Logger log = LoggerFactory.getLogger("org.caseway.northshire.simulators.wiremock");

  @Override
  public void info(String message) {
    // Deliberately dropped (see the class comment).
  }

  @Override
  public void error(String message) {
    log.warn("WireMock: {}", firstLine(message));
  }

  @Override
  public void error(String message, Throwable t) {
    log.warn("WireMock: {} ({})", firstLine(message), t.toString());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
