package org.caseway.adapters.filedrop;


/**
 * The settings of a {@code file-drop} channel (partners file), with their defaults.
 *
 * <ul>
 *   <li>{@code directory} (required): the drop folder; {@code done/} and {@code error/} are made in it
 *   <li>{@code mapping} (required): the mapping id that reads the files
 *   <li>{@code include}: regular expression of the file names taken (default {@code .*\.csv}, any case);
 *       a file is taken only once its {@code <name>.done} marker exists
 *   <li>{@code feeds}: a {@link org.caseway.adapters.intake.RecordFeed} name when the files are not
 *       messages (e.g. {@code identity-links} for the tenancy roll); default: messages
 *   <li>{@code encoding}: passed to the mapping (UTF-8 or windows-1252)
 *   <li>{@code param.NAME}: any other mapping parameter
 *   <li>{@code poll-interval}: how often the folder is looked at (default {@code 2s})
 *   <li>{@code max-file-size}: bytes; a larger file is refused whole (default 50 MB)
 * </ul>
 */
public final class FileDropSettings {

  public static final long DEFAULT_MAX_FILE_SIZE = 50L * 1024 * 1024;

  private FileDropSettings() {}
}
