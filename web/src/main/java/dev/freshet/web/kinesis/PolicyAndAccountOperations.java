package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.AccountSettings;
import dev.freshet.datastreams.kinesis.ResourcePolicies;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * Put/Get/DeleteResourcePolicy and Describe/UpdateAccountSettings on the wire. Thread-safe.
 */
final class PolicyAndAccountOperations {

    private final ResourcePolicies policies;
    private final AccountSettings account;

    PolicyAndAccountOperations(ResourcePolicies policies, AccountSettings account) {
        this.policies = policies;
        this.account = account;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "PutResourcePolicy", (in, out) -> policies.put(Requests.required(in, "ResourceARN"), Requests.required(in, "Policy")),
            "GetResourcePolicy", (in, out) -> out.string("Policy", policies.get(Requests.required(in, "ResourceARN"))),
            "DeleteResourcePolicy", (in, out) -> policies.delete(Requests.required(in, "ResourceARN")),
            "DescribeAccountSettings", (in, out) -> commitment(out, account.describe()),
            "UpdateAccountSettings", (in, out) -> commitment(out, account.update(in.structure("MinimumThroughputBillingCommitment")
                .flatMap(c -> c.string("Status")).orElseThrow())));
    }

    private static void commitment(OutputWriter out, AccountSettings.BillingCommitment commitment) {
        out.startObject("MinimumThroughputBillingCommitment")
            .string("Status", commitment.status())
            .timestamp("StartedAt", commitment.startedAt())
            .timestamp("EndedAt", commitment.endedAt())
            .timestamp("EarliestAllowedEndAt", commitment.earliestAllowedEndAt())
            .endObject();
    }
}
