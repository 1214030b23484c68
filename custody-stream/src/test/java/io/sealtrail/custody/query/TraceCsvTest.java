package io.sealtrail.custody.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The lot trace CSV: RFC 4180 fields, and no cell a spreadsheet would run as a formula. */
class TraceCsvTest {
  static final String LOT = "LOT-CPU-7";

  private static TraceResponse traceOf(String custodian) {
    TracedDevice device =
        new TracedDevice(
            "GWX1-000042", "CPU-A53", "IN_SERVICE", custodian, "MUC-C1", null, "gw", "1.4.0", "ab");
    return new TraceResponse(LOT, "supplier-a", List.of(device));
  }

  private static List<String> custodianCell(String custodian) {
    List<List<String>> rows = Rfc4180.parse(TraceCsv.render(traceOf(custodian)));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).hasSize(16);
    return List.of(rows.get(1).get(5));
  }

  @Test
  void shouldNeutraliseFormulaWhenCellStartsWithFormulaCharacter() {
    for (String formula :
        List.of(
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1",
            "\r=1")) {
      assertThat(custodianCell(formula)).containsExactly("'" + formula);
    }
  }

  @Test
  void shouldQuoteAndDoubleQuotesWhenCellHoldsSeparatorsQuotesOrLineBreaks() {
    assertThat(TraceCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(TraceCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TraceCsv.cell("line\r\nbreak")).isEqualTo("\"line\r\nbreak\"");
    assertThat(TraceCsv.cell("a;b")).isEqualTo("\"a;b\"");
    assertThat(TraceCsv.cell(" padded ")).isEqualTo("\" padded \"");
  }

  @Test
  void shouldLeavePlainCellsBareAndMissingOnesEmptyWhenNothingNeedsQuoting() {
    assertThat(TraceCsv.render(traceOf("fieldfix")).split(TraceCsv.LINE_BREAK))
        .containsExactly(
            TraceCsv.HEADER,
            "LOT-CPU-7,supplier-a,GWX1-000042,CPU-A53,IN_SERVICE,fieldfix,MUC-C1,,gw,1.4.0,ab,,,,1,");
  }

  @Property
  void shouldReadBackEveryValueNeutralisedWhenAnyTextIsRendered(@ForAll String custodian) {
    String cell = custodianCell(custodian).get(0);

    assertThat(cell).isEqualTo(neutralised(custodian));
    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-");
    assertThat(cell).doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
  }

  private static String neutralised(String value) {
    return !value.isEmpty() && "=+-@\t\r\n".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** A strict RFC 4180 reader, independent of the writer under test. */
  static final class Rfc4180 {
    static List<List<String>> parse(String csv) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int i = 0;
      while (i < csv.length()) {
        char c = csv.charAt(i);
        if (c == '"' && field.length() == 0) {
          i++;
          while (!(csv.charAt(i) == '"' && (i + 1 == csv.length() || csv.charAt(i + 1) != '"'))) {
            field.append(csv.charAt(i));
            i += csv.charAt(i) == '"' ? 2 : 1;
          }
          i++;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
          i++;
        } else if (c == '\r' && csv.startsWith("\r\n", i)) {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i += 2;
        } else {
          assertThat(c).as("bare quote or line break at %d", i).isNotIn('"', '\r', '\n');
          field.append(c);
          i++;
        }
      }
      assertThat(field).as("record not ended by CRLF").isEmpty();
      return rows;
    }
  }
}
