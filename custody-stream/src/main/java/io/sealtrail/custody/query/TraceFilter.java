package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which rows of a trace the caller wants, from the query parameters {@code status}, {@code site},
 * {@code customer} and {@code firmware} (a version), each repeatable: a row matches when it matches
 * any value of each parameter given, and every parameter given. No parameter matches every row. The
 * server filters, so a browser asking for a few rows of a large lot never receives the others.
 *
 * <p>A status that is not a custody status is a client's mistake (400 naming the parameter) rather
 * than an empty answer: a misspelt status would otherwise look like a lot with nothing in it.
 */
public record TraceFilter(
    Set<String> statuses, Set<String> sites, Set<String> customers, Set<String> firmware) {
  /** The filter that keeps every row. */
  public static final TraceFilter NONE = new TraceFilter(Set.of(), Set.of(), Set.of(), Set.of());

  private static final Set<String> STATUSES =
      Arrays.stream(CustodyStatus.values()).map(Enum::name).collect(Collectors.toSet());

  public TraceFilter {
    statuses = Set.copyOf(statuses);
    sites = Set.copyOf(sites);
    customers = Set.copyOf(customers);
    firmware = Set.copyOf(firmware);
  }

  /**
   * The filter {@code request}'s query asks for.
   *
   * @throws ProblemException 400 {@code invalid-query} naming {@code status} for an unknown status
   */
  public static TraceFilter from(HttpRequest<?> request) {
    var query = request.getParameters();
    // Statuses are matched as the stream names them; in_service is taken for IN_SERVICE.
    Set<String> statuses = new LinkedHashSet<>();
    values(query.getAll("status")).forEach(s -> statuses.add(s.toUpperCase(Locale.ROOT)));
    for (String status : statuses) {
      if (!STATUSES.contains(status)) {
        throw new ProblemException(
            Problem.of(
                    "invalid-query",
                    "Invalid query parameter",
                    HttpStatus.BAD_REQUEST,
                    "status must be one of "
                        + Arrays.toString(CustodyStatus.values())
                        + ", got '"
                        + abbreviated(status)
                        + "'")
                .field("status"));
      }
    }
    return new TraceFilter(
        statuses,
        values(query.getAll("site")),
        values(query.getAll("customer")),
        values(query.getAll("firmware")));
  }

  // An empty value (?site=) asks for nothing and is ignored, as a form's "any" choice sends it.
  private static Set<String> values(List<String> given) {
    Set<String> values = new LinkedHashSet<>();
    given.stream().filter(v -> !v.isEmpty()).forEach(values::add);
    return values;
  }

  /** Whether this filter keeps every row. */
  public boolean none() {
    return statuses.isEmpty() && sites.isEmpty() && customers.isEmpty() && firmware.isEmpty();
  }

  /** Whether {@code row} matches every parameter given. */
  public boolean test(TraceLine row) {
    return matches(statuses, row.status())
        && matches(sites, row.site())
        && matches(customers, row.customer())
        && matches(firmware, row.firmware() == null ? null : row.firmware().version());
  }

  private static boolean matches(Set<String> wanted, String value) {
    return wanted.isEmpty() || (value != null && wanted.contains(value));
  }

  /** The rows of {@code rows} this filter keeps, read as they are iterated. */
  public Iterator<TraceLine> apply(Iterator<TraceLine> rows) {
    return none() ? rows : filtered(rows, this::test);
  }

  private static Iterator<TraceLine> filtered(Iterator<TraceLine> rows, Predicate<TraceLine> keep) {
    return new Iterator<>() {
      private TraceLine next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          TraceLine row = rows.next();
          if (keep.test(row)) {
            next = row;
          }
        }
        return next != null;
      }

      @Override
      public TraceLine next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        TraceLine row = next;
        next = null;
        return row;
      }
    };
  }

  private static String abbreviated(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
