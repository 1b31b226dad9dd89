package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.analytics.EngagementDaily;
import io.digitaltowns.events.analytics.EngagementDailyKey;
import io.digitaltowns.events.analytics.Listings;
import io.digitaltowns.events.analytics.ListingsKey;
import io.digitaltowns.events.analytics.SignupsDaily;
import io.digitaltowns.events.analytics.SignupsDailyKey;
import io.digitaltowns.events.analytics.SubscriptionsDaily;
import io.digitaltowns.events.catalog.Topics;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics group's Kafka Streams topology: domain topics in, the compacted {@code
 * dt.analytics.*} topics out.
 *
 * <p>Every input event first passes {@link FirstDeliveryOnly}, so a redelivered or replayed event
 * counts once; with exactly-once processing the seen ids, the aggregates and the output records
 * commit together. Daily figures are plain sums keyed by (…, UTC day of the event's occurredAt), so
 * a late event lands on its own day whenever it arrives. Listings are a table of businesses grouped
 * by town and category: a change or deletion takes the business's old contribution back.
 * Subscriptions and revenue need running totals: see {@link BillingFigures}.
 */
final class AnalyticsTopology {

  static final String ACCOUNTS_TOPIC = Topics.ACCOUNTS_EVENTS;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;
  static final String BILLING_TOPIC = Topics.BILLING_EVENTS;

  private AnalyticsTopology() {}

  static Topology build(WireFormatSerde avro) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], SpecificRecord> accounts =
        firstDeliveries(builder, avro, ACCOUNTS_TOPIC, "accounts");
    KStream<byte[], SpecificRecord> businesses =
        firstDeliveries(builder, avro, BUSINESSES_TOPIC, "businesses");
    KStream<byte[], SpecificRecord> billing =
        firstDeliveries(builder, avro, BILLING_TOPIC, "billing");
    signups(accounts, avro);
    engagement(businesses, avro);
    listings(businesses, billing, avro);
    subscriptionsAndRevenue(builder, billing, avro);
    return builder.build();
  }

  private static KStream<byte[], SpecificRecord> firstDeliveries(
      StreamsBuilder builder, WireFormatSerde avro, String topic, String name) {
    String seenIds = name + "-event-ids";
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(seenIds), Serdes.String(), Serdes.Long()));
    return builder.stream(
            topic,
            Consumed.<byte[], GenericContainer>with(Serdes.ByteArray(), avro)
                .withName(name + "-events"))
        // event types without a generated class (newer than this build) are not counted
        .filter((key, event) -> event instanceof SpecificRecord, Named.as(name + "-known-types"))
        .mapValues(event -> (SpecificRecord) event, Named.as(name + "-typed"))
        .processValues(
            () -> new FirstDeliveryOnly<>(seenIds), Named.as(name + "-first-deliveries"), seenIds);
  }

  private static void signups(KStream<byte[], SpecificRecord> accounts, WireFormatSerde avro) {
    Serde<SignupsDailyKey> keys = avro.of(SignupsDailyKey.class);
    Serde<SignupsDaily> values = avro.of(SignupsDaily.class);
    accounts
        .filter((key, event) -> SignupFigures.counts(event), Named.as("signup-events"))
        .map((key, event) -> SignupFigures.of(event), Named.as("signups-by-day"))
        .groupByKey(Grouped.with("signups-daily", keys, values))
        .reduce(
            SignupFigures::add,
            Named.as("signups-daily-sum"),
            Materialized.<SignupsDailyKey, SignupsDaily, KeyValueStore<Bytes, byte[]>>as(
                    "signups-daily")
                .withKeySerde(keys)
                .withValueSerde(values))
        .toStream(Named.as("signups-daily-changes"))
        .to(
            AnalyticsCatalog.SIGNUPS_DAILY.name(),
            Produced.with(keys, values).withName("signups-daily-out"));
  }

  private static void engagement(KStream<byte[], SpecificRecord> businesses, WireFormatSerde avro) {
    Serde<EngagementDailyKey> keys = avro.of(EngagementDailyKey.class);
    Serde<EngagementDaily> values = avro.of(EngagementDaily.class);
    businesses
        .filter((key, event) -> EngagementFigures.counts(event), Named.as("engagement-events"))
        .map((key, event) -> EngagementFigures.of(event), Named.as("engagement-by-day"))
        .groupByKey(Grouped.with("engagement-daily", keys, values))
        .reduce(
            EngagementFigures::add,
            Named.as("engagement-daily-sum"),
            Materialized.<EngagementDailyKey, EngagementDaily, KeyValueStore<Bytes, byte[]>>as(
                    "engagement-daily")
                .withKeySerde(keys)
                .withValueSerde(values))
        .toStream(Named.as("engagement-daily-changes"))
        .to(
            AnalyticsCatalog.ENGAGEMENT_DAILY.name(),
            Produced.with(keys, values).withName("engagement-daily-out"));
  }

  private static void listings(
      KStream<byte[], SpecificRecord> businesses,
      KStream<byte[], SpecificRecord> billing,
      WireFormatSerde avro) {
    Serde<ListingChange> changes = new JsonStateSerde<>(ListingChange.class);
    Serde<BusinessListing> listings = new JsonStateSerde<>(BusinessListing.class);
    Serde<ListingsKey> figureKeys = avro.of(ListingsKey.class);
    Serde<Listings> figures = avro.of(Listings.class);
    KStream<String, ListingChange> fromBusinesses =
        businesses
            .mapValues(ListingChange::of, Named.as("listing-changes-of-businesses"))
            .filter((key, change) -> change != null, Named.as("business-listing-changes"))
            .selectKey(
                (key, change) -> change.businessId(), Named.as("business-listing-changes-by-id"));
    KStream<String, ListingChange> fromBilling =
        billing
            .mapValues(ListingChange::of, Named.as("listing-changes-of-billing"))
            .filter((key, change) -> change != null, Named.as("billing-listing-changes"))
            .selectKey(
                (key, change) -> change.businessId(), Named.as("billing-listing-changes-by-id"));
    fromBusinesses
        .merge(fromBilling, Named.as("listing-changes"))
        .groupByKey(Grouped.with("listing-changes", Serdes.String(), changes))
        .aggregate(
            () -> BusinessListing.UNKNOWN,
            (businessId, change, listing) -> listing.apply(change),
            Named.as("business-listings-apply"),
            Materialized.<String, BusinessListing, KeyValueStore<Bytes, byte[]>>as(
                    "business-listings")
                .withKeySerde(Serdes.String())
                .withValueSerde(listings))
        .filter((businessId, listing) -> listing.counts(), Named.as("listings-that-count"))
        .groupBy(
            (businessId, listing) -> ListingFigures.of(listing),
            Grouped.with("listings", figureKeys, figures))
        .reduce(
            ListingFigures::add,
            ListingFigures::subtract,
            Named.as("listings-sum"),
            Materialized.<ListingsKey, Listings, KeyValueStore<Bytes, byte[]>>as("listings")
                .withKeySerde(figureKeys)
                .withValueSerde(figures))
        .toStream(Named.as("listings-changes"))
        .to(
            AnalyticsCatalog.LISTINGS.name(),
            Produced.with(figureKeys, figures).withName("listings-out"));
  }

  private static void subscriptionsAndRevenue(
      StreamsBuilder builder, KStream<byte[], SpecificRecord> billing, WireFormatSerde avro) {
    Serde<SpecificRecord> records = avro.of(SpecificRecord.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BillingFigures.SUBSCRIPTIONS_STORE),
            Serdes.String(),
            new JsonStateSerde<>(SubscriptionFacts.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BillingFigures.DAYS_STORE),
            Serdes.String(),
            new JsonStateSerde<>(DayFigures.class)));
    billing
        // running totals need every billing event in one place; their volume is small
        .selectKey((key, event) -> "billing", Named.as("billing-in-one-place"))
        .repartition(
            Repartitioned.with(Serdes.String(), records)
                .withName("billing-figures")
                .withNumberOfPartitions(1))
        .process(
            BillingFigures::new,
            Named.as("billing-figures"),
            BillingFigures.SUBSCRIPTIONS_STORE,
            BillingFigures.DAYS_STORE)
        .split(Named.as("billing-figures-"))
        .branch(
            (key, value) -> value instanceof SubscriptionsDaily,
            Branched.<SpecificRecord, SpecificRecord>withConsumer(
                    figures ->
                        figures.to(
                            AnalyticsCatalog.SUBSCRIPTIONS_DAILY.name(),
                            Produced.with(records, records).withName("subscriptions-daily-out")))
                .withName("subscriptions"))
        .defaultBranch(
            Branched.<SpecificRecord, SpecificRecord>withConsumer(
                    figures ->
                        figures.to(
                            AnalyticsCatalog.REVENUE_DAILY.name(),
                            Produced.with(records, records).withName("revenue-daily-out")))
                .withName("revenue"));
  }
}
