package dev.freshet.delivery.catalog;

import static dev.freshet.delivery.catalog.CatalogFixture.json;
import static dev.freshet.delivery.catalog.CatalogFixture.s3;
import static dev.freshet.delivery.catalog.StreamLifecycleTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationRulesTest {

    private static final DestinationRules EXTENDED_S3 = DestinationRules.of(DestinationKind.EXTENDED_S3);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'Prefix':'logs/!{timestamp:yyyy}/'|ErrorOutputPrefix cannot be null or empty when Prefix contains expressions",
        "'Prefix':'a/','ErrorOutputPrefix':'err/!{timestamp:yyyy}/'|contains expressions but not !{firehose:error-output-type}",
        "'Prefix':'a/!{firehose:error-output-type}/','ErrorOutputPrefix':'e/'|Prefix may not contain !{firehose:error-output-type}",
        "'Prefix':'a/!{partitionKeyFromQuery:id}/','ErrorOutputPrefix':'e/!{firehose:error-output-type}'|needs DynamicPartitioningConfiguration",
        "'Prefix':'a/!{nope:x}/','ErrorOutputPrefix':'e/!{firehose:error-output-type}'|unknown expression namespace 'nope'",
        "'Prefix':'a/!{firehose:other}/','ErrorOutputPrefix':'e/!{firehose:error-output-type}'|not a firehose expression",
        "'Prefix':'a/!{timestamp:yyyy','ErrorOutputPrefix':'e/'|unterminated expression",
        "'Prefix':'a/!{timestamp:!{x}}','ErrorOutputPrefix':'e/'|cannot be nested",
        "'ErrorOutputPrefix':'e/!{partitionKeyFromLambda:k}/!{firehose:error-output-type}'|ErrorOutputPrefix may not contain",
        "'BufferingHints':{'SizeInMBs':64}|specify both SizeInMBs and IntervalInSeconds",
        "'BufferingHints':{'SizeInMBs':129,'IntervalInSeconds':60}|SizeInMBs must be from 1 to 128",
        "'BufferingHints':{'SizeInMBs':1,'IntervalInSeconds':901}|IntervalInSeconds must be from 0 to 900",
        "'DynamicPartitioningConfiguration':{'Enabled':true}|ErrorOutputPrefix is required when DynamicPartitioningConfiguration",
        "'DynamicPartitioningConfiguration':{'Enabled':true},'ErrorOutputPrefix':'e/','BufferingHints':{'SizeInMBs':64,'IntervalInSeconds':0}|zero buffering",
        "'S3BackupMode':'Enabled'|S3BackupConfiguration is required",
        "'DataFormatConversionConfiguration':{},'CompressionFormat':'GZIP'|CompressionFormat must be UNCOMPRESSED",
        "'CustomTimeZone':'EST'|not a supported IANA time zone",
        "'EncryptionConfiguration':{'NoEncryptionConfig':'NoEncryption','KMSEncryptionConfig':{'AWSKMSKeyARN':'k'}}|not both",
    })
    void extendedS3ConfigurationsBreakingTheServiceRulesAreRefused(String members, String messagePart) {
        ObjectNode configuration = s3(members);
        assertRefused(() -> EXTENDED_S3.configure(configuration), DeliveryErrorType.INVALID_ARGUMENT, messagePart);
    }

    @Test
    void bucketArnMustNameABucket() {
        ObjectNode configuration = json("{'RoleARN':'r','BucketARN':'arn:aws:s3:::UPPER'}");
        assertRefused(() -> EXTENDED_S3.configure(configuration), DeliveryErrorType.INVALID_ARGUMENT,
            "ExtendedS3DestinationConfiguration.BucketARN 'arn:aws:s3:::UPPER' is not an S3 bucket ARN");
    }

    @Test
    void validPrefixesWithExpressionsAndPartitioningAreKeptAsGiven() {
        ObjectNode configuration = s3("'Prefix':'data/!{partitionKeyFromQuery:customer}/!{timestamp:yyyy/MM}/',"
            + "'ErrorOutputPrefix':'errors/!{firehose:error-output-type}/!{timestamp:yyyy}/',"
            + "'DynamicPartitioningConfiguration':{'Enabled':true},"
            + "'BufferingHints':{'SizeInMBs':64,'IntervalInSeconds':60}");
        ObjectNode stored = EXTENDED_S3.configure(configuration);
        assertThat(stored.get("Prefix").asText()).isEqualTo("data/!{partitionKeyFromQuery:customer}/!{timestamp:yyyy/MM}/");
        assertThat(stored.get("BufferingHints")).isEqualTo(json("{'SizeInMBs':64,'IntervalInSeconds':60}"));
    }

    @Test
    void formatConversionDefaultsToA128MegabyteBuffer() {
        ObjectNode stored = EXTENDED_S3.configure(s3("'DataFormatConversionConfiguration':{}"));
        assertThat(stored.get("BufferingHints").get("SizeInMBs").asInt()).isEqualTo(128);
        assertThat(stored.get("DataFormatConversionConfiguration").get("Enabled").asBoolean()).isTrue();
    }

    @Test
    void httpEndpointGetsItsDefaultsAndNeverDescribesTheAccessKey() {
        DestinationRules rules = DestinationRules.of(DestinationKind.HTTP_ENDPOINT);
        ObjectNode stored = rules.configure(json("{'EndpointConfiguration':{'Url':'http://127.0.0.1:9000/in',"
            + "'AccessKey':'secret'},'S3Configuration':" + s3("") + "}"));
        assertThat(stored.get("RequestConfiguration")).isEqualTo(json("{'ContentEncoding':'NONE'}"));
        assertThat(stored.get("RetryOptions")).isEqualTo(json("{'DurationInSeconds':300}"));
        assertThat(stored.get("S3BackupMode").asText()).isEqualTo("FailedDataOnly");
        assertThat(stored.get("EndpointConfiguration").get("AccessKey").asText()).isEqualTo("secret");
        ObjectNode description = rules.describe(stored);
        assertThat(description.get("EndpointConfiguration").has("AccessKey")).isFalse();
        assertThat(description.get("S3DestinationDescription").get("BucketARN").asText()).isEqualTo("arn:aws:s3:::bucket-1");
        assertRefused(() -> rules.configure(json("{'EndpointConfiguration':{'Url':'ftp://x'},'S3Configuration':"
            + s3("") + "}")), DeliveryErrorType.INVALID_ARGUMENT, "is not an http or https URL");
        assertRefused(() -> rules.configure(json("{'EndpointConfiguration':{'Url':'http://x'},'S3Configuration':"
            + s3("") + ",'BufferingHints':{'SizeInMBs':65,'IntervalInSeconds':0}}")), DeliveryErrorType.INVALID_ARGUMENT,
            "SizeInMBs must be from 1 to 64");
    }

    @Test
    void redshiftStagingCannotUseCompressionsCopyCannotReadAndHidesThePassword() {
        DestinationRules rules = DestinationRules.of(DestinationKind.REDSHIFT);
        String base = "'RoleARN':'r','ClusterJDBCURL':'jdbc:postgresql://127.0.0.1:5432/db','CopyCommand':"
            + "{'DataTableName':'t'},'Username':'u','Password':'secret12'";
        ObjectNode stored = rules.configure(json("{" + base + ",'S3Configuration':" + s3("") + "}"));
        assertThat(stored.get("RetryOptions")).isEqualTo(json("{'DurationInSeconds':3600}"));
        assertThat(rules.describe(stored).has("Password")).isFalse();
        assertRefused(() -> rules.configure(json("{" + base + ",'S3Configuration':" + s3("'CompressionFormat':'ZIP'") + "}")),
            DeliveryErrorType.INVALID_ARGUMENT, "CompressionFormat ZIP is not supported here");
    }

    @Test
    void searchClustersNeedAnEndpointOrADomainAndRotateDailyByDefault() {
        DestinationRules rules = DestinationRules.of(DestinationKind.AMAZON_OPENSEARCH_SERVICE);
        ObjectNode stored = rules.configure(json("{'RoleARN':'r','IndexName':'logs','ClusterEndpoint':"
            + "'http://127.0.0.1:19200','S3Configuration':" + s3("") + "}"));
        assertThat(stored.get("IndexRotationPeriod").asText()).isEqualTo("OneDay");
        assertThat(stored.get("S3BackupMode").asText()).isEqualTo("FailedDocumentsOnly");
        // the server maps domains to URLs (delivery-search-endpoints); the engine refuses an unmapped one
        ObjectNode byDomain = rules.configure(json("{'RoleARN':'r','IndexName':'logs','DomainARN':"
            + "'arn:aws:es:us-east-1:000000000000:domain/abc','S3Configuration':" + s3("") + "}"));
        assertThat(byDomain.get("DomainARN").asText()).isEqualTo("arn:aws:es:us-east-1:000000000000:domain/abc");
        assertRefused(() -> rules.configure(json("{'RoleARN':'r','IndexName':'logs','S3Configuration':" + s3("") + "}")),
            DeliveryErrorType.INVALID_ARGUMENT, "specify DomainARN or ClusterEndpoint");
    }
}
