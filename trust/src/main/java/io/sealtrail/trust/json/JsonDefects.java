package io.sealtrail.trust.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Says in Sealtrail's words what is wrong with a JSON text the parser refused. A detail goes back
 * to an unauthenticated client and onto {@code custody.rejected}: it must describe the input, never
 * name the parser's classes, settings or source (Jackson's messages do, e.g. {@code
 * StreamReadConstraints.getMaxNestingDepth()}).
 */
public final class JsonDefects {
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

  private JsonDefects() {}

  /** What is wrong, and where when the parser knows (e.g. "... at line 1, column 7"). */
  public static String describe(JsonProcessingException e) {
    return what(e) + where(e.getLocation());
  }

  private static String what(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return limit(message);
    }
    if (message.startsWith("Trailing token")) {
      return "content after the JSON value";
    }
    // Jackson appends its source description (with its own setting names) to some messages.
    for (String tail : new String[] {" (start marker at", " at [Source", "\n"}) {
      int at = message.indexOf(tail);
      if (at >= 0) {
        message = message.substring(0, at);
      }
    }
    if (message.contains("`") || message.contains("jackson") || message.contains("Source:")) {
      return "not valid JSON";
    }
    return message;
  }

  private static String limit(String message) {
    if (message.contains("nesting depth")) {
      return "nested deeper than " + LIMITS.getMaxNestingDepth() + " levels";
    }
    if (message.contains("Number value length")) {
      return "a number longer than " + LIMITS.getMaxNumberLength() + " characters";
    }
    if (message.contains("String value length")) {
      return "a string longer than " + LIMITS.getMaxStringLength() + " characters";
    }
    if (message.contains("Name length")) {
      return "a field name longer than " + LIMITS.getMaxNameLength() + " characters";
    }
    return "a value above the size limits of JSON accepted here";
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
