package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ChatStorageException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates missing tables from their {@link TableDefinition}s, waits until they and their indexes are ACTIVE, and
 * turns on TTL. For local runs and tests; a deployment creates its tables from the template.
 */
final class TableCreation {
    private static final System.Logger LOG = System.getLogger(TableCreation.class.getName());
    /** Polled by hand: the SDK's waiter sleeps about 20 s between checks, far longer than a local table takes. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final DynamoDbClient dynamo;
    private final Duration timeout;

    TableCreation(DynamoDbClient dynamo, Duration timeout) {
        this.dynamo = dynamo;
        this.timeout = timeout;
    }

    void createIfMissing(List<TableDefinition> tables) {
        SdkFailures.translated("create tables", () -> {
            tables.forEach(this::createIfMissing);
            for (TableDefinition table : tables) {
                checkKeys(table, awaitActive(table));
                enableTimeToLive(table);
            }
        });
    }

    private void createIfMissing(TableDefinition table) {
        try {
            dynamo.describeTable(describe -> describe.tableName(table.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                dynamo.createTable(table.createTableRequest());
                LOG.log(Level.INFO, "created DynamoDB table {0}", table.tableName());
            } catch (ResourceInUseException createdMeanwhile) {
                // another process created it first
            }
        }
    }

    private TableDescription awaitActive(TableDefinition table) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableDescription description = dynamo.describeTable(d -> d.tableName(table.tableName())).table();
            boolean indexesActive = !description.hasGlobalSecondaryIndexes() || description.globalSecondaryIndexes()
                    .stream().map(GlobalSecondaryIndexDescription::indexStatus).allMatch(IndexStatus.ACTIVE::equals);
            if (description.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new ChatStorageException("table " + table.tableName() + " not ACTIVE after " + timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ChatStorageException("interrupted while waiting for table " + table.tableName());
            }
        }
    }

    /** A table that exists with other keys would fail on every request; better to say so at start. */
    private static void checkKeys(TableDefinition table, TableDescription description) {
        boolean sameKeys = description.keySchema().equals(table.keySchema());
        Set<String> indexes = description.hasGlobalSecondaryIndexes()
                ? description.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                        .collect(Collectors.toSet())
                : Set.of();
        Set<String> wanted = table.globalIndexes().stream().map(TableDefinition.GlobalIndex::indexName)
                .collect(Collectors.toSet());
        if (!sameKeys || !indexes.containsAll(wanted)) {
            throw new ChatStorageException("table " + table.tableName() + " exists with other keys or indexes than "
                    + "this version needs: " + description.keySchema() + ", indexes " + indexes);
        }
    }

    /** dynalite has no UpdateTimeToLive: there, records simply never expire, which is said once in the log. */
    private void enableTimeToLive(TableDefinition table) {
        if (table.timeToLiveAttribute() == null) {
            return;
        }
        var current = dynamo.describeTimeToLive(d -> d.tableName(table.tableName())).timeToLiveDescription();
        if (current != null && table.timeToLiveAttribute().equals(current.attributeName())
                && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
            return;
        }
        try {
            dynamo.updateTimeToLive(update -> update.tableName(table.tableName())
                    .timeToLiveSpecification(ttl -> ttl.attributeName(table.timeToLiveAttribute()).enabled(true)));
        } catch (DynamoDbException unsupported) {
            if (!"UnknownOperationException".equals(errorCode(unsupported))) {
                throw unsupported;
            }
            LOG.log(Level.WARNING, "this DynamoDB endpoint does not support TTL: records in {0} will not expire",
                    table.tableName());
        }
    }

    private static String errorCode(DynamoDbException failure) {
        return failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
    }
}
