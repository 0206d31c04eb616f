package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DestinationKind;

/** S3DestinationConfiguration (the older S3 destination): the common S3 members only. */
final class PlainS3Rules extends DestinationRules {

    PlainS3Rules() {
        super(DestinationKind.S3);
    }

    @Override
    void check(ObjectNode configuration, String path) {
        require(configuration, path, "RoleARN", "BucketARN");
        S3Rules.configure(configuration, path, ALL_COMPRESSIONS, false);
    }
}
