package io.sealtrail.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.json.JsonMapper;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies of the admin APIs: each mistake a 400 naming a JSON pointer that resolves. */
class JsonRequestTest {
  private static final JsonMapper JSON = JsonMapper.createDefault();

  /**
   * Issue 21: an unknown field named {@code a/b} was reported at {@code /a/b}, a pointer to a field
   * {@code b} under {@code a}, which the body does not have.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"x\",\"a/b\":1}|/a~1b",
        "{\"name\":\"x\",\"~0\":1}|/~00",
        "{\"name\":\"x\",\"extra\":1}|/extra"
      })
  void shouldPointAtTheUnknownFieldItselfWhenItsNameHoldsASlashOrTilde(
      String body, String pointer) {
    ProblemException e =
        catchThrowableOfType(
            () -> JsonRequest.read(JSON, body, Set.of("name"), "thing"), ProblemException.class);

    assertThat(e.problem().status()).isEqualTo(400);
    assertThat(e.problem().type()).endsWith("invalid-request");
    assertThat(e.problem().field()).isEqualTo(pointer);
  }
}
