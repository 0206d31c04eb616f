package dev.freshet.delivery.catalog;

import static dev.freshet.delivery.catalog.CatalogFixture.json;
import static dev.freshet.delivery.catalog.CatalogFixture.s3;
import static dev.freshet.delivery.catalog.StreamLifecycleTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DestinationKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UpdateDestination, tags, encryption and record intake. */
class StreamChangesTest {

    @TempDir
    Path dir;

    @Test
    void updateMergesIntoTheStoredConfigurationAndBumpsTheVersion() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("u");
        fixture.streams.destinations().update("u", "1", "destinationId-000000000001", Map.of(
            "ExtendedS3DestinationUpdate", json("{'BufferingHints':{'SizeInMBs':1,'IntervalInSeconds':0},'Prefix':'x/'}")));

        DeliveryStreamDescription description = fixture.streams.streams().describe("u", null, null);
        assertThat(description.versionId()).isEqualTo(2);
        assertThat(description.destinations().get(0).description().get("BufferingHints"))
            .isEqualTo(json("{'SizeInMBs':1,'IntervalInSeconds':0}"));
        assertThat(description.destinations().get(0).description().get("BucketARN").asText()).isEqualTo("arn:aws:s3:::bucket-1");
        assertThat(fixture.engine.running.get("u").ref().versionId()).isEqualTo(2);
        assertThat(fixture.engine.running.get("u").destinationConfiguration().get("Prefix").asText()).isEqualTo("x/");
    }

    @Test
    void updateNeedsTheCurrentVersionAndTheDestinationId() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("u");
        Map<String, com.fasterxml.jackson.databind.node.ObjectNode> update =
            Map.of("ExtendedS3DestinationUpdate", json("{'CompressionFormat':'GZIP'}"));
        fixture.streams.destinations().update("u", "1", "destinationId-000000000001", update);
        assertRefused(() -> fixture.streams.destinations().update("u", "1", "destinationId-000000000001", update),
            DeliveryErrorType.CONCURRENT_MODIFICATION, "its current version is 2");
        assertRefused(() -> fixture.streams.destinations().update("u", "2", "destinationId-000000000002", update),
            DeliveryErrorType.INVALID_ARGUMENT, "Destination destinationId-000000000002 not found");
        assertRefused(() -> fixture.streams.destinations().update("u", "2", "destinationId-000000000001",
            Map.of("ExtendedS3DestinationUpdate", json("{'Prefix':'!{timestamp:yyyy}'}"))),
            DeliveryErrorType.INVALID_ARGUMENT, "ErrorOutputPrefix cannot be null");
        assertThat(fixture.streams.streams().describe("u", null, null).versionId()).isEqualTo(2);
    }

    @Test
    void destinationKindsSwitchAsTheServiceAllows() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("k");
        fixture.streams.destinations().update("k", "1", "destinationId-000000000001", Map.of("HttpEndpointDestinationUpdate",
            json("{'EndpointConfiguration':{'Url':'http://127.0.0.1:1/'},'S3Update':" + s3("") + "}")));
        DeliveryStreamDescription description = fixture.streams.streams().describe("k", null, null);
        assertThat(description.destinations().get(0).kind()).isEqualTo(DestinationKind.HTTP_ENDPOINT);
        assertThat(description.destinations().get(0).description().get("S3DestinationDescription")).isNotNull();
        assertRefused(() -> fixture.streams.destinations().update("k", "2", "destinationId-000000000001",
            Map.of("AmazonopensearchserviceDestinationUpdate", json("{'IndexName':'i'}"))),
            DeliveryErrorType.INVALID_ARGUMENT, "cannot be changed to Amazonopensearchservice");
        assertRefused(() -> fixture.streams.destinations().update("k", "2", "destinationId-000000000001",
            Map.of("ExtendedS3DestinationUpdate", json("{'DynamicPartitioningConfiguration':{'Enabled':true},"
                + "'ErrorOutputPrefix':'e/','RoleARN':'r','BucketARN':'arn:aws:s3:::b-2'}"))),
            DeliveryErrorType.INVALID_ARGUMENT, "DynamicPartitioningConfiguration is fixed");
    }

    @Test
    void tagsAreLimitedToFiftyAndListedInPages() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("t");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag(String.format("k%02d", i), "v" + i));
        }
        fixture.streams.tags().tag("t", fifty);
        assertRefused(() -> fixture.streams.tags().tag("t", List.of(new Tag("one-more", null))),
            DeliveryErrorType.LIMIT_EXCEEDED, "limit is 50");
        fixture.streams.tags().tag("t", List.of(new Tag("k00", "replaced")));

        Page<Tag> first = fixture.streams.tags().list("t", null, 2);
        assertThat(first).isEqualTo(new Page<>(List.of(new Tag("k00", "replaced"), new Tag("k01", "v1")), true));
        assertThat(fixture.streams.tags().list("t", "k48", 5)).isEqualTo(new Page<>(List.of(new Tag("k49", "v49")), false));
        fixture.streams.tags().untag("t", List.of("k00", "absent"));
        assertThat(fixture.streams.tags().list("t", null, null).items()).hasSize(49);
        assertRefused(() -> fixture.streams.tags().tag("t", List.of(new Tag("a", "1"), new Tag("a", "2"))),
            DeliveryErrorType.INVALID_ARGUMENT, "Duplicate tag key a");
    }

    @Test
    void encryptionGoesThroughEnablingAndDisabling() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("e");
        fixture.streams.encryption().start("e", new CreateRequest.EncryptionInput("CUSTOMER_MANAGED_CMK",
            "arn:aws:kms:us-east-1:000000000000:key/k"));
        assertThat(fixture.streams.streams().describe("e", null, null).encryption()).isEqualTo(
            new DeliveryStreamDescription.Encryption("arn:aws:kms:us-east-1:000000000000:key/k", "CUSTOMER_MANAGED_CMK",
                "ENABLING"));
        fixture.pass(500);
        assertThat(fixture.streams.records().putRecord("e", new byte[] {1}).encrypted()).isTrue();
        fixture.streams.encryption().stop("e");
        assertThat(fixture.streams.streams().describe("e", null, null).encryption().status()).isEqualTo("DISABLING");
        fixture.pass(500);
        assertThat(fixture.streams.streams().describe("e", null, null).encryption().status()).isEqualTo("DISABLED");
        assertRefused(() -> fixture.streams.encryption().start("e", new CreateRequest.EncryptionInput("CUSTOMER_MANAGED_CMK",
            null)), DeliveryErrorType.INVALID_ARGUMENT, "KeyARN is required");
    }

    @Test
    void recordsGoToTheEngineWithinTheServiceLimits() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.createActive("r");
        PutResult result = fixture.streams.records().putRecordBatch("r", List.of(new byte[] {1}, new byte[] {2}));
        assertThat(result.failedPutCount()).isZero();
        assertThat(result.entries()).extracting(PutResult.Entry::recordId).containsExactly("id-1", "id-2");
        assertRefused(() -> fixture.streams.records().putRecord("r", new byte[1_024_001]),
            DeliveryErrorType.INVALID_ARGUMENT, "at most 1024000 bytes");
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            big.add(new byte[1_000_000]);
        }
        assertRefused(() -> fixture.streams.records().putRecordBatch("r", big), DeliveryErrorType.INVALID_ARGUMENT,
            "exceeds 4 MB");
        assertRefused(() -> fixture.streams.records().putRecord("nope", new byte[1]), DeliveryErrorType.RESOURCE_NOT_FOUND,
            "not found");

        fixture.engine.unavailable = true;
        PutResult throttled = fixture.streams.records().putRecordBatch("r", List.of(new byte[] {3}, new byte[] {4}));
        assertThat(throttled.failedPutCount()).isEqualTo(2);
        assertThat(throttled.entries()).allSatisfy(entry -> {
            assertThat(entry.recordId()).isNull();
            assertThat(entry.errorCode()).isEqualTo("ServiceUnavailableException");
        });
        assertRefused(() -> fixture.streams.records().putRecord("r", new byte[1]), DeliveryErrorType.SERVICE_UNAVAILABLE,
            "Slow down.");
    }

    @Test
    void kinesisSourcedStreamsRefusePuts() {
        CatalogFixture fixture = new CatalogFixture(dir);
        fixture.streams.streams().create(new CreateRequest("k", "KinesisStreamAsSource",
            new CreateRequest.KinesisSource(CatalogFixture.SOURCE_ARN, CatalogFixture.ROLE), null,
            Map.of("S3DestinationConfiguration", s3("")), List.of()));
        assertRefused(() -> fixture.streams.records().putRecord("k", new byte[1]), DeliveryErrorType.INVALID_ARGUMENT,
            "not permitted on KinesisStreamAsSource");
    }
}
