package org.caseway.mappings.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Partner dates and local times, read strictly ({@code 31/02/2026} is refused, not rolled over).
 *
 * <p>Local times become instants with the zone's offset at that moment. Across the clock change
 * (Europe/London): a time in the hour that happens twice in October (01:30 on the last Sunday) is
 * read as the earlier one, still summer time (+01:00), since the RMS writes the wall-clock time
 * the officer saw first; a time in the hour that does not exist in March (01:30 on the last
 * Sunday) is read as a clock not yet put forward, i.e. shifted forward by the gap (02:30+01:00,
 * the same instant as 01:30 GMT). Neither is refused: both are real reports.
 */
public final class LocalTimes {

  /** ISO 8601 with the offset written out ({@code +00:00}, never {@code Z}), as the guide's examples. */
  public static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private LocalTimes() {}

  /** A strict formatter for a partner pattern such as {@code dd/MM/yyyy HH:mm}. */
  public static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The instant of a local date-time in {@code zone}, as ISO 8601 with offset.
   *
   * @throws DateTimeParseException when it does not match or is not a real date
   */
  public static String instant(String text, DateTimeFormatter format, ZoneId zone) {
    LocalDateTime local = LocalDateTime.parse(text, format);
    return ZonedDateTime.ofLocal(local, zone, null).format(INSTANT);
  }

  /**
   * The date, as ISO 8601 ({@code 1994-03-17}).
   *
   * @throws DateTimeParseException when it does not match or is not a real date
   */
  public static String date(String text, DateTimeFormatter format) {
    return LocalDate.parse(text, format).toString();
  }

  /** {@link #instant} for mapping expressions: null instead of an exception. */
  public static String instantOrNull(String text, String pattern, String zone) {
    if (text == null || pattern == null || zone == null) {
      return null;
    }
    try {
      return instant(text, strict(pattern), ZoneId.of(zone));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
