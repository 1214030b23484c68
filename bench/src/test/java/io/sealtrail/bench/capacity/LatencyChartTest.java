package io.sealtrail.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyChartTest {
  private static Step step(int rate, double p99Ms) {
    return new Step(rate, rate, p99Ms / 4, p99Ms, 0, List.of(new LagSample(60, 0)));
  }

  @Test
  void shouldWriteAPngOfTheChartWhenRunHeadless(@TempDir Path dir) throws Exception {
    Ladder pipeline =
        new Ladder(
            List.of(step(250, 200), step(500, 300), step(1_000, 4_000)), List.of(250, 500, 1_000));
    Ladder raw = new Ladder(List.of(step(250, 10), step(500, 12)), List.of(250, 500));
    Path png = dir.resolve("docs/chart.png");

    LatencyChart.write(png, "capacity", pipeline, raw);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(LatencyChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(LatencyChart.HEIGHT);
  }

  @Test
  void shouldPlaceTheOneSecondLimitBetweenTheDecadesAroundIt() {
    LatencyChart.Axes axes =
        LatencyChart.Axes.of(
            new Ladder(List.of(step(250, 200), step(3_000, 40_000)), List.of(250, 3_000)),
            new Ladder(List.of(step(250, 5)), List.of(250)));

    assertThat(axes.minMs()).isEqualTo(1);
    assertThat(axes.maxMs()).isEqualTo(100_000);
    // 3,000 and a tenth of room, up to the next tick of 500.
    assertThat(axes.maxRate()).isEqualTo(3_500);
    // Log scale over five decades: 1 s is three fifths of the way up.
    int plotHeight = 500;
    assertThat(axes.y(1, plotHeight) - axes.y(1_000, plotHeight)).isEqualTo(300);
  }
}
