package org.caseway.adapters.support;

import java.util.ArrayList;
import java.util.List;
import org.caseway.adapters.intake.RecordFeed;
import org.caseway.mappings.MappingOutput;

/** A {@link RecordFeed} that records what it was given. */
public final class RecordingFeed implements RecordFeed {

  /** One {@link #apply} call. */
  public record Applied(String partnerId, String sourceName, List<MappingOutput> records, boolean complete) {}

  private final String name;
  private final List<Applied> applied = new ArrayList<>();

  public RecordingFeed(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void apply(String partnerId, String sourceName, List<MappingOutput> records, boolean complete) {
    applied.add(new Applied(partnerId, sourceName, List.copyOf(records), complete));
  }

  public synchronized List<Applied> applied() {
    return List.copyOf(applied);
  }
}
