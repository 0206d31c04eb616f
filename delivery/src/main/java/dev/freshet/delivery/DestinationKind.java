package dev.freshet.delivery;

/**
 * The destination types of CreateDeliveryStream, by the name of their configuration member. Only
 * one may be given per stream.
 */
public enum DestinationKind {
    EXTENDED_S3("ExtendedS3DestinationConfiguration", "ExtendedS3DestinationDescription", "ExtendedS3DestinationUpdate"),
    S3("S3DestinationConfiguration", "S3DestinationDescription", "S3DestinationUpdate"),
    HTTP_ENDPOINT("HttpEndpointDestinationConfiguration", "HttpEndpointDestinationDescription",
        "HttpEndpointDestinationUpdate"),
    REDSHIFT("RedshiftDestinationConfiguration", "RedshiftDestinationDescription", "RedshiftDestinationUpdate"),
    ELASTICSEARCH("ElasticsearchDestinationConfiguration", "ElasticsearchDestinationDescription",
        "ElasticsearchDestinationUpdate"),
    AMAZON_OPENSEARCH_SERVICE("AmazonopensearchserviceDestinationConfiguration",
        "AmazonopensearchserviceDestinationDescription", "AmazonopensearchserviceDestinationUpdate");

    private final String configurationMember;
    private final String descriptionMember;
    private final String updateMember;

    DestinationKind(String configurationMember, String descriptionMember, String updateMember) {
        this.configurationMember = configurationMember;
        this.descriptionMember = descriptionMember;
        this.updateMember = updateMember;
    }

    public String configurationMember() {
        return configurationMember;
    }

    public String descriptionMember() {
        return descriptionMember;
    }

    public String updateMember() {
        return updateMember;
    }
}
