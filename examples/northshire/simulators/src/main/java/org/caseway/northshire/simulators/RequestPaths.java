package org.caseway.northshire.simulators;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;

/** The decoded path of a request, so that {@code /fhir/%24process-message} is {@code /fhir/$process-message}. */
final class RequestPaths {

  private RequestPaths() {}

  static String of(Request request) {
    String url = request.getUrl();
    try {
      String path = URI.create(url).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      // Not a valid URI (a raw space or '|', say): compare the raw path; it will match nothing.
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }
  }
}
