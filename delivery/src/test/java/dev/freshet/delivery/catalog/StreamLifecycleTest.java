package dev.freshet.delivery.catalog;

import static dev.freshet.delivery.catalog.CatalogFixture.directPut;
import static dev.freshet.delivery.catalog.CatalogFixture.json;
import static dev.freshet.delivery.catalog.CatalogFixture.s3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DestinationKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void createdStreamIsCreatingThenActiveWithTheServiceDefaultsFilledIn() {
        CatalogFixture fixture = new CatalogFixture(dir);
        String arn = fixture.streams.streams().create(directPut("logs", s3("")));

        assertThat(arn).isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/logs");
        DeliveryStreamDescription creating = fixture.streams.streams().describe("logs", null, null);
        assertThat(creating.status()).isEqualTo("CREATING");
        fixture.pass(500);
        DeliveryStreamDescription active = fixture.streams.streams().describe("logs", null, null);
        assertThat(active.status()).isEqualTo("ACTIVE");
        assertThat(active.type()).isEqualTo("DirectPut");
        assertThat(active.versionId()).isEqualTo(1);
        assertThat(active.source()).isNull();
        assertThat(active.encryption().status()).isEqualTo("DISABLED");
        DeliveryStreamDescription.Destination destination = active.destinations().get(0);
        assertThat(destination.destinationId()).isEqualTo("destinationId-000000000001");
        assertThat(destination.kind()).isEqualTo(DestinationKind.EXTENDED_S3);
        assertThat(destination.description()).isEqualTo(json("{'RoleARN':'" + CatalogFixture.ROLE + "',"
            + "'BucketARN':'arn:aws:s3:::bucket-1','BufferingHints':{'SizeInMBs':5,'IntervalInSeconds':300},"
            + "'CompressionFormat':'UNCOMPRESSED','EncryptionConfiguration':{'NoEncryptionConfig':'NoEncryption'},"
            + "'Prefix':'','CloudWatchLoggingOptions':{'Enabled':false},'S3BackupMode':'Disabled'}"));
        assertThat(fixture.engine.running.get("logs").ref().versionId()).isEqualTo(1);
        assertThat(fixture.engine.running.get("logs").source()).isEqualTo(new DeliverySource.DirectPut());
    }

    @Test
    void kinesisSourceMustNameAnExistingDataStream() {
        CatalogFixture fixture = new CatalogFixture(dir);
        CreateRequest request = new CreateRequest("from-orders", "KinesisStreamAsSource",
            new CreateRequest.KinesisSource(CatalogFixture.SOURCE_ARN, CatalogFixture.ROLE), null,
            Map.of("S3DestinationConfiguration", s3("")), List.of());
        fixture.streams.streams().create(request);

        DeliveryStreamDescription description = fixture.streams.streams().describe("from-orders", null, null);
        assertThat(description.source().kinesisStreamArn()).isEqualTo(CatalogFixture.SOURCE_ARN);
        assertThat(description.source().deliveryStartTimestamp()).isEqualTo(description.created());
        assertThat(fixture.engine.running.get("from-orders").source())
            .isEqualTo(new DeliverySource.KinesisStream("orders", CatalogFixture.SOURCE_ARN, fixture.millis.get()));
        CreateRequest missing = new CreateRequest("from-nothing", "KinesisStreamAsSource",
            new CreateRequest.KinesisSource("arn:aws:kinesis:us-east-1:000000000000:stream/nothing", CatalogFixture.ROLE),
            null, Map.of("S3DestinationConfiguration", s3("")), List.of());
        assertRefused(() -> fixture.streams.streams().create(missing), DeliveryErrorType.INVALID_ARGUMENT, "does not exist");
    }

    @Test
    void mskAndDatabaseSourcesAndUnservedDestinationsAreRefusedByName() {
        CatalogFixture fixture = new CatalogFixture(dir);
        for (String type : List.of("MSKAsSource", "DatabaseAsSource")) {
            CreateRequest request = new CreateRequest("s", type, null, null, Map.of("S3DestinationConfiguration", s3("")),
                List.of());
            assertRefused(() -> fixture.streams.streams().create(request), DeliveryErrorType.INVALID_ARGUMENT,
                type + " is not supported by Freshet");
        }
        CreateRequest splunk = new CreateRequest("s", null, null, null,
            Map.of("SplunkDestinationConfiguration", json("{}")), List.of());
        assertRefused(() -> fixture.streams.streams().create(splunk), DeliveryErrorType.INVALID_ARGUMENT,
            "Splunk destination is not supported by Freshet");
        CreateRequest two = new CreateRequest("s", null, null, null, Map.of("S3DestinationConfiguration", s3(""),
            "ExtendedS3DestinationConfiguration", s3("")), List.of());
        assertRefused(() -> fixture.streams.streams().create(two), DeliveryErrorType.INVALID_ARGUMENT, "Only one destination");
        CreateRequest none = new CreateRequest("s", null, null, null, Map.of(), List.of());
        assertRefused(() -> fixture.streams.streams().create(none), DeliveryErrorType.INVALID_ARGUMENT, "Exactly one");
    }

    @Test
    void namesAreUniqueAndTheStreamCountIsLimited() {
        CatalogFixture fixture = new CatalogFixture(dir, 2);
        fixture.streams.streams().create(directPut("a", s3("")));
        assertRefused(() -> fixture.streams.streams().create(directPut("a", s3(""))), DeliveryErrorType.RESOURCE_IN_USE,
            "already exists");
        fixture.streams.streams().create(directPut("b", s3("")));
        assertRefused(() -> fixture.streams.streams().create(directPut("c", s3(""))), DeliveryErrorType.LIMIT_EXCEEDED,
            "quota of 2");
    }

    @Test
    void aStreamTheEngineRefusesIsNotKept() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.engine.refuseRuns = true;
        assertRefused(() -> fixture.streams.streams().create(directPut("refused", s3(""))),
            DeliveryErrorType.INVALID_ARGUMENT, "cannot run refused");
        assertRefused(() -> fixture.streams.streams().describe("refused", null, null), DeliveryErrorType.RESOURCE_NOT_FOUND,
            "not found");
    }

    @Test
    void deleteWaitsForActiveThenFreesTheNameAfterDeleting() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.streams.streams().create(directPut("gone", s3("")));
        assertRefused(() -> fixture.streams.streams().delete("gone", false), DeliveryErrorType.RESOURCE_IN_USE,
            "CREATING");
        fixture.pass(600);
        fixture.streams.streams().delete("gone", false);

        assertThat(fixture.streams.streams().describe("gone", null, null).status()).isEqualTo("DELETING");
        assertThat(fixture.engine.deleted).containsExactly("gone");
        fixture.pass(600);
        assertRefused(() -> fixture.streams.streams().describe("gone", null, null), DeliveryErrorType.RESOURCE_NOT_FOUND,
            "Firehose stream gone under account 000000000000 not found.");
        fixture.streams.streams().create(directPut("gone", s3("")));
        assertRefused(() -> fixture.streams.streams().delete("other", false), DeliveryErrorType.RESOURCE_NOT_FOUND,
            "not found");
    }

    @Test
    void listPagesInNameOrderAndFiltersByType() {
        CatalogFixture fixture = new CatalogFixture(dir);
        for (String name : List.of("c", "a", "b", "d")) {
            fixture.streams.streams().create(directPut(name, s3("")));
        }
        fixture.streams.streams().create(new CreateRequest("k", "KinesisStreamAsSource",
            new CreateRequest.KinesisSource(CatalogFixture.SOURCE_ARN, CatalogFixture.ROLE), null,
            Map.of("S3DestinationConfiguration", s3("")), List.of()));

        assertThat(fixture.streams.streams().list(2, null, null)).isEqualTo(new Page<>(List.of("a", "b"), true));
        assertThat(fixture.streams.streams().list(2, null, "b")).isEqualTo(new Page<>(List.of("c", "d"), true));
        assertThat(fixture.streams.streams().list(2, null, "d")).isEqualTo(new Page<>(List.of("k"), false));
        assertThat(fixture.streams.streams().list(null, "DirectPut", "c")).isEqualTo(new Page<>(List.of("d"), false));
        assertThat(fixture.streams.streams().list(null, "KinesisStreamAsSource", null).items()).containsExactly("k");
    }

    @Test
    void describePagesTheOneDestination() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("one");
        assertThat(fixture.streams.streams().describe("one", 1, null).destinations()).hasSize(1);
        DeliveryStreamDescription after = fixture.streams.streams().describe("one", 1, "destinationId-000000000001");
        assertThat(after.destinations()).isEmpty();
        assertThat(after.hasMoreDestinations()).isFalse();
    }

    @Test
    void catalogSurvivesReopeningAndTheEngineGetsEveryStreamAgain() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("kept");
        fixture.streams.destinations().update("kept", "1", "destinationId-000000000001",
            Map.of("ExtendedS3DestinationUpdate", json("{'CompressionFormat':'GZIP'}")));
        fixture.streams.tags().tag("kept", List.of(new Tag("team", "data")));
        fixture.engine.running.clear();

        DeliveryStreams reopened = fixture.reopen();
        reopened.start();
        DeliveryStreamDescription description = reopened.streams().describe("kept", null, null);
        assertThat(description.versionId()).isEqualTo(2);
        assertThat(description.status()).isEqualTo("ACTIVE");
        assertThat(description.destinations().get(0).description().get("CompressionFormat").asText()).isEqualTo("GZIP");
        assertThat(reopened.tags().list("kept", null, null).items()).containsExactly(new Tag("team", "data"));
        assertThat(fixture.engine.running.get("kept").ref().versionId()).isEqualTo(2);
        assertThat(dir.resolve("catalog.json")).exists();
    }

    static void assertRefused(Runnable call, DeliveryErrorType type, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    static ObjectNode withMember(ObjectNode node, String member, ObjectNode value) {
        node.set(member, value);
        return node;
    }
}
