package io.sealtrail.custody.query;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.sealtrail.custody.hold.HoldView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A trace written as it is read, never whole in memory: the rows come from the stores one by one
 * and go out in chunks. The first chunk (a few KB) is made before the answer is committed, so a lot
 * that is unknown or a store that is unavailable is still a 404 or a 503 with a problem body; after
 * that, a failure can only cut the stream (the client sees the chunked body end without its last
 * chunk, never a well-formed short answer).
 */
final class TraceBody {
  private static final JsonMapper JSON = JsonMapper.createDefault();
  private static final int FIRST_CHUNK = 8 * 1024;
  private static final int CHUNK = 32 * 1024;

  private static final TracedDevice MARKER =
      new TracedDevice("\u0000marker", null, null, null, null, null, null, null, null);
  private final String contentType;
  private final Iterator<String> pieces;

  private TraceBody(String contentType, Iterator<String> pieces) {
    this.contentType = contentType;
    this.pieces = pieces;
  }

  /**
   * A lot's trace in {@code format}: JSON is {@link TraceResponse} (the same document it always
   * was, its devices written one by one), CSV one row a device, NDJSON one line a device.
   */
  static TraceBody lot(
      TraceFormat format,
      String lot,
      String supplier,
      List<HoldView> onLot,
      Iterator<TraceLine> rows) {
    return switch (format) {
      case JSON -> {
        // The document around its devices exactly as the serde writes it (it leaves out empty and
        // null fields), found by writing it with one marker device.
        String marker = json(MARKER);
        String whole = json(new TraceResponse(lot, supplier, List.of(MARKER), onLot));
        int at = whole.indexOf(marker);
        yield new TraceBody(
            format.contentType,
            list(
                whole.substring(0, at),
                map(rows, r -> json(r.traced())),
                whole.substring(at + marker.length())));
      }
      case CSV -> csv(supplier, rows);
      case NDJSON -> ndjson(rows);
      case EPCIS -> throw new BadQueryException("an EPCIS trace is one document");
    };
  }

  /** A supplier's trace: JSON {@code {"supplier", "devices": [TraceLine...]}}, CSV or NDJSON. */
  static TraceBody supplier(TraceFormat format, String supplier, Iterator<TraceLine> rows) {
    return switch (format) {
      case JSON ->
          new TraceBody(
              format.contentType,
              list(
                  "{\"supplier\":" + json(supplier) + ",\"devices\":[",
                  map(rows, TraceBody::json),
                  "]}"));
      case CSV -> csv(supplier, rows);
      case NDJSON -> ndjson(rows);
      case EPCIS ->
          throw new BadQueryException("format must be json, csv or ndjson for a supplier");
    };
  }

  private static TraceBody csv(String supplier, Iterator<TraceLine> rows) {
    return new TraceBody(
        TraceFormat.CSV.contentType,
        concat(
            List.of(TraceCsv.HEADER + TraceCsv.LINE_BREAK).iterator(),
            map(rows, r -> TraceCsv.row(supplier, r) + TraceCsv.LINE_BREAK)));
  }

  private static TraceBody ndjson(Iterator<TraceLine> rows) {
    return new TraceBody(TraceFormat.NDJSON.contentType, map(rows, r -> json(r) + "\n"));
  }

  /**
   * The 200 answer: the first chunk made now (failures here are the usual problem answers), the
   * rest made on a worker thread as the client takes it (back-pressured: a slow client slows the
   * reading of the stores, it does not fill the heap).
   */
  HttpResponse<?> response() {
    Chunks chunks = new Chunks(pieces);
    byte[] first = chunks.next(FIRST_CHUNK);
    // A StreamedFile is written as the server reads it (on its IO executor, a chunk at a time, as
    // the socket drains), and unlike a Publisher it is never wrapped as a JSON array.
    InputStream body = new ChunkStream(first, chunks.rest(CHUNK));
    return HttpResponse.ok(new StreamedFile(body, MediaType.of(contentType)));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Iterator<String> list(String open, Iterator<String> items, String close) {
    Iterator<String> separated =
        new Iterator<>() {
          private boolean first = true;

          @Override
          public boolean hasNext() {
            return items.hasNext();
          }

          @Override
          public String next() {
            String item = items.next();
            if (first) {
              first = false;
              return item;
            }
            return "," + item;
          }
        };
    return concat(List.of(open).iterator(), separated, List.of(close).iterator());
  }

  private static <T> Iterator<String> map(Iterator<T> items, Function<T, String> render) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public String next() {
        return render.apply(items.next());
      }
    };
  }

  /**
   * The parts one after the other, lazily: a part is not touched before the previous one is done (a
   * Stream's flatMap would buffer a whole part behind its iterator).
   */
  @SafeVarargs
  static <T> Iterator<T> concat(Iterator<T>... parts) {
    Iterator<Iterator<T>> each = List.of(parts).iterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && each.hasNext()) {
          current = each.next();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The chunks as one stream, each made when the previous one has been read. */
  private static final class ChunkStream extends InputStream {
    private final Iterator<byte[]> rest;
    private byte[] current;
    private int at;

    ChunkStream(byte[] first, Iterator<byte[]> rest) {
      this.current = first;
      this.rest = rest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      while (at == current.length) {
        if (!rest.hasNext()) {
          return -1;
        }
        current = rest.next();
        at = 0;
      }
      int n = Math.min(length, current.length - at);
      System.arraycopy(current, at, into, offset, n);
      at += n;
      return n;
    }
  }

  /** The pieces grouped into chunks of about a size, so the socket is not written per row. */
  private static final class Chunks {
    private final Iterator<String> pieces;

    Chunks(Iterator<String> pieces) {
      this.pieces = pieces;
    }

    byte[] next(int size) {
      StringBuilder chunk = new StringBuilder(size + 1024);
      while (chunk.length() < size && pieces.hasNext()) {
        chunk.append(pieces.next());
      }
      return chunk.toString().getBytes(StandardCharsets.UTF_8);
    }

    Iterator<byte[]> rest(int size) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pieces.hasNext();
        }

        @Override
        public byte[] next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return Chunks.this.next(size);
        }
      };
    }
  }
}
