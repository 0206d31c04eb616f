package dev.freshet.delivery.destination.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexRotationTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void suffixesAreTheServiceIndexNames() {
        long arrival = at("2016-02-25T13:00:00Z");
        assertThat(IndexRotation.NO_ROTATION.indexName("myindex", arrival)).isEqualTo("myindex");
        assertThat(IndexRotation.ONE_HOUR.indexName("myindex", arrival)).isEqualTo("myindex-2016-02-25-13");
        assertThat(IndexRotation.ONE_DAY.indexName("myindex", arrival)).isEqualTo("myindex-2016-02-25");
        assertThat(IndexRotation.ONE_MONTH.indexName("myindex", arrival)).isEqualTo("myindex-2016-02");
        // US weeks: Sunday first, week 1 holds the year's first Saturday (2016-02-21 starts week 9)
        assertThat(IndexRotation.ONE_WEEK.indexName("myindex", arrival)).isEqualTo("myindex-2016-w09");
        assertThat(IndexRotation.ONE_WEEK.indexName("myindex", at("2016-02-20T23:59:59Z"))).isEqualTo("myindex-2016-w08");
    }

    @Test
    void weeksAroundNewYearBelongToTheWeekThatHoldsTheFirstSaturday() {
        assertThat(IndexRotation.ONE_WEEK.indexName("i", at("2016-01-01T00:00:00Z"))).isEqualTo("i-2016-w01");
        assertThat(IndexRotation.ONE_WEEK.indexName("i", at("2019-12-29T10:00:00Z"))).isEqualTo("i-2020-w01");
        assertThat(IndexRotation.ONE_WEEK.indexName("i", at("2019-12-28T10:00:00Z"))).isEqualTo("i-2019-w52");
    }

    @Test
    void theDefaultIsOneDay() {
        assertThat(IndexRotation.of(null, "X")).isEqualTo(IndexRotation.ONE_DAY);
        assertThat(IndexRotation.of("OneWeek", "X")).isEqualTo(IndexRotation.ONE_WEEK);
    }
}
